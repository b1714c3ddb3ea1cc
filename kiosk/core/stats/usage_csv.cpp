#include "kiosk/core/stats/usage_csv.hpp"

#include <map>
#include <tuple>

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

std::string raw_usage_csv(const std::vector<UsageCount>& counts) {
    std::string out = csv_line({"day", "metric", "key", raw_count_column});
    for (const auto& c : counts)
        out += csv_line({format_day(c.day), c.metric, c.key, std::to_string(c.count)});
    return out;
}

std::vector<UsageCount> read_raw_usage_csv(std::string_view text, const std::string& file_name,
                                           Issues& issues) {
    std::vector<UsageCount> counts;
    const CsvTable table = parse_csv(text, file_name, issues);
    const std::vector<std::string> raw_header{"day", "metric", "key", raw_count_column};
    if (table.header != raw_header) {
        const bool published =
            table.header == std::vector<std::string>{"day", "metric", "key", "count"};
        issues.error(file_name, 1, "",
                     published ? "is a published export (counts below 5 as <5, lost); merge "
                                 "needs exports made with kiosk stats export --raw"
                               : "is not a raw usage export (header day,metric,key,raw_count)");
        return counts;
    }
    for (const auto& record : table.records) {
        if (record.fields.size() != 4)
            continue;  // parse_csv has said so
        UsageCount c;
        const auto day = parse_day(record.fields[0]);
        if (!day) {
            issues.error(file_name, record.line, "day",
                         "'" + record.fields[0] + "' is not a date like 2026-11-28");
            continue;
        }
        c.day = *day;
        c.metric = record.fields[1];
        c.key = record.fields[2];
        const std::string& count = record.fields[3];
        if (count.empty() || count.size() > 15 ||
            count.find_first_not_of("0123456789") != std::string::npos) {
            issues.error(
                file_name, record.line, raw_count_column,
                "'" + count + "' is not a whole number" +
                    (count.starts_with("<") ? " (a published count; use --raw exports)" : ""));
            continue;
        }
        c.count = std::stoll(count);
        counts.push_back(std::move(c));
    }
    return counts;
}

std::vector<UsageCount> merge_usage_counts(const std::vector<std::vector<UsageCount>>& parts) {
    std::map<std::tuple<std::int32_t, std::string, std::string>, std::int64_t> sums;
    for (const auto& part : parts) {
        for (const auto& c : part)
            sums[{c.day, c.metric, c.key}] += c.count;
    }
    std::vector<UsageCount> merged;
    merged.reserve(sums.size());
    for (const auto& [at, count] : sums)
        merged.push_back({std::get<0>(at), std::get<1>(at), std::get<2>(at), count});
    return merged;
}

}  // namespace kiosk
