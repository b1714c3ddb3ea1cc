#include "kiosk/core/takeaway/receipt.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/io/png.hpp"
#include "kiosk/core/takeaway/qr.hpp"
#include "kiosk/core/takeaway/text_raster.hpp"
#include "tests/support/test_support.hpp"
#include "tests/support/zbar_decode.hpp"

using namespace kiosk;

namespace {

const std::string regular_font_path = ReceiptStyle{}.regular_font;

ReceiptCourse sample_course(int n, bool with_dutch_title) {
    static const std::vector<std::vector<std::string>> courses = {
        {"Dutch at B1 level (evening)", "Nederlands op B1-niveau (avond)",
         "Taalhuis Venlo (voorbeeld)", "Venlo", "start 12 January 2027", "free"},
        {"Reading and writing for work", "Lezen en schrijven voor je werk",
         "Bibliotheek Venlo (voorbeeld)", "Venlo", "start 2 February 2027", "free"},
        {"Computer basics: e-mail, DigiD and online forms",
         "Basisvaardigheden computer: e-mail, DigiD en formulieren",
         "Leerwerkloket Noord-Limburg (voorbeeld)", "Venray", "start every Monday", "free"},
        {"Dutch for healthcare workers (A2 to B1)", "Nederlands voor de zorg (A2 naar B1)",
         "Gilde Opleidingen (voorbeeld)", "Roermond", "start 1 March 2027",
         "\u20AC\u00A045, reimbursable"},
        {"Numeracy in daily life", "Rekenen in het dagelijks leven", "Taalhuis Venlo (voorbeeld)",
         "Blerick", "start 15 January 2027", "free"},
    };
    const auto& c = courses[static_cast<std::size_t>(n) % courses.size()];
    return {c[0], with_dutch_title ? c[1] : "", c[2], c[3], c[4], c[5]};
}

Receipt sample_receipt(int course_count, bool with_dutch_titles = true) {
    Receipt receipt;
    receipt.kiosk_name = "Leerwerkloket Venlo";
    receipt.date_time = "Tuesday 8 December 2026, 14:32";
    for (int i = 0; i < course_count; ++i)
        receipt.courses.push_back(sample_course(i, with_dutch_titles));
    receipt.qr_payload =
        results_payload("https://leren.example.nl/limburg/kiosk", "nl",
                        {"MT-NT2-B1-A", "BV-LS-WERK", "LW-DIGI-1", "GO-ZORG-A2B1", "TV-REK-1"});
    receipt.contact =
        "Ask at the Leerwerkloket desk, or call 077\u00A0123\u00A045\u00A067 (Mon\u2013Fri "
        "9:00\u201317:00).\n"
        "www.leerwerkloket-venlo.example.nl";
    receipt.text = {"Your courses", "Scan the code to see these courses on your phone",
                    "In Dutch:", "Questions? We are happy to help"};
    return receipt;
}

// A grey disc with a soft edge on white, wider than any paper: what a logo
// made for screens looks like.
GrayImage screen_logo(int width, int height) {
    GrayImage logo{width, height,
                   std::vector<std::uint8_t>(static_cast<std::size_t>(width * height), 255)};
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const double dx = (x - width / 2.0) / (height / 2.0);
            const double dy = (y - height / 2.0) / (height / 2.0);
            const double d = dx * dx + dy * dy;
            if (d < 1)
                logo.pixels[static_cast<std::size_t>(y * width + x)] =
                    static_cast<std::uint8_t>(d * 200);
        }
    }
    return logo;
}

ReceiptStyle style_of_width(int width_dots) {
    ReceiptStyle style;
    style.width_dots = width_dots;
    return style;
}

GrayImage rendered(const Receipt& receipt, const ReceiptStyle& style) {
    auto image = render_receipt(receipt, style);
    INFO((image ? std::string() : image.error()));
    REQUIRE(image.ok());
    return *image;
}

Font loaded_font(const std::string& path) {
    auto font = Font::load(path);
    INFO((font ? std::string() : font.error()));
    REQUIRE(font.ok());
    return *font;
}

// Where `part` sits in `whole`, pixel for pixel, in the column `x`; -1 if nowhere.
int row_of(const GrayImage& whole, const GrayImage& part, int x) {
    if (x < 0 || x + part.width > whole.width)
        return -1;
    for (int y = 0; y + part.height <= whole.height; ++y) {
        bool same = true;
        for (int row = 0; row < part.height && same; ++row) {
            const auto* a = &whole.pixels[static_cast<std::size_t>((y + row) * whole.width + x)];
            const auto* b = &part.pixels[static_cast<std::size_t>(row * part.width)];
            same = std::equal(a, a + part.width, b);
        }
        if (same)
            return y;
    }
    return -1;
}

}  // namespace

