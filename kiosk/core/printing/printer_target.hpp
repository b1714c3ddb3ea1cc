#pragma once
// Where the printer is, as the configuration writes it, and opening the
// transport that reaches it.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/printing/printer_transport.hpp"

namespace kiosk {

// The printer as written in the configuration.
struct PrinterTarget {
    enum class Kind { tcp, device, file };
    Kind kind = Kind::tcp;
    std::string host;           // tcp
    std::uint16_t port = 9100;  // tcp
    std::string path;           // device, file
};

// "tcp:HOST[:PORT]" (port 9100 by default; "tcp:[::1]:9100" for IPv6),
// "device:/dev/usb/lp0", "file:/path/out.bin".
Result<PrinterTarget> parse_printer_target(std::string_view text);

struct PrinterTimeouts {
    std::chrono::milliseconds connect{3000};
    std::chrono::milliseconds io{10000};  // longest pause in a printer's reading
};

Result<std::unique_ptr<PrinterTransport>> open_transport(const PrinterTarget& target,
                                                         const PrinterTimeouts& timeouts);

}  // namespace kiosk
