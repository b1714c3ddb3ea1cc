// Printing a 5-course receipt: layout, ESC/POS encoding, and the time from
// "print" to the last byte acknowledged by a (fake) printer on loopback.
//
//   build/bin/kiosk_bench --benchmark_filter=Receipt

#include <benchmark/benchmark.h>

#include "kiosk/core/printing/print_job.hpp"
#include "kiosk/core/takeaway/qr.hpp"
#include "kiosk/core/takeaway/receipt.hpp"
#include "tests/support/fake_printer.hpp"

namespace {

using namespace kiosk;

Receipt five_course_receipt() {
    Receipt r;
    r.kiosk_name = "Leerwerkloket Heerlen";
    r.date_time = "28-11-2026  14:05";
    r.text = {"Courses that fit you", "Scan the code with your phone to see the list.",
              "In Dutch:", "Questions? We are happy to help."};
    const char* titles[] = {"Dutch at B1 level (evening)", "Care assistant (mbo 2, work and learn)",
                            "Computer basics at the library", "Forklift certificate (2 days)",
                            "Back to work: training for returners"};
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        r.courses.push_back({titles[i], "Nederlandse titel van de cursus " + std::to_string(i + 1),
                             "ROC Maasvallei (voorbeeld)", "Heerlen", "Starts 12-01-2027", "Free"});
        ids.push_back("HL-COURSE-" + std::to_string(i + 1));
    }
    r.qr_payload = results_payload("https://leren.example.nl/limburg/kiosk", "nl", ids);
    r.contact = "Bibliotheek Heerlen, Bongerd 19\n045 000 0000 | leerwerkloket@example.nl";
    return r;
}

void BM_ReceiptLayout(benchmark::State& state) {
    const Receipt receipt = five_course_receipt();
    ReceiptStyle style;
    style.width_dots = static_cast<int>(state.range(0));
    for (auto _ : state) {
        auto image = render_receipt_image(receipt, style);
        benchmark::DoNotOptimize(image);
    }
}
BENCHMARK(BM_ReceiptLayout)->Arg(576)->Arg(384)->Unit(benchmark::kMillisecond);

void BM_ReceiptPrintToLastByte(benchmark::State& state) {
    const Receipt receipt = five_course_receipt();
    auto image = render_receipt_image(receipt, ReceiptStyle{});
    test::FakePrinterOptions options;
    // A real printer's buffer, not Linux's: the sender waits as it would on site.
    test::FakePrinter printer(options);
    PrinterConfig config;
    config.target = PrinterTarget{PrinterTarget::Kind::tcp, "127.0.0.1", printer.port(), ""};
    config.native_qr = state.range(0) != 0;
    auto job = encode_receipt_job(*image, receipt.qr_payload, config);
    if (!job) {
        state.SkipWithError(job.error().c_str());
        return;
    }
    for (auto _ : state) {
        const PrintOutcome outcome = print_to(config, *job);
        if (!outcome.printed)
            state.SkipWithError(outcome.problem.c_str());
    }
    state.counters["job_bytes"] = static_cast<double>(job->size());
}
BENCHMARK(BM_ReceiptPrintToLastByte)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
