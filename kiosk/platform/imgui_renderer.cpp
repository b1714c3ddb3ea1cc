#include "kiosk/platform/imgui_renderer.hpp"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include "kiosk/platform/input.hpp"

namespace kiosk::platform {

ImGuiRenderer::ImGuiRenderer(SDL_Renderer* renderer) : renderer_(renderer) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    configure_imgui_io();
    ImGui_ImplSDLRenderer_Init(renderer_);
}

ImGuiRenderer::~ImGuiRenderer() {
    for (SDL_Texture* texture : textures_)
        SDL_DestroyTexture(texture);
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiRenderer::drop_font_texture() {
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
}

bool ImGuiRenderer::make_font_texture() {
    return ImGui_ImplSDLRenderer_CreateFontsTexture();
}

void* ImGuiRenderer::make_texture(const RgbaImage& image) {
    SDL_Texture* texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888,
                                             SDL_TEXTUREACCESS_STATIC, image.width, image.height);
    if (!texture)
        return nullptr;
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_UpdateTexture(texture, nullptr, image.pixels.data(), image.width * 4);
    textures_.push_back(texture);
    return texture;
}

void ImGuiRenderer::new_frame() {
    ImGui_ImplSDLRenderer_NewFrame();
    // The backend has the atlas as a texture now; the atlas's own copies of
    // the pixels (tens of MB at 1080p) are not needed until it is rebuilt.
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (atlas.TexPixelsAlpha8 || atlas.TexPixelsRGBA32)
        atlas.ClearTexData();
    ImGui::NewFrame();
}

void ImGuiRenderer::render() {
    ImGui::Render();
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace kiosk::platform
