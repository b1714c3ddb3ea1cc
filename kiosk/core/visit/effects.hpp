#pragma once
// What applying an intent (or the idle clock) asks of the world outside the
// visit: the app runs these in one place, after the frame, and the flow
// itself never prints, counts or stops anything.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/printing/printer_status.hpp"
#include "kiosk/core/visit/visit_summary.hpp"

namespace kiosk {

namespace effect {
// Print this visit's receipt; its outcome comes back through
// VisitFlow::print_finished with the same generation.
struct PrintReceipt {
    std::uint64_t generation = 0;
    std::string language;
    Ranking ranking;
};
// Add a finished visit to the day's usage figures.
struct CountVisit {
    VisitSummary summary;
};
// Count a receipt that came out of the printer, whether or not its visit
// is still on screen.
struct CountPrinted {};
// Count a new printer fault in the day's figures, as the printer's state
// (a fixed word there: the printer's own text may hold anything).
struct CountPrinterFault {
    PrinterState state = PrinterState::unknown;
};
// Ask the printer how it is (the visitor arrives at the print choice).
struct CheckPrinter {};
// End the kiosk (an adviser closes it for maintenance).
struct StopKiosk {};
// Read the screen aloud (what: kiosk/core/speech/read_aloud), stopping
// whatever was being read.
struct ReadAloud {};
// Stop reading aloud.
struct StopReading {};
}  // namespace effect

using Effect = std::variant<effect::PrintReceipt, effect::CountVisit, effect::CountPrinted,
                            effect::CountPrinterFault, effect::CheckPrinter, effect::StopKiosk,
                            effect::ReadAloud, effect::StopReading>;
using Effects = std::vector<Effect>;

// What applying an intent or advancing the clock did.
struct Applied {
    bool changed = false;  // an intent fitted the screen; the clock changed what is shown
    Effects effects;

    explicit operator bool() const { return changed; }
};

}  // namespace kiosk
