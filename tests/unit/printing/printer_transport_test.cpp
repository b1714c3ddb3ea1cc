// Sending jobs to a printer and asking it how it is, against the fake ESC/POS
// printer on loopback: the happy path end to end (down to zbar reading the
// printed QR code) and each way a real printer lets the kiosk down.

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/printing/escpos.hpp"
#include "kiosk/core/printing/printer_target.hpp"
#include "kiosk/core/takeaway/qr.hpp"
#include "tests/support/fake_printer.hpp"
#include "tests/support/test_support.hpp"
#include "tests/support/zbar_decode.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const std::string payload = results_payload("https://leren.example.nl/limburg/kiosk", "nl",
                                            {"MT-NT2-A1-D", "HL-NT2-A2-E", "ON-NT2-A1"});

// A receipt-shaped picture: a few black bars for text, then the QR code with
// whole dots per module, narrower than the paper so it has to be centred.
GrayImage receipt_with_qr(const std::string& text, int rows_of_text) {
    auto code = encode_qr(text);
    REQUIRE(code.ok());
    const GrayImage qr = render_qr(*code, 6);
    GrayImage receipt{qr.width, rows_of_text + qr.height, {}};
    receipt.pixels.assign(static_cast<std::size_t>(receipt.width) * receipt.height, 255);
    for (int y = 0; y < rows_of_text; ++y) {
        if (y % 40 >= 24)
            continue;  // a line of "text", then spacing
        for (int x = 20; x < receipt.width - 20; ++x)
            receipt.pixels[y * receipt.width + x] = 0;
    }
    std::copy(qr.pixels.begin(), qr.pixels.end(),
              receipt.pixels.begin() + static_cast<std::ptrdiff_t>(rows_of_text) * receipt.width);
    return receipt;
}

std::string job_for(const GrayImage& image) {
    auto job = encode_raster_job(image, EscPosOptions{});
    REQUIRE(job.ok());
    return *job;
}

// A plain black picture: `rows` of 72 bytes each on 80 mm paper.
std::string job_of_rows(int rows) {
    return job_for({576, rows, std::vector<std::uint8_t>(static_cast<std::size_t>(576) * rows, 0)});
}

std::unique_ptr<PrinterTransport> connect_to(const test::FakePrinter& printer,
                                             std::chrono::milliseconds io_timeout = 2s) {
    auto transport = TcpTransport::connect("127.0.0.1", printer.port(), 1s, io_timeout);
    INFO((transport ? std::string() : transport.error()));
    REQUIRE(transport.ok());
    return std::move(*transport);
}

void send_and_close(const test::FakePrinter& printer, const std::string& bytes) {
    auto transport = connect_to(printer);
    const auto sent = transport->write_all(bytes);
    INFO((sent ? std::string() : sent.error()));
    REQUIRE(sent.ok());
}

}  // namespace

TEST_CASE("the fake printer rebuilds the receipt and its QR decodes with zbar", "[printer]") {
    test::FakePrinter printer;
    const GrayImage receipt = receipt_with_qr(payload, 120);
    {
        auto transport = connect_to(printer);
        // As the kiosk does it: ask first, then print on the same connection.
        CHECK(query_status(*transport, 1s).state == PrinterState::online);
        REQUIRE(transport->write_all(job_for(receipt)).ok());
    }
    REQUIRE(printer.wait_for_jobs(1, 5s));
    INFO(printer.errors_text());
    CHECK(printer.errors().empty());
    CHECK(printer.cuts() == 1);
    const GrayImage printed = printer.raster();
    CHECK(printed.width == 576);
    CHECK(printed.height == receipt.height);
    CHECK(test::decode_qr_codes(printed) == std::vector<std::string>{payload});
}

TEST_CASE("the fake printer records a native QR payload byte for byte", "[printer]") {
    test::FakePrinter printer;
    const std::string utf8 = "https://x.example.nl/#\xc3\x9c\xc5\x82\xd0\x9a";
    const auto qr = encode_native_qr(utf8, 6, 'Q');
    REQUIRE(qr.ok());
    send_and_close(printer, "\x1b@" + *qr + std::string("\x1dV\x42\0", 4));
    REQUIRE(printer.wait_for_jobs(1, 5s));
    INFO(printer.errors_text());
    CHECK(printer.errors().empty());
    CHECK(printer.native_qr_payloads() == std::vector<std::string>{utf8});
}

