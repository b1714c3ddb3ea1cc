#pragma once
// The usage figures as CSV for the municipality: day,metric,key,count, with
// every count below `small_count_limit` written as "<5", because in a small
// library a handful of visits on one day can point to one person.

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/stats/usage_stats.hpp"

namespace kiosk {

inline constexpr std::int64_t small_count_limit = 5;

// "7", or "<5" for a count below the limit.
std::string published_count(std::int64_t count);

// The header line and one line per counter, in the order given.
std::string usage_csv(const std::vector<UsageCount>& counts);

}  // namespace kiosk
