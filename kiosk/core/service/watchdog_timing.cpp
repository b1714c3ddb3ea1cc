#include "kiosk/core/service/watchdog_timing.hpp"

#include <charconv>
#include <cstring>

namespace kiosk {

std::optional<Millis> parse_watchdog_usec(const char* text) {
    if (!text || !*text)
        return std::nullopt;
    unsigned long long usec = 0;
    const char* end = text + std::strlen(text);
    const auto [at, error] = std::from_chars(text, end, usec);
    if (error != std::errc() || at != end || usec < 1000)
        return std::nullopt;
    return Millis(static_cast<Millis::rep>(usec / 1000));
}

bool WatchdogTiming::due(Clock::time_point now) const {
    return period_ && (!last_ || now - *last_ >= interval());
}

Millis WatchdogTiming::until_due(Clock::time_point now) const {
    if (!period_)
        return Millis::max();
    if (!last_)
        return Millis{0};
    const auto left = std::chrono::duration_cast<Millis>(*last_ + interval() - now);
    return left < Millis{0} ? Millis{0} : left;
}

}  // namespace kiosk
