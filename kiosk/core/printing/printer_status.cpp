#include "kiosk/core/printing/printer_status.hpp"

#include <cstdio>
#include <utility>

namespace kiosk {

namespace {

// Every DLE EOT reply has bit 1 and bit 4 set and bit 0 and bit 7 clear; this
// is how a printer's status byte is told apart from anything else on the line.
constexpr std::uint8_t fixed_mask = 0x93;
constexpr std::uint8_t fixed_value = 0x12;

bool bit(std::uint8_t value, int n) {
    return ((value >> n) & 1u) != 0;
}

std::string hex(std::uint8_t value) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(value));
    return text;
}

const char* request_name(int n) {
    switch (n) {
        case 1:
            return "DLE EOT 1 (printer status)";
        case 2:
            return "DLE EOT 2 (offline cause)";
        default:
            return "DLE EOT 4 (paper sensor)";
    }
}

PrinterStatus status(PrinterState state, std::string detail) {
    return {state, std::move(detail)};
}

}  // namespace

std::string_view to_string(PrinterState state) {
    switch (state) {
        case PrinterState::online:
            return "online";
        case PrinterState::offline:
            return "offline";
        case PrinterState::cover_open:
            return "cover open";
        case PrinterState::paper_near_end:
            return "paper near end";
        case PrinterState::paper_out:
            return "paper out";
        case PrinterState::unknown:
            return "unknown";
    }
    return "unknown";
}

PrinterStatus decode_status(std::optional<std::uint8_t> printer,
                            std::optional<std::uint8_t> offline_cause,
                            std::optional<std::uint8_t> paper) {
    const std::optional<std::uint8_t> replies[] = {printer, offline_cause, paper};
    const int numbers[] = {1, 2, 4};
    for (int i = 0; i < 3; ++i) {
        if (replies[i] && (*replies[i] & fixed_mask) != fixed_value) {
            return status(PrinterState::unknown, "the reply " + hex(*replies[i]) + " to " +
                                                     request_name(numbers[i]) +
                                                     " is not a status byte");
        }
    }

    // Faults the printer positively reports come first: they decide what the
    // visitor sees even when another reply went missing.
    if (offline_cause && bit(*offline_cause, 2)) {
        return status(PrinterState::cover_open, "the printer cover is open");
    }
    if (paper && (bit(*paper, 5) || bit(*paper, 6))) {
        return status(PrinterState::paper_out, "the printer is out of paper");
    }
    if (offline_cause && bit(*offline_cause, 5)) {
        return status(PrinterState::paper_out, "the printer stopped because the paper ran out");
    }
    if (offline_cause && bit(*offline_cause, 6)) {
        return status(PrinterState::offline,
                      "the printer reports an error (cutter jam, overheating)");
    }
    if (printer && bit(*printer, 3)) {
        return status(PrinterState::offline, "the printer is offline");
    }

    // Silence is not health: without every reply the printer may be off,
    // unplugged, or a model that ignores DLE EOT.
    for (int i = 0; i < 3; ++i) {
        if (!replies[i]) {
            return status(PrinterState::unknown,
                          std::string("no reply to ") + request_name(numbers[i]));
        }
    }
    if (bit(*paper, 2) || bit(*paper, 3)) {
        return status(PrinterState::paper_near_end, "the paper roll is nearly used up");
    }
    return status(PrinterState::online, "the printer is online with paper");
}

}  // namespace kiosk
