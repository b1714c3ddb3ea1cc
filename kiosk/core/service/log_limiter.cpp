#include "kiosk/core/service/log_limiter.hpp"

namespace kiosk {

LogLimiter::Decision LogLimiter::allow(std::string_view kind, Clock::time_point now) {
    auto it = seen_.find(kind);
    if (it == seen_.end()) {
        seen_.emplace(std::string(kind), Seen{now, 0});
        return {true, 0};
    }
    Seen& seen = it->second;
    if (now - seen.written < window_) {
        ++seen.left_out;
        return {false, 0};
    }
    const Decision decision{true, seen.left_out};
    seen = Seen{now, 0};
    return decision;
}

}  // namespace kiosk
