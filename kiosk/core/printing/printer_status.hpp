#pragma once
// What a receipt printer says about itself when asked with DLE EOT, reduced to
// the few states the kiosk acts on: print, or hide the print choice and show
// the QR code on screen.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

enum class PrinterState { online, offline, cover_open, paper_near_end, paper_out, unknown };

// "online", "offline", "cover open", "paper near end", "paper out", "unknown".
std::string_view to_string(PrinterState state);

struct PrinterStatus {
    PrinterState state = PrinterState::unknown;
    std::string detail;  // one plain sentence for the log, e.g. "no reply to DLE EOT 4"
};

// Only `online` and `paper_near_end` may print; `unknown` never counts as fine.
inline bool can_print(const PrinterStatus& status) {
    return status.state == PrinterState::online || status.state == PrinterState::paper_near_end;
}

// Decodes the replies to DLE EOT 1 (printer), 2 (offline cause) and 4 (roll
// paper sensor), Epson bit meanings. A missing reply (nullopt) or one whose
// fixed bits are wrong (bit 1 and 4 set, bit 0 and 7 clear) makes the result
// `unknown`, unless another reply positively reports a fault. A reply that
// breaks the fixed bits is not a status byte at all (a stray byte from earlier,
// a printer that talks another protocol), so then nothing else is trusted either.
PrinterStatus decode_status(std::optional<std::uint8_t> printer,
                            std::optional<std::uint8_t> offline_cause,
                            std::optional<std::uint8_t> paper);

}  // namespace kiosk
