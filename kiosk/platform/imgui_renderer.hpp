#pragma once
// The Dear ImGui context and its SDL_Renderer backend: begins and draws frames
// so that the app itself never calls ImGui. On a software renderer it redraws
// only what changed since the last frame (FrameDamage): the pixels it drew
// before stay where they are, in memory or in the window's surface.

#include <SDL.h>
#include <imgui.h>

#include <cstdint>
#include <vector>

#include "kiosk/core/base/image.hpp"
#include "kiosk/platform/frame_damage.hpp"

namespace kiosk::platform {

class ImGuiRenderer {
  public:
    // Creates the ImGui context (configured for a kiosk) and binds it to
    // `renderer`. The font texture is made at the first frame, so the UI fills
    // the font atlas between construction and then.
    explicit ImGuiRenderer(SDL_Renderer* renderer);
    ~ImGuiRenderer();
    ImGuiRenderer(const ImGuiRenderer&) = delete;
    ImGuiRenderer& operator=(const ImGuiRenderer&) = delete;

    // Around a rebuild of the font atlas (new display size).
    void drop_font_texture();
    bool make_font_texture();

    // A picture (the logo) as a texture the UI can draw; null when the
    // renderer refuses it. Freed with the renderer.
    void* make_texture(const RgbaImage& image);

    void new_frame();
    // Ends the frame and draws it: on a software renderer only where it
    // differs from the last frame, elsewhere all of it. Returns the
    // rectangles drawn, for the caller to present; none when nothing changed.
    // With `list` (the frame's scrolling list) and `pixels` (the surface the
    // software renderer draws into), a list that scrolled has its pixels
    // moved rather than drawn again.
    std::vector<SDL_Rect> render(const ScrollingList* list = nullptr,
                                 SDL_Surface* pixels = nullptr);
    // Draws the frame that render() drew once more, all of it (to check
    // that drawing only the changes gives the same pixels).
    void render_in_full();
    // The next render() draws everything: what is on screen was lost or
    // drawn over (a resize, an expose, the black screen of closing time).
    void redraw_all() { damage_.forget(); }
    // Whether render() draws only the changes.
    bool draws_changes_only() const { return changes_only_; }

  private:
    void draw_within(const PixelRect& rect, int width, int height);
    void move_rows(SDL_Surface& pixels, const PixelRect& to, int shift);

    SDL_Renderer* renderer_;
    bool changes_only_ = false;
    FrameDamage damage_;
    std::vector<SDL_Texture*> textures_;
    std::vector<std::uint32_t> triangles_;  // draw_within's, kept to save allocations
    std::vector<ImDrawIdx> indices_;
    SDL_Texture* font_texture_ = nullptr;
};

}  // namespace kiosk::platform
