// The anonymous usage figures: what a visit adds, that nothing but day
// counters ever lands in the file, and the export with small counts suppressed.

#include "kiosk/core/stats/usage_stats.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <regex>

#include "kiosk/core/io/sqlite.hpp"
#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/stats/usage_csv.hpp"
#include "tests/support/stats_support.hpp"
#include "tests/support/test_support.hpp"

using kiosk::PrinterFault;
using kiosk::ReceiptChoice;
using kiosk::UsageCount;
using kiosk::UsageStats;
using kiosk::VisitSummary;
using test::day1;
using test::day2;
using test::open_stats;

namespace {

VisitSummary finished_visit() {
    VisitSummary v;
    v.language = "ar";
    v.reached_results = true;
    v.receipt = ReceiptChoice::print;
    v.answers = {{"situation", "job_seeking"}, {"goal", "dutch"}};
    v.courses_shown = {"MT-NT2-A1-D", "HL-NT2-A1-D"};
    return v;
}

VisitSummary abandoned_visit(const std::string& question) {
    VisitSummary v;
    v.language = "nl";
    v.abandoned_at = question;
    v.answers = {{"situation", "working"}};
    return v;
}

void record(UsageStats& stats, std::int32_t day, const VisitSummary& visit) {
    auto done = stats.record_visit(day, visit);
    INFO((done ? "" : done.error()));
    REQUIRE(done);
}

// "metric|key" -> count for one day.
std::map<std::string, std::int64_t> day_counts(UsageStats& stats, std::int32_t day) {
    auto rows = stats.counts(day, day);
    REQUIRE(rows);
    std::map<std::string, std::int64_t> out;
    for (const auto& r : *rows) {
        CHECK(r.day == day);
        out[r.metric + "|" + r.key] = r.count;
    }
    return out;
}

kiosk::sqlite::Database raw_connection(const std::filesystem::path& path) {
    auto db = kiosk::sqlite::Database::open(path.string(), SQLITE_OPEN_READWRITE);
    REQUIRE(db);
    return std::move(db).value();
}

}  // namespace

TEST_CASE("a finished visit counts its start, results, language, receipt, answers and courses",
          "[stats]") {
    test::TempDir dir;
    auto stats = open_stats(dir / "stats.db");
    record(stats, day1, finished_visit());
    record(stats, day1, finished_visit());

    const auto counts = day_counts(stats, day1);
    const std::map<std::string, std::int64_t> expected = {
        {"visit_started|", 2},
        {"visit_completed|", 2},
        {"language|ar", 2},
        {"receipt|print", 2},
        {"option_chosen|situation=job_seeking", 2},
        {"option_chosen|goal=dutch", 2},
        {"course_shown|MT-NT2-A1-D", 2},
        {"course_shown|HL-NT2-A1-D", 2},
    };
    CHECK(counts == expected);
}

TEST_CASE("each receipt that came out counts as printed on its own, apart from its visit",
          "[stats]") {
    test::TempDir dir;
    auto stats = open_stats(dir / "stats.db");
    record(stats, day1, finished_visit());
    CHECK(day_counts(stats, day1).count("receipt_printed|") == 0);
    REQUIRE(stats.record_receipt_printed(day1));
    REQUIRE(stats.record_receipt_printed(day1));
    REQUIRE(stats.record_receipt_printed(day2));
    CHECK(day_counts(stats, day1)["receipt_printed|"] == 2);
    CHECK(day_counts(stats, day1)["receipt|print"] == 1);
    CHECK(day_counts(stats, day2)["receipt_printed|"] == 1);
}

TEST_CASE("a visit that ends on a question counts as abandoned there, not as completed",
          "[stats]") {
    test::TempDir dir;
    auto stats = open_stats(dir / "stats.db");
    record(stats, day1, abandoned_visit("goal"));
    record(stats, day1, abandoned_visit("goal"));
    record(stats, day1, abandoned_visit("education"));
    VisitSummary declined = finished_visit();
    declined.receipt = ReceiptChoice::none;
    record(stats, day1, declined);
    VisitSummary shown = finished_visit();
    shown.receipt = ReceiptChoice::show_only;
    record(stats, day1, shown);

    auto counts = day_counts(stats, day1);
    CHECK(counts["visit_started|"] == 5);
    CHECK(counts["visit_completed|"] == 2);
    CHECK(counts["abandoned_at|goal"] == 2);
    CHECK(counts["abandoned_at|education"] == 1);
    CHECK(counts["language|nl"] == 3);
    CHECK(counts["receipt|none"] == 1);
    CHECK(counts["receipt|show_only"] == 1);
    CHECK(counts.count("receipt|print") == 0);
    CHECK(counts.count("receipt_printed|") == 0);
    CHECK(counts["option_chosen|situation=working"] == 3);
}

