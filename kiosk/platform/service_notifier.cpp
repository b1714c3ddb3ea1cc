#include "kiosk/platform/service_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

namespace kiosk::platform {

ServiceNotifier::ServiceNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    listening_ = socket && *socket;
    if (listening_)
        watchdog_ = WatchdogTiming(parse_watchdog_usec(std::getenv("WATCHDOG_USEC")));
}

void ServiceNotifier::ready() {
    if (!listening_ || ready_sent_)
        return;
    ready_sent_ = true;
    if (const int sent = sd_notify(0, "READY=1"); sent < 0)
        std::cerr << "kiosk: cannot tell systemd it is ready: " << std::strerror(-sent) << '\n';
}

void ServiceNotifier::keep_alive(Clock::time_point now) {
    if (!watchdog_.due(now))
        return;
    watchdog_.pinged(now);
    // A failed ping is not logged: it would repeat every few seconds, and
    // systemd restarting the kiosk says the same in the journal.
    sd_notify(0, "WATCHDOG=1");
}

}  // namespace kiosk::platform
