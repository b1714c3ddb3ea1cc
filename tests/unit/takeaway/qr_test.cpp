#include "kiosk/core/takeaway/qr.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "kiosk/core/io/png.hpp"
#include "tests/support/zbar_decode.hpp"

using namespace kiosk;

namespace {

const std::string typical_base = "https://leren.example.nl/limburg/kiosk";
const std::vector<std::string> five_courses = {"MT-NT2-A1-D", "HL-NT2-A2-E", "ON-NT2-A1",
                                               "VL-ZORG-N2", "KR-TECH-3B"};

// A file name in the system temp dir that is removed, with its ".tmp" sibling,
// when the test ends.
class ScratchFile {
  public:
    explicit ScratchFile(const std::string& suffix) {
        std::random_device random;
        path_ = (std::filesystem::temp_directory_path() /
                 ("kiosk-qr-test-" + std::to_string(random()) + suffix))
                    .string();
    }
    ~ScratchFile() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
        std::filesystem::remove(path_ + ".tmp", ec);
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

QrCode encoded(const std::string& payload, QrCorrection correction = QrCorrection::quartile) {
    auto code = encode_qr(payload, correction);
    INFO((code ? std::string() : code.error()));
    REQUIRE(code.ok());
    return *code;
}

}  // namespace

TEST_CASE("a results QR code decodes to the payload with zbar", "[qr]") {
    const std::string payload = results_payload(typical_base, "nl", five_courses);
    const int module_px = GENERATE(2, 4, 8);
    INFO("module size " << module_px << " px");

    const GrayImage image = render_qr(encoded(payload), module_px);

    CHECK(test::decode_qr_codes(image) == std::vector<std::string>{payload});
}

TEST_CASE("the fragment holds the course ids in the order given, joined by dots", "[qr]") {
    CHECK(results_payload(typical_base, "nl", five_courses) ==
          typical_base + "#MT-NT2-A1-D.HL-NT2-A2-E.ON-NT2-A1.VL-ZORG-N2.KR-TECH-3B");
    CHECK(results_payload("https://x.example.nl/", "nl", {"B", "A", "C"}) ==
          "https://x.example.nl/#B.A.C");
    CHECK(results_payload("https://x.example.nl/", "nl", {"ONE"}) == "https://x.example.nl/#ONE");
}

TEST_CASE("a fragment already on the base URL is replaced by the course ids", "[qr]") {
    CHECK(results_payload("https://x.example.nl/kiosk#old.stuff", "nl", {"A1", "B2"}) ==
          "https://x.example.nl/kiosk#A1.B2");
    CHECK(results_payload("https://x.example.nl/kiosk#", "nl", {"A1"}) ==
          "https://x.example.nl/kiosk#A1");
}

TEST_CASE(
    "the fragment starts with the visitor's language, except Dutch, which codes printed "
    "before the language was added meant",
    "[qr]") {
    CHECK(results_payload("https://x.example.nl/", "en", {"B", "A"}) ==
          "https://x.example.nl/#en.B.A");
    CHECK(results_payload("https://x.example.nl/", "uk", {"ONE"}) ==
          "https://x.example.nl/#uk.ONE");
    CHECK(results_payload("https://x.example.nl/", "nl", {"B", "A"}) ==
          "https://x.example.nl/#B.A");
    CHECK(results_payload("https://x.example.nl/", "", {"B", "A"}) == "https://x.example.nl/#B.A");
}

TEST_CASE("a typical five-course results code stays at QR version 7 or less at quartile correction",
          "[qr]") {
    // Version 7 is 45 modules: small enough to print and to scan from a screen.
    // Measured when the language went in: the sample pack's five courses are
    // version 7 with and without "en."; five ids of the longest kind (12
    // characters) are version 7 in Dutch, which carries no code, and version 8
    // (49 modules) in another language: three characters tip it over.
    const std::vector<std::string> longest_ids = {"ABCDEFGHIJ-1", "ABCDEFGHIJ-2", "ABCDEFGHIJ-3",
                                                  "ABCDEFGHIJ-4", "ABCDEFGHIJ-5"};
    struct Case {
        std::vector<std::string> ids;
        std::string language;
        int max_version;
    };
    for (const auto& [ids, language, max_version] :
         {Case{five_courses, "nl", 7}, Case{five_courses, "en", 7}, Case{five_courses, "uk", 7},
          Case{longest_ids, "nl", 7}, Case{longest_ids, "en", 8}}) {
        const QrCode code = encoded(results_payload(typical_base, language, ids));
        INFO(results_payload(typical_base, language, ids));
        CHECK(code.version >= 1);
        CHECK(code.version <= max_version);
        CHECK(code.size == 17 + 4 * code.version);
        CHECK(code.modules.size() == static_cast<std::size_t>(code.size * code.size));
    }
}

TEST_CASE("every module is drawn as whole pixels inside a white quiet zone", "[qr]") {
    const QrCode code = encoded("https://x.example.nl/#A1");
    const GrayImage image = render_qr(code, 3, 4);

    REQUIRE(image.width == (code.size + 8) * 3);
    REQUIRE(image.height == image.width);
    REQUIRE(image.pixels.size() == static_cast<std::size_t>(image.width * image.height));
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const int mx = x / 3 - 4;
            const int my = y / 3 - 4;
            const bool inside = mx >= 0 && my >= 0 && mx < code.size && my < code.size;
            const int expected = inside && code.dark(mx, my) ? 0 : 255;
            if (image.pixels[static_cast<std::size_t>(y * image.width + x)] != expected) {
                FAIL("pixel " << x << "," << y << " is not " << expected);
            }
        }
    }
}

