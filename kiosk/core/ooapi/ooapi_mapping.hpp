#pragma once
// How the values of the Dutch Open Education API (OOAPI v5) translate into the
// words of our courses.csv. Each choice is one small pure function with its
// table in ooapi_mapping.cpp, so a region can see (and argue about) every one.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "kiosk/core/content/course.hpp"

namespace kiosk::ooapi {

// "nl-NL", "nl", "nld", "dut" -> "nl"; "en-GB", "eng" -> "en". nullopt for a tag
// whose language has no two-letter code in our table.
std::optional<std::string> language_code(std::string_view tag);

// OOAPI `level` -> our level. "secondary vocational education 1".."4" -> mbo1..mbo4,
// "associate degree" -> ad, "bachelor" -> hbo, "master"/"doctoral"/"undivided" -> wo,
// "undefined" and the NT2 levels ("nt2-1", ...) -> none. nullopt when unknown, and
// for plain "secondary vocational education", which does not say which mbo level.
std::optional<Level> course_level(std::string_view ooapi_level);
bool is_nt2_level(std::string_view ooapi_level);

// Education needed to start, where OOAPI says nothing: mbo1 -> none, mbo2..mbo4 -> vmbo,
// ad/hbo -> mbo4, wo -> vwo.
Education entry_level_for(Level level);
// Dutch needed to follow, where OOAPI says nothing: taught in Dutch -> B1 from mbo2 up,
// A2 below; a course that teaches Dutch (NT2, ISCED 0231) asks none; other languages none.
DutchLevel dutch_level_for(Level level, bool taught_in_dutch, bool teaches_language);

// One `modeOfDelivery` value -> our mode: "online", "distance-learning" -> online;
// "on campus", "oncampus", "situated" -> onsite; "hybrid", "blended" -> blended.
std::optional<Mode> delivery_mode(std::string_view value);
// Several values together: onsite with online is blended.
Mode combine_modes(Mode a, Mode b);

// ISCED-F 2013 field of study (2, 3 or 4 digits) -> sector id, the most specific
// code first: 0713 -> installation_energy before 07 -> technology.
std::optional<std::string_view> sector_for_field(std::string_view isced);

// ISO 8601 duration ("P10W", "P6M", "P1Y2M", "P45D") -> whole weeks, at least 1.
// A month counts 4.35 weeks, a year 52.18. nullopt when malformed or zero; more
// than 100000 weeks counts as 100000 (the caller checks the range).
std::optional<int> duration_weeks(std::string_view iso);

// `studyLoad` -> hours in total. "hour", "contacttime", "sbu" count hours;
// "ects" and "sp" count 28 hours each. nullopt for other units, and for a value that
// is not a finite number > 0.
std::optional<double> study_load_hours(std::string_view unit, double value);

// "2027-01-11" (or a date-time starting with it) -> "2027-01-11"; nullopt when it is
// not a real calendar date. Read with kiosk::parse_day, as the matcher reads dates.
std::optional<std::string> iso_date(std::string_view text);
// Days from one ISO date to another (both already checked by iso_date).
int days_between(std::string_view from, std::string_view to);

// Times of day named in a text ("avond", "evening", "zaterdag", "weekend", ...), as
// ScheduleBit flags; 0 when none are named.
std::uint8_t schedule_in_words(std::string_view text);
// "day", "evening", "weekend" -> its ScheduleBit; 0 for other words.
std::uint8_t schedule_bit(std::string_view id);

// "6221AB", "6221 ab" -> "6221 AB"; nullopt when it is not a Dutch postcode.
std::optional<std::string> dutch_postcode(std::string_view text);

// A price as OOAPI writes it ("350", "12.50"); nullopt when it is not a finite
// number >= 0. It may be absurdly large ("1e300"): the caller checks the range.
std::optional<double> parse_amount(std::string_view text);

// `value` rounded to `decimals`, without trailing zeros: 15.5 -> "15.5", 120 -> "120".
// nullopt when it is not finite or has too many digits to write (1e300).
std::optional<std::string> format_number(double value, int decimals);

// Our course id (1-12 characters A-Z, 0-9, '-') for an OOAPI code: upper case;
// '_', '.', '/' and spaces become '-'; other characters are dropped. Ids that are too
// long, empty or already in `taken` become the first characters plus '-' and a
// four-character hash of the code, so the same catalogue always gives the same ids.
std::string course_id(std::string_view code, const std::set<std::string>& taken);

// Four characters A-Z0-9, the same for the same text on every machine.
std::string short_hash(std::string_view text);

}  // namespace kiosk::ooapi
