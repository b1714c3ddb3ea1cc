#pragma once
// Calendar days as plain numbers (days since 1970-01-01), the unit of start
// dates in the pack, the matcher and the usage figures.

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Days since 1970-01-01 of an ISO date "2027-01-15"; nullopt when malformed.
std::optional<std::int32_t> parse_day(std::string_view iso_date);
std::string format_day(std::int32_t day);
// The calendar day of `t` on this machine's clock (the kiosk's own time zone).
std::int32_t local_day(std::time_t t, std::tm* local = nullptr);

// Whole days since 1970-01-01 for a calendar date.
std::int32_t days_from_civil(int year, unsigned month, unsigned day);

}  // namespace kiosk
