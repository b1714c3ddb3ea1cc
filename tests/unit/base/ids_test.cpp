#include "kiosk/core/base/ids.hpp"

#include <catch2/catch.hpp>

#include "kiosk/core/base/calendar.hpp"

using namespace kiosk;

TEST_CASE("a plain id is lower case letters, digits, '_' and '-', starting with a letter") {
    CHECK(is_plain_id("work_kind"));
    CHECK(is_plain_id("a-1"));
    CHECK_FALSE(is_plain_id(""));
    CHECK_FALSE(is_plain_id("1st"));
    CHECK_FALSE(is_plain_id("Work"));
    CHECK_FALSE(is_plain_id("work kind"));
    CHECK(is_plain_id(std::string(40, 'a')));
    CHECK_FALSE(is_plain_id(std::string(41, 'a')));
}

TEST_CASE("a course id is at most twelve of A-Z, digits and '-', not starting with '-'") {
    CHECK(is_course_id("MT-NT2-A1-D"));
    CHECK_FALSE(is_course_id("mt-nt2"));
    CHECK_FALSE(is_course_id("-NT2"));
    CHECK_FALSE(is_course_id("NT2_A1"));
    CHECK_FALSE(is_course_id("ABCDEFGHIJKLM"));
    CHECK_FALSE(is_course_id(""));
}

TEST_CASE("a pictogram id is at most 32 of a-z, digits and '-'") {
    CHECK(is_pictogram_id("globe"));
    CHECK(is_pictogram_id("3d-printer"));
    CHECK_FALSE(is_pictogram_id("globe_2"));
    CHECK_FALSE(is_pictogram_id(std::string(33, 'a')));
}

TEST_CASE("a language code is two lower case letters") {
    CHECK(is_language_code("nl"));
    CHECK(is_language_code("uk"));
    CHECK_FALSE(is_language_code("NL"));
    CHECK_FALSE(is_language_code("nld"));
    CHECK_FALSE(is_language_code("e1"));
}

TEST_CASE("a start date is a real calendar day written YYYY-MM-DD") {
    CHECK(parse_day("2027-01-15") == days_from_civil(2027, 1, 15));
    CHECK(parse_day("2028-02-29"));
    CHECK_FALSE(parse_day("2027-02-29"));
    CHECK_FALSE(parse_day("2027-1-15"));
    CHECK_FALSE(parse_day("-001-01-01"));
    CHECK_FALSE(parse_day("2027-01-15T10:00"));
}
