#include "kiosk/platform/font_texture.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace kiosk::platform {
namespace {

// What ImFontAtlas::GetTexDataAsRGBA32 makes of a coverage value, and the
// texture's format is the one the backend gives its RGBA32 copy, so every
// texel (and every blend the renderer makes with it) is the same as before.
constexpr SDL_PixelFormatEnum texel_format = SDL_PIXELFORMAT_RGBA32;

void fill_rows(const unsigned char* alpha, int width, int rows, void* pixels, int pitch) {
    for (int y = 0; y < rows; ++y) {
        const unsigned char* from = alpha + static_cast<std::size_t>(y) * width;
        auto* to = reinterpret_cast<std::uint32_t*>(static_cast<unsigned char*>(pixels) +
                                                    static_cast<std::size_t>(y) * pitch);
        for (int x = 0; x < width; ++x)
            to[x] = IM_COL32(255, 255, 255, from[x]);
    }
}

bool software(SDL_Renderer* renderer) {
    SDL_RendererInfo info{};
    return SDL_GetRendererInfo(renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
}

}  // namespace

SDL_Texture* make_font_texture(SDL_Renderer* renderer, ImFontAtlas& atlas) {
    unsigned char* alpha = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&alpha, &width, &height);
    if (!alpha || width <= 0 || height <= 0) {
        SDL_SetError("the font atlas has no pixels");
        return nullptr;
    }
    // A software renderer's streaming texture is a surface in memory that
    // locking hands out as it is; a GPU renderer's would keep a second copy
    // of the texels in memory for as long as the texture lives.
    const bool in_place = software(renderer);
    SDL_Texture* texture = SDL_CreateTexture(
        renderer, texel_format, in_place ? SDL_TEXTUREACCESS_STREAMING : SDL_TEXTUREACCESS_STATIC,
        width, height);
    if (!texture)
        return nullptr;
    if (in_place) {
        void* pixels = nullptr;
        int pitch = 0;
        if (SDL_LockTexture(texture, nullptr, &pixels, &pitch) != 0) {
            SDL_DestroyTexture(texture);
            return nullptr;
        }
        fill_rows(alpha, width, height, pixels, pitch);
        SDL_UnlockTexture(texture);
    } else {
        constexpr int band_rows = 64;
        std::vector<std::uint32_t> band(static_cast<std::size_t>(width) * band_rows);
        for (int y = 0; y < height; y += band_rows) {
            const int rows = std::min(band_rows, height - y);
            fill_rows(alpha + static_cast<std::size_t>(y) * width, width, rows, band.data(),
                      width * 4);
            const SDL_Rect area{0, y, width, rows};
            if (SDL_UpdateTexture(texture, &area, band.data(), width * 4) != 0) {
                SDL_DestroyTexture(texture);
                return nullptr;
            }
        }
    }
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    return texture;
}

}  // namespace kiosk::platform
