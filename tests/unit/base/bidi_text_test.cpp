#include "kiosk/core/base/bidi_text.hpp"

#include <catch2/catch.hpp>

#include "kiosk/core/content/text_direction.hpp"

using kiosk::bidi_line;
using kiosk::bidi_lines;
using kiosk::has_right_to_left;
using kiosk::TextDirection;

namespace {

constexpr auto rtl = TextDirection::right_to_left;
constexpr auto ltr = TextDirection::left_to_right;

std::u32string code_points(const std::string& utf8) {
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = n == 1 ? b : n == 2 ? (b & 0x1FU) : n == 3 ? (b & 0x0FU) : (b & 0x07U);
        for (int k = 1; k < n; ++k)
            c = (c << 6U) |
                (static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]) & 0x3FU);
        out += c;
        i += static_cast<std::size_t>(n);
    }
    return out;
}

// Counts code points: one unit of width each, so lines break predictably.
float count(std::string_view s) {
    return static_cast<float>(code_points(std::string(s)).size());
}

}  // namespace

TEST_CASE("an Arabic word is joined into its initial, medial and final forms, right to left") {
    // م ر ح ب ا: meem initial, reh final (it never joins to the left), hah
    // initial again, beh medial, alef final; drawn from the left, last first.
    CHECK(code_points(bidi_line("مرحبا", rtl)) == U"\uFE8E\uFE92\uFEA3\uFEAE\uFEE3");
    // A letter alone takes its isolated form.
    CHECK(code_points(bidi_line("ب", rtl)) == U"\uFE8F");
}

TEST_CASE("lam and alef become one ligature without the filler FriBidi leaves") {
    CHECK(code_points(bidi_line("لا", rtl)) == U"\uFEFB");
    CHECK(code_points(bidi_line("سلام", rtl)) == U"\uFEE1\uFEFC\uFEB3");
}

TEST_CASE("digits and a Latin course code inside Arabic keep reading left to right") {
    // "The course NL-204 starts on 12 March": the words run from the right,
    // the code and the number each stay as written.
    const std::string line = bidi_line("الدورة NL-204 تبدأ 12 مارس", rtl);
    const std::u32string cp = code_points(line);
    CHECK(cp.substr(0, 4) == U"\uFEB1\uFEAD\uFE8E\uFEE3");  // مارس, the last word, leftmost
    CHECK(line.find(" 12 ") != std::string::npos);
    CHECK(line.find(" NL-204 ") != std::string::npos);
    CHECK(line.find(" 12 ") < line.find(" NL-204 "));
    CHECK(cp.substr(cp.size() - 6) ==
          U"\uFE93\uFEAD\uFEED\uFEAA\uFEDF\uFE8D");  // الدورة, rightmost
}

TEST_CASE("right-to-left marks keep two Latin names apart on an Arabic line and are removed") {
    // "Taalhuis · Maastricht" would read as one left-to-right run, place last.
    CHECK(bidi_line("Taalhuis \u200F·\u200F Maastricht", rtl) == "Maastricht · Taalhuis");
    CHECK(bidi_line("Taalhuis · Maastricht", rtl) == "Taalhuis · Maastricht");
}

TEST_CASE("an Arabic paragraph that starts with a number stays right to left") {
    CHECK(code_points(bidi_line("12 مارس", rtl)) == U"\uFEB1\uFEAD\uFE8E\uFEE3 12");
}

TEST_CASE("brackets in Arabic are mirrored so they still enclose their words") {
    CHECK(code_points(bidi_line("(مرحبا)", rtl)) == U"(\uFE8E\uFE92\uFEA3\uFEAE\uFEE3)");
}

TEST_CASE("lines break on the logical text, so the first words are on the first line") {
    // Words of 4, 4, 2 and 5 letters: two fit on a line 9 wide.
    const auto lines = bidi_lines("كلمة أولى ثم ثانية", rtl, 9, count);
    REQUIRE(lines.size() == 2);
    CHECK(code_points(lines[0]) ==
          U"\uFEF0\uFEDF\uFEED\uFE83 \uFE94\uFEE4\uFEE0\uFEDB");  // أولى كلمة
    CHECK(code_points(lines[1]) == U"\uFE94\uFEF4\uFEE7\uFE8E\uFE9B \uFEE2\uFE9B");  // ثانية ثم
}

TEST_CASE("the writer's line breaks are kept and a word wider than a line is cut") {
    const auto lines = bidi_lines("abc def\nabcdefghij", ltr, 4, count);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "abc");
    CHECK(lines[1] == "def");
    CHECK(lines[2] == "abcd");
    CHECK(lines[3] == "efgh");
    CHECK(lines[4] == "ij");
    CHECK(bidi_lines("", rtl, 10, count) == std::vector<std::string>{""});
}

TEST_CASE("left-to-right text comes back unchanged") {
    CHECK(bidi_line("Zażółć gęślą jaźń", ltr) == "Zażółć gęślą jaźń");
    CHECK(bidi_line("Українська", ltr) == "Українська");
    CHECK(bidi_line("Türkçe 12", rtl) == "Türkçe 12");
}

TEST_CASE("right-to-left text is told apart from every other script") {
    CHECK(has_right_to_left("مرحبا"));
    CHECK(has_right_to_left("course שלום"));
    CHECK(has_right_to_left("\uFEFB"));
    CHECK(has_right_to_left("Taalhuis \u200F·\u200F Maastricht"));
    CHECK_FALSE(has_right_to_left("Українська"));
    CHECK_FALSE(has_right_to_left("Zażółć ﬁ Հայերեն"));
    CHECK_FALSE(has_right_to_left("Türkçe"));
}

TEST_CASE("Arabic and the other right-to-left languages are known by their code") {
    const kiosk::ContentPack pack;
    CHECK(kiosk::text_direction(pack, "ar") == rtl);
    CHECK(kiosk::text_direction(pack, "fa") == rtl);
    CHECK(kiosk::text_direction(pack, "he") == rtl);
    CHECK(kiosk::text_direction(pack, "ur") == rtl);
    for (const char* code : {"nl", "en", "pl", "tr", "uk"})
        CHECK(kiosk::text_direction(pack, code) == ltr);
}
