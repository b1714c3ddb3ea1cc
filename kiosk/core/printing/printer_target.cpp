// The printer as the configuration names it: "tcp:HOST:PORT",
// "device:/dev/usb/lp0" or "file:/path/out.bin".

#include "kiosk/core/printing/printer_target.hpp"

#include <charconv>

namespace kiosk {

namespace {

Error bad_target(std::string_view text, const std::string& why) {
    return Error{"printer '" + std::string(text) + "': " + why};
}

}  // namespace

Result<PrinterTarget> parse_printer_target(std::string_view text) {
    const auto colon = text.find(':');
    const std::string_view scheme = text.substr(0, colon);
    const std::string_view rest = colon == std::string_view::npos ? "" : text.substr(colon + 1);
    PrinterTarget target;
    if (colon != std::string_view::npos && (scheme == "device" || scheme == "file")) {
        target.kind = scheme == "device" ? PrinterTarget::Kind::device : PrinterTarget::Kind::file;
        if (rest.empty())
            return bad_target(text, "the path is missing");
        if (target.kind == PrinterTarget::Kind::device && rest.front() != '/') {
            return bad_target(text,
                              "the device path must start with '/', e.g. device:/dev/usb/lp0");
        }
        target.path = std::string(rest);
        return target;
    }
    if (colon == std::string_view::npos || scheme != "tcp") {
        return bad_target(text, "expected tcp:HOST[:PORT], device:/dev/usb/lp0 or file:PATH");
    }
    target.kind = PrinterTarget::Kind::tcp;
    std::string_view port_text;
    if (!rest.empty() && rest.front() == '[') {  // [IPv6 address]
        const auto close = rest.find(']');
        if (close == std::string_view::npos)
            return bad_target(text, "the ']' after the address is missing");
        target.host = std::string(rest.substr(1, close - 1));
        const std::string_view after = rest.substr(close + 1);
        if (!after.empty() && after.front() != ':')
            return bad_target(text, "expected ':PORT' after ']'");
        if (!after.empty())
            port_text = after.substr(1);
        if (after == ":")
            return bad_target(text, "the port after ':' is missing");
    } else {
        const auto port_colon = rest.find(':');
        target.host = std::string(rest.substr(0, port_colon));
        if (port_colon != std::string_view::npos) {
            port_text = rest.substr(port_colon + 1);
            if (port_text.empty())
                return bad_target(text, "the port after ':' is missing");
            if (port_text.find(':') != std::string_view::npos) {
                return bad_target(text, "write an IPv6 address in brackets, e.g. tcp:[::1]:9100");
            }
        }
    }
    if (target.host.empty())
        return bad_target(text, "the host is missing");
    if (!port_text.empty()) {
        unsigned long port = 0;
        for (const char c : port_text) {
            if (c < '0' || c > '9' || port > 65535)
                return bad_target(text, "the port must be 1-65535");
            port = port * 10 + static_cast<unsigned long>(c - '0');
        }
        if (port == 0 || port > 65535)
            return bad_target(text, "the port must be 1-65535");
        target.port = static_cast<std::uint16_t>(port);
    }
    return target;
}

Result<std::unique_ptr<PrinterTransport>> open_transport(const PrinterTarget& target,
                                                         const PrinterTimeouts& timeouts) {
    switch (target.kind) {
        case PrinterTarget::Kind::tcp:
            return TcpTransport::connect(target.host, target.port, timeouts.connect, timeouts.io);
        case PrinterTarget::Kind::device:
            return DeviceTransport::open(target.path, timeouts.io);
        case PrinterTarget::Kind::file:
            return FileTransport::open(target.path);
    }
    return Error{"unknown printer kind"};
}

}  // namespace kiosk