TEST_CASE("the fake printer rejects malformed commands at their byte offset", "[printer]") {
    struct Case {
        std::string name;
        std::string bytes;
        std::size_t offset;
    };
    const std::vector<Case> cases = {
        {"unknown command", std::string("\x1b@\x1bZ", 4), 2},
        {"plain text", std::string("\x1b@hello", 7), 2},
        {"band too big for the buffer", std::string("\x1b@\x1dv0\0\x48\0\x64\0", 10), 2},
        {"band wider than the paper", std::string("\x1b@\x1dv0\0\x50\0\x01\0", 10), 2},
        {"band over 4095 rows", std::string("\x1b@\x1dv0\0\x01\0\x00\x10", 10), 2},
        {"truncated band", std::string("\x1b@\x1dv0\0\x01\0\x05\0\xff\xff", 12), 2},
        {"truncated cut", std::string("\x1b@\x1dV", 4), 2},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        test::FakePrinter printer;
        send_and_close(printer, c.bytes);
        REQUIRE(printer.wait_for_closed_connections(1, 5s));
        const auto errors = printer.errors();
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].offset == c.offset);
        CHECK(printer.jobs_completed() == 0);
    }
}

TEST_CASE("status paper out is reported as paper out", "[printer][status]") {
    test::FakePrinterOptions options;
    options.status[3] = 0x72;  // DLE EOT 4: roll paper end sensor
    test::FakePrinter printer(options);
    auto transport = connect_to(printer);
    const auto status = query_status(*transport, 1s);
    CHECK(status.state == PrinterState::paper_out);
    CHECK_FALSE(can_print(status));
}

TEST_CASE("no answer to a status request is unknown, never online", "[printer][status]") {
    test::FakePrinterOptions options;
    options.status = {};  // a printer that ignores DLE EOT
    test::FakePrinter printer(options);
    auto transport = connect_to(printer);
    const auto start = Clock::now();
    const auto status = query_status(*transport, 300ms);
    CHECK(Clock::now() - start < 5s);
    CHECK(status.state == PrinterState::unknown);
    CHECK_THAT(status.detail, Catch::Contains("no answer") && Catch::Contains("300 ms"));
}

TEST_CASE("a printer that is not listening fails to connect with a message naming host and port",
          "[printer]") {
    const std::uint16_t port = test::unused_port();
    const auto transport = TcpTransport::connect("127.0.0.1", port, 1s, 1s);
    REQUIRE_FALSE(transport.ok());
    CHECK_THAT(transport.error(), Catch::Contains("127.0.0.1:" + std::to_string(port)));
}

TEST_CASE("a connection dropped mid-job is reported, not swallowed", "[printer]") {
    test::FakePrinterOptions options;
    options.drop_after_bytes = 2000;
    test::FakePrinter printer(options);
    auto transport = connect_to(printer);
    const auto sent = transport->write_all(job_of_rows(2000));  // 144 KB
    REQUIRE_FALSE(sent.ok());
    CHECK_THAT(sent.error(), Catch::Contains("127.0.0.1:" + std::to_string(printer.port())));
    CHECK_THAT(sent.error(), Catch::Contains("dropped the connection"));
    CHECK(printer.jobs_completed() == 0);
}

TEST_CASE("a printer that reads very slowly still receives the whole job", "[printer]") {
    // 1 KB every 40 ms, about 25 KB/s: the 32 KB job takes some 1.3 s, longer
    // than the 1 s time-out, yet no single pause comes near it.
    test::FakePrinterOptions options;
    options.read_chunk_bytes = 1024;
    options.read_pause = 40ms;
    test::FakePrinter printer(options);
    const std::string job = job_of_rows(450);
    {
        auto transport = connect_to(printer, 1s);
        const auto sent = transport->write_all(job);
        INFO((sent ? std::string() : sent.error()));
        REQUIRE(sent.ok());
    }
    REQUIRE(printer.wait_for_jobs(1, 5s));
    INFO(printer.errors_text());
    CHECK(printer.errors().empty());
    CHECK(printer.bytes_received() == job.size());
    CHECK(printer.raster().height == 450);
}

