#pragma once
// The kiosk's health as a Prometheus text-format file for node exporter's
// textfile collector, so a fleet is watched with the tools a municipality
// already runs. Only counts and times about the machine: never an answer, a
// language, a course or anything else of a visitor. No sample carries a
// timestamp (node exporter drops a whole file that has one).

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

struct HealthSnapshot {
    std::string kiosk_version;
    std::string pack_id, pack_version;
    std::optional<std::int64_t> pack_date;  // the pack's date, Unix seconds (midnight UTC)
    // Which pack is shown: "installed", or "previous" / "bundled" when the
    // installed one could not be opened at start, and why (pack_install.hpp).
    std::string pack_source = "installed";
    std::string pack_fallback_reason;
    std::int64_t started = 0;                // Unix seconds
    std::uint64_t frames_drawn = 0;          // since start
    std::optional<std::int64_t> last_frame;  // Unix seconds
    bool open = true;                        // within opening hours (dark otherwise)
    bool printer_configured = false;
    std::string printer_state;  // a PrinterState word with '_' for ' ': "online", "paper_out"
    bool printer_faulty = false;
    bool paper_low = false;
    std::optional<std::int64_t> printer_faulty_since;  // Unix seconds, while faulty
    std::optional<std::int64_t> last_printer_fault;    // Unix seconds of the last fault seen
    std::int64_t visits_started_today = 0;
    std::int64_t visits_completed_today = 0;
    std::optional<std::int64_t> last_visit;  // Unix seconds, to the minute
    std::int64_t free_disk_bytes = -1;       // -1: unknown
    bool usage_figures_ok = true;
    std::int64_t usage_figures_moved_aside = 0;  // unreadable files moved aside since start
    std::int64_t written = 0;                    // Unix seconds
};

// Every state a printer can report, in the order they are written.
inline constexpr const char* printer_states[] = {"online",         "offline",   "cover_open",
                                                 "paper_near_end", "paper_out", "unknown"};

// The file's text: HELP and TYPE before each metric, one sample per line.
std::string format_health(const HealthSnapshot& health);

}  // namespace kiosk
