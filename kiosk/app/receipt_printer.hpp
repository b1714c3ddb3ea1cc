#pragma once
// The kiosk's receipt printer as the main loop sees it: a visitor's "print"
// becomes a job on the print queue's worker thread, and every outcome comes
// back as an SDL event, so a slow, hanging or broken printer never stalls a
// frame. While the printer reports a fault the flow hides the print choice.

#include <SDL.h>

#include <cstdint>
#include <ctime>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/printing/print_queue.hpp"
#include "kiosk/core/takeaway/receipt_content.hpp"
#include "kiosk/core/visit/visit_flow.hpp"

namespace kiosk::app {

// What a receipt says about this kiosk and this moment, for the kiosk and print-test alike.
ReceiptContext receipt_context(const KioskConfig& config, const ContentPack& pack,
                               const std::string& language, std::time_t now);

class ReceiptPrinter {
  public:
    // Keeps references; `config.printer.target` must be set.
    ReceiptPrinter(const KioskConfig& config, const Catalogue& catalogue);
    ~ReceiptPrinter();
    ReceiptPrinter(const ReceiptPrinter&) = delete;
    ReceiptPrinter& operator=(const ReceiptPrinter&) = delete;

    // Asks the printer how it is, off the loop; the answer arrives as an event.
    void check_status();
    // Sends the receipt a visit asked for; the worker lays it out and prints
    // it, and the outcome comes back as an event. A receipt that cannot be
    // put together fails at once, into `flow`.
    void print(const effect::PrintReceipt& asked, VisitFlow& flow);
    // Whether `event` is one of ours; if so, applies it to the flow and gives
    // the effects the outcome asks for (count a new fault, a printed receipt).
    std::optional<Effects> handle(const SDL_Event& event, VisitFlow& flow);

    // For the adviser's health view.
    PrinterStatus last_status() const { return queue_->last_status(); }
    std::optional<std::string> last_fault() const { return queue_->last_fault(); }

  private:
    struct Report;
    void post(std::unique_ptr<Report> report);

    const KioskConfig& config_;
    const Catalogue& catalogue_;
    std::uint32_t event_type_;
    std::optional<GrayImage> logo_;            // the deployment's, on white, for the paper
    std::optional<std::string> logged_fault_;  // each fault is logged once, not every check
    // Behind a pointer so the destructor can stop its worker before freeing
    // the reports it posted.
    std::unique_ptr<PrintQueue> queue_;
};

}  // namespace kiosk::app
