// From a visit's ranking to paper: receipt content, ESC/POS job, a fake printer
// on a loopback port, and the printed QR code read back with zbar.

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <condition_variable>
#include <mutex>

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/pack/pack_writer.hpp"
#include "kiosk/core/printing/print_job.hpp"
#include "kiosk/core/printing/print_queue.hpp"
#include "kiosk/core/takeaway/receipt_content.hpp"
#include "kiosk/core/visit/replay.hpp"
#include "tests/support/fake_printer.hpp"
#include "tests/support/test_support.hpp"
#include "tests/support/zbar_decode.hpp"

using namespace kiosk;

namespace {

struct Printed {
    Catalogue catalogue;
    Ranking ranking;
    Receipt receipt;
    ReceiptImage image;

    std::string job(const PrinterConfig& config) const {
        auto bytes = encode_receipt_job(image, receipt.qr_payload, config);
        REQUIRE(bytes.ok());
        return *bytes;
    }
};

// The small pack compiled, a visit played, its receipt laid out.
Printed visit_receipt(const std::string& answers, const std::string& lang) {
    static test::TempDir dir;
    static const auto db = [] {
        Issues issues;
        const auto source = load_content_dir(test::fixture("pack_small"), issues);
        REQUIRE(build_content_db(source, dir / "pack.db").ok());
        return dir / "pack.db";
    }();
    auto catalogue = Catalogue::open(db);
    REQUIRE(catalogue.ok());
    const ContentPack& pack = catalogue->pack();
    Visit visit(pack.questionnaire, pack.info.languages, "nl");
    visit.apply(intent::ChangeLanguage{lang});
    auto specs = parse_answer_list(answers);
    REQUIRE(specs.ok());
    REQUIRE(replay(visit, pack.questionnaire, *specs).ok());
    const Matcher matcher(pack, catalogue->index());
    Ranking ranking =
        matcher.rank(visit.answers(), {days_from_civil(2026, 12, 1), 50.8882, 5.9795});
    REQUIRE_FALSE(ranking.results.empty());
    auto receipt = receipt_for(*catalogue, ranking,
                               {"Leerwerkloket Test", "045 000 0000", lang, 1796119200, ""});
    REQUIRE(receipt.ok());
    auto image = render_receipt_image(*receipt, ReceiptStyle{});
    REQUIRE(image.ok());
    return {std::move(*catalogue), std::move(ranking), std::move(*receipt), std::move(*image)};
}

PrinterConfig printer_at(std::uint16_t port) {
    PrinterConfig config;
    config.target = PrinterTarget{PrinterTarget::Kind::tcp, "127.0.0.1", port, ""};
    config.timeouts.connect = std::chrono::milliseconds(1000);
    config.timeouts.io = std::chrono::milliseconds(1500);
    config.status_timeout = std::chrono::milliseconds(300);
    return config;
}

// Waits for a PrintQueue callback.
struct Waiter {
    std::mutex mutex;
    std::condition_variable cv;
    std::optional<PrintOutcome> outcome;
    PrintQueue::Done callback() {
        return [this](const PrintOutcome& o) {
            std::lock_guard lock(mutex);
            outcome = o;
            cv.notify_all();
        };
    }
    bool wait(std::chrono::seconds limit = std::chrono::seconds(15)) {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, limit, [&] { return outcome.has_value(); });
    }
    bool done() {
        std::lock_guard lock(mutex);
        return outcome.has_value();
    }
};

}  // namespace

TEST_CASE("a visit's receipt prints on the fake printer and its QR code decodes to the list") {
    const Printed p = visit_receipt("situation=newcomer,dutch=none,interest=care", "en");
    test::FakePrinter printer;
    const PrinterConfig config = printer_at(printer.port());
    const PrintOutcome outcome = print_to(config, p.job(config));
    INFO(outcome.problem);
    REQUIRE(outcome.printed);
    CHECK(outcome.status.state == PrinterState::online);
    REQUIRE(printer.wait_for_jobs(1, std::chrono::seconds(5)));
    INFO(printer.errors_text());
    CHECK(printer.errors().empty());
    CHECK(printer.cuts() == 1);
    CHECK(test::decode_qr_codes(printer.raster()) ==
          std::vector<std::string>{p.receipt.qr_payload});
}

