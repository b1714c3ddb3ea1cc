#include "kiosk/app/kiosk_services.hpp"

#include <iostream>

namespace kiosk::app {

void KioskServices::count_finished_visit(VisitFlow& flow) const {
    // Taken even without a figures file: the summary must not outlive its visit.
    auto visit = flow.take_finished_visit();
    if (!visit || !stats)
        return;
    if (auto recorded = stats->record_visit(flow.today(), *visit); !recorded)
        std::cerr << "kiosk: usage figures: " << recorded.error() << '\n';
}

}  // namespace kiosk::app
