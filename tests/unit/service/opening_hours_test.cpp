#include "kiosk/core/service/opening_hours.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

constexpr int hour = 3600;

// Monday to Friday 09:00-12:30 and 13:00-17:00, Saturday 10:00-14:00, Sunday closed.
OpeningHours library() {
    OpeningHours hours;
    hours.always_open = false;
    std::string error;
    for (int day = 0; day < 5; ++day)
        hours.days[static_cast<std::size_t>(day)] =
            *parse_day_hours("09:00-12:30, 13:00-17:00", error);
    hours.days[5] = *parse_day_hours("10:00-14:00", error);
    return hours;
}

}  // namespace

TEST_CASE("opening hours are read as spans, and malformed ones say why") {
    std::string error;
    CHECK(parse_day_hours("09:00-17:00", error) == std::vector<OpenSpan>{{9 * hour, 17 * hour}});
    CHECK(parse_day_hours("", error) == std::vector<OpenSpan>{});
    CHECK(parse_day_hours(" 08:30 - 12:00 ,13:00-24:00", error) ==
          std::vector<OpenSpan>{{8 * hour + 1800, 12 * hour}, {13 * hour, 24 * hour}});
    CHECK_FALSE(parse_day_hours("9-17", error));
    CHECK(error.find("is not a time span like") != std::string::npos);
    CHECK_FALSE(parse_day_hours("17:00-09:00", error));
    CHECK(error.find("ends before it begins") != std::string::npos);
    CHECK_FALSE(parse_day_hours("09:00-13:00, 12:00-17:00", error));
    CHECK(error.find("overlaps") != std::string::npos);
    CHECK_FALSE(parse_day_hours("09:00-25:00", error));
}

TEST_CASE("the kiosk is open within the spans, dark at lunch, at night and on a closed day") {
    const OpeningHours hours = library();
    CHECK_FALSE(is_open(hours, {0, 8 * hour + 3599}));
    CHECK(is_open(hours, {0, 9 * hour}));
    CHECK_FALSE(is_open(hours, {0, 12 * hour + 1800}));  // lunch
    CHECK(is_open(hours, {2, 16 * hour + 3599}));
    CHECK_FALSE(is_open(hours, {2, 17 * hour}));  // the closing minute is closed
    CHECK(is_open(hours, {5, 11 * hour}));
    CHECK_FALSE(is_open(hours, {6, 11 * hour}));  // Sunday
}

TEST_CASE("the dark kiosk knows when it opens next, across the night and the weekend") {
    const OpeningHours hours = library();
    CHECK(seconds_until_change(hours, {0, 8 * hour}) == hour);              // opens at 09:00
    CHECK(seconds_until_change(hours, {0, 12 * hour + 1800}) == 1800);      // after lunch
    CHECK(seconds_until_change(hours, {0, 10 * hour}) == 2 * hour + 1800);  // closes for lunch
    CHECK(seconds_until_change(hours, {4, 18 * hour}) ==
          16 * hour);  // Friday night to Saturday 10:00
    // Saturday 14:00 to Monday 09:00.
    CHECK(seconds_until_change(hours, {5, 14 * hour}) == 10 * hour + 24 * hour + 9 * hour);
}

TEST_CASE("without opening hours the kiosk is always open and never changes") {
    const OpeningHours always;
    CHECK(is_open(always, {6, 3 * hour}));
    CHECK_FALSE(seconds_until_change(always, {6, 3 * hour}));
}

TEST_CASE("a kiosk open around the clock on one day stays open over midnight into the next") {
    OpeningHours hours;
    hours.always_open = false;
    std::string error;
    hours.days[0] = *parse_day_hours("00:00-24:00", error);
    hours.days[1] = *parse_day_hours("00:00-12:00", error);
    CHECK(is_open(hours, {0, 23 * hour}));
    CHECK(seconds_until_change(hours, {0, 23 * hour}) == hour + 12 * hour);  // Tuesday noon
}
