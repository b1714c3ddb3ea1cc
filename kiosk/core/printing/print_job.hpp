#pragma once
// One receipt to one printer: ask how it is, send the job, and say plainly
// what happened. Never claims success it did not see: no status reply is
// "unknown", and a job that stopped half way is a failure.

#include <string>
#include <string_view>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/printing/printer_config.hpp"
#include "kiosk/core/printing/printer_status.hpp"
#include "kiosk/core/printing/printer_transport.hpp"
#include "kiosk/core/takeaway/receipt.hpp"

namespace kiosk {

struct PrintOutcome {
    bool printed = false;
    PrinterStatus status;  // as the printer reported it (before, or after a failed job)
    std::string problem;   // empty when printed; one sentence for the log and the adviser
    std::size_t bytes_sent = 0;
};

// The ESC/POS bytes for a rendered receipt on this printer: all raster, or
// with the printer drawing the QR code itself where the configuration says so.
Result<std::string> encode_receipt_job(const ReceiptImage& receipt, const std::string& qr_payload,
                                       const PrinterConfig& printer);

// A receipt laid out for this printer's paper, and the bytes that print it:
// the one way from a receipt's words to paper, for the kiosk and print-test.
struct ReceiptJob {
    ReceiptImage image;
    std::string bytes;
};
Result<ReceiptJob> lay_out_receipt_job(const Receipt& receipt, const PrinterConfig& printer);

// Sends `job` over an open transport. A printer that reports a fault before the
// job gets nothing; one that reports paper out after it counts as failed.
PrintOutcome print_job(PrinterTransport& transport, std::string_view job,
                       std::chrono::milliseconds status_timeout);

// Opens the configured printer, prints, and closes it again.
PrintOutcome print_to(const PrinterConfig& printer, std::string_view job);

// Only asks the configured printer how it is (for the adviser view and to hide
// the print choice while there is a fault).
PrinterStatus status_of(const PrinterConfig& printer);

}  // namespace kiosk
