#pragma once
// When the kiosk serves visitors. Outside the configured hours the screen goes
// dark and nothing is drawn (cage 0.1.4 cannot switch the display off: it has
// no output power management), until the next opening. Pure functions of the
// local weekday and time, so tests need no clock.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct OpenSpan {
    int from = 0, to = 0;  // seconds since local midnight, from < to <= 86400
    bool operator==(const OpenSpan&) const = default;
};

// Local time as the policy sees it.
struct WeekTime {
    int weekday = 0;  // 0 Monday ... 6 Sunday
    int second = 0;   // of the day, 0 ... 86399
};

struct OpeningHours {
    bool always_open = true;                    // no [hours] in the configuration
    std::array<std::vector<OpenSpan>, 7> days;  // Monday first; empty: closed that day
};

// "09:00-12:30, 13:00-17:00" (or "" for closed) as spans in order; an
// error message instead when the text is not that.
std::optional<std::vector<OpenSpan>> parse_day_hours(std::string_view text, std::string& error);

bool is_open(const OpeningHours& hours, WeekTime at);

// Seconds from `at` until the kiosk next opens or closes; nothing when it
// never changes (always open, or never open).
std::optional<int> seconds_until_change(const OpeningHours& hours, WeekTime at);

// The weekday keys of the configuration, Monday first.
inline constexpr std::array<const char*, 7> weekday_keys = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace kiosk