TEST_CASE("the receipt lists the courses in the visitor's language with Dutch titles beside them") {
    const Printed en = visit_receipt("situation=looking,interest=care", "en");
    REQUIRE_FALSE(en.receipt.courses.empty());
    const auto& first = en.receipt.courses.front();
    CHECK(first.title == "Care assistant");
    CHECK(first.title_nl == "Helpende zorg");
    CHECK(first.start == "Starts 15-01-2027");
    CHECK(first.cost == "Free");
    CHECK(en.receipt.text.heading == "Your courses");

    const Printed nl = visit_receipt("situation=looking,interest=care", "nl");
    CHECK(nl.receipt.courses.front().title == "Helpende zorg");
    CHECK(nl.receipt.courses.front().title_nl.empty());
    CHECK(nl.receipt.courses.front().cost == "Gratis");
}

TEST_CASE("the receipt carries nothing of the visitor's answers") {
    const Printed p = visit_receipt("situation=newcomer,dutch=none,interest=care", "en");
    std::string everything = p.receipt.kiosk_name + p.receipt.date_time + p.receipt.qr_payload +
                             p.receipt.contact + p.receipt.text.heading;
    for (const auto& c : p.receipt.courses) {
        everything += c.title + c.title_nl + c.provider + c.place + c.start + c.cost;
    }
    for (const auto& reason :
         {"You want to learn Dutch.", "You like working with people.", "newcomer"}) {
        CHECK(everything.find(reason) == std::string::npos);
    }
    const auto fragment = p.receipt.qr_payload.substr(p.receipt.qr_payload.find('#') + 1);
    for (const auto& r : p.ranking.results) {
        CHECK(fragment.find(p.catalogue.course_id(r.course)) != std::string::npos);
    }
}

TEST_CASE("amounts are written the way the visitor's language writes them") {
    CHECK(format_euros(1300, "nl") == "1.300");
    CHECK(format_euros(1300, "en") == "1,300");
    CHECK(format_euros(49.5, "nl") == "49,50");
    CHECK(format_euros(12345.25, "en") == "12,345.25");
    CHECK(format_euros(std::nan(""), "nl") == "?");
    CHECK(format_euros(1e30, "nl") == "?");
    CHECK(format_euros(0.99, "nl") == "0,99");
}

TEST_CASE("a printer that reports paper out gets nothing and the fault is named") {
    test::FakePrinterOptions options;
    options.status[3] = 0x12 | 0x60;  // DLE EOT 4: paper end
    test::FakePrinter printer(options);
    const Printed p = visit_receipt("interest=care", "nl");
    const PrinterConfig config = printer_at(printer.port());
    const PrintOutcome outcome = print_to(config, p.job(config));
    CHECK_FALSE(outcome.printed);
    CHECK(outcome.status.state == PrinterState::paper_out);
    CHECK(outcome.problem.find("paper") != std::string::npos);
    CHECK(outcome.bytes_sent == 0);
    CHECK(printer.jobs_completed() == 0);
}

