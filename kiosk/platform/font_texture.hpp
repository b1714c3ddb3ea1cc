#pragma once
// The font atlas as a renderer texture, made from the atlas's own 8-bit
// coverage. The SDL_Renderer backend would first ask the atlas for a 32-bit
// copy (four times the atlas: 32 MB at 1080p, allocated, filled and copied
// once more into the texture) only to upload it; that copy was most of the
// kiosk's start. The texels are the same: white, with the coverage as alpha.

#include <SDL.h>
#include <imgui.h>

namespace kiosk::platform {

// A texture of the built atlas `atlas`, blending; null when the renderer
// refuses one (SDL_GetError says why) or the atlas has no pixels. On a
// software renderer the texels are written straight into the texture's own
// memory; elsewhere they go up in bands of rows.
SDL_Texture* make_font_texture(SDL_Renderer* renderer, ImFontAtlas& atlas);

}  // namespace kiosk::platform
