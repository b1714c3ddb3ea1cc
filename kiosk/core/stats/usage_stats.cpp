#include "kiosk/core/stats/usage_stats.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/core/base/ids.hpp"

namespace kiosk {
namespace {

// STRICT keeps every value of the type its column names; the CHECKs repeat
// the key rules in the file itself, so not even a later bug in this code or a
// hand-made INSERT can put a timestamp or free text into the figures.
constexpr const char* schema = R"sql(
CREATE TABLE counters (
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    metric TEXT NOT NULL CHECK (length(metric) BETWEEN 1 AND 32 AND metric NOT GLOB '*[^a-z_]*'),
    key TEXT NOT NULL CHECK (length(key) <= 81 AND key NOT GLOB '*[^A-Za-z0-9_=-]*'),
    count INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (day, metric, key)
) STRICT, WITHOUT ROWID;
)sql";

constexpr const char* upsert_sql =
    "INSERT INTO counters (day, metric, key, count) VALUES (?1, ?2, ?3, 1) "
    "ON CONFLICT (day, metric, key) DO UPDATE SET count = count + 1";

// How long the kiosk waits for an export's read lock and the other way round;
// both are short, so this is only ever reached by a stuck process.
constexpr int busy_timeout_ms = 5000;

constexpr std::int32_t last_day =
    std::chrono::sys_days{std::chrono::year{9999} / 12 / 31}.time_since_epoch().count();

bool is_storable_day(std::int32_t day) {
    return day >= 0 && day <= last_day;
}

std::optional<std::string_view> receipt_word(ReceiptChoice choice) {
    switch (choice) {
        case ReceiptChoice::print:
            return "print";
        case ReceiptChoice::show_only:
            return "show_only";
        case ReceiptChoice::none:
            return "none";
        case ReceiptChoice::undecided:
            break;
    }
    return std::nullopt;
}

constexpr PrinterFault all_faults[] = {PrinterFault::offline,     PrinterFault::paper_out,
                                       PrinterFault::cover_open,  PrinterFault::error,
                                       PrinterFault::unreachable, PrinterFault::unknown};

// What a refused key was meant to be, for an error that never repeats the key
// itself: a rejected value may be exactly the free text that must not be logged.
std::string_view key_kind(UsageMetric metric) {
    switch (metric) {
        case UsageMetric::abandoned_at:
            return "question id";
        case UsageMetric::language:
            return "language code";
        case UsageMetric::receipt:
            return "receipt choice";
        case UsageMetric::option_chosen:
            return "question and option id";
        case UsageMetric::course_shown:
            return "course id";
        case UsageMetric::printer_fault:
            return "printer fault";
        case UsageMetric::visit_started:
        case UsageMetric::visit_completed:
        case UsageMetric::receipt_printed:
            break;
    }
    return "key";
}

struct FileIdentity {
    std::int64_t application_id = 0;
    std::int64_t version = 0;
    std::int64_t objects = 0;  // tables, indices, ... in sqlite_master
    bool empty() const { return application_id == 0 && version == 0 && objects == 0; }
};

Result<FileIdentity> identify(sqlite::Database& db) {
    FileIdentity id;
    auto app = db.query_int("PRAGMA application_id");
    if (!app)
        return Error{app.error()};
    auto version = db.query_int("PRAGMA user_version");
    if (!version)
        return Error{version.error()};
    auto objects = db.query_int("SELECT count(*) FROM sqlite_master");
    if (!objects)
        return Error{objects.error()};
    return FileIdentity{*app, *version, *objects};
}

// Refuses what this kiosk cannot safely add to or read; an empty file is for open() to fill.
Result<bool> check_identity(const sqlite::Database& db, const FileIdentity& id) {
    if (id.application_id != usage_application_id)
        return Error{db.path() + ": not a kiosk usage figures file"};
    if (id.version > usage_schema_version) {
        return Error{db.path() + ": usage figures of a newer kiosk (version " +
                     std::to_string(id.version) + "; this kiosk knows up to " +
                     std::to_string(usage_schema_version) + ")"};
    }
    if (id.version < 1)
        return Error{db.path() + ": usage figures without a version"};
    return true;
}

}  // namespace

