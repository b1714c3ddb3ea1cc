// The ESC/POS bytes themselves, and what a printer's status bytes mean:
// no socket, no printer, just the encoding checked byte by byte.

#include "kiosk/core/printing/escpos.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/printing/printer_status.hpp"

using namespace kiosk;
using namespace std::string_literals;  // "..."s keeps embedded NUL bytes

namespace {

GrayImage filled(int width, int height, std::uint8_t grey) {
    return {width, height,
            std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height, grey)};
}

std::string job_for(const GrayImage& image, const EscPosOptions& options = {}) {
    auto job = encode_raster_job(image, options);
    INFO((job ? std::string() : job.error()));
    REQUIRE(job.ok());
    return *job;
}

struct Band {
    int bytes_per_row = 0;
    int rows = 0;
    std::string data;
};

// The GS v 0 bands of a job, in order; fails the test on any other byte
// between ESC @ and the feed.
std::vector<Band> bands_of(const std::string& job) {
    REQUIRE(job.rfind("\x1b@", 0) == 0);
    std::vector<Band> bands;
    std::size_t at = 2;
    while (at < job.size() && job[at] == '\x1d') {
        REQUIRE(job.size() >= at + 8);
        REQUIRE(job.substr(at, 4) == "\x1dv0\0"s);
        const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(job[at + i]); };
        Band band{byte(4) + byte(5) * 256, byte(6) + byte(7) * 256, {}};
        const auto size = static_cast<std::size_t>(band.bytes_per_row) * band.rows;
        REQUIRE(job.size() >= at + 8 + size);
        band.data = job.substr(at + 8, size);
        bands.push_back(band);
        at += 8 + size;
    }
    REQUIRE(job[at] == '\x1b');
    REQUIRE(job[at + 1] == 'd');
    return bands;
}

}  // namespace

TEST_CASE("a raster job starts with ESC @ and ends with a partial cut", "[escpos]") {
    const std::string job = job_for(filled(576, 10, 0));
    CHECK(job.substr(0, 2) == "\x1b@");
    const std::string tail =
        "\x1b"
        "d\x04"
        "\x1dV\x42\0"s;  // feed 4 lines, GS V 66 0
    REQUIRE(job.size() > tail.size());
    CHECK(job.substr(job.size() - tail.size()) == tail);
}

TEST_CASE("without a cut the job ends with the configured feed", "[escpos]") {
    EscPosOptions options;
    options.cut = false;
    options.feed_lines = 7;
    const std::string job = job_for(filled(576, 3, 255), options);
    CHECK(job.substr(job.size() - 3) ==
          "\x1b"
          "d\x07");
}

TEST_CASE("no band is larger than 4000 bytes", "[escpos]") {
    // 80 mm paper: 72 bytes a row, so 55 rows (3960 bytes) a band.
    const GrayImage tall = filled(576, 1000, 0);
    const auto bands = bands_of(job_for(tall));
    int rows = 0;
    for (const auto& band : bands) {
        CHECK(band.bytes_per_row == 72);
        CHECK(band.bytes_per_row * band.rows <= 4000);
        rows += band.rows;
    }
    CHECK(bands.front().rows == 55);
    CHECK(rows == 1000);
}

TEST_CASE("bands follow a smaller printer buffer and 58 mm paper", "[escpos]") {
    EscPosOptions options;
    options.width_dots = 384;
    options.max_band_bytes = 1000;
    const auto bands = bands_of(job_for(filled(384, 301, 0), options));
    int rows = 0;
    for (const auto& band : bands) {
        CHECK(band.bytes_per_row == 48);
        CHECK(band.bytes_per_row * band.rows <= 1000);
        rows += band.rows;
    }
    CHECK(rows == 301);
}

TEST_CASE("no band is taller than 4095 rows, whatever the buffer", "[escpos]") {
    EscPosOptions options;
    options.width_dots = 8;
    options.max_band_bytes = 1'000'000;
    const auto bands = bands_of(job_for(filled(8, 5000, 0), options));
    REQUIRE(bands.size() == 2);
    CHECK(bands[0].rows == 4095);
    CHECK(bands[1].rows == 905);
}

