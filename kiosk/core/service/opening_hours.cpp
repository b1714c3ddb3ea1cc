#include "kiosk/core/service/opening_hours.hpp"

#include <cctype>

namespace kiosk {
namespace {

constexpr int day_seconds = 86400;

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

// "HH:MM" with 00:00 to 24:00; seconds since midnight.
std::optional<int> parse_clock(std::string_view text) {
    text = trim(text);
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    for (const std::size_t i : {0u, 1u, 3u, 4u}) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return std::nullopt;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        return std::nullopt;
    return hours * 3600 + minutes * 60;
}

// Whether the kiosk is open at second `s` of the week (0 = Monday 00:00).
bool open_at_week_second(const OpeningHours& hours, int s) {
    const auto& spans = hours.days[static_cast<std::size_t>(s / day_seconds)];
    const int second = s % day_seconds;
    for (const auto& span : spans) {
        if (second >= span.from && second < span.to)
            return true;
    }
    return false;
}

}  // namespace

std::optional<std::vector<OpenSpan>> parse_day_hours(std::string_view text, std::string& error) {
    std::vector<OpenSpan> spans;
    text = trim(text);
    if (text.empty())
        return spans;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view part = trim(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        const auto dash = part.find('-');
        const auto from =
            dash == std::string_view::npos ? std::nullopt : parse_clock(part.substr(0, dash));
        const auto to =
            dash == std::string_view::npos ? std::nullopt : parse_clock(part.substr(dash + 1));
        if (!from || !to) {
            error =
                "'" + std::string(part) +
                "' is not a time span like \"09:00-17:00\" (several with commas, \"\" for closed)";
            return std::nullopt;
        }
        if (*from >= *to) {
            error = "'" + std::string(part) + "' ends before it begins";
            return std::nullopt;
        }
        if (!spans.empty() && *from < spans.back().to) {
            error = "'" + std::string(part) + "' overlaps or comes before the span before it";
            return std::nullopt;
        }
        spans.push_back({*from, *to});
    }
    return spans;
}

bool is_open(const OpeningHours& hours, WeekTime at) {
    return hours.always_open || open_at_week_second(hours, at.weekday * day_seconds + at.second);
}

std::optional<int> seconds_until_change(const OpeningHours& hours, WeekTime at) {
    if (hours.always_open)
        return std::nullopt;
    const int week = 7 * day_seconds;
    const int start = at.weekday * day_seconds + at.second;
    const bool now_open = open_at_week_second(hours, start);
    // Changes happen only at span edges: look at each edge of the coming week.
    std::optional<int> best;
    for (int day = 0; day < 7; ++day) {
        for (const auto& span : hours.days[static_cast<std::size_t>(day)]) {
            for (const int edge : {span.from, span.to}) {
                const int at_edge = day * day_seconds + edge;
                int ahead = ((at_edge - start) % week + week) % week;
                if (ahead == 0)
                    continue;
                if (open_at_week_second(hours, at_edge % week) != now_open &&
                    (!best || ahead < *best))
                    best = ahead;
            }
        }
    }
    return best;
}

}  // namespace kiosk
