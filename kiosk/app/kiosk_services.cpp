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

}  // namespace kiosk::app
