#include "kiosk/ui/fonts.hpp"

#include <catch2/catch.hpp>

#include "kiosk/ui/kiosk_ui.hpp"

using namespace kiosk;
using namespace kiosk::ui;

namespace {

// The kiosk's own fonts at 1080p, Latin-1 only: enough to see which faces
// the atlas holds and what it reads them from.
struct Fonts {
    UiFonts paths;
    std::vector<ImWchar> ranges{0x0020, 0x00ff, 0};
    FontFiles files;
    ImFontAtlas atlas;
    float em = em_for_display(1920, 1080);

    FontSet load(bool with_large) {
        auto set = load_fonts(atlas, {paths.regular, paths.bold, paths.icons}, em, ranges, files,
                              with_large);
        REQUIRE(set);
        return *set;
    }
};

bool power_of_two(int n) {
    return n > 0 && (n & (n - 1)) == 0;
}

}  // namespace

TEST_CASE("the larger-text faces are not rasterised at start, and are there once asked for",
          "[fonts]") {
    Fonts fonts;
    const FontSet start = fonts.load(false);
    CHECK_FALSE(start.has_large);
    // Until then larger text is drawn with the normal faces, never with none.
    CHECK(start.scale(true).body.regular == start.normal.body.regular);
    CHECK(start.scale(true).title.bold == start.normal.title.bold);
    const int start_fonts = fonts.atlas.Fonts.Size;
    const int start_texels = fonts.atlas.TexWidth * fonts.atlas.TexHeight;

    const FontSet asked = fonts.load(true);
    CHECK(asked.has_large);
    CHECK(fonts.atlas.Fonts.Size == 2 * start_fonts);
    CHECK(asked.scale(true).body.regular != asked.normal.body.regular);
    CHECK(asked.scale(true).body.size == std::round(fonts.em * 1.25f));
    CHECK(asked.scale(false).body.size == start.normal.body.size);
    CHECK(asked.scale(true).body.regular->FindGlyphNoFallback(U'é') != nullptr);
    // The start's atlas is the smaller one: what the start saves.
    CHECK(fonts.atlas.TexWidth * fonts.atlas.TexHeight > start_texels);
}

TEST_CASE("the font atlas is a power of two high, so that its rows are sampled exactly",
          "[fonts]") {
    Fonts fonts;
    for (bool with_large : {false, true}) {
        fonts.load(with_large);
        INFO("with the larger-text faces: " << with_large << ", atlas " << fonts.atlas.TexWidth
                                            << "x" << fonts.atlas.TexHeight);
        CHECK(power_of_two(fonts.atlas.TexWidth));
        CHECK(power_of_two(fonts.atlas.TexHeight));
        // The software renderer samples row (int)(v * height): every glyph's
        // top and bottom row comes out as the row it was rasterised at.
        for (const ImFont* font : fonts.atlas.Fonts) {
            for (const ImFontGlyph& glyph : font->Glyphs) {
                const float h = static_cast<float>(fonts.atlas.TexHeight);
                const int top = static_cast<int>(glyph.V0 * h);
                CHECK(static_cast<float>(top) == glyph.V0 * h);
            }
        }
    }
}

TEST_CASE("every face of the atlas reads the one copy of its font file", "[fonts]") {
    Fonts fonts;
    fonts.load(true);
    // Seven faces a scale, each with the icons merged in, and two scales.
    REQUIRE(fonts.atlas.ConfigData.Size == 28);
    for (const ImFontConfig& config : fonts.atlas.ConfigData) {
        CHECK_FALSE(config.FontDataOwnedByAtlas);
        CHECK((config.FontData == fonts.files.regular.data() ||
               config.FontData == fonts.files.bold.data() ||
               config.FontData == fonts.files.icons.data()));
    }
}
