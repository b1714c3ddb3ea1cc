#include "kiosk/core/service/log_limiter.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;

TEST_CASE("a storm of the same log line writes one a minute and counts the rest") {
    LogLimiter limiter;
    const Clock::time_point t0 = Clock::time_point{} + 1000s;
    int written = 0;
    for (int i = 0; i < 1000; ++i) {  // a thousand Escapes in ten seconds
        if (limiter.allow("Escape", t0 + i * 10ms).write)
            ++written;
    }
    CHECK(written == 1);
    const auto next = limiter.allow("Escape", t0 + 61s);
    CHECK(next.write);
    CHECK(next.left_out == 999);
    CHECK_FALSE(limiter.allow("Escape", t0 + 62s).write);
}

TEST_CASE("each kind of line has its own limit") {
    LogLimiter limiter(Millis{1000});
    const Clock::time_point t0 = Clock::time_point{} + 1000s;
    CHECK(limiter.allow("Escape", t0).write);
    CHECK(limiter.allow("Alt+F4", t0).write);
    CHECK_FALSE(limiter.allow("Escape", t0 + 500ms).write);
    const auto later = limiter.allow("Escape", t0 + 1s);
    CHECK(later.write);
    CHECK(later.left_out == 1);
}