TEST_CASE("the receipt is exactly as wide as the printer and purely black and white", "[receipt]") {
    const int width = GENERATE(384, 576);
    INFO("paper " << width << " dots wide");

    const GrayImage image = rendered(sample_receipt(3), style_of_width(width));

    CHECK(image.width == width);
    CHECK(image.height > 0);
    REQUIRE(image.pixels.size() ==
            static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height));
    CHECK(std::all_of(image.pixels.begin(), image.pixels.end(),
                      [](auto p) { return p == 0 || p == 255; }));
    // Nothing is printed in the margins, where a print head may not reach.
    for (int y = 0; y < image.height; ++y) {
        for (int x : {0, 15, width - 16, width - 1}) {
            if (image.pixels[static_cast<std::size_t>(y * width + x)] != 255)
                FAIL("ink in the margin at " << x << "," << y);
        }
    }
}

TEST_CASE("the printed QR code decodes to the list payload", "[receipt][qr]") {
    const int width = GENERATE(384, 576);
    INFO("paper " << width << " dots wide");
    const Receipt receipt = sample_receipt(5);

    CHECK(test::decode_qr_codes(rendered(receipt, style_of_width(width))) ==
          std::vector<std::string>{receipt.qr_payload});
}

TEST_CASE("QR modules are whole dots", "[receipt][qr]") {
    const int width = GENERATE(384, 576);
    INFO("paper " << width << " dots wide");
    const Receipt receipt = sample_receipt(2);
    const ReceiptStyle style = style_of_width(width);
    const auto code = encode_qr(receipt.qr_payload);
    REQUIRE(code.ok());

    const int module_dots = receipt_qr_module_dots(*code, style);
    CHECK(module_dots >= 2);
    CHECK(module_dots <= 8);
    CHECK((code->size + 8) * module_dots <= width - 2 * style.margin_dots);
    CHECK((code->size + 8) * (module_dots + 1) >
          std::min(width - 2 * style.margin_dots, (code->size + 8) * 8));

    // The same code drawn on its own with that many dots per module, quiet
    // zone included, appears dot for dot, centred, somewhere on the receipt.
    const GrayImage expected = render_qr(*code, module_dots, 4);
    CHECK(row_of(rendered(receipt, style), expected, (width - expected.width) / 2) >= 0);
}

TEST_CASE("more courses make a longer receipt", "[receipt]") {
    const ReceiptStyle style;
    const int one = rendered(sample_receipt(1), style).height;
    const int three = rendered(sample_receipt(3), style).height;
    const int five = rendered(sample_receipt(5), style).height;

    CHECK(one < three);
    CHECK(three < five);
}

TEST_CASE("Dutch titles appear only when given", "[receipt]") {
    const ReceiptStyle style = style_of_width(GENERATE(384, 576));

    const int with_dutch = rendered(sample_receipt(3, true), style).height;
    const int visitor_reads_dutch = rendered(sample_receipt(3, false), style).height;

    CHECK(visitor_reads_dutch < with_dutch);
}

TEST_CASE("a logo wider than the paper is scaled down and printed in black and white",
          "[receipt]") {
    const ReceiptStyle style = style_of_width(GENERATE(384, 576));
    Receipt receipt = sample_receipt(1);
    const int without_logo = rendered(receipt, style).height;

    receipt.logo = screen_logo(1200, 400);
    const GrayImage image = rendered(receipt, style);

    CHECK(image.width == style.width_dots);
    CHECK(image.height > without_logo);
    CHECK(image.height <=
          without_logo + style.width_dots / 4 + 40);  // the logo is capped, not full size
    CHECK(std::all_of(image.pixels.begin(), image.pixels.end(),
                      [](auto p) { return p == 0 || p == 255; }));
}

TEST_CASE("a logo that is not a whole image is refused with a message", "[receipt]") {
    Receipt receipt = sample_receipt(1);
    receipt.logo = GrayImage{10, 10, std::vector<std::uint8_t>(7, 0)};

    const auto image = render_receipt(receipt, ReceiptStyle{});

    REQUIRE_FALSE(image.ok());
    CHECK_THAT(image.error(), Catch::Contains("logo"));
}

TEST_CASE("a payload too long for a QR code on this paper is refused, not printed unreadable",
          "[receipt][qr]") {
    Receipt receipt = sample_receipt(1);
    receipt.qr_payload = "https://leren.example.nl/#" + std::string(2200, 'A');
    const auto too_dense = render_receipt(receipt, style_of_width(384));
    REQUIRE_FALSE(too_dense.ok());
    CHECK_THAT(too_dense.error(), Catch::Contains("QR"));

    receipt.qr_payload.clear();
    const auto empty = render_receipt(receipt, ReceiptStyle{});
    REQUIRE_FALSE(empty.ok());
    CHECK_THAT(empty.error(), Catch::Contains("QR"));
}

TEST_CASE("a missing font is reported with its path", "[receipt][text]") {
    const std::string missing = "/nonexistent-fonts/Missing.ttf";
    const auto font = Font::load(missing);
    REQUIRE_FALSE(font.ok());
    CHECK_THAT(font.error(), Catch::Contains(missing));

    ReceiptStyle style;
    style.bold_font = missing;
    const auto receipt = render_receipt(sample_receipt(1), style);
    REQUIRE_FALSE(receipt.ok());
    CHECK_THAT(receipt.error(), Catch::Contains(missing));
}

