#include "kiosk/core/printing/print_job.hpp"

#include "kiosk/core/printing/escpos.hpp"

namespace kiosk {

Result<std::string> encode_receipt_job(const ReceiptImage& receipt, const std::string& qr_payload,
                                       const PrinterConfig& printer) {
    EscPosOptions options;
    options.width_dots = printer.width_dots;
    if (printer.native_qr) {
        options.native_qr =
            NativeQr{receipt.qr_top, receipt.qr_bottom, qr_payload, receipt.qr_module_dots, 'Q'};
    }
    return encode_raster_job(receipt.image, options);
}

Result<ReceiptJob> lay_out_receipt_job(const Receipt& receipt, const PrinterConfig& printer) {
    ReceiptStyle style;
    style.width_dots = printer.width_dots;
    auto image = render_receipt_image(receipt, style);
    if (!image)
        return Error{image.error()};
    auto bytes = encode_receipt_job(*image, receipt.qr_payload, printer);
    if (!bytes)
        return Error{bytes.error()};
    return ReceiptJob{std::move(*image), std::move(*bytes)};
}

PrintOutcome print_job(PrinterTransport& transport, std::string_view job,
                       std::chrono::milliseconds status_timeout) {
    PrintOutcome outcome;
    outcome.status = query_status(transport, status_timeout);
    // Unknown is not a fault: many network printers never answer DLE EOT, and
    // the visitor sees the QR code on screen whatever happens to the paper.
    if (outcome.status.state != PrinterState::unknown && !can_print(outcome.status)) {
        outcome.problem = transport.describe() + " reports " +
                          std::string(to_string(outcome.status.state)) + "; nothing was sent";
        return outcome;
    }
    if (auto sent = transport.write_all(job); !sent) {
        outcome.problem = sent.error();
        return outcome;
    }
    outcome.bytes_sent = job.size();
    // Paper can run out during the job; a printer that can tell us, does now.
    if (transport.can_answer()) {
        const PrinterStatus after = query_status(transport, status_timeout);
        if (after.state == PrinterState::paper_out || after.state == PrinterState::offline ||
            after.state == PrinterState::cover_open) {
            outcome.status = after;
            outcome.problem = transport.describe() + " reports " +
                              std::string(to_string(after.state)) + " after the job";
            return outcome;
        }
        if (after.state != PrinterState::unknown)
            outcome.status = after;
    }
    outcome.printed = true;
    return outcome;
}

PrintOutcome print_to(const PrinterConfig& printer, std::string_view job) {
    if (!printer.target) {
        PrintOutcome outcome;
        outcome.problem = "no printer is configured";
        return outcome;
    }
    auto transport = open_transport(*printer.target, printer.timeouts);
    if (!transport) {
        // Not reachable at all is a fault the adviser must see, not "unknown".
        PrintOutcome outcome;
        outcome.status = {PrinterState::offline, transport.error()};
        outcome.problem = transport.error();
        return outcome;
    }
    return print_job(**transport, job, printer.status_timeout);
}

PrinterStatus status_of(const PrinterConfig& printer) {
    if (!printer.target)
        return {PrinterState::unknown, "no printer is configured"};
    auto transport = open_transport(*printer.target, printer.timeouts);
    if (!transport)
        return {PrinterState::offline, transport.error()};
    return query_status(**transport, printer.status_timeout);
}

}  // namespace kiosk
