#include "kiosk/ui/pictograms.hpp"

#include <catch2/catch.hpp>

#include "kiosk/core/content/pictograms.hpp"

TEST_CASE("the touch screens draw every pictogram a pack may name", "[pictograms]") {
    for (auto id : kiosk::known_pictograms()) {
        INFO(id);
        CHECK_FALSE(kiosk::ui::pictogram_glyph(id).empty());
    }
    CHECK(kiosk::ui::pictogram_glyph("rocket").empty());
}