TEST_CASE("a printer that stops reading makes the write fail after the time-out", "[printer]") {
    test::FakePrinterOptions options;
    options.stop_reading_after_bytes = 1000;
    test::FakePrinter printer(options);
    auto transport = connect_to(printer, 300ms);
    const auto start = Clock::now();
    const auto sent = transport->write_all(job_of_rows(2000));
    const auto took = Clock::now() - start;
    REQUIRE_FALSE(sent.ok());
    CHECK_THAT(sent.error(), Catch::Contains("stopped reading for 300 ms"));
    CHECK(took >= 300ms);
    CHECK(took < 5s);
}

TEST_CASE("a file target receives exactly the job bytes and cannot report status", "[printer]") {
    test::TempDir dir;
    const std::string path = (dir / "receipt.bin").string();
    auto target = parse_printer_target("file:" + path);
    REQUIRE(target.ok());
    auto transport = open_transport(*target, PrinterTimeouts{});
    REQUIRE(transport.ok());
    const std::string job = job_of_rows(10);
    REQUIRE((*transport)->write_all(job).ok());
    CHECK_FALSE((*transport)->can_answer());
    const auto status = query_status(**transport, 300ms);
    CHECK(status.state == PrinterState::unknown);
    CHECK(status.detail == "this connection cannot report status");
    transport->reset();
    CHECK(test::read_text(path) == job);
}

TEST_CASE("a device that cannot be read is written to, and its status is unknown", "[printer]") {
    // /dev/null opens read-write but never has a byte to read, like a
    // one-way USB printer.
    auto device = DeviceTransport::open("/dev/null", 1s);
    REQUIRE(device.ok());
    CHECK((*device)->write_all(job_of_rows(10)).ok());
    CHECK_FALSE((*device)->can_answer());
    CHECK(query_status(**device, 300ms).state == PrinterState::unknown);

    const auto missing = DeviceTransport::open("/dev/usb/no-such-lp9", 1s);
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error(), Catch::Contains("/dev/usb/no-such-lp9"));
}

TEST_CASE("printer targets are read from the configuration text", "[printer][config]") {
    auto tcp = parse_printer_target("tcp:192.168.1.50:9101");
    REQUIRE(tcp.ok());
    CHECK(tcp->kind == PrinterTarget::Kind::tcp);
    CHECK(tcp->host == "192.168.1.50");
    CHECK(tcp->port == 9101);

    auto default_port = parse_printer_target("tcp:bon-printer.local");
    REQUIRE(default_port.ok());
    CHECK(default_port->host == "bon-printer.local");
    CHECK(default_port->port == 9100);

    auto ipv6 = parse_printer_target("tcp:[fe80::1]:9100");
    REQUIRE(ipv6.ok());
    CHECK(ipv6->host == "fe80::1");

    auto device = parse_printer_target("device:/dev/usb/lp0");
    REQUIRE(device.ok());
    CHECK(device->kind == PrinterTarget::Kind::device);
    CHECK(device->path == "/dev/usb/lp0");

    auto file = parse_printer_target("file:preview/out.bin");
    REQUIRE(file.ok());
    CHECK(file->kind == PrinterTarget::Kind::file);
    CHECK(file->path == "preview/out.bin");
}

TEST_CASE("bad printer targets are refused, quoting the text", "[printer][config]") {
    for (const std::string bad :
         {"", "printer", "usb:/dev/lp0", "tcp:", "tcp:host:", "tcp::9100", "tcp:host:0",
          "tcp:host:65536", "tcp:host:91OO", "tcp:host:99999999999999999999", "tcp:fe80::1",
          "tcp:[::1", "tcp:[::1]9100", "tcp:[]:9100", "device:", "device:lp0", "file:"}) {
        INFO(bad);
        const auto target = parse_printer_target(bad);
        REQUIRE_FALSE(target.ok());
        CHECK_THAT(target.error(), Catch::Contains("'" + bad + "'"));
    }
}
