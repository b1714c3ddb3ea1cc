// kiosk stats export: the anonymous usage figures as CSV, small counts
// suppressed, for the municipality's reports. Reads while the kiosk runs.

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/io/atomic_file.hpp"
#include "kiosk/core/matching/match_index.hpp"
#include "kiosk/core/pack/minisign.hpp"
#include "kiosk/core/stats/usage_csv.hpp"
#include "kiosk/core/stats/usage_stats.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage =
    "usage: kiosk stats export --stats FILE.db --from YYYY-MM-DD --to YYYY-MM-DD [--raw] [--csv "
    "FILE]\n"
    "       kiosk stats merge IN.csv [IN.csv ...] [--csv OUT.csv]\n"
    "  counts below 5 are written as <5; --raw writes exact counts (header raw_count), for\n"
    "  merging only; merge sums raw exports of several kiosks, then writes counts below 5\n"
    "  as <5; without --csv the CSV goes to stdout\n";

// To stdout, or atomically to `path`: a spreadsheet watching the file never
// reads half an export.
bool write_csv(const std::optional<std::string>& path, const std::string& csv,
               const char* command) {
    if (!path) {
        std::cout << csv;
        return true;
    }
    if (auto written = write_file_atomically(*path, csv); !written) {
        std::cerr << "kiosk " << command << ": " << written.error() << '\n';
        return false;
    }
    return true;
}

int export_figures(Args& args) {
    const auto stats_path = args.take_option("--stats");
    const auto from_text = args.take_option("--from");
    const auto to_text = args.take_option("--to");
    const auto csv_path = args.take_option("--csv");
    const bool raw = args.take_flag("--raw");
    if (!stats_path || !from_text || !to_text || reject_leftovers(args, "stats export")) {
        std::cerr << usage;
        return 2;
    }
    const auto from = parse_day(*from_text);
    const auto to = parse_day(*to_text);
    if (!from || !to) {
        std::cerr << "kiosk stats export: --" << (from ? "to" : "from") << " '"
                  << (from ? *to_text : *from_text) << "' is not a date like 2026-11-28\n";
        return 2;
    }
    if (*from > *to) {
        std::cerr << "kiosk stats export: --from " << *from_text << " is after --to " << *to_text
                  << '\n';
        return 2;
    }
    auto stats = UsageStats::open_read_only(*stats_path);
    if (!stats) {
        std::cerr << "kiosk stats export: " << stats.error() << '\n';
        return 1;
    }
    auto counts = stats->counts(*from, *to);
    if (!counts) {
        std::cerr << "kiosk stats export: " << counts.error() << '\n';
        return 1;
    }
    const std::string csv = raw ? raw_usage_csv(*counts) : usage_csv(*counts);
    if (!write_csv(csv_path, csv, "stats export"))
        return 1;
    if (!csv_path)
        return 0;
    std::cerr << "kiosk stats export: " << counts->size() << " counters from " << *from_text
              << " to " << *to_text << " written to " << *csv_path << '\n';
    return 0;
}

int merge_figures(Args& args) {
    const auto csv_path = args.take_option("--csv");
    std::vector<std::string> inputs;
    while (auto input = args.take_word())
        inputs.push_back(*input);
    if (inputs.empty() || reject_leftovers(args, "stats merge")) {
        std::cerr << usage;
        return 2;
    }
    Issues issues;
    std::vector<std::vector<UsageCount>> parts;
    for (const auto& input : inputs) {
        auto text = read_whole_file(input);
        if (!text) {
            issues.error(input, 0, "", "cannot be read");
            continue;
        }
        parts.push_back(read_raw_usage_csv(*text, input, issues));
    }
    for (const auto& issue : issues.all())
        std::cerr << format_issue(issue) << '\n';
    if (issues.has_errors()) {
        std::cerr << "kiosk stats merge: nothing was written\n";
        return 1;
    }
    const auto merged = merge_usage_counts(parts);
    if (!write_csv(csv_path, usage_csv(merged), "stats merge"))
        return 1;
    if (csv_path)
        std::cerr << "kiosk stats merge: " << inputs.size() << " exports, " << merged.size()
                  << " counters written to " << *csv_path << '\n';
    return 0;
}

}  // namespace

int stats_command(Args& args) {
    const auto sub = args.take_word();
    if (sub == "export")
        return export_figures(args);
    if (sub == "merge")
        return merge_figures(args);
    if (sub)
        std::cerr << "kiosk stats: unknown subcommand '" << *sub << "'\n";
    std::cerr << usage;
    return 2;
}

}  // namespace kiosk::app
