#pragma once
// What the main loop serves besides the screens: the printer, the usage
// figures and the adviser's health view. Each may be absent (no printer
// configured, no figures file given).

#include <cstdint>
#include <functional>

#include "kiosk/app/receipt_printer.hpp"
#include "kiosk/core/adviser/kiosk_health.hpp"
#include "kiosk/core/stats/usage_stats.hpp"
#include "kiosk/core/visit/keypad.hpp"
#include "kiosk/core/visit/visit_flow.hpp"
#include "kiosk/platform/speaker.hpp"

namespace kiosk::app {

struct KioskServices {
    ReceiptPrinter* printer = nullptr;
    UsageStats* stats = nullptr;
    std::function<KioskHealth()> health;   // gathered while adviser mode is open
    platform::Speaker* speaker = nullptr;  // no sound device, or speech off: null
    std::uint32_t speech_event = 0;        // the speaker's "done speaking" wake-up
    KeypadConfig keypad;                   // the visitor's keypad: which key does what
    // The headphone jack's switch as an SDL user event: code 1 plugged in,
    // 0 pulled out (the jack's thread, or a script, sends it).
    std::uint32_t headphone_event = 0;

    // Adds a finished visit to the figures of `today`, when there are any.
    void count_visit(std::int32_t today, const VisitSummary& visit) const;
    void count_printed(std::int32_t today) const;
    void count_printer_fault(std::int32_t today, PrinterState state) const;
};

}  // namespace kiosk::app
