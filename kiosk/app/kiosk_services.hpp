#pragma once
// What the main loop serves besides the screens: the printer, the usage
// figures and the adviser's health view. Each may be absent (no printer
// configured, no figures file given).

#include <functional>

#include "kiosk/app/receipt_printer.hpp"
#include "kiosk/core/adviser/kiosk_health.hpp"
#include "kiosk/core/stats/usage_stats.hpp"
#include "kiosk/core/visit/visit_flow.hpp"

namespace kiosk::app {

struct KioskServices {
    ReceiptPrinter* printer = nullptr;
    UsageStats* stats = nullptr;
    std::function<KioskHealth()> health;  // gathered while adviser mode is open

    // Adds the visit the flow just wiped, if any, to today's figures.
    void count_finished_visit(VisitFlow& flow) const;
};

}  // namespace kiosk::app
