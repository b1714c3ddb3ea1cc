// kiosk stats export: the anonymous usage figures as CSV, small counts
// suppressed, for the municipality's reports. Reads while the kiosk runs.

#include <iostream>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/io/atomic_file.hpp"
#include "kiosk/core/matching/match_index.hpp"
#include "kiosk/core/stats/usage_csv.hpp"
#include "kiosk/core/stats/usage_stats.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage =
    "usage: kiosk stats export --stats FILE.db --from YYYY-MM-DD --to YYYY-MM-DD [--csv FILE]\n"
    "  counts below 5 are written as <5; without --csv the CSV goes to stdout\n";

int export_figures(Args& args) {
    const auto stats_path = args.take_option("--stats");
    const auto from_text = args.take_option("--from");
    const auto to_text = args.take_option("--to");
    const auto csv_path = args.take_option("--csv");
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
    const std::string csv = usage_csv(*counts);
    if (!csv_path) {
        std::cout << csv;
        return 0;
    }
    // Atomic: a spreadsheet watching the file never reads half an export.
    if (auto written = write_file_atomically(*csv_path, csv); !written) {
        std::cerr << "kiosk stats export: " << written.error() << '\n';
        return 1;
    }
    std::cerr << "kiosk stats export: " << counts->size() << " counters from " << *from_text
              << " to " << *to_text << " written to " << *csv_path << '\n';
    return 0;
}

}  // namespace

int stats_command(Args& args) {
    const auto sub = args.take_word();
    if (sub == "export")
        return export_figures(args);
    if (sub)
        std::cerr << "kiosk stats: unknown subcommand '" << *sub << "'\n";
    std::cerr << usage;
    return 2;
}

}  // namespace kiosk::app
