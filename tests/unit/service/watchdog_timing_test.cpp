#include "kiosk/core/service/watchdog_timing.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {
const Clock::time_point t0 = Clock::time_point{} + 1000s;
}

TEST_CASE("WATCHDOG_USEC is read as systemd writes it, and anything else means no watchdog") {
    CHECK(parse_watchdog_usec("30000000") == Millis{30000});
    CHECK(parse_watchdog_usec("1500000") == Millis{1500});
    CHECK_FALSE(parse_watchdog_usec(nullptr));
    CHECK_FALSE(parse_watchdog_usec(""));
    CHECK_FALSE(parse_watchdog_usec("0"));
    CHECK_FALSE(parse_watchdog_usec("30s"));
    CHECK_FALSE(parse_watchdog_usec("-5"));
}

TEST_CASE("without a watchdog nothing is ever due and the loop may sleep") {
    const WatchdogTiming none;
    CHECK_FALSE(none.enabled());
    CHECK_FALSE(none.due(t0));
    CHECK(none.until_due(t0) == Millis::max());
}

TEST_CASE("the watchdog is pinged at once and then every third of its period") {
    WatchdogTiming timing(Millis{30000});
    CHECK(timing.due(t0));
    CHECK(timing.until_due(t0) == 0ms);
    timing.pinged(t0);
    CHECK_FALSE(timing.due(t0 + 9999ms));
    CHECK(timing.until_due(t0 + 4s) == 6s);
    CHECK(timing.due(t0 + 10s));
    CHECK(timing.until_due(t0 + 12s) == 0ms);  // late: due at once, never negative
}

TEST_CASE("a loop that sleeps only as long as until_due allows pings within every half period") {
    // An idle loop that wakes for nothing but the watchdog, each wake-up 40 ms late.
    WatchdogTiming timing(Millis{2000});
    Clock::time_point now = t0, last_ping = t0;
    Millis longest{0};
    for (int turn = 0; turn < 100; ++turn) {
        if (timing.due(now)) {
            longest = std::max(longest, std::chrono::duration_cast<Millis>(now - last_ping));
            timing.pinged(now);
            last_ping = now;
        }
        now += timing.until_due(now) + 40ms;
    }
    CHECK(longest <= 1000ms);
    CHECK(longest > 0ms);
}