TEST_CASE("a visit chosen for print whose receipt never came out counts the choice only",
          "[stats]") {
    test::TempDir dir;
    auto stats = open_stats(dir / "stats.db");
    record(stats, day1, finished_visit());
    auto counts = day_counts(stats, day1);
    CHECK(counts["receipt|print"] == 1);
    CHECK(counts.count("receipt_printed|") == 0);
}

TEST_CASE("figures of two days are kept apart and read back by day range", "[stats]") {
    test::TempDir dir;
    auto stats = open_stats(dir / "stats.db");
    record(stats, day1, finished_visit());
    record(stats, day2, abandoned_visit("goal"));
    record(stats, day2, abandoned_visit("goal"));

    CHECK(day_counts(stats, day1)["visit_started|"] == 1);
    CHECK(day_counts(stats, day2)["visit_started|"] == 2);
    CHECK(day_counts(stats, day1).count("abandoned_at|goal") == 0);

    auto both = stats.counts(day1, day2);
    REQUIRE(both);
    REQUIRE(!both->empty());
    CHECK(both->front().day == day1);
    CHECK(both->back().day == day2);
    auto none = stats.counts(day2 + 1, day2 + 30);
    REQUIRE(none);
    CHECK(none->empty());
}

TEST_CASE("printer faults count as fixed words, mapped from the printer's state", "[stats]") {
    CHECK(kiosk::printer_fault_for(kiosk::PrinterState::online) == std::nullopt);
    CHECK(kiosk::printer_fault_for(kiosk::PrinterState::paper_near_end) == std::nullopt);
    CHECK(kiosk::printer_fault_for(kiosk::PrinterState::paper_out) == PrinterFault::paper_out);
    CHECK(kiosk::printer_fault_for(kiosk::PrinterState::cover_open) == PrinterFault::cover_open);
    CHECK(kiosk::printer_fault_for(kiosk::PrinterState::offline) == PrinterFault::offline);
    CHECK(kiosk::printer_fault_for(kiosk::PrinterState::unknown) == PrinterFault::unknown);

    test::TempDir dir;
    auto stats = open_stats(dir / "stats.db");
    REQUIRE(stats.record_printer_fault(day1, PrinterFault::paper_out));
    REQUIRE(stats.record_printer_fault(day1, PrinterFault::paper_out));
    REQUIRE(stats.record_printer_fault(day1, PrinterFault::unreachable));
    auto counts = day_counts(stats, day1);
    CHECK(counts["printer_fault|paper_out"] == 2);
    CHECK(counts["printer_fault|unreachable"] == 1);
    CHECK(counts.size() == 2);
}

TEST_CASE("a visit holding anything but ids is refused whole and the refusal does not repeat it",
          "[stats]") {
    test::TempDir dir;
    auto stats = open_stats(dir / "stats.db");
    const std::string free_text = "Jan Jansen 0612345678";

    VisitSummary bad_course = finished_visit();
    bad_course.courses_shown.push_back(free_text);
    VisitSummary bad_answer = finished_visit();
    bad_answer.answers.emplace_back("goal", free_text);
    VisitSummary bad_question = finished_visit();
    bad_question.answers.emplace_back("goal=x", "dutch");  // a second '=' smuggled into the key
    VisitSummary bad_language = finished_visit();
    bad_language.language = "nl-NL; DROP TABLE counters";
    VisitSummary bad_abandoned = abandoned_visit(std::string(41, 'a'));  // longer than any id
    VisitSummary upper_case_question = abandoned_visit("Goal");

    for (const auto* visit : {&bad_course, &bad_answer, &bad_question, &bad_language,
                              &bad_abandoned, &upper_case_question}) {
        auto refused = stats.record_visit(day1, *visit);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().find("Jan") == std::string::npos);
        CHECK(refused.error().find("DROP") == std::string::npos);
        CHECK(refused.error().find("stats.db") != std::string::npos);
    }
    auto rows = stats.counts(day1, day1);
    REQUIRE(rows);
    CHECK(rows->empty());  // not even visit_started of the refused visits

    CHECK_FALSE(stats.record_visit(-1, finished_visit()));  // before 1970: no such day to store
}

