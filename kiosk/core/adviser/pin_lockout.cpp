#include "kiosk/core/adviser/pin_lockout.hpp"

#include <algorithm>
#include <array>

namespace kiosk {

Seconds pin_lock_duration(int lock_number) {
    constexpr std::array<Seconds, 5> waits{Seconds{30}, Seconds{60}, Seconds{120}, Seconds{300},
                                           Seconds{900}};
    const int index = std::clamp(lock_number, 1, static_cast<int>(waits.size())) - 1;
    return waits[static_cast<std::size_t>(index)];
}

Millis PinLockout::locked_for(Clock::time_point now) const {
    if (!locked(now))
        return Millis{0};
    return std::chrono::ceil<Millis>(locked_until_ - now);
}

void PinLockout::wrong(Clock::time_point now) {
    if (locked(now))
        return;
    if (++wrong_in_round_ < tries_per_round)
        return;
    wrong_in_round_ = 0;
    locked_until_ = now + pin_lock_duration(++rounds_locked_);
}

void PinLockout::right() {
    *this = PinLockout{};
}

}  // namespace kiosk
