#include "kiosk/app/health_source.hpp"

#include <chrono>

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/platform/system_info.hpp"

namespace kiosk::app {
namespace {

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A moment of the steady clock as Unix seconds, by its distance from now.
std::int64_t to_unix(Clock::time_point at) {
    return unix_now() - std::chrono::duration_cast<Seconds>(Clock::now() - at).count();
}

std::string state_word(PrinterState state) {
    std::string word(to_string(state));
    for (char& c : word) {
        if (c == ' ')
            c = '_';
    }
    return word;
}

}  // namespace

std::function<HealthSnapshot()> health_source(HealthSources s) {
    struct Remembered {
        std::optional<std::int64_t> faulty_since, last_fault;
        std::optional<std::string> last_fault_text;
    };
    return [s = std::move(s), seen = Remembered{}]() mutable {
        const std::int64_t now = unix_now();
        const ContentPack& pack = s.catalogue.pack();
        HealthSnapshot h;
        h.kiosk_version = KIOSK_VERSION;
        h.pack_id = pack.info.id;
        h.pack_version = pack.info.version;
        h.pack_source = s.pack_source;
        h.pack_fallback_reason = s.pack_reason;
        if (const auto day = parse_day(pack.info.date))
            h.pack_date = std::int64_t{*day} * 86400;
        h.started = s.started;
        h.frames_drawn = s.loop.frames_drawn();
        if (s.loop.drawn())
            h.last_frame = to_unix(s.loop.last_frame());
        h.open = s.open ? s.open() : true;
        if (s.printer) {
            const PrinterStatus status = s.printer->last_status();
            h.printer_configured = true;
            h.printer_state = state_word(status.state);
            h.printer_faulty = !can_print(status);
            h.paper_low = status.state == PrinterState::paper_near_end;
            if (!h.printer_faulty)
                seen.faulty_since.reset();
            else if (!seen.faulty_since)
                seen.faulty_since = now;
            // The printer's own words stay out of the file (they may name a
            // host or a path); only when a new fault appeared.
            if (auto fault = s.printer->last_fault(); fault && fault != seen.last_fault_text) {
                seen.last_fault_text = fault;
                seen.last_fault = now;
            }
            h.printer_faulty_since = seen.faulty_since;
            h.last_printer_fault = seen.last_fault;
        }
        if (s.stats) {
            const std::int32_t today = s.flow.today();
            if (auto counts = s.stats->counts(today, today)) {
                for (const auto& c : *counts) {
                    if (c.metric == "visit_started")
                        h.visits_started_today = c.count;
                    else if (c.metric == "visit_completed")
                        h.visits_completed_today = c.count;
                }
            }
        }
        if (const auto last = s.loop.last_visit())
            h.last_visit = to_unix(*last) / 60 * 60;  // to the minute: no more is needed
        h.free_disk_bytes = platform::free_disk_bytes(s.disk_path);
        h.usage_figures_ok = s.figures.ok;
        h.usage_figures_moved_aside = s.figures.moved_aside;
        h.written = now;
        return h;
    };
}

}  // namespace kiosk::app
