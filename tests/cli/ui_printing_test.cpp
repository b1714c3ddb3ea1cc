// The receipt choice on the touch kiosk itself: the real binary plays a visit
// headless against a fake ESC/POS printer on a loopback port, and what the
// screen says, what reached the paper and what a phone reads from either QR
// code are checked against each other.

#include <catch2/catch.hpp>

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/core/io/png.hpp"
#include "tests/support/cli_support.hpp"
#include "tests/support/fake_printer.hpp"
#include "tests/support/stats_support.hpp"
#include "tests/support/test_support.hpp"
#include "tests/support/zbar_decode.hpp"

namespace {

using test::bundled_pack;
using test::line_starting;
using test::quoted;
using test::run;

using namespace std::chrono_literals;

// What the visit below must carry home, as `kiosk match` computes it.
const std::string& visit_payload() {
    static const std::string payload = [] {
        const auto out = run("match --content " + quoted(bundled_pack()) +
                             " --answers 'situation=looking,goal=job_soon' --lang en"
                             " --today 2026-12-01");
        INFO(out.text);
        REQUIRE(out.status == 0);
        const auto p = line_starting(out.text, "QR payload: ");
        REQUIRE_FALSE(p.empty());
        return p;
    }();
    return payload;
}

// The example deployment's [kiosk] part, and a printer at `port` that is
// given up on quickly, so no case waits long for a broken one.
std::string config_for_port(std::uint16_t port) {
    const std::string example =
        test::read_text(test::source_dir() / "deploy" / "config" / "kiosk.example.toml");
    const auto begin = example.find("[kiosk]");
    const auto end = example.find("\n[", begin);
    REQUIRE(begin != std::string::npos);
    return example.substr(begin, end - begin) +
           "\n\n[printer]\n"
           "target = \"tcp:127.0.0.1:" +
           std::to_string(port) +
           "\"\n"
           "paper_mm = 80\n"
           "connect_timeout_ms = 500\n"
           "write_timeout_ms = 2000\n"
           "status_timeout_ms = 300\n";
}

// A visitor looking for work soon, in English, up to the take-away screen.
const std::string visit_to_takeaway = R"(tap "Beginnen"
tap "English"
tap "I am looking for work"   # situation=looking
tap "Find a job soon"         # goal=job_soon
tap "Skip"
tap "Skip"
tap "Skip"
tap "Skip"
tap "Skip"
tap "Skip"
tap "Skip"
tap "Skip"
tap "Skip"
expect screen results
tap "Take it with you"
expect screen takeaway
)";

struct KioskRun {
    test::Output out;
    std::filesystem::path screenshots;
};

// Plays the visit and then `rest` on the headless kiosk with the printer at
// `port`, keeping usage figures in `stats` when given.
KioskRun play(const test::TempDir& dir, std::uint16_t port, const std::string& rest,
              const std::filesystem::path& stats = {}) {
    test::write_text(dir / "kiosk.toml", config_for_port(port));
    test::write_text(dir / "visit.script", visit_to_takeaway + rest);
    KioskRun kiosk{{}, dir / "shots"};
    kiosk.out = run("--headless --size 1280x800 --content " + quoted(bundled_pack()) +
                    " --config " + quoted(dir / "kiosk.toml") + " --today 2026-12-01 --script " +
                    quoted(dir / "visit.script") + " --screenshots " + quoted(kiosk.screenshots) +
                    (stats.empty() ? "" : " --stats " + quoted(stats)));
    return kiosk;
}

std::vector<std::string> qr_codes_in(const std::filesystem::path& png) {
    auto image = kiosk::read_png_gray(png.string());
    REQUIRE(image.ok());
    return test::decode_qr_codes(*image);
}

// Whatever became of the paper, the visitor leaves with the code on screen.
const std::string code_still_on_screen = R"(expect text "Scan the code with your phone's camera"
screenshot takeaway
)";

}  // namespace

TEST_CASE("a visit prints its receipt and the printed QR code decodes to the list's payload",
          "[ui-print]") {
    test::FakePrinter printer;
    test::TempDir dir;
    const auto kiosk = play(dir, printer.port(), R"(expect text "Print a receipt"
tap "Print a receipt"
wait printer
expect text "Your receipt is ready"
expect no text "Printing did not work"
)" + code_still_on_screen + R"(tap "Done"
expect screen thanks
)");
    INFO(kiosk.out.text);
    REQUIRE(kiosk.out.status == 0);
    REQUIRE(printer.wait_for_jobs(1, 5s));
    INFO(printer.errors_text());
    CHECK(printer.errors().empty());
    CHECK(printer.jobs_completed() == 1);
    CHECK(printer.cuts() == 1);
    CHECK(test::decode_qr_codes(printer.raster()) == std::vector<std::string>{visit_payload()});
    CHECK(qr_codes_in(kiosk.screenshots / "takeaway.png") ==
          std::vector<std::string>{visit_payload()});
    CHECK(kiosk.out.text.find("printer fault") == std::string::npos);
}

TEST_CASE("a printed receipt and the visit that chose it are each counted once in the figures",
          "[ui-print]") {
    test::FakePrinter printer;
    test::TempDir dir;
    const auto stats = dir / "stats.db";
    const auto kiosk = play(dir, printer.port(), R"(tap "Print a receipt"
wait printer
expect text "Your receipt is ready"
tap "Done"
expect screen thanks
)",
                            stats);
    INFO(kiosk.out.text);
    REQUIRE(kiosk.out.status == 0);
    const auto day = kiosk::days_from_civil(2026, 12, 1);
    const auto totals = test::metric_totals(stats.string(), day, day);
    CHECK(totals.at("visit_started") == 1);
    CHECK(totals.at("receipt") == 1);
    CHECK(totals.at("receipt_printed") == 1);
}

