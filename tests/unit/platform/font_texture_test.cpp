#include "kiosk/platform/font_texture.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

using kiosk::platform::make_font_texture;

namespace {

// A software renderer drawing into memory, as the headless kiosk and a
// kiosk without a GPU draw.
struct Canvas {
    static constexpr int width = 600, height = 400;
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    ~Canvas() {
        SDL_DestroyRenderer(renderer);
        SDL_FreeSurface(surface);
    }

    // The whole atlas squeezed onto the canvas over a coloured ground, and
    // three glyph-sized pieces of it drawn 1:1 with a tint, as text is drawn.
    std::vector<std::uint8_t> draw_with(SDL_Texture* texture, int atlas_w, int atlas_h) {
        SDL_SetRenderDrawColor(renderer, 20, 90, 160, 255);
        SDL_RenderClear(renderer);
        SDL_Rect all{0, 0, width, height / 2};
        SDL_RenderCopy(renderer, texture, nullptr, &all);
        SDL_SetTextureColorMod(texture, 250, 200, 40);
        for (int i = 0; i < 3; ++i) {
            const SDL_Rect from{atlas_w / 4 * i, atlas_h / 5 * i, 40, 40};
            const SDL_Rect to{20 + 60 * i, height / 2 + 20, 40, 40};
            SDL_RenderCopy(renderer, texture, &from, &to);
        }
        SDL_SetTextureColorMod(texture, 255, 255, 255);
        SDL_RenderFlush(renderer);
        const auto* bytes = static_cast<const std::uint8_t*>(surface->pixels);
        return {bytes, bytes + static_cast<std::size_t>(surface->pitch) * height};
    }
};

}  // namespace

TEST_CASE(
    "the font texture made from the atlas's coverage draws exactly what the "
    "backend's 32-bit copy drew",
    "[font-texture]") {
    ImFontAtlas atlas;
    ImFontConfig config;
    config.SizePixels = 40.0f;
    atlas.AddFontDefault(&config);
    REQUIRE(atlas.Build());
    int atlas_w = 0, atlas_h = 0;
    unsigned char* rgba = nullptr;
    atlas.GetTexDataAsRGBA32(&rgba, &atlas_w, &atlas_h);

    Canvas canvas;
    REQUIRE(canvas.renderer);
    // The SDL_Renderer backend's way: the 32-bit copy uploaded whole.
    SDL_Texture* before = SDL_CreateTexture(canvas.renderer, SDL_PIXELFORMAT_RGBA32,
                                            SDL_TEXTUREACCESS_STATIC, atlas_w, atlas_h);
    REQUIRE(before);
    SDL_UpdateTexture(before, nullptr, rgba, atlas_w * 4);
    SDL_SetTextureBlendMode(before, SDL_BLENDMODE_BLEND);
    const std::vector<std::uint8_t> expected = canvas.draw_with(before, atlas_w, atlas_h);
    SDL_DestroyTexture(before);

    // Ours, from the coverage alone (the 32-bit copy is gone first).
    atlas.ClearTexData();
    REQUIRE(atlas.Build());
    SDL_Texture* made = make_font_texture(canvas.renderer, atlas);
    REQUIRE(made);
    CHECK(atlas.TexPixelsRGBA32 == nullptr);
    int w = 0, h = 0;
    SDL_QueryTexture(made, nullptr, nullptr, &w, &h);
    CHECK(w == atlas_w);
    CHECK(h == atlas_h);
    const std::vector<std::uint8_t> drawn = canvas.draw_with(made, atlas_w, atlas_h);
    SDL_DestroyTexture(made);
    CHECK(drawn == expected);
    // Not a picture of nothing: the glyphs left their mark.
    CHECK(std::count(drawn.begin(), drawn.end(), std::uint8_t{255}) > 1000);
}
