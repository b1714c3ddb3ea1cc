// The power-cut promise of the usage figures, tried on the kiosk itself: the
// headless kiosk plays visit after visit with --stats and is killed with
// SIGKILL at a random moment, again and again on the same file. Each time the
// file must be whole, its counts must not go backwards, each visit must be
// counted wholly or not at all, and the next kiosk must go on counting in it.
//
// stats_kill_test.cpp kills a bare writer thousands of times a second, to
// land inside commits; this one kills the real program wherever it happens to
// be (drawing, ticking, writing, starting up), as a power cut would.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
#include <random>
#include <thread>

#include "kiosk/core/matching/match_index.hpp"
#include "kiosk/core/stats/usage_stats.hpp"
#include "tests/support/cli_support.hpp"
#include "tests/support/stats_support.hpp"
#include "tests/support/test_support.hpp"

namespace {

constexpr const char* today = "2026-12-01";

// Two visits, again and again, more than any kiosk here plays before it is
// killed: one in English to "Done", wiped after thanks_s, and one that walks
// away on the second question, wiped by the idle countdown.
std::string visits_script() {
    std::string done = "tap \"Beginnen\"\ntap \"English\"\n";
    done += "tap \"I am looking for work\"\ntap \"Find a job soon\"\n";
    for (int skip = 0; skip < 9; ++skip)
        done += "tap \"Skip\"\n";
    done += "expect screen results\ntap \"Take it with you\"\ntap \"Just the code\"\n";
    done += "tap \"Done\"\nwait 16s\nexpect screen attract\n";
    const std::string walked_away =
        "tap \"Beginnen\"\ntap \"English\"\ntap \"I am looking for work\"\n"
        "wait 2m\nexpect screen attract\n";
    std::string script;
    for (int i = 0; i < 20; ++i)
        script += done + walked_away;
    return script;
}

struct Totals {
    std::int64_t started = 0, completed = 0, abandoned = 0, languages = 0, options = 0,
                 receipts = 0;
};

Totals totals(const std::string& path) {
    const auto day = *kiosk::parse_day(today);
    auto m = test::metric_totals(path, day - 1, day + 1);
    return {m["visit_started"], m["visit_completed"], m["abandoned_at"],
            m["language"],      m["option_chosen"],   m["receipt"]};
}

// visit_started so far, or nothing while the file cannot be read (not made
// yet, or its schema half made): for waiting on the kiosk's progress.
std::optional<std::int64_t> started_so_far(const std::string& path) {
    if (!std::filesystem::exists(path))
        return std::nullopt;
    auto stats = kiosk::UsageStats::open_read_only(path);
    if (!stats)
        return std::nullopt;
    const auto day = *kiosk::parse_day(today);
    auto rows = stats->counts(day, day);
    if (!rows)
        return std::nullopt;
    std::int64_t started = 0;
    for (const auto& r : *rows)
        started += r.metric == "visit_started" ? r.count : 0;
    return started;
}

// Starts the headless kiosk; its standard error goes to `log`.
pid_t start_kiosk(const std::vector<std::string>& arguments, const std::string& log) {
    std::vector<char*> argv;
    for (const auto& a : arguments)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t child = fork();
    if (child != 0)
        return child;
    // Only async-signal-safe calls between fork and exec.
    const int null = open("/dev/null", O_WRONLY);
    const int err = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (null < 0 || err < 0 || dup2(null, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0)
        _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
}

}  // namespace

TEST_CASE(
    "a power cut (kill -9) at any moment during scripted visits never damages the kiosk's "
    "figures or counts half a visit",
    "[stats][kill]") {
    test::TempDir dir;
    const std::string stats = (dir / "stats.db").string();
    const std::string script = (dir / "visits.script").string();
    test::write_text(script, visits_script());
    // Small, so frames are cheap and several visits fit between two kills.
    const std::vector<std::string> kiosk{
        KIOSK_BINARY, "--headless",
        "--size",     "640x480",
        "--content",  test::bundled_pack().string(),
        "--config",   (test::source_dir() / "deploy/config/kiosk.example.toml").string(),
        "--today",    today,
        "--stats",    stats,
        "--script",   script};

    const auto seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> delay_ms(200, 2000);

    std::int64_t before = 0;  // visit_started after the previous round
    for (int round = 0; round < 10; ++round) {
        INFO("round " << round);
        const std::string log = (dir / ("kiosk-" + std::to_string(round) + ".log")).string();
        const pid_t child = start_kiosk(kiosk, log);
        REQUIRE(child > 0);
        // Half the rounds kill anywhere from start-up on; the others first
        // let the kiosk count a visit, so that on a slow or busy machine too
        // the figures grow between kills and their checks prove something.
        const bool after_a_visit = round % 2 == 1;
        int status = 0;
        bool ended_alone = false;  // before the kill: the kiosk failed or ran out of script
        if (after_a_visit) {
            const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
            while (!ended_alone && started_so_far(stats).value_or(0) <= before &&
                   std::chrono::steady_clock::now() < give_up) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                ended_alone = waitpid(child, &status, WNOHANG) == child;
            }
        }
        const int wait = delay_ms(random);
        if (!ended_alone) {
            std::this_thread::sleep_for(std::chrono::milliseconds(wait));
            REQUIRE(kill(child, SIGKILL) == 0);
            REQUIRE(waitpid(child, &status, 0) == child);
        }
        INFO("killed " << wait << " ms after " << (after_a_visit ? "a visit" : "the start"));
        INFO("the kiosk's log:\n" << test::read_text(log));
        REQUIRE_FALSE(ended_alone);
        REQUIRE(WIFSIGNALED(status));
        REQUIRE(WTERMSIG(status) == SIGKILL);
        if (after_a_visit)
            CHECK(started_so_far(stats).value_or(0) > before);
        // The figures reopened after the last kill, and every visit went in.
        CHECK(test::read_text(log).find("usage figures") == std::string::npos);

        // Killed before SQLite made the file: nothing to check this round.
        if (!std::filesystem::exists(stats))
            continue;
        {
            auto db = kiosk::sqlite::Database::open(stats, SQLITE_OPEN_READWRITE);
            INFO((db ? "" : db.error()));
            REQUIRE(db);
            auto integrity = db->query_text("PRAGMA integrity_check");
            INFO((integrity ? "" : integrity.error()));
            REQUIRE(integrity);
            REQUIRE(*integrity == "ok");
            // Killed while the schema was being made: the next kiosk makes it.
            auto tables = db->query_int("SELECT count(*) FROM sqlite_master");
            REQUIRE(tables);
            if (*tables == 0)
                continue;
        }
        const Totals t = totals(stats);
        INFO("started " << t.started << ", before " << before << ", completed " << t.completed
                        << ", abandoned " << t.abandoned);
        CHECK(t.started >= before);
        // Whole visits only: a visit to "Done" adds its results, two answers
        // and a receipt choice; one that walked away adds its question and
        // one answer; both their language.
        CHECK(t.completed + t.abandoned == t.started);
        CHECK(t.languages == t.started);
        CHECK(t.receipts == t.completed);
        CHECK(t.options == 2 * t.completed + t.abandoned);
        before = t.started;
    }
    // Visits must really have been counted, or the kills proved nothing.
    CHECK(before > 0);
}