TEST_CASE("the figures file has one table of day, metric, key and count and nothing else",
          "[stats]") {
    test::TempDir dir;
    const auto path = dir / "stats.db";
    {
        auto stats = open_stats(path);
        record(stats, day1, finished_visit());
        REQUIRE(stats.record_receipt_printed(day1));
        record(stats, day2, abandoned_visit("education"));
        REQUIRE(stats.record_printer_fault(day2, PrinterFault::cover_open));
    }
    auto db = raw_connection(path);

    auto objects = db.prepare("SELECT type, name FROM sqlite_master ORDER BY name");
    REQUIRE(objects);
    std::vector<std::string> names;
    while (objects->step() == SQLITE_ROW)
        names.push_back(objects->text(0) + " " + objects->text(1));
    CHECK(names == std::vector<std::string>{"table counters"});

    auto columns = db.prepare("SELECT name, type FROM pragma_table_info('counters') ORDER BY cid");
    REQUIRE(columns);
    std::vector<std::string> cols;
    while (columns->step() == SQLITE_ROW)
        cols.push_back(columns->text(0) + " " + columns->text(1));
    CHECK(cols == std::vector<std::string>{"day TEXT", "metric TEXT", "key TEXT", "count INTEGER"});

    const std::regex iso_day(R"(\d{4}-\d{2}-\d{2})");
    const std::regex key_pattern(R"([A-Za-z0-9_-]*(=[a-z0-9_-]+)?)");
    auto rows = db.prepare("SELECT day, metric, key, count, typeof(count) FROM counters");
    REQUIRE(rows);
    int seen = 0;
    while (rows->step() == SQLITE_ROW) {
        ++seen;
        const std::string day = rows->text(0);
        const std::string metric = rows->text(1);
        const std::string key = rows->text(2);
        INFO(day << " " << metric << " " << key);
        CHECK(std::regex_match(day, iso_day));
        CHECK(std::regex_match(key, key_pattern));
        CHECK(key.size() <= 81);
        CHECK(rows->text(4) == "integer");
        CHECK(rows->integer(3) > 0);
        bool known = false;
        for (auto m : {kiosk::UsageMetric::visit_started, kiosk::UsageMetric::visit_completed,
                       kiosk::UsageMetric::abandoned_at, kiosk::UsageMetric::language,
                       kiosk::UsageMetric::receipt, kiosk::UsageMetric::receipt_printed,
                       kiosk::UsageMetric::option_chosen, kiosk::UsageMetric::course_shown,
                       kiosk::UsageMetric::printer_fault}) {
            if (kiosk::to_string(m) == metric) {
                known = true;
                CHECK(kiosk::is_usage_key(m, key));
            }
        }
        CHECK(known);
    }
    CHECK(seen == 14);
}

TEST_CASE("the file itself refuses a timestamp or free text even past the kiosk's own checks",
          "[stats]") {
    test::TempDir dir;
    const auto path = dir / "stats.db";
    { auto stats = open_stats(path); }
    auto db = raw_connection(path);
    CHECK_FALSE(
        db.exec("INSERT INTO counters VALUES ('2026-11-28T10:31:07', 'visit_started', '', 1)"));
    CHECK_FALSE(db.exec("INSERT INTO counters VALUES ('2026-11-28', 'language', 'Jan Jansen', 1)"));
    CHECK_FALSE(db.exec("INSERT INTO counters VALUES ('2026-11-28', 'language', 'nl', 'many')"));
    CHECK_FALSE(db.exec("INSERT INTO counters VALUES ('2026-11-28', 'Free Text', 'nl', 1)"));
    CHECK(db.exec("INSERT INTO counters VALUES ('2026-11-28', 'language', 'nl', 1)"));
}

TEST_CASE("the file's bytes hold ids and fixed words, never a refused visit's text", "[stats]") {
    test::TempDir dir;
    const auto path = dir / "stats.db";
    {
        auto stats = open_stats(path);
        record(stats, day1, finished_visit());
        VisitSummary leaky = finished_visit();
        leaky.courses_shown = {"Mevrouw de Vries"};
        leaky.answers.emplace_back("postcode", "6211 AB");
        CHECK_FALSE(stats.record_visit(day1, leaky));
    }
    // Closing the last connection folds the log into the file; read both if any is left.
    std::string bytes = test::read_text(path);
    if (std::filesystem::exists(path.string() + "-wal"))
        bytes += test::read_text(path.string() + "-wal");
    CHECK(bytes.find("situation=job_seeking") != std::string::npos);  // the check can see keys
    CHECK(bytes.find("2026-11-28") != std::string::npos);
    CHECK(bytes.find("Vries") == std::string::npos);
    CHECK(bytes.find("6211") == std::string::npos);
    CHECK(bytes.find("postcode") == std::string::npos);
}

