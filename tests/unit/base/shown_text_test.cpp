#include "kiosk/core/base/shown_text.hpp"

#include <catch2/catch.hpp>

using kiosk::shown_text;

TEST_CASE("text shown in a message keeps letters of any script and escapes control bytes") {
    CHECK(shown_text("zorg") == "'zorg'");
    CHECK(shown_text("Українська") == "'Українська'");
    CHECK(shown_text("\x1b[2Jgone") == "'\\x1b[2Jgone'");
    CHECK(shown_text("a\nb\tc\x7f") == "'a\\x0ab\\x09c\\x7f'");
    CHECK(shown_text("back\\slash") == "'back\\\\slash'");
}

TEST_CASE("a long value is cut and says how long it was") {
    CHECK(shown_text(std::string(10, 'x'), 4) == "'xxxx'... (10 bytes)");
    CHECK(shown_text("abcd", 4) == "'abcd'");
}
