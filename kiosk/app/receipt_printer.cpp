#include "kiosk/app/receipt_printer.hpp"

#include <ctime>
#include <iostream>

#include "kiosk/core/io/png.hpp"
#include "kiosk/core/printing/print_job.hpp"
#include "kiosk/core/takeaway/receipt.hpp"
#include "kiosk/core/takeaway/receipt_content.hpp"

namespace kiosk::app {

// What the worker thread found, carried to the loop in an SDL user event.
struct ReceiptPrinter::Report {
    bool job = false;              // a job's outcome, not a status check
    std::uint64_t generation = 0;  // the visit the job was for
    bool printed = false;
    std::string problem;
    std::optional<std::string> fault;  // the printer's fault after this report
    PrinterState state = PrinterState::unknown;
};

ReceiptContext receipt_context(const KioskConfig& config, const ContentPack& pack,
                               const std::string& language, std::time_t now) {
    return {kiosk_name(config, pack, language), config.contact, language, now, config.results_url};
}

ReceiptPrinter::ReceiptPrinter(const KioskConfig& config, const Catalogue& catalogue)
    : config_(config),
      catalogue_(catalogue),
      event_type_(SDL_RegisterEvents(1)),
      queue_(std::make_unique<PrintQueue>(config.printer)) {
    if (!config.branding.logo.empty()) {
        // Without its logo a receipt still prints; say so once.
        auto logo = read_png_on_white(config.branding.logo.string());
        if (logo)
            logo_ = std::move(*logo);
        else
            std::cerr << "kiosk: branding.logo: " << logo.error()
                      << "; receipts print without it\n";
    }
}

ReceiptPrinter::~ReceiptPrinter() {
    queue_.reset();  // no report can be posted after this
    // Reports still queued for the loop own their Report; free them.
    SDL_Event events[16];
    int n = 0;
    while ((n = SDL_PeepEvents(events, 16, SDL_GETEVENT, event_type_, event_type_)) > 0) {
        for (int i = 0; i < n; ++i)
            delete static_cast<Report*>(events[i].user.data1);
    }
}

void ReceiptPrinter::post(std::unique_ptr<Report> report) {
    SDL_Event event{};
    event.type = event_type_;
    event.user.data1 = report.get();
    // SDL_PushEvent is safe from the worker thread; the loop frees the report.
    if (SDL_PushEvent(&event) == 1)
        report.release();
}

void ReceiptPrinter::check_status() {
    // The callbacks hold the queue itself, not `queue_`: while the destructor
    // waits for the job in hand, `queue_` is already empty.
    queue_->check_status([this, queue = queue_.get()](const PrintOutcome&) {
        auto report = std::make_unique<Report>();
        report->fault = queue->current_fault();
        report->state = queue->last_status().state;
        post(std::move(report));
    });
}

void ReceiptPrinter::print(const effect::PrintReceipt& asked, VisitFlow& flow) {
    const ReceiptContext context =
        receipt_context(config_, catalogue_.pack(), asked.language, std::time(nullptr));
    // The words come from the pack here, on the loop's thread, which owns the
    // catalogue; laying them out and encoding them is the worker's.
    auto receipt = receipt_for(catalogue_, asked.ranking, context);
    if (!receipt) {
        std::cerr << "kiosk: receipt not printed: " << receipt.error() << '\n';
        flow.print_finished(asked.generation, false, receipt.error());
        return;
    }
    receipt->logo = logo_;
    auto make = [receipt = std::move(*receipt),
                 printer = config_.printer]() -> Result<std::string> {
        auto job = lay_out_receipt_job(receipt, printer);
        if (!job)
            return Error{job.error()};
        return std::move(job->bytes);
    };
    queue_->submit(std::move(make), [this, generation = asked.generation,
                                     queue = queue_.get()](const PrintOutcome& outcome) {
        auto report = std::make_unique<Report>();
        report->job = true;
        report->generation = generation;
        report->printed = outcome.printed;
        report->problem = outcome.problem;
        report->fault = queue->current_fault();
        report->state = queue->last_status().state;
        post(std::move(report));
    });
}

std::optional<Effects> ReceiptPrinter::handle(const SDL_Event& event, VisitFlow& flow) {
    if (event.type != event_type_)
        return std::nullopt;
    std::unique_ptr<Report> report(static_cast<Report*>(event.user.data1));
    if (report->job && !report->printed)
        std::cerr << "kiosk: receipt not printed: " << report->problem << '\n';
    Effects effects;
    if (report->fault != logged_fault_) {
        if (report->fault) {
            std::cerr << "kiosk: printer fault: " << *report->fault << '\n';
            effects.emplace_back(effect::CountPrinterFault{report->state});
        } else if (logged_fault_)
            std::cerr << "kiosk: printer fine again\n";
        logged_fault_ = report->fault;
    }
    flow.set_printer(true, report->fault);
    if (report->job) {
        Effects finished = flow.print_finished(
            report->generation, report->printed,
            report->printed ? std::nullopt : std::optional<std::string>(report->problem));
        effects.insert(effects.end(), finished.begin(), finished.end());
    }
    return effects;
}

}  // namespace kiosk::app
