#pragma once
// Gathers the kiosk's health for the fleet's file from the running parts.
// Keeps what no part remembers by itself: since when the printer is faulty
// and when a fault was last seen.

#include <functional>
#include <string>

#include "kiosk/app/kiosk_loop.hpp"
#include "kiosk/app/receipt_printer.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/service/health_metrics.hpp"
#include "kiosk/core/stats/usage_stats.hpp"

namespace kiosk::app {

// What the usage figures file went through at start (kiosk_command's open_stats).
struct UsageFiguresState {
    bool ok = true;  // opened, or none asked for
    std::int64_t moved_aside = 0;
};

struct HealthSources {
    const Catalogue& catalogue;
    const ReceiptPrinter* printer;  // none configured: null
    UsageStats* stats;              // no figures: null
    const VisitFlow& flow;
    const KioskLoop& loop;
    std::string disk_path;     // a file on the disk whose free space counts
    std::int64_t started = 0;  // Unix seconds
    UsageFiguresState figures;
    std::function<bool()> open;             // within opening hours
    std::string pack_source = "installed";  // PackChoice::source
    std::string pack_reason;                // PackChoice::reason
};

// All references must outlive the returned function.
std::function<HealthSnapshot()> health_source(HealthSources sources);

}  // namespace kiosk::app
