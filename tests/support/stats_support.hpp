#pragma once
// Reading a figures file back in tests: every metric's total over some days.

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/core/stats/usage_stats.hpp"

namespace test {

// Two days of figures, one after the other.
inline const std::int32_t day1 = kiosk::days_from_civil(2026, 11, 28);
inline const std::int32_t day2 = kiosk::days_from_civil(2026, 11, 29);

// A figures file opened (made if new) for writing, as the kiosk opens it.
inline kiosk::UsageStats open_stats(const std::filesystem::path& path) {
    auto stats = kiosk::UsageStats::open(path.string());
    INFO((stats ? "" : stats.error()));
    REQUIRE(stats);
    return std::move(stats).value();
}

// metric word -> sum of its counters from `from_day` to `to_day`, read the way
// an export reads a file the kiosk may still be writing.
inline std::map<std::string, std::int64_t> metric_totals(const std::string& path,
                                                         std::int32_t from_day,
                                                         std::int32_t to_day) {
    auto stats = kiosk::UsageStats::open_read_only(path);
    INFO((stats ? "" : stats.error()));
    REQUIRE(stats);
    auto rows = stats->counts(from_day, to_day);
    INFO((rows ? "" : rows.error()));
    REQUIRE(rows);
    std::map<std::string, std::int64_t> totals;
    for (const auto& r : *rows)
        totals[r.metric] += r.count;
    return totals;
}

}  // namespace test
