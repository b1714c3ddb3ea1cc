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

TEST_CASE("stats export --raw writes exact counts under a raw_count header", "[stats]") {
    test::TempDir dir;
    const auto path = dir / "stats.db";
    {
        auto stats = open_stats(path);
        record_language(stats, day1, "ar", 3);
    }
    const auto out =
        run("stats export --stats " + quoted(path) + " --from 2026-11-28 --to 2026-11-28 --raw");
    INFO(out.text);
    CHECK(out.status == 0);
    CHECK(out.text ==
          "day,metric,key,raw_count\n"
          "2026-11-28,language,ar,3\n"
          "2026-11-28,visit_started,,3\n");
}

TEST_CASE("stats merge sums the raw exports of several kiosks, then writes counts below 5 as <5",
          "[stats]") {
    test::TempDir dir;
    // Two small kiosks: 3 and 4 Arabic visits each are "<5" alone, 7 together;
    // 2 and 1 Turkish stay below 5 together.
    const auto a = dir / "a.db";
    const auto b = dir / "b.db";
    {
        auto stats = open_stats(a);
        record_language(stats, day1, "ar", 3);
        record_language(stats, day1, "tr", 2);
    }
    {
        auto stats = open_stats(b);
        record_language(stats, day1, "ar", 4);
        record_language(stats, day1, "tr", 1);
        record_language(stats, day2, "nl", 6);
    }
    for (const auto& [db, csv] : {std::pair{a, dir / "a.csv"}, std::pair{b, dir / "b.csv"}}) {
        const auto out = run("stats export --stats " + quoted(db) +
                             " --from 2026-11-01 --to 2026-11-30 --raw --csv " + quoted(csv));
        INFO(out.text);
        REQUIRE(out.status == 0);
    }
    const auto merged = dir / "fleet.csv";
    const auto out = run("stats merge " + quoted(dir / "a.csv") + " " + quoted(dir / "b.csv") +
                         " --csv " + quoted(merged));
    INFO(out.text);
    CHECK(out.status == 0);
    CHECK(test::read_text(merged) ==
          "day,metric,key,count\n"
          "2026-11-28,language,ar,7\n"
          "2026-11-28,language,tr,<5\n"
          "2026-11-28,visit_started,,10\n"
          "2026-11-29,language,nl,6\n"
          "2026-11-29,visit_started,,6\n");
}

TEST_CASE("stats merge refuses a published export and a wrong count, naming file and line",
          "[stats]") {
    test::TempDir dir;
    test::write_text(dir / "published.csv", "day,metric,key,count\n2026-11-28,language,ar,<5\n");
    test::write_text(
        dir / "bad.csv",
        "day,metric,key,raw_count\n2026-11-28,language,ar,3\n2026-11-28,language,tr,x\n");
    const auto out = run("stats merge " + quoted(dir / "published.csv") + " " +
                         quoted(dir / "bad.csv") + " --csv " + quoted(dir / "out.csv"));
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(out.text.find((dir / "published.csv").string() + ":1: ") != std::string::npos);
    CHECK(out.text.find("--raw") != std::string::npos);
    CHECK(out.text.find((dir / "bad.csv").string() + ":3: raw_count: 'x'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "out.csv"));
    CHECK(run("stats merge --csv x.csv").status == 2);
}
