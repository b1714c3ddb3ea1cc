#pragma once
// When the main loop tells systemd's watchdog it is alive. systemd restarts
// the service when no WATCHDOG=1 arrives within WatchdogSec; pinging every
// third of it keeps a ping within every half period even when a frame or a
// wake-up runs late, and the loop wakes for it when nothing else happens.
// A pure value driven by the caller's clock, so tests use a fake one.

#include <optional>
#include <string_view>

#include "kiosk/core/base/clock.hpp"

namespace kiosk {

// WATCHDOG_USEC as systemd sets it (microseconds, a positive whole number);
// nothing when it is missing, zero or not a number: no watchdog.
std::optional<Millis> parse_watchdog_usec(const char* text);

class WatchdogTiming {
  public:
    WatchdogTiming() = default;  // no watchdog: never due
    explicit WatchdogTiming(std::optional<Millis> period) : period_(period) {}

    bool enabled() const { return period_.has_value(); }
    Millis interval() const { return period_ ? *period_ / 3 : Millis::max(); }
    // True when a ping is due (at once, before the first one).
    bool due(Clock::time_point now) const;
    // How long the loop may sleep before the next ping is due; Millis::max()
    // without a watchdog.
    Millis until_due(Clock::time_point now) const;
    void pinged(Clock::time_point now) { last_ = now; }

  private:
    std::optional<Millis> period_;
    std::optional<Clock::time_point> last_;
};

}  // namespace kiosk
