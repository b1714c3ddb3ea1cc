#include "kiosk/app/kiosk_services.hpp"

#include <iostream>

namespace kiosk::app {

void KioskServices::count_visit(std::int32_t today, const VisitSummary& visit) const {
    if (!stats)
        return;
    if (auto recorded = stats->record_visit(today, visit); !recorded)
        std::cerr << "kiosk: usage figures: " << recorded.error() << '\n';
}

void KioskServices::count_printed(std::int32_t today) const {
    if (!stats)
        return;
    if (auto recorded = stats->record_receipt_printed(today); !recorded)
        std::cerr << "kiosk: usage figures: " << recorded.error() << '\n';
}

void KioskServices::count_printer_fault(std::int32_t today, PrinterState state) const {
    if (!stats)
        return;
    const PrinterFault kind = printer_fault_for(state).value_or(PrinterFault::unknown);
    if (auto recorded = stats->record_printer_fault(today, kind); !recorded)
        std::cerr << "kiosk: usage figures: " << recorded.error() << '\n';
}

}  // namespace kiosk::app