TEST_CASE("a file that is not a font is reported with its path", "[receipt][text]") {
    const test::TempDir dir;
    for (const std::string& content : {std::string(), std::string("not a font"),
                                       test::read_text(regular_font_path).substr(0, 200)}) {
        const std::string path = (dir / "broken.ttf").string();
        test::write_text(path, content);
        const auto font = Font::load(path);
        REQUIRE_FALSE(font.ok());
        CHECK_THAT(font.error(), Catch::Contains(path));
    }
    const auto folder = Font::load(dir.path().string());
    REQUIRE_FALSE(folder.ok());
    CHECK_THAT(folder.error(), Catch::Contains(dir.path().string()));
}

TEST_CASE("Polish, Turkish and Ukrainian titles render without missing-glyph boxes",
          "[receipt][text]") {
    const Font font = loaded_font(regular_font_path);
    const Font bold = loaded_font(ReceiptStyle{}.bold_font);
    for (const char* text : {"Zażółć gęślą jaźń", "Türkçe İş ışık ğ ş", "Українська мова: ґ є і ї",
                             "Ελληνικά", "„Nederlands” – €45…"}) {
        INFO(text);
        CHECK(font.missing_glyphs(text) == 0);
        CHECK(bold.missing_glyphs(text) == 0);
    }
    CHECK(font.missing_glyphs("中文 and 日本語") == 5);
}

TEST_CASE("a character the font lacks prints as a box instead of vanishing", "[text]") {
    const Font font = loaded_font(regular_font_path);
    GrayImage image{80, 40, std::vector<std::uint8_t>(80 * 40, 255)};

    font.draw(image, 4, 30, "\u4E2D", 28.0F);

    CHECK(font.measure("\u4E2D", 28.0F) > 0);
    CHECK(std::count(image.pixels.begin(), image.pixels.end(), 0) > 20);
}

TEST_CASE("broken UTF-8 decodes to replacement characters, not to nothing", "[text]") {
    CHECK(utf8_code_points("a\xC3\xA9") == std::vector<char32_t>{U'a', U'\u00E9'});
    CHECK(utf8_code_points("a\xC3") == std::vector<char32_t>{U'a', 0xFFFD});
    CHECK(utf8_code_points("\xC0\xAF") == std::vector<char32_t>{0xFFFD, 0xFFFD});  // overlong '/'
    CHECK(utf8_code_points("\xED\xA0\x80").front() == 0xFFFD);                     // a surrogate
    CHECK(utf8_code_points("\xF0\x9F\x98\x80") == std::vector<char32_t>{0x1F600});
}

TEST_CASE("a paragraph wraps at spaces and splits only words longer than a line", "[text]") {
    const Font font = loaded_font(regular_font_path);
    const float size = 24.0F;
    const int width = 200;

    const auto lines =
        font.wrap("Nederlands op B1-niveau voor volwassenen in de avond", size, width);
    REQUIRE(lines.size() >= 2);
    for (const auto& line : lines) {
        CHECK(font.measure(line, size) <= width);
        CHECK_FALSE(line.starts_with(' '));
        CHECK_FALSE(line.ends_with(' '));
    }
    std::string rejoined;
    for (const auto& line : lines)
        rejoined += (rejoined.empty() ? "" : " ") + line;
    CHECK(rejoined == "Nederlands op B1-niveau voor volwassenen in de avond");

    const auto split = font.wrap("inburgerings-voorzieningenaanbod", size, width);
    CHECK(split.size() >= 2);
    CHECK(split.front().ends_with("-"));
    for (const auto& line : split)
        CHECK(font.measure(line, size) <= width);

    CHECK(font.wrap("first\nsecond", size, width) == std::vector<std::string>{"first", "second"});
    CHECK(font.wrap("", size, width) == std::vector<std::string>{""});
}

// Not run by default: `kiosk_tests "[sample]"` writes sample receipts to the
// system temp folder for a person to look at and scan with zbarimg.
TEST_CASE("sample receipts for a person to look at", "[.][sample]") {
    Receipt ukrainian = sample_receipt(2);
    ukrainian.logo = screen_logo(600, 200);
    ukrainian.date_time = "вівторок, 8 грудня 2026, 14:32";
    ukrainian.courses[0].title = "Нідерландська мова, рівень B1 (вечірній курс)";
    ukrainian.courses[0].cost = "безкоштовно";
    ukrainian.courses[1].title = "Zażółć gęślą jaźń · Türkçe İş";
    ukrainian.text = {"Ваші курси", "Скануйте код, щоб побачити ці курси на телефоні",
                      "Нідерландською:", "Питання? Ми охоче допоможемо"};
    for (const int width : {576, 384}) {
        const auto folder = std::filesystem::temp_directory_path();
        const std::string suffix = std::to_string(width) + ".png";
        for (const auto& [name, receipt] : {std::pair{"receipt-sample-", sample_receipt(5)},
                                            std::pair{"receipt-sample-uk-", ukrainian}}) {
            const auto written = write_png((folder / (name + suffix)).string(),
                                           rendered(receipt, style_of_width(width)));
            INFO((written ? std::string() : written.error()));
            CHECK(written.ok());
        }
    }
}
