#include "kiosk/platform/imgui_renderer.hpp"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstddef>
#include <cstring>

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
    // What the UI draws without a texture (a fade's bands) blends.
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
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

std::vector<SDL_Rect> ImGuiRenderer::render(const ScrollingList* list, SDL_Surface* pixels) {
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
    // Pixels can be moved only where they can be reached, in the surface
    // the renderer draws into, the same size as the frame.
    const bool movable =
        pixels && pixels->w == width && pixels->h == height && pixels->format->BytesPerPixel == 4;
    const FrameChange change = damage_.update(frame, width, height, movable ? list : nullptr);
    std::vector<SDL_Rect> drawn;
    if (change.redraw.size() == 1 && change.redraw.front() == PixelRect{0, 0, width, height}) {
        render_in_full();
    } else {
        if (!change.moved.empty())
            move_rows(*pixels, change.moved, change.shift);
        for (const PixelRect& rect : change.redraw)
            draw_within(rect, width, height);
    }
    for (const PixelRect& rect : change.redraw)
        drawn.push_back(sdl_rect(rect));
    if (!change.moved.empty())
        drawn.push_back(sdl_rect(change.moved));
    return drawn;
}

void ImGuiRenderer::move_rows(SDL_Surface& pixels, const PixelRect& to, int shift) {
    // What SDL has queued is drawn first: the rows moved are the last frame's.
    SDL_RenderFlush(renderer_);
    if (SDL_MUSTLOCK(&pixels) && SDL_LockSurface(&pixels) != 0)
        return;
    auto* base = static_cast<unsigned char*>(pixels.pixels);
    const std::size_t bytes = static_cast<std::size_t>(to.x1 - to.x0) * 4;
    auto row = [&](int y) {
        return base + static_cast<std::ptrdiff_t>(y) * pixels.pitch + to.x0 * 4;
    };
    // Moving down, the bottom row first, so no row is overwritten before it moved.
    if (shift > 0)
        for (int y = to.y1 - 1; y >= to.y0; --y)
            std::memmove(row(y), row(y - shift), bytes);
    else
        for (int y = to.y0; y < to.y1; ++y)
            std::memmove(row(y), row(y - shift), bytes);
    if (SDL_MUSTLOCK(&pixels))
        SDL_UnlockSurface(&pixels);
}

void ImGuiRenderer::render_in_full() {
    clear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

void ImGuiRenderer::draw_within(const PixelRect& rect, int width, int height) {
    // As the backend draws a frame (imgui_impl_sdlrenderer.cpp, 1.86), but
    // each command clipped to `rect` as well, and only its triangles that
    // can paint there. SDL_RenderClear ignores clipping; a filled rectangle
    // does not.
    const SDL_Rect area = sdl_rect(rect);
    SDL_RenderSetViewport(renderer_, nullptr);
    SDL_RenderSetClipRect(renderer_, &area);
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderFillRect(renderer_, &area);
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_BLEND);
    const ImDrawData& frame = *ImGui::GetDrawData();
    const std::vector<PixelRect>& bounds = damage_.command_bounds();
    std::size_t k = 0;
    for (int n = 0; n < frame.CmdListsCount; ++n) {
        const ImDrawList& list = *frame.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            const std::size_t command = k++;
            const auto clip = backend_clip(cmd.ClipRect, width, height);
            if (!clip || command >= bounds.size() || intersection(bounds[command], rect).empty())
                continue;
            const PixelRect narrowed = intersection(*clip, rect);
            if (narrowed.empty())
                continue;
            triangles_.clear();
            damage_.runs_within(command, rect, triangles_);
            indices_.clear();
            const ImDrawIdx* from = list.IdxBuffer.Data + cmd.IdxOffset;
            for (const std::uint32_t t : triangles_)
                indices_.insert(indices_.end(), from + t * 3, from + t * 3 + 3);
            if (indices_.empty())
                continue;
            const SDL_Rect within = sdl_rect(narrowed);
            SDL_RenderSetClipRect(renderer_, &within);
            const ImDrawVert* vertices = list.VtxBuffer.Data + cmd.VtxOffset;
            SDL_RenderGeometryRaw(
                renderer_, static_cast<SDL_Texture*>(cmd.GetTexID()),
                reinterpret_cast<const float*>(reinterpret_cast<const char*>(vertices) +
                                               offsetof(ImDrawVert, pos)),
                sizeof(ImDrawVert),
                reinterpret_cast<const SDL_Color*>(reinterpret_cast<const char*>(vertices) +
                                                   offsetof(ImDrawVert, col)),
                sizeof(ImDrawVert),
                reinterpret_cast<const float*>(reinterpret_cast<const char*>(vertices) +
                                               offsetof(ImDrawVert, uv)),
                sizeof(ImDrawVert), list.VtxBuffer.Size - static_cast<int>(cmd.VtxOffset),
                indices_.data(), static_cast<int>(indices_.size()), sizeof(ImDrawIdx));
        }
    }
    SDL_RenderSetClipRect(renderer_, nullptr);
}

}  // namespace kiosk::platform
