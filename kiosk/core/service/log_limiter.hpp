#pragma once
// Keeps a repeated log line from flooding the journal: under a storm of
// input (a child pressing Escape a hundred times, a stuck key) the same line
// would otherwise be written for every event. Each kind of line is written
// at most once per window; the next one written says how many were left out.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "kiosk/core/base/clock.hpp"

namespace kiosk {

class LogLimiter {
  public:
    explicit LogLimiter(Millis window = Millis{60'000}) : window_(window) {}

    struct Decision {
        bool write = false;
        std::int64_t left_out = 0;  // lines of this kind not written since the last one
    };
    Decision allow(std::string_view kind, Clock::time_point now);

  private:
    struct Seen {
        Clock::time_point written;
        std::int64_t left_out = 0;
    };
    Millis window_;
    std::map<std::string, Seen, std::less<>> seen_;
};

}  // namespace kiosk