TEST_CASE("the figures file is written with a write-ahead log", "[stats]") {
    test::TempDir dir;
    const auto path = dir / "stats.db";
    auto stats = open_stats(path);
    record(stats, day1, finished_visit());
    auto db = raw_connection(path);
    auto mode = db.query_text("PRAGMA journal_mode");
    REQUIRE(mode);
    CHECK(*mode == "wal");
    auto version = db.query_int("PRAGMA user_version");
    REQUIRE(version);
    CHECK(*version == kiosk::usage_schema_version);
}

TEST_CASE("the write-ahead log files stay when the kiosk closes, for readers who cannot make them",
          "[stats]") {
    test::TempDir dir;
    const auto path = dir / "stats.db";
    {
        auto stats = open_stats(path);
        record(stats, day1, finished_visit());
    }
    // Without the -shm file SQLite refuses a WAL reader that may not write the folder.
    CHECK(std::filesystem::exists(path.string() + "-shm"));
    CHECK(std::filesystem::exists(path.string() + "-wal"));
    auto reader = UsageStats::open_read_only(path.string());
    REQUIRE(reader);
    CHECK(day_counts(*reader, day1)["visit_started|"] == 1);
}

TEST_CASE("an export reads the figures while the kiosk keeps writing them", "[stats]") {
    test::TempDir dir;
    const auto path = dir / "stats.db";
    auto writer = open_stats(path);
    record(writer, day1, finished_visit());

    auto reader = UsageStats::open_read_only(path.string());
    INFO((reader ? "" : reader.error()));
    REQUIRE(reader);
    CHECK(day_counts(*reader, day1)["visit_started|"] == 1);
    record(writer, day1, finished_visit());
    CHECK(day_counts(*reader, day1)["visit_started|"] == 2);
    auto refused = reader->record_visit(day1, finished_visit());
    CHECK_FALSE(refused);
}

TEST_CASE("a missing file, a content pack or a newer figures file is refused and left as it was",
          "[stats]") {
    test::TempDir dir;
    auto missing = UsageStats::open_read_only((dir / "nothing.db").string());
    REQUIRE_FALSE(missing);
    CHECK(missing.error().find("nothing.db") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "nothing.db"));

    const auto other = dir / "other.db";
    {
        auto db = kiosk::sqlite::Database::open(other.string(),
                                                SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        REQUIRE(db);
        REQUIRE(db->exec("CREATE TABLE courses(id TEXT); PRAGMA user_version=1;"));
    }
    auto foreign = UsageStats::open(other.string());
    REQUIRE_FALSE(foreign);
    CHECK(foreign.error().find("not a kiosk usage figures file") != std::string::npos);
    CHECK(raw_connection(other).query_text("PRAGMA journal_mode").value() == "delete");

    const auto newer = dir / "newer.db";
    { auto stats = open_stats(newer); }
    REQUIRE(raw_connection(newer).exec("PRAGMA user_version=99"));
    auto refused = UsageStats::open(newer.string());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().find("newer kiosk") != std::string::npos);

    const auto text = dir / "notes.db";
    test::write_text(text, "these are not figures, just some words in a file\n");
    CHECK_FALSE(UsageStats::open(text.string()));
    CHECK(test::read_text(text) == "these are not figures, just some words in a file\n");
}

TEST_CASE("an existing figures file is opened again and counted on", "[stats]") {
    test::TempDir dir;
    const auto path = dir / "stats.db";
    {
        auto stats = open_stats(path);
        record(stats, day1, finished_visit());
    }
    auto again = open_stats(path);
    record(again, day1, finished_visit());
    CHECK(day_counts(again, day1)["visit_started|"] == 2);
}

TEST_CASE("counts below five are published as <5, from five on as they are", "[stats]") {
    CHECK(kiosk::published_count(1) == "<5");
    CHECK(kiosk::published_count(4) == "<5");
    CHECK(kiosk::published_count(5) == "5");
    CHECK(kiosk::published_count(123) == "123");
    const std::vector<UsageCount> rows = {
        {day1, "language", "ar", 4}, {day1, "language", "nl", 5}, {day1, "visit_started", "", 9}};
    CHECK(kiosk::usage_csv(rows) ==
          "day,metric,key,count\n"
          "2026-11-28,language,ar,<5\n"
          "2026-11-28,language,nl,5\n"
          "2026-11-28,visit_started,,9\n");
}
