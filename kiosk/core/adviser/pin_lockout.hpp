#pragma once
// Locks the adviser keypad after repeated wrong PINs. The kiosk stands in a
// public hall: a visitor who finds the hidden corner could otherwise try PINs
// until one works (10 000 for four digits, a few seconds each by hand, an
// afternoon). Five tries, then a wait that grows with every round (30 s,
// 1 min, 2 min, 5 min, then 15 min each time) turns that into weeks, while an
// adviser who mistypes loses only half a minute. A right PIN forgets it all.
//
// Pure: the caller passes the time, so tests drive it with a fake clock. It
// lives in memory only; the visitor cannot restart the kiosk to clear it.

#include "kiosk/core/base/clock.hpp"

namespace kiosk {

class PinLockout {
  public:
    static constexpr int tries_per_round = 5;

    bool locked(Clock::time_point now) const { return now < locked_until_; }
    // Time left on the lock, rounded up; zero when not locked.
    Millis locked_for(Clock::time_point now) const;
    // Tries before the next lock; all of them again once a lock has started.
    int tries_left() const { return tries_per_round - wrong_in_round_; }

    // A wrong PIN. Ignored while locked: the keypad takes no PIN then.
    void wrong(Clock::time_point now);
    void right();

  private:
    int wrong_in_round_ = 0;
    int rounds_locked_ = 0;  // how many locks so far: picks the next wait
    Clock::time_point locked_until_{};
};

// The wait after the n-th lock (1-based): 30 s, 60 s, 2 min, 5 min, then 15 min.
Seconds pin_lock_duration(int lock_number);

}  // namespace kiosk