TEST_CASE("a QR code written as PNG reads back pixel for pixel and still scans", "[qr][png]") {
    const std::string payload = results_payload(typical_base, "nl", five_courses);
    const GrayImage image = render_qr(encoded(payload), 4);
    ScratchFile file(".png");

    const auto written = write_png(file.path(), image);
    INFO((written ? std::string() : written.error()));
    REQUIRE(written.ok());
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(file.path()).parent_path())) {
        CHECK_FALSE(entry.path().string().starts_with(file.path() + ".tmp"));
    }

    const auto read = read_png_gray(file.path());
    INFO((read ? std::string() : read.error()));
    REQUIRE(read.ok());
    CHECK(read->width == image.width);
    CHECK(read->height == image.height);
    CHECK(read->pixels == image.pixels);
    CHECK(test::decode_qr_codes(*read) == std::vector<std::string>{payload});
}

TEST_CASE("writing a PNG replaces the old file whole", "[png]") {
    ScratchFile file(".png");
    REQUIRE(write_png(file.path(), render_qr(encoded("https://x.example.nl/#OLD"), 2)).ok());
    REQUIRE(write_png(file.path(), render_qr(encoded("https://x.example.nl/#NEW"), 2)).ok());

    const auto read = read_png_gray(file.path());
    REQUIRE(read.ok());
    CHECK(test::decode_qr_codes(*read) == std::vector<std::string>{"https://x.example.nl/#NEW"});
}

TEST_CASE("PNG problems come back as messages naming the file", "[png]") {
    ScratchFile missing(".png");
    const auto read = read_png_gray(missing.path());
    REQUIRE_FALSE(read.ok());
    CHECK_THAT(read.error(), Catch::Contains(missing.path()));

    const auto empty = write_png(missing.path(), GrayImage{});
    REQUIRE_FALSE(empty.ok());
    CHECK_THAT(empty.error(), Catch::Contains(missing.path()));

    const auto unwritable = write_png("/nonexistent-folder/qr.png", render_qr(encoded("A"), 1));
    REQUIRE_FALSE(unwritable.ok());
    CHECK_THAT(unwritable.error(), Catch::Contains("/nonexistent-folder/qr.png"));
}

TEST_CASE("an empty text gives no QR code but a message", "[qr]") {
    const auto code = encode_qr("");
    REQUIRE_FALSE(code.ok());
    CHECK_THAT(code.error(), Catch::Contains("empty"));
}

TEST_CASE("a 5000-character text is refused as too long instead of crashing", "[qr]") {
    const auto code = encode_qr(std::string(5000, 'x'));
    REQUIRE_FALSE(code.ok());
    CHECK_THAT(code.error(), Catch::Contains("too long"));
    CHECK_THAT(code.error(), Catch::Contains("5000"));
}

TEST_CASE("a text with a NUL byte is refused rather than cut short", "[qr]") {
    const auto code = encode_qr(std::string("https://x.example.nl/\0#A1", 25));
    REQUIRE_FALSE(code.ok());
    CHECK_THAT(code.error(), Catch::Contains("NUL"));
}

TEST_CASE("a UTF-8 payload round trips byte for byte", "[qr]") {
    const std::string payload = "https://x.example.nl/#\xC3\x9C";  // "#Ü"

    const GrayImage image = render_qr(encoded(payload), 4);

    CHECK(test::decode_qr_codes(image) == std::vector<std::string>{payload});
}

TEST_CASE("a results code scans at every correction level", "[qr]") {
    const std::string payload = results_payload(typical_base, "nl", five_courses);
    const auto correction = GENERATE(QrCorrection::low, QrCorrection::medium,
                                     QrCorrection::quartile, QrCorrection::high);

    const GrayImage image = render_qr(encoded(payload, correction), 3);

    CHECK(test::decode_qr_codes(image) == std::vector<std::string>{payload});
}