std::string_view to_string(UsageMetric metric) {
    switch (metric) {
        case UsageMetric::visit_started:
            return "visit_started";
        case UsageMetric::visit_completed:
            return "visit_completed";
        case UsageMetric::abandoned_at:
            return "abandoned_at";
        case UsageMetric::language:
            return "language";
        case UsageMetric::receipt:
            return "receipt";
        case UsageMetric::receipt_printed:
            return "receipt_printed";
        case UsageMetric::option_chosen:
            return "option_chosen";
        case UsageMetric::course_shown:
            return "course_shown";
        case UsageMetric::printer_fault:
            return "printer_fault";
    }
    return "unknown";
}

std::string_view to_string(PrinterFault fault) {
    switch (fault) {
        case PrinterFault::offline:
            return "offline";
        case PrinterFault::paper_out:
            return "paper_out";
        case PrinterFault::cover_open:
            return "cover_open";
        case PrinterFault::error:
            return "error";
        case PrinterFault::unreachable:
            return "unreachable";
        case PrinterFault::unknown:
            return "unknown";
    }
    return "unknown";
}

std::optional<PrinterFault> printer_fault_for(PrinterState state) {
    switch (state) {
        case PrinterState::online:
        case PrinterState::paper_near_end:
            return std::nullopt;
        case PrinterState::offline:
            return PrinterFault::offline;
        case PrinterState::cover_open:
            return PrinterFault::cover_open;
        case PrinterState::paper_out:
            return PrinterFault::paper_out;
        case PrinterState::unknown:
            return PrinterFault::unknown;
    }
    return PrinterFault::unknown;
}

bool is_usage_key(UsageMetric metric, std::string_view key) {
    switch (metric) {
        case UsageMetric::visit_started:
        case UsageMetric::visit_completed:
        case UsageMetric::receipt_printed:
            return key.empty();
        case UsageMetric::abandoned_at:
            return is_plain_id(key);
        case UsageMetric::language:
            return is_language_code(key);
        case UsageMetric::receipt:
            return key == "print" || key == "show_only" || key == "none";
        case UsageMetric::option_chosen: {
            const auto eq = key.find('=');
            return eq != std::string_view::npos && is_plain_id(key.substr(0, eq)) &&
                   is_plain_id(key.substr(eq + 1));
        }
        case UsageMetric::course_shown:
            return is_course_id(key);
        case UsageMetric::printer_fault:
            return std::any_of(std::begin(all_faults), std::end(all_faults),
                               [&](PrinterFault f) { return to_string(f) == key; });
    }
    return false;
}

Result<UsageStats> UsageStats::open(const std::string& path) {
    auto db = sqlite::Database::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!db)
        return Error{db.error()};
    db->set_busy_timeout(busy_timeout_ms);
    // Before changing anything: a content pack passed by mistake stays untouched.
    auto before = identify(*db);
    if (!before)
        return Error{before.error()};
    if (!before->empty()) {
        if (auto fits = check_identity(*db, *before); !fits)
            return Error{fits.error()};
    }
    // WAL lets an export read while the kiosk writes. synchronous=FULL syncs
    // the log at every commit: NORMAL never corrupts either, but may lose the
    // last visits already counted when the power goes, and a visit is
    // committed only every few minutes, so the cost of FULL is nothing.
    auto mode = db->query_text("PRAGMA journal_mode=WAL");
    if (!mode)
        return Error{mode.error()};
    if (*mode != "wal")
        return Error{path + ": cannot use a write-ahead log (journal mode stays " + *mode + ")"};
    if (auto sync = db->exec("PRAGMA synchronous=FULL"); !sync)
        return Error{sync.error()};
    // An export may run as a user who can read the file but not write the
    // folder; SQLite can only give it a WAL reader when the -shm file exists.
    db->keep_wal_files();
    // Kept, the log would stay as large as it ever grew; a visit is a few hundred bytes.
    if (auto limit = db->exec("PRAGMA journal_size_limit=1048576"); !limit)
        return Error{limit.error()};

    if (auto begun = db->exec("BEGIN IMMEDIATE"); !begun)
        return Error{begun.error()};
    // Asked again inside the write lock: another kiosk process may have made it meanwhile.
    auto now = identify(*db);
    Result<bool> ready = now ? Result<bool>(true) : Result<bool>(Error{now.error()});
    if (ready && now->empty()) {
        ready = db->exec(std::string(schema) +
                         "PRAGMA application_id=" + std::to_string(usage_application_id) +
                         "; PRAGMA user_version=" + std::to_string(usage_schema_version) + ";");
    } else if (ready) {
        ready = check_identity(*db, *now);
    }
    if (ready)
        ready = db->exec("COMMIT");
    if (!ready) {
        (void)db->exec("ROLLBACK");
        return Error{ready.error()};
    }

    UsageStats stats;
    stats.db_ = std::move(*db);
    auto upsert = stats.db_.prepare(upsert_sql);
    if (!upsert)
        return Error{upsert.error()};
    stats.upsert_ = std::move(*upsert);
    return stats;
}

