#pragma once
// The kiosk's one clock and its units. Everything that waits or times out
// takes `now` as a parameter, so tests drive it with a fake clock.

#include <chrono>

namespace kiosk {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::seconds;
using Millis = std::chrono::milliseconds;

}  // namespace kiosk
