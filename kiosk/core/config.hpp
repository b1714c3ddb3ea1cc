#pragma once
// The per-kiosk configuration file (TOML): who this kiosk is and which printer
// it has. Every problem is reported with file, line and key, like content.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/core/issue.hpp"
#include "kiosk/core/printer_transport.hpp"

namespace kiosk {

struct PrinterConfig {
    std::optional<PrinterTarget> target;  // none: the kiosk shows the QR code only
    int width_dots = 576;                 // 80 mm paper; 58 mm paper is 384
    bool native_qr = false;               // print the QR with the printer's GS ( k
    PrinterTimeouts timeouts;
    std::chrono::milliseconds status_timeout{800};  // for each DLE EOT reply
};

struct KioskConfig {
    std::string name;         // shown and printed, e.g. "Leerwerkloket Heerlen"
    std::string contact;      // printed under the QR code; may hold line breaks
    std::string results_url;  // overrides the pack's results_url when set
    PrinterConfig printer;
};

KioskConfig load_config_toml(std::string_view text, const std::string& file_name, Issues& issues);
KioskConfig load_config_file(const std::filesystem::path& path, Issues& issues);

}  // namespace kiosk