Result<UsageStats> UsageStats::open_read_only(const std::string& path) {
    // SQLite's own "unable to open database file" does not say which part failed.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return Error{path + ": no such usage figures file"};
    auto db = sqlite::Database::open(path, SQLITE_OPEN_READONLY);
    if (!db)
        return Error{db.error()};
    db->set_busy_timeout(busy_timeout_ms);
    auto id = identify(*db);
    if (!id)
        return Error{id.error()};
    if (auto fits = check_identity(*db, *id); !fits)
        return Error{fits.error()};
    UsageStats stats;
    stats.db_ = std::move(*db);
    stats.read_only_ = true;
    return stats;
}

Result<bool> UsageStats::add(std::int32_t day, const std::vector<Increment>& increments) {
    if (read_only_)
        return Error{path() + ": opened to read only; no figures can be added"};
    if (!is_storable_day(day))
        return Error{path() + ": day " + std::to_string(day) +
                     " is outside 1970-01-01..9999-12-31"};
    // Checked before the transaction begins, so a refused visit adds nothing at all.
    for (const auto& inc : increments) {
        if (!is_usage_key(inc.metric, inc.key)) {
            return Error{path() + ": refused a " + std::string(to_string(inc.metric)) +
                         " figure whose " + std::string(key_kind(inc.metric)) +
                         " is not an id; nothing was counted"};
        }
    }
    if (auto begun = db_.exec("BEGIN IMMEDIATE"); !begun)
        return begun;
    const std::string iso = format_day(day);
    for (const auto& inc : increments) {
        upsert_.bind(1, iso).bind(2, to_string(inc.metric)).bind(3, inc.key);
        const int rc = upsert_.step();
        upsert_.reset();
        if (rc != SQLITE_DONE) {
            const std::string message = db_.last_error();
            (void)db_.exec("ROLLBACK");
            return Error{message};
        }
    }
    if (auto committed = db_.exec("COMMIT"); !committed) {
        (void)db_.exec("ROLLBACK");
        return committed;
    }
    return true;
}

Result<bool> UsageStats::record_visit(std::int32_t day, const VisitSummary& visit) {
    std::vector<Increment> increments;
    increments.push_back({UsageMetric::visit_started, ""});
    if (visit.reached_results)
        increments.push_back({UsageMetric::visit_completed, ""});
    if (!visit.abandoned_at.empty())
        increments.push_back({UsageMetric::abandoned_at, visit.abandoned_at});
    if (!visit.language.empty())
        increments.push_back({UsageMetric::language, visit.language});
    if (const auto word = receipt_word(visit.receipt))
        increments.push_back({UsageMetric::receipt, std::string(*word)});
    for (const auto& [question, option] : visit.answers)
        increments.push_back({UsageMetric::option_chosen, question + "=" + option});
    for (const auto& course : visit.courses_shown)
        increments.push_back({UsageMetric::course_shown, course});
    return add(day, increments);
}

Result<bool> UsageStats::record_printer_fault(std::int32_t day, PrinterFault fault) {
    return add(day, {{UsageMetric::printer_fault, std::string(to_string(fault))}});
}

Result<bool> UsageStats::record_receipt_printed(std::int32_t day) {
    return add(day, {{UsageMetric::receipt_printed, ""}});
}

Result<std::vector<UsageCount>> UsageStats::counts(std::int32_t from_day, std::int32_t to_day) {
    auto stmt = db_.prepare(
        "SELECT day, metric, key, count FROM counters WHERE day BETWEEN ?1 AND ?2 "
        "ORDER BY day, metric, key");
    if (!stmt)
        return Error{stmt.error()};
    // Days outside the storable range match nothing rather than wrapping around.
    stmt->bind(1, format_day(std::clamp(from_day, 0, last_day)))
        .bind(2, format_day(std::clamp(to_day, -1, last_day)));
    std::vector<UsageCount> rows;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        const std::string iso = stmt->text(0);
        const auto day = parse_day(iso);
        if (!day)
            return Error{path() + ": counter with a malformed day"};
        rows.push_back({*day, stmt->text(1), stmt->text(2), stmt->integer(3)});
    }
    if (rc != SQLITE_DONE)
        return Error{db_.last_error()};
    return rows;
}

}  // namespace kiosk