TEST_CASE("a printer that does not answer status still prints, and its status stays unknown") {
    test::FakePrinterOptions options;
    options.status = {std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    test::FakePrinter printer(options);
    const Printed p = visit_receipt("interest=ict", "nl");
    const PrinterConfig config = printer_at(printer.port());
    const PrintOutcome outcome = print_to(config, p.job(config));
    INFO(outcome.problem);
    CHECK(outcome.printed);
    CHECK(outcome.status.state == PrinterState::unknown);
    REQUIRE(printer.wait_for_jobs(1, std::chrono::seconds(5)));
    CHECK(test::decode_qr_codes(printer.raster()) ==
          std::vector<std::string>{p.receipt.qr_payload});
}

TEST_CASE("a printer that is not listening is a fault with its address, not a hang") {
    const PrinterConfig config = printer_at(test::unused_port());
    const Printed p = visit_receipt("interest=ict", "nl");
    const PrintOutcome outcome = print_to(config, p.job(config));
    CHECK_FALSE(outcome.printed);
    CHECK(outcome.problem.find("127.0.0.1") != std::string::npos);
    CHECK(outcome.status.state == PrinterState::offline);
}

TEST_CASE("a connection dropped mid-job is a failed print, not a success") {
    test::FakePrinterOptions options;
    options.drop_after_bytes = 20000;
    test::FakePrinter printer(options);
    const Printed p = visit_receipt("interest=care", "nl");
    const PrinterConfig config = printer_at(printer.port());
    const PrintOutcome outcome = print_to(config, p.job(config));
    CHECK_FALSE(outcome.printed);
    CHECK_FALSE(outcome.problem.empty());
}

TEST_CASE("printing runs beside the visitor: submit returns while the printer hangs") {
    test::FakePrinterOptions options;
    options.stop_reading_after_bytes = 8000;
    test::FakePrinter printer(options);
    const Printed p = visit_receipt("interest=care", "nl");
    const PrinterConfig config = printer_at(printer.port());
    PrintQueue queue(config);
    Waiter waiter;
    queue.submit(p.job(config), waiter.callback());
    // The printer stops reading and the write time-out is 1.5 s: the job
    // cannot have ended yet, but submit has already returned.
    CHECK_FALSE(waiter.done());
    REQUIRE(waiter.wait());
    CHECK_FALSE(waiter.outcome->printed);
    CHECK_FALSE(waiter.outcome->problem.empty());
    CHECK(queue.last_fault() == waiter.outcome->problem);
    CHECK(queue.current_fault() == waiter.outcome->problem);
}

TEST_CASE("the worker lays a receipt out and prints it; a layout that fails is no printer fault") {
    test::FakePrinter printer;
    const Printed p = visit_receipt("interest=care", "nl");
    const PrinterConfig config = printer_at(printer.port());
    PrintQueue queue(config);
    Waiter broken;
    queue.submit([]() -> Result<std::string> { return Error{"the receipt is too long"}; },
                 broken.callback());
    REQUIRE(broken.wait());
    CHECK_FALSE(broken.outcome->printed);
    CHECK(broken.outcome->problem == "the receipt is too long");
    CHECK_FALSE(queue.current_fault().has_value());
    CHECK_FALSE(queue.last_fault().has_value());

    Waiter made;
    queue.submit([bytes = p.job(config)]() -> Result<std::string> { return bytes; },
                 made.callback());
    REQUIRE(made.wait());
    INFO(made.outcome->problem);
    CHECK(made.outcome->printed);
    REQUIRE(printer.wait_for_jobs(1, std::chrono::seconds(5)));
}

TEST_CASE("the print queue remembers the printer's state for the adviser") {
    test::FakePrinterOptions options;
    options.status[1] = 0x12 | 0x04;  // DLE EOT 2: cover open
    options.status[0] = 0x12 | 0x08;  // DLE EOT 1: offline
    test::FakePrinter printer(options);
    PrintQueue queue(printer_at(printer.port()));
    Waiter waiter;
    queue.check_status(waiter.callback());
    REQUIRE(waiter.wait());
    CHECK(waiter.outcome->status.state == PrinterState::cover_open);
    CHECK(queue.last_status().state == PrinterState::cover_open);
    CHECK(queue.last_fault().has_value());
}

TEST_CASE("the kiosk configuration names its printer and paper") {
    Issues issues;
    const auto config = load_config_toml(R"(
[kiosk]
name = "Leerwerkloket Venlo"
contact = "Venlo\n077 000 0000"

[printer]
target = "tcp:192.0.2.10"
paper_mm = 58
status_timeout_ms = 500
)",
                                         "kiosk.toml", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    CHECK(config.name == "Leerwerkloket Venlo");
    REQUIRE(config.printer.target.has_value());
    CHECK(config.printer.target->host == "192.0.2.10");
    CHECK(config.printer.target->port == 9100);
    CHECK(config.printer.width_dots == 384);
    CHECK(config.printer.status_timeout == std::chrono::milliseconds(500));
}

TEST_CASE("a bad printer configuration is reported with file, line and key") {
    Issues issues;
    load_config_toml(
        "[kiosk]\nname = \"X\"\n[printer]\ntarget = \"lpt1\"\npaper_mm = 70\nspeed = 3\n",
        "kiosk.toml", issues);
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "kiosk.toml:4: printer.target: "));
    CHECK(test::has_issue(issues, "kiosk.toml:5: printer.paper_mm: must be 58 or 80"));
    CHECK(test::has_issue(issues, "kiosk.toml:6: printer.speed: unknown key"));
}

