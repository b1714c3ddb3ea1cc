// The adviser's PIN: kept only as a salted Argon2id hash, and a keypad that
// locks after repeated wrong tries.

#include "kiosk/core/adviser/adviser_pin.hpp"

#include <catch2/catch.hpp>
#include <thread>

#include "kiosk/core/adviser/pin_lockout.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

Clock::time_point at(Seconds s) {
    return Clock::time_point{} + Seconds{1000} + s;
}

void wrong_times(PinLockout& lockout, int times, Clock::time_point now) {
    for (int i = 0; i < times; ++i)
        lockout.wrong(now);
}

}  // namespace

TEST_CASE("a hashed PIN verifies, a wrong one does not, and each hash has its own salt", "[pin]") {
    const auto first = hash_pin("2468");
    REQUIRE(first.ok());
    CHECK(first->starts_with("$argon2id$v=19$"));
    CHECK(first->find("2468") == std::string::npos);
    CHECK(verify_pin(*first, "2468"));
    CHECK_FALSE(verify_pin(*first, "2469"));

    const auto second = hash_pin("2468");
    REQUIRE(second.ok());
    CHECK(*second != *first);
    CHECK(verify_pin(*second, "2468"));
    CHECK(pin_hash_quality(*first) == PinHashQuality::ok);
}

TEST_CASE("a PIN is 4 to 8 digits and nothing else", "[pin]") {
    CHECK_FALSE(pin_rule_problem("1234").has_value());
    CHECK_FALSE(pin_rule_problem("12345678").has_value());
    for (const char* bad : {"", "123", "123456789"}) {
        INFO(bad);
        const auto hashed = hash_pin(bad);
        REQUIRE_FALSE(hashed.ok());
        CHECK(hashed.error().find("4 to 8 digits") != std::string::npos);
    }
    for (const char* bad : {"12a4", "12 34", "-1234", "１２３４", "1234\n"}) {
        INFO(bad);
        const auto hashed = hash_pin(bad);
        REQUIRE_FALSE(hashed.ok());
        CHECK(hashed.error().find("digits only") != std::string::npos);
    }
}

TEST_CASE("a PIN is not accepted against a hash that is not an Argon2id string", "[pin]") {
    CHECK_FALSE(verify_pin("", "2468"));
    CHECK_FALSE(verify_pin("2468", "2468"));
    CHECK_FALSE(verify_pin("$argon2id$v=19$m=262144,t=3,p=1$AOWtH6SOFSVvZiKP80ssdw", "2468"));
    CHECK(pin_hash_quality("2468") == PinHashQuality::not_argon2id);
    CHECK(pin_hash_quality("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA") ==
          PinHashQuality::not_argon2id);
    CHECK(pin_hash_quality("$argon2id$v=19$m=262144,t=3,p=1$AOWtH6SOFSVvZiKP80ssdw") ==
          PinHashQuality::malformed);
    CHECK(pin_hash_quality("$argon2id$v=19$m=262144,t=3,p=1$dgN8py3aQyarQYNMWG5omA$"
                           "93Oax4jMnT903FSQO9AWF44LX/VRutMQy4kbK/lLzT8") ==
          PinHashQuality::other_settings);
}

TEST_CASE("a PIN check runs beside the UI and gives the same answer as verify_pin", "[pin]") {
    // Made by `kiosk adviser-pin` for 2468.
    const std::string hash =
        "$argon2id$v=19$m=65536,t=2,p=1$eFIhitjycZ5Y1OrPZKrViA$"
        "3npWQxqJBnvqa2/xwO0TEyNEmXZMZs9kP8BQ7EYqPuY";
    PinCheck right(hash, "2468");
    PinCheck wrong(hash, "8642");
    auto finish = [](PinCheck& check) {
        std::optional<bool> result;
        while (!(result = check.result()))
            std::this_thread::sleep_for(10ms);
        return *result;
    };
    CHECK(finish(right));
    CHECK_FALSE(finish(wrong));
    CHECK(right.result() == true);  // asked again: the same answer, not a second check
}

TEST_CASE("four wrong PINs leave the keypad open; the fifth locks it for 30 seconds", "[pin]") {
    PinLockout lockout;
    wrong_times(lockout, 4, at(0s));
    CHECK_FALSE(lockout.locked(at(0s)));
    CHECK(lockout.locked_for(at(0s)) == Millis{0});
    CHECK(lockout.tries_left() == 1);

    lockout.wrong(at(5s));
    CHECK(lockout.locked(at(5s)));
    CHECK(lockout.locked_for(at(5s)) == Millis{30000});
    CHECK(lockout.locked_for(at(20s)) == Millis{15000});
    CHECK(lockout.locked(at(34s)));
    CHECK_FALSE(lockout.locked(at(35s)));
    CHECK(lockout.locked_for(at(35s)) == Millis{0});
    CHECK(lockout.tries_left() == 5);
}

TEST_CASE("wrong PINs while the keypad is locked count for nothing", "[pin]") {
    PinLockout lockout;
    wrong_times(lockout, 5, at(0s));
    wrong_times(lockout, 20, at(10s));
    CHECK_FALSE(lockout.locked(at(30s)));
    CHECK(lockout.tries_left() == 5);
}

TEST_CASE("each further round of five wrong PINs locks longer, up to 15 minutes", "[pin]") {
    PinLockout lockout;
    auto now = at(0s);
    const Seconds expected[] = {30s, 60s, 120s, 300s, 900s, 900s, 900s};
    for (const Seconds wait : expected) {
        INFO(wait.count());
        wrong_times(lockout, 4, now);
        CHECK_FALSE(lockout.locked(now));
        lockout.wrong(now);
        CHECK(lockout.locked_for(now) == wait);
        CHECK(lockout.locked(now + wait - 1ms));
        now += wait;
        CHECK_FALSE(lockout.locked(now));
    }
    CHECK(pin_lock_duration(1) == 30s);
    CHECK(pin_lock_duration(2) == 60s);
    CHECK(pin_lock_duration(40) == 900s);
}

TEST_CASE("a right PIN forgets the wrong ones and the growing wait", "[pin]") {
    PinLockout lockout;
    wrong_times(lockout, 5, at(0s));
    wrong_times(lockout, 3, at(30s));
    lockout.right();
    CHECK(lockout.tries_left() == 5);
    wrong_times(lockout, 4, at(40s));
    CHECK_FALSE(lockout.locked(at(40s)));
    lockout.wrong(at(40s));
    // The first lock again, not the second.
    CHECK(lockout.locked_for(at(40s)) == Millis{30000});
}
