#pragma once
// The usage figures as CSV for the municipality: day,metric,key,count, with
// every count below `small_count_limit` written as "<5", because in a small
// library a handful of visits on one day can point to one person.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/stats/usage_stats.hpp"

namespace kiosk {

inline constexpr std::int64_t small_count_limit = 5;

// "7", or "<5" for a count below the limit.
std::string published_count(std::int64_t count);

// The header line and one line per counter, in the order given.
std::string usage_csv(const std::vector<UsageCount>& counts);

// Exact counts for `kiosk stats merge` only, never to publish: the header
// says so with its last column, raw_count, which the published form lacks.
inline constexpr const char* raw_count_column = "raw_count";
std::string raw_usage_csv(const std::vector<UsageCount>& counts);

// Reads a raw export back; every problem as file:line: field: message. A
// published export ("<5" in it) is refused: its small counts are lost.
std::vector<UsageCount> read_raw_usage_csv(std::string_view text, const std::string& file_name,
                                           Issues& issues);

// Sums the counts of the same day, metric and key, sorted by them; "<5" is
// applied afterwards by usage_csv, to the sums.
std::vector<UsageCount> merge_usage_counts(const std::vector<std::vector<UsageCount>>& parts);

}  // namespace kiosk
