// An Arabic receipt, as the printer gets it: joined letters, right to left,
// aligned to the right, the QR code readable; saved as a PNG for people to
// look at (build/receipt-arabic.png).

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/base/bidi_text.hpp"
#include "kiosk/core/io/png.hpp"
#include "kiosk/core/printing/escpos.hpp"
#include "kiosk/core/printing/printer_transport.hpp"
#include "kiosk/core/takeaway/qr.hpp"
#include "kiosk/core/takeaway/receipt.hpp"
#include "kiosk/core/takeaway/text_raster.hpp"
#include "tests/support/fake_printer.hpp"
#include "tests/support/test_support.hpp"
#include "tests/support/zbar_decode.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

Receipt arabic_receipt() {
    Receipt r;
    r.direction = TextDirection::right_to_left;
    r.text = {"دوراتك", "امسح الرمز لتحصل على القائمة في هاتفك",
              "بالهولندية:", "أسئلة؟ زرنا أو اتصل بنا"};
    r.courses = {
        {"مساعد رعاية", "Helpende zorg", "School Zuid", "Heerlen", "يبدأ 15 يناير 2027", "مجاناً"},
        {"اللغة الهولندية A1 للمبتدئين (NT2-A1)", "Nederlands A1", "Taalhuis", "Maastricht",
         "يبدأ 10 يناير 2027", "مجاناً"},
    };
    r.qr_payload =
        results_payload("https://leren.example.nl/test/kiosk", "ar", {"CARE-1", "NT2-A1"});
    r.contact = "Leerwerkloket Heerlen\nGeleenstraat 27, 045 123 4567";
    return r;
}

bool ink(const GrayImage& image, int x, int y) {
    return image.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                        static_cast<std::size_t>(x)] < 128;
}

struct Box {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // [x0, x1) x [y0, y1)
};

// The ink of the rows [y0, y1), cut to its bounding box, as 0/1.
Box ink_box(const GrayImage& image, int y0, int y1) {
    Box b{image.width, y1, 0, y0};
    for (int y = y0; y < y1; ++y) {
        for (int x = 0; x < image.width; ++x) {
            if (ink(image, x, y)) {
                b.x0 = std::min(b.x0, x), b.x1 = std::max(b.x1, x + 1);
                b.y0 = std::min(b.y0, y), b.y1 = std::max(b.y1, y + 1);
            }
        }
    }
    return b;
}

std::vector<bool> crop(const GrayImage& image, Box b) {
    std::vector<bool> out;
    for (int y = b.y0; y < b.y1; ++y)
        for (int x = b.x0; x < b.x1; ++x)
            out.push_back(ink(image, x, y));
    return out;
}

// The heading: the first block of rows with ink after the top rule (a row
// black across the whole width between the margins).
std::pair<int, int> heading_rows(const GrayImage& image, int margin) {
    int y = 0;
    const auto full_row = [&](int row) {
        for (int x = margin; x < image.width - margin; ++x)
            if (!ink(image, x, row))
                return false;
        return true;
    };
    while (y < image.height && !full_row(y))
        ++y;
    while (y < image.height && full_row(y))
        ++y;
    const auto blank_row = [&](int row) {
        for (int x = 0; x < image.width; ++x)
            if (ink(image, x, row))
                return false;
        return true;
    };
    while (y < image.height && blank_row(y))
        ++y;
    const int top = y;
    while (y < image.height && !blank_row(y))
        ++y;
    return {top, y};
}

// `text` drawn alone as the receipt draws it, in black and white.
GrayImage drawn(const Font& font, const std::string& text, float size) {
    GrayImage image{600, 80, std::vector<std::uint8_t>(600 * 80, 255)};
    font.draw(image, 10, 60, text, size);
    for (auto& p : image.pixels)
        p = p < 128 ? 0 : 255;
    return image;
}

}  // namespace

TEST_CASE("an Arabic receipt reaches the printer joined, right to left and aligned to the right",
          "[receipt][arabic][printer]") {
    const ReceiptStyle style;  // 80 mm, DejaVu Sans
    auto rendered = render_receipt(arabic_receipt(), style);
    INFO((rendered ? std::string() : rendered.error()));
    REQUIRE(rendered.ok());

    // Through ESC/POS to the fake printer, which rebuilds the raster.
    test::FakePrinter printer;
    {
        auto job = encode_raster_job(*rendered, EscPosOptions{});
        REQUIRE(job.ok());
        auto transport = TcpTransport::connect("127.0.0.1", printer.port(), 1s, 2s);
        REQUIRE(transport.ok());
        REQUIRE((*transport)->write_all(*job).ok());
    }
    REQUIRE(printer.wait_for_jobs(1, 5s));
    INFO(printer.errors_text());
    CHECK(printer.errors().empty());
    const GrayImage printed = printer.raster();
    REQUIRE(printed.width == rendered->width);
    REQUIRE(printed.height == rendered->height);
    CHECK(printed.pixels == rendered->pixels);

    const auto build = std::filesystem::path(KIOSK_BINARY).parent_path().parent_path();
    CHECK(write_png((build / "receipt-arabic.png").string(), printed).ok());

    // The heading "دوراتك" ends at the right margin and starts right of the middle.
    const auto [top, bottom] = heading_rows(printed, style.margin_dots);
    const Box heading = ink_box(printed, top, bottom);
    CHECK(heading.x1 >= printed.width - style.margin_dots - 4);
    CHECK(heading.x1 <= printed.width - style.margin_dots);
    CHECK(heading.x0 > printed.width / 2);

    // And it is the word in its joined presentation forms, last letter
    // leftmost: kaf final, teh initial, alef, reh, waw, dal.
    auto bold = Font::load(style.bold_font);
    REQUIRE(bold.ok());
    const float heading_size = std::round((14.0F + 576.0F / 48.0F) * 1.2F);
    const GrayImage joined = drawn(*bold, "\uFEDA\uFE97\uFE8D\uFEAD\uFEED\uFEA9", heading_size);
    const GrayImage unjoined = drawn(*bold, "كتارود", heading_size);  // the letters, reversed
    const Box joined_box = ink_box(joined, 0, joined.height);
    INFO("heading " << heading.x1 - heading.x0 << "x" << heading.y1 - heading.y0 << ", joined "
                    << joined_box.x1 - joined_box.x0 << "x" << joined_box.y1 - joined_box.y0);
    CHECK(crop(printed, heading) == crop(joined, joined_box));
    CHECK(crop(printed, heading) != crop(unjoined, ink_box(unjoined, 0, unjoined.height)));

    // The code still reads, and nothing printed as the font's missing-glyph box.
    CHECK(test::decode_qr_codes(printed) == std::vector<std::string>{arabic_receipt().qr_payload});
}

TEST_CASE("the letters an Arabic receipt is shaped into are all in DejaVu Sans",
          "[receipt][arabic]") {
    const ReceiptStyle style;
    auto regular = Font::load(style.regular_font);
    auto bold = Font::load(style.bold_font);
    REQUIRE(regular.ok());
    REQUIRE(bold.ok());
    const Receipt r = arabic_receipt();
    for (const std::string& text :
         {r.text.heading, r.text.scan_hint, r.text.contact_heading, r.courses[0].title,
          r.courses[1].title, r.courses[0].start, r.courses[0].cost}) {
        const std::string shaped = bidi_line(text, TextDirection::right_to_left);
        INFO(text);
        CHECK(regular->missing_glyphs(shaped) == 0);
        CHECK(bold->missing_glyphs(shaped) == 0);
    }
}
