#include "kiosk/platform/imgui_renderer.hpp"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include "kiosk/platform/font_texture.hpp"
#include "kiosk/platform/input.hpp"

namespace kiosk::platform {
namespace {

SDL_Rect sdl_rect(const PixelRect& rect) {
    return {rect.x0, rect.y0, rect.x1 - rect.x0, rect.y1 - rect.y0};
}

void clear(SDL_Renderer* renderer) {
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
}

}  // namespace

ImGuiRenderer::ImGuiRenderer(SDL_Renderer* renderer) : renderer_(renderer) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    configure_imgui_io();
    ImGui_ImplSDLRenderer_Init(renderer_);
    // A software renderer keeps its pixels from one frame to the next; an
    // accelerated one's back buffer is undefined after each present.
    SDL_RendererInfo info{};
    changes_only_ =
        SDL_GetRendererInfo(renderer_, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
}

ImGuiRenderer::~ImGuiRenderer() {
    drop_font_texture();
    for (SDL_Texture* texture : textures_)
        SDL_DestroyTexture(texture);
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiRenderer::drop_font_texture() {
    if (font_texture_) {
        ImGui::GetIO().Fonts->SetTexID(nullptr);
        SDL_DestroyTexture(font_texture_);
        font_texture_ = nullptr;
    }
    damage_.forget();
}

bool ImGuiRenderer::make_font_texture() {
    drop_font_texture();
    // Ours, not the backend's: it would go through a 32-bit copy of the atlas.
    font_texture_ = platform::make_font_texture(renderer_, *ImGui::GetIO().Fonts);
    if (!font_texture_)
        return false;
    ImGui::GetIO().Fonts->SetTexID(font_texture_);
    return true;
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
    // All the backend's NewFrame would do is make its own font texture.
    if (!font_texture_)
        make_font_texture();
    // The backend has the atlas as a texture now; the atlas's own copies of
    // the pixels (tens of MB at 1080p) are not needed until it is rebuilt.
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (atlas.TexPixelsAlpha8 || atlas.TexPixelsRGBA32)
        atlas.ClearTexData();
    ImGui::NewFrame();
}

std::vector<SDL_Rect> ImGuiRenderer::render() {
    ImGui::Render();
    ImDrawData& frame = *ImGui::GetDrawData();
    int width = 0, height = 0;
    SDL_GetRendererOutputSize(renderer_, &width, &height);
    // The damage is worked out in the renderer's pixels: only when ImGui
    // draws 1:1 into them.
    float scale_x = 1.0f, scale_y = 1.0f;
    SDL_RenderGetScale(renderer_, &scale_x, &scale_y);
    const bool one_to_one = frame.DisplayPos.x == 0.0f && frame.DisplayPos.y == 0.0f &&
                            frame.FramebufferScale.x == 1.0f && frame.FramebufferScale.y == 1.0f &&
                            scale_x == 1.0f && scale_y == 1.0f &&
                            static_cast<int>(frame.DisplaySize.x) == width &&
                            static_cast<int>(frame.DisplaySize.y) == height;
    if (!changes_only_ || !one_to_one) {
        damage_.forget();
        render_in_full();
        return {SDL_Rect{0, 0, width, height}};
    }
    const std::vector<PixelRect> damage = damage_.update(frame, width, height);
    std::vector<SDL_Rect> drawn;
    if (damage.size() == 1 && damage.front() == PixelRect{0, 0, width, height}) {
        render_in_full();
    } else {
        for (const PixelRect& rect : damage)
            draw_within(rect, width, height);
    }
    for (const PixelRect& rect : damage)
        drawn.push_back(sdl_rect(rect));
    return drawn;
}

void ImGuiRenderer::render_in_full() {
    clear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

void ImGuiRenderer::draw_within(const PixelRect& rect, int width, int height) {
    // The backend sets a clip rectangle of its own for every command, so one
    // set around it would not hold: each command's is narrowed to `rect`
    // instead, in whole pixels as the backend would truncate it, and a
    // command that cannot reach `rect` is skipped. SDL_RenderClear ignores
    // clipping; a filled rectangle does not.
    const SDL_Rect area = sdl_rect(rect);
    SDL_RenderSetClipRect(renderer_, &area);
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderFillRect(renderer_, &area);
    ImDrawData& frame = *ImGui::GetDrawData();
    const std::vector<PixelRect>& bounds = damage_.command_bounds();
    std::vector<ImVec4> kept;
    kept.reserve(bounds.size());
    std::size_t k = 0;
    for (int n = 0; n < frame.CmdListsCount; ++n) {
        for (ImDrawCmd& cmd : frame.CmdLists[n]->CmdBuffer) {
            kept.push_back(cmd.ClipRect);
            const auto clip = backend_clip(cmd.ClipRect, width, height);
            const PixelRect narrowed = clip ? intersection(*clip, rect) : PixelRect{};
            if (k < bounds.size() && !intersection(bounds[k], rect).empty() && !narrowed.empty())
                cmd.ClipRect =
                    ImVec4(static_cast<float>(narrowed.x0), static_cast<float>(narrowed.y0),
                           static_cast<float>(narrowed.x1), static_cast<float>(narrowed.y1));
            else
                cmd.ClipRect = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);  // the backend skips it
            ++k;
        }
    }
    ImGui_ImplSDLRenderer_RenderDrawData(&frame);
    k = 0;
    for (int n = 0; n < frame.CmdListsCount; ++n)
        for (ImDrawCmd& cmd : frame.CmdLists[n]->CmdBuffer)
            cmd.ClipRect = kept[k++];
    SDL_RenderSetClipRect(renderer_, nullptr);
}

}  // namespace kiosk::platform