TEST_CASE("the example configuration is valid") {
    Issues issues;
    load_config_file(test::source_dir() / "deploy" / "config" / "kiosk.example.toml", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
}

TEST_CASE(
    "a printer set to draw its own QR code gets the payload byte for byte in the QR's place") {
    const Printed p = visit_receipt("situation=looking,interest=care", "en");
    test::FakePrinter printer;
    PrinterConfig config = printer_at(printer.port());
    config.native_qr = true;
    const PrintOutcome outcome = print_to(config, p.job(config));
    INFO(outcome.problem);
    REQUIRE(outcome.printed);
    REQUIRE(printer.wait_for_jobs(1, std::chrono::seconds(5)));
    INFO(printer.errors_text());
    CHECK(printer.errors().empty());
    CHECK(printer.native_qr_payloads() == std::vector<std::string>{p.receipt.qr_payload});
    // The raster holds everything but the code: the text above and below it.
    CHECK(test::decode_qr_codes(printer.raster()).empty());
    CHECK(printer.raster().height == p.image.image.height - (p.image.qr_bottom - p.image.qr_top));
}

TEST_CASE("a printer fault is cleared once the printer prints again") {
    test::TempDir dir;
    PrinterConfig config;
    config.target = PrinterTarget{PrinterTarget::Kind::device, "", 9100, (dir / "lp0").string()};
    config.timeouts.io = std::chrono::milliseconds(500);
    PrintQueue queue(config);
    Waiter missing;
    queue.submit("\x1b@", missing.callback());
    REQUIRE(missing.wait());
    CHECK_FALSE(missing.outcome->printed);
    CHECK(queue.current_fault().has_value());

    test::write_text(dir / "lp0", "");  // the printer is plugged in again
    Waiter back;
    queue.submit("\x1b@", back.callback());
    REQUIRE(back.wait());
    INFO(back.outcome->problem);
    CHECK(back.outcome->printed);
    CHECK_FALSE(queue.current_fault().has_value());
    CHECK(queue.last_fault() == missing.outcome->problem);
}

TEST_CASE("the deployment's results address wins over the pack's") {
    Issues issues;
    const auto config = load_config_toml(
        "[kiosk]\nname = \"X\"\nresults_url = \"https://venlo.example.nl/cursussen\"\n",
        "kiosk.toml", issues);
    REQUIRE_FALSE(issues.has_errors());
    const Printed p = visit_receipt("interest=care", "nl");
    auto receipt = receipt_for(p.catalogue, p.ranking, {"X", "", "nl", 0, config.results_url});
    REQUIRE(receipt.ok());
    CHECK(receipt->qr_payload.starts_with("https://venlo.example.nl/cursussen#"));
}
