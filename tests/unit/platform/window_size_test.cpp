#include <catch2/catch.hpp>

#include "kiosk/platform/window.hpp"

using kiosk::platform::parse_window_size;

TEST_CASE("a window size is written WIDTHxHEIGHT", "[window]") {
    CHECK(parse_window_size("1280x720") == std::pair{1280, 720});
    CHECK(parse_window_size("1080x1920") == std::pair{1080, 1920});
    for (const char* bad : {"", "1280", "1280x", "x720", "1280X720", "1280x720x", "-1280x720",
                            "+1280x720", "1280 x 720", "12800000x720", "10x10", "1280x72o"}) {
        INFO(bad);
        CHECK_FALSE(parse_window_size(bad));
    }
}