TEST_CASE("a narrower image is centred on the paper, left dot in the high bit", "[escpos]") {
    EscPosOptions options;
    options.width_dots = 64;
    const auto bands = bands_of(job_for(filled(16, 2, 0), options));
    REQUIRE(bands.size() == 1);
    CHECK(bands[0].data == "\0\0\0\xff\xff\0\0\0\0\0\0\xff\xff\0\0\0"s);

    GrayImage odd = filled(3, 1, 255);
    odd.pixels[0] = 0;  // (64 - 3) / 2 = 30: the first pixel lands on dot 30
    const auto odd_bands = bands_of(job_for(odd, options));
    CHECK(odd_bands[0].data == "\0\0\0\x02\0\0\0\0"s);
}

TEST_CASE("pixels darker than mid-grey print black, the rest stays white", "[escpos]") {
    EscPosOptions options;
    options.width_dots = 8;
    GrayImage image = filled(8, 1, 255);
    image.pixels = {0, 127, 128, 255, 127, 128, 0, 200};
    const auto bands = bands_of(job_for(image, options));
    CHECK(static_cast<unsigned char>(bands[0].data[0]) == 0b1100'1010);
}

TEST_CASE("an image wider than the paper is refused, naming both widths", "[escpos]") {
    const auto job = encode_raster_job(filled(600, 10, 0), EscPosOptions{});
    REQUIRE_FALSE(job.ok());
    CHECK_THAT(job.error(), Catch::Contains("600") && Catch::Contains("576"));
}

TEST_CASE("empty images and impossible options are refused", "[escpos]") {
    CHECK_FALSE(encode_raster_job(GrayImage{}, EscPosOptions{}).ok());
    GrayImage short_pixels = filled(8, 2, 0);
    short_pixels.pixels.pop_back();
    CHECK_FALSE(encode_raster_job(short_pixels, EscPosOptions{}).ok());

    EscPosOptions odd_width;
    odd_width.width_dots = 570;
    CHECK_FALSE(encode_raster_job(filled(8, 2, 0), odd_width).ok());
    EscPosOptions tiny_buffer;
    tiny_buffer.max_band_bytes = 71;  // not even one 576-dot row
    CHECK_FALSE(encode_raster_job(filled(8, 2, 0), tiny_buffer).ok());
    EscPosOptions long_feed;
    long_feed.feed_lines = 256;
    CHECK_FALSE(encode_raster_job(filled(8, 2, 0), long_feed).ok());
}

TEST_CASE("a native QR code is model 2, module size, level, store, print", "[escpos][qr]") {
    const auto bytes = encode_native_qr("AB", 6, 'Q');
    REQUIRE(bytes.ok());
    CHECK(*bytes ==
          "\x1d(k\x04\0"
          "1A2\0"s  // 165: model 2
          "\x1d(k\x03\0"
          "1C\x06"s  // 167: 6 dots a module
          "\x1d(k\x03\0"
          "1E2"s  // 169: level Q
          "\x1d(k\x05\0"
          "1P0AB"s  // 180: store "AB"
          "\x1d(k\x03\0"
          "1Q0"s);  // 181: print
}

TEST_CASE("native QR bytes pass the payload through unchanged, UTF-8 included", "[escpos][qr]") {
    // Ü, é, ł and Cyrillic: a code-page conversion would change every one.
    const std::string payload =
        "https://x.example.nl/#\xc3\x9c-\xc3\xa9-\xc5\x82-\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2";
    const auto bytes = encode_native_qr(payload, 4, 'M');
    REQUIRE(bytes.ok());
    const std::string store =
        "\x1d(k"s + static_cast<char>(payload.size() + 3) + '\0' + "1P0" + payload;
    CHECK(bytes->find(store) != std::string::npos);
    CHECK(bytes->find("\x1d(k\x03\0"
                      "1E1"s) != std::string::npos);  // level M

    const std::string long_payload(7089, 'x');  // the most a printer stores
    const auto longest = encode_native_qr(long_payload, 1, 'L');
    REQUIRE(longest.ok());
    CHECK(longest->find("\x1d(k\xb4\x1b"
                        "1P0"s) != std::string::npos);  // 7092 = 0x1bb4
}

TEST_CASE("native QR refuses what a printer cannot print", "[escpos][qr]") {
    CHECK_FALSE(encode_native_qr("", 4, 'M').ok());
    CHECK_FALSE(encode_native_qr(std::string(7090, 'x'), 4, 'M').ok());
    CHECK_FALSE(encode_native_qr("A", 0, 'M').ok());
    CHECK_FALSE(encode_native_qr("A", 17, 'M').ok());
    const auto bad_level = encode_native_qr("A", 4, 'X');
    REQUIRE_FALSE(bad_level.ok());
    CHECK_THAT(bad_level.error(), Catch::Contains("'X'"));
}

TEST_CASE("status requests are DLE EOT n", "[escpos][status]") {
    CHECK(status_request(1) == "\x10\x04\x01");
    CHECK(status_request(2) == "\x10\x04\x02");
    CHECK(status_request(4) == "\x10\x04\x04");
}

// ---- decode_status: Epson's DLE EOT reply bits ----

namespace {
constexpr std::uint8_t fine = 0x12;  // only the fixed bits 1 and 4
}

TEST_CASE("a printer that answers all three with no fault bits is online", "[status]") {
    const auto status = decode_status(fine, fine, fine);
    CHECK(status.state == PrinterState::online);
    CHECK(can_print(status));
}

TEST_CASE("paper-out bits in DLE EOT 2 or 4 decode as paper out", "[status]") {
    CHECK(decode_status(fine, fine, 0x72).state == PrinterState::paper_out);  // n=4 bits 5, 6
    CHECK(decode_status(fine, fine, 0x32).state == PrinterState::paper_out);  // either bit
    // n=2 bit 5: stopped for paper end, even if the n=4 reply went missing
    CHECK(decode_status(0x1a, 0x32, std::nullopt).state == PrinterState::paper_out);
    CHECK_FALSE(can_print(decode_status(fine, fine, 0x72)));
}

TEST_CASE("paper near end still prints, but says so", "[status]") {
    const auto status = decode_status(fine, fine, 0x1e);  // n=4 bits 2, 3
    CHECK(status.state == PrinterState::paper_near_end);
    CHECK(can_print(status));
    CHECK(decode_status(fine, fine, 0x16).state == PrinterState::paper_near_end);
}

TEST_CASE("an open cover, an error and an offline printer are told apart", "[status]") {
    CHECK(decode_status(0x1a, 0x16, fine).state == PrinterState::cover_open);  // n=2 bit 2
    const auto error = decode_status(0x1a, 0x52, fine);                        // n=2 bit 6
    CHECK(error.state == PrinterState::offline);
    CHECK_THAT(error.detail, Catch::Contains("error"));
    CHECK(decode_status(0x1a, fine, fine).state == PrinterState::offline);  // n=1 bit 3
    // The cover outranks paper: closing it is what the staff must do first.
    CHECK(decode_status(0x1a, 0x16, 0x72).state == PrinterState::cover_open);
}

TEST_CASE("a reply that breaks the fixed bits is unknown, naming the byte", "[status]") {
    for (const std::uint8_t bad : {0x00, 0xff, 0x13, 0x92, 0x10, 0x02}) {
        INFO("reply " << static_cast<int>(bad));
        const auto status = decode_status(bad, fine, fine);
        CHECK(status.state == PrinterState::unknown);
        CHECK_THAT(status.detail, Catch::Contains("DLE EOT 1"));
    }
    const auto garbled_paper = decode_status(fine, fine, 0xf3);  // would read as paper out
    CHECK(garbled_paper.state == PrinterState::unknown);
    CHECK_THAT(garbled_paper.detail, Catch::Contains("0xF3"));
}

TEST_CASE("missing replies are unknown, never online", "[status]") {
    CHECK(decode_status(std::nullopt, std::nullopt, std::nullopt).state == PrinterState::unknown);
    CHECK(decode_status(fine, fine, std::nullopt).state == PrinterState::unknown);
    CHECK(decode_status(fine, std::nullopt, fine).state == PrinterState::unknown);
    CHECK(decode_status(std::nullopt, fine, fine).state == PrinterState::unknown);
    // Near end is not a fault: without every reply it stays unknown.
    const auto status = decode_status(std::nullopt, fine, 0x1e);
    CHECK(status.state == PrinterState::unknown);
    CHECK_FALSE(can_print(status));
    CHECK_THAT(status.detail, Catch::Contains("DLE EOT 1"));
}

TEST_CASE("printer states have plain names for the log", "[status]") {
    CHECK(to_string(PrinterState::online) == "online");
    CHECK(to_string(PrinterState::paper_near_end) == "paper near end");
    CHECK(to_string(PrinterState::paper_out) == "paper out");
    CHECK(to_string(PrinterState::cover_open) == "cover open");
    CHECK(to_string(PrinterState::unknown) == "unknown");
}