TEST_CASE("a printer that reports paper out hides the print choice and shows the QR code",
          "[ui-print]") {
    test::FakePrinterOptions options;
    options.status[3] = 0x12 | 0x60;  // DLE EOT 4: paper end
    test::FakePrinter printer(options);
    test::TempDir dir;
    const auto stats = dir / "stats.db";
    const auto kiosk = play(dir, printer.port(), R"(expect no text "Print a receipt"
expect text "The printer is not working right now"
)" + code_still_on_screen,
                            stats);
    INFO(kiosk.out.text);
    REQUIRE(kiosk.out.status == 0);
    CHECK(kiosk.out.text.find("printer fault: ") != std::string::npos);
    // Counted once as a fixed word, however often the printer is asked.
    const auto day = kiosk::days_from_civil(2026, 12, 1);
    CHECK(test::metric_totals(stats.string(), day, day).at("printer_fault") == 1);
    CHECK(qr_codes_in(kiosk.screenshots / "takeaway.png") ==
          std::vector<std::string>{visit_payload()});
    INFO(printer.errors_text());
    CHECK(printer.errors().empty());
    CHECK(printer.jobs_completed() == 0);
    CHECK(printer.cuts() == 0);
}

TEST_CASE("a printer that is not listening hides the print choice", "[ui-print]") {
    test::TempDir dir;
    const auto kiosk = play(dir, test::unused_port(), R"(expect no text "Print a receipt"
expect text "The printer is not working right now"
)" + code_still_on_screen);
    INFO(kiosk.out.text);
    REQUIRE(kiosk.out.status == 0);
    // Said once in the log, with the address, not once per status check.
    const auto first = kiosk.out.text.find("printer fault: ");
    REQUIRE(first != std::string::npos);
    CHECK(kiosk.out.text.find("127.0.0.1", first) != std::string::npos);
    CHECK(kiosk.out.text.find("printer fault: ", first + 1) == std::string::npos);
    CHECK(qr_codes_in(kiosk.screenshots / "takeaway.png") ==
          std::vector<std::string>{visit_payload()});
}

TEST_CASE("a printer that gives no status answer is offered, prints, and keeps the QR code",
          "[ui-print]") {
    // No answer is "unknown", not a fault: many network printers never answer
    // DLE EOT, so the receipt is sent, and the code stays on screen.
    test::FakePrinterOptions options;
    options.status = {std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    test::FakePrinter printer(options);
    test::TempDir dir;
    const auto kiosk = play(dir, printer.port(), R"(expect no text "The printer is not working"
tap "Print a receipt"
wait printer
expect text "Your receipt is ready"
)" + code_still_on_screen + R"(tap "Done"
expect screen thanks
)");
    INFO(kiosk.out.text);
    REQUIRE(kiosk.out.status == 0);
    REQUIRE(printer.wait_for_jobs(1, 5s));
    INFO(printer.errors_text());
    CHECK(printer.errors().empty());
    CHECK(printer.cuts() == 1);
    CHECK(test::decode_qr_codes(printer.raster()) == std::vector<std::string>{visit_payload()});
    CHECK(qr_codes_in(kiosk.screenshots / "takeaway.png") ==
          std::vector<std::string>{visit_payload()});
    CHECK(kiosk.out.text.find("printer fault") == std::string::npos);
}

TEST_CASE("a connection dropped mid-job says printing did not work and keeps the QR code",
          "[ui-print]") {
    test::FakePrinterOptions options;
    options.drop_after_bytes = 2000;
    test::FakePrinter printer(options);
    test::TempDir dir;
    const auto kiosk = play(dir, printer.port(), R"(tap "Print a receipt"
wait printer
expect text "Printing did not work"
expect no text "Your receipt is ready"
)" + code_still_on_screen + R"(tap "Done"
expect screen thanks
)");
    INFO(kiosk.out.text);
    REQUIRE(kiosk.out.status == 0);
    CHECK(kiosk.out.text.find("receipt not printed: ") != std::string::npos);
    CHECK(qr_codes_in(kiosk.screenshots / "takeaway.png") ==
          std::vector<std::string>{visit_payload()});
    CHECK(printer.jobs_completed() == 0);
    CHECK(printer.cuts() == 0);
}

// The kiosk must also end cleanly with the job still in flight.
TEST_CASE("a printer that reads very slowly does not stall the screens", "[ui-print]") {
    test::FakePrinterOptions options;
    options.read_chunk_bytes = 512;
    options.read_pause = 50ms;
    test::FakePrinter printer(options);
    test::TempDir dir;
    // No `wait printer`: the visitor goes on while the receipt is still on its way.
    const auto kiosk = play(dir, printer.port(), R"(tap "Print a receipt"
expect text "Your receipt is being printed"
)" + code_still_on_screen + R"(tap "Done"
expect screen thanks
expect text "Thank you"
)");
    INFO(kiosk.out.text);
    // The kiosk ends by itself at the end of the script, with the job in flight.
    REQUIRE(kiosk.out.status == 0);
    CHECK(qr_codes_in(kiosk.screenshots / "takeaway.png") ==
          std::vector<std::string>{visit_payload()});
    INFO(printer.errors_text());
    CHECK(printer.errors().empty());
    CHECK(printer.bytes_received() > 0);
}
