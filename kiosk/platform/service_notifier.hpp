#pragma once
// Tells systemd how the kiosk is (sd_notify): READY=1 once the first frame is
// on screen, WATCHDOG=1 while the main loop turns. Under cage the kiosk is the
// compositor's child, so the unit has NotifyAccess=all and the kiosk reads
// WATCHDOG_USEC itself: sd_watchdog_enabled() says no in a child, because
// WATCHDOG_PID names cage (systemd#25961). Outside a systemd unit (no
// NOTIFY_SOCKET) every call does nothing.

#include "kiosk/core/base/clock.hpp"
#include "kiosk/core/service/watchdog_timing.hpp"

namespace kiosk::platform {

class ServiceNotifier {
  public:
    // Reads NOTIFY_SOCKET and WATCHDOG_USEC from the environment.
    ServiceNotifier();

    // Whether systemd listens at all (NOTIFY_SOCKET is set).
    bool listening() const { return listening_; }
    const WatchdogTiming& watchdog() const { return watchdog_; }

    // READY=1, the first time only.
    void ready();
    // WATCHDOG=1 when one is due; call from the main loop's every turn and
    // nowhere else, so that a loop stuck anywhere stops the pings.
    void keep_alive(Clock::time_point now);

  private:
    bool listening_ = false;
    bool ready_sent_ = false;
    WatchdogTiming watchdog_;
};

}  // namespace kiosk::platform
