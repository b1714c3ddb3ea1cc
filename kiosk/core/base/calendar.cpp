#include "kiosk/core/base/calendar.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace kiosk {

std::optional<std::int32_t> parse_day(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    // Each part must be digits to its end: "2026-1x-2y" is not a date.
    auto whole = [&](std::size_t from, std::size_t to, auto& out) {
        const auto [end, ec] = std::from_chars(iso.data() + from, iso.data() + to, out);
        return ec == std::errc{} && end == iso.data() + to && iso[from] != '-' && iso[from] != '+';
    };
    if (!whole(0, 4, y) || !whole(5, 7, m) || !whole(8, 10, d))
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    if (!ymd.ok())
        return std::nullopt;
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::int32_t local_day(std::time_t t, std::tm* local_out) {
    std::tm local{};
    localtime_r(&t, &local);
    if (local_out)
        *local_out = local;
    return std::chrono::sys_days{
        std::chrono::year_month_day{std::chrono::year{local.tm_year + 1900},
                                    std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                                    std::chrono::day{static_cast<unsigned>(local.tm_mday)}}}
        .time_since_epoch()
        .count();
}

std::string format_day(std::int32_t day) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

std::int32_t days_from_civil(int year, unsigned month, unsigned day) {
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                          std::chrono::day{day}};
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

}  // namespace kiosk
