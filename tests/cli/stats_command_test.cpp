// kiosk stats export: the anonymous figures as CSV, small counts suppressed.

#include <catch2/catch.hpp>
#include <string>

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/core/stats/usage_stats.hpp"
#include "tests/support/cli_support.hpp"
#include "tests/support/stats_support.hpp"
#include "tests/support/test_support.hpp"

using kiosk::UsageStats;
using kiosk::VisitSummary;
using test::day1;
using test::day2;
using test::open_stats;
using test::quoted;
using test::run;

namespace {

// Writes `count` visits of `language` so a counter reaches exactly that count.
void record_language(UsageStats& stats, std::int32_t day, const std::string& language, int count) {
    for (int i = 0; i < count; ++i) {
        VisitSummary v;
        v.language = language;
        auto done = stats.record_visit(day, v);
        INFO((done ? "" : done.error()));
        REQUIRE(done);
    }
}

}  // namespace

TEST_CASE("stats export writes the figures of a date range as CSV with small counts suppressed",
          "[stats]") {
    test::TempDir dir;
    const auto path = dir / "stats.db";
    {
        auto stats = open_stats(path);
        record_language(stats, day1, "ar", 4);
        record_language(stats, day1, "nl", 5);
        record_language(stats, day2, "en", 7);
    }
    const auto out =
        run("stats export --stats " + quoted(path) + " --from 2026-11-28 --to 2026-11-28");
    INFO(out.text);
    CHECK(out.status == 0);
    CHECK(out.text ==
          "day,metric,key,count\n"
          "2026-11-28,language,ar,<5\n"
          "2026-11-28,language,nl,5\n"
          "2026-11-28,visit_started,,9\n");

    const auto csv = dir / "figures.csv";
    const auto to_file = run("stats export --stats " + quoted(path) +
                             " --from 2026-11-01 --to 2026-11-30 --csv " + quoted(csv));
    INFO(to_file.text);
    CHECK(to_file.status == 0);
    CHECK(test::read_text(csv) ==
          "day,metric,key,count\n"
          "2026-11-28,language,ar,<5\n"
          "2026-11-28,language,nl,5\n"
          "2026-11-28,visit_started,,9\n"
          "2026-11-29,language,en,7\n"
          "2026-11-29,visit_started,,7\n");
}

TEST_CASE("stats export names a missing file, a bad date and a range that runs backwards",
          "[stats]") {
    test::TempDir dir;
    const auto path = dir / "stats.db";
    { auto stats = open_stats(path); }

    const auto missing = run("stats export --stats " + quoted(dir / "gone.db") +
                             " --from 2026-11-01 --to 2026-11-30");
    CHECK(missing.status == 1);
    CHECK(missing.text.find("gone.db: no such usage figures file") != std::string::npos);

    const auto bad_date =
        run("stats export --stats " + quoted(path) + " --from 2026-13-01 --to 2026-11-30");
    CHECK(bad_date.status == 2);
    CHECK(bad_date.text.find("--from '2026-13-01' is not a date") != std::string::npos);

    const auto backwards =
        run("stats export --stats " + quoted(path) + " --from 2026-12-01 --to 2026-11-30");
    CHECK(backwards.status == 2);
    CHECK(backwards.text.find("--from 2026-12-01 is after --to 2026-11-30") != std::string::npos);

    const auto no_range = run("stats export --stats " + quoted(path));
    CHECK(no_range.status == 2);
    CHECK(no_range.text.find("usage: kiosk stats export") != std::string::npos);

    const auto unknown = run("stats import");
    CHECK(unknown.status == 2);
    CHECK(unknown.text.find("unknown subcommand 'import'") != std::string::npos);
}
