#pragma once
// The kiosk's printer as its configuration names it: where it is, how wide
// its paper is, and how long to wait for it.

#include <chrono>
#include <optional>

#include "kiosk/core/printing/printer_target.hpp"

namespace kiosk {

struct PrinterConfig {
    std::optional<PrinterTarget> target;  // none: the kiosk shows the QR code only
    int width_dots = 576;                 // 80 mm paper; 58 mm paper is 384
    bool native_qr = false;               // print the QR with the printer's GS ( k
    PrinterTimeouts timeouts;
    std::chrono::milliseconds status_timeout{800};  // for each DLE EOT reply
};

}  // namespace kiosk
