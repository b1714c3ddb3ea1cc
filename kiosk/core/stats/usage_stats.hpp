#pragma once
// The kiosk's anonymous usage figures: counters per calendar day in a SQLite
// file of their own, beside (never inside) the read-only content pack.
//
// Privacy by shape: the one table holds (day, metric, key, count) and nothing
// else. A day is the finest time there is, a key is an id from the pack or a
// fixed word, and anything else is refused before it reaches the file, so the
// figures can never tell one visitor from another or hold what anyone typed.
//
// Durability: one transaction per visit in WAL mode with synchronous=FULL, so
// a power cut or kill -9 loses at most the visit being written and never
// leaves a half-counted visit or a damaged file.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/io/sqlite.hpp"
#include "kiosk/core/printing/printer_status.hpp"
#include "kiosk/core/visit/visit_summary.hpp"

namespace kiosk {

// PRAGMA user_version of the figures file; a newer one is refused.
inline constexpr int usage_schema_version = 1;
// PRAGMA application_id ("KSTA"): tells the figures file from a content pack
// or any other SQLite file handed to --stats by mistake.
inline constexpr std::int32_t usage_application_id = 0x4B535441;

// The metrics, stored as these words:
//   visit_started    key ""             every visit that left the attract screen
//   visit_completed  key ""             reached the results
//   abandoned_at     key question id    ended on that question before the results
//   language         key language code  the language the visit ended in
//   receipt          key print | show_only | none   what the visitor chose
//   receipt_printed  key ""             a receipt came out of the printer
//   option_chosen    key "question=option"
//   course_shown     key course id      on the results
//   printer_fault    key a PrinterFault word
enum class UsageMetric {
    visit_started,
    visit_completed,
    abandoned_at,
    language,
    receipt,
    receipt_printed,
    option_chosen,
    course_shown,
    printer_fault,
};
std::string_view to_string(UsageMetric metric);

// A printer fault as a fixed word, never the printer's own text, which may
// hold anything (a host name, a path, a job's content).
enum class PrinterFault { offline, paper_out, cover_open, error, unreachable, unknown };
std::string_view to_string(PrinterFault fault);  // "offline", "paper_out", ...
// The fault a printer status means; nullopt for a printer that can print.
std::optional<PrinterFault> printer_fault_for(PrinterState state);

struct UsageCount {
    std::int32_t day = 0;  // days since 1970-01-01
    std::string metric;    // a UsageMetric word
    std::string key;
    std::int64_t count = 0;
    bool operator==(const UsageCount&) const = default;
};

class UsageStats {
  public:
    // Opens the figures file for writing, creating it (and its schema) when
    // missing. Refuses a file that is not a figures file or is from a newer kiosk.
    static Result<UsageStats> open(const std::string& path);
    // Opens an existing figures file to read only, e.g. to export while the
    // kiosk goes on writing (WAL lets readers and the writer run side by side).
    static Result<UsageStats> open_read_only(const std::string& path);

    // Adds one finished visit to the counters of `day`, all or nothing.
    // Refuses (and writes nothing) when a key is not a plain id.
    Result<bool> record_visit(std::int32_t day, const VisitSummary& visit);
    Result<bool> record_printer_fault(std::int32_t day, PrinterFault fault);
    // A receipt came out of the printer. Counted as it comes out, apart from
    // its visit: a visitor who taps "done" while it prints is already wiped.
    Result<bool> record_receipt_printed(std::int32_t day);

    // Every counter from `from_day` to `to_day`, both included, ordered by
    // day, metric and key.
    Result<std::vector<UsageCount>> counts(std::int32_t from_day, std::int32_t to_day);

    const std::string& path() const { return db_.path(); }

  private:
    struct Increment {
        UsageMetric metric;
        std::string key;
    };
    Result<bool> add(std::int32_t day, const std::vector<Increment>& increments);

    sqlite::Database db_;
    sqlite::Statement upsert_;  // declared after db_: finalized before the connection closes
    bool read_only_ = false;
};

// True for a key the figures accept for `metric`; exposed for tests.
bool is_usage_key(UsageMetric metric, std::string_view key);

}  // namespace kiosk
