#include "kiosk/core/stats/usage_csv.hpp"

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/core/io/csv.hpp"

namespace kiosk {

std::string published_count(std::int64_t count) {
    if (count < small_count_limit)
        return "<" + std::to_string(small_count_limit);
    return std::to_string(count);
}

std::string usage_csv(const std::vector<UsageCount>& counts) {
    std::string out = csv_line({"day", "metric", "key", "count"});
    for (const auto& c : counts)
        out += csv_line({format_day(c.day), c.metric, c.key, published_count(c.count)});
    return out;
}

}  // namespace kiosk
