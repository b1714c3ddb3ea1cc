#pragma once
// The Dear ImGui context and its SDL_Renderer backend: begins and draws frames
// so that the app itself never calls ImGui.

#include <SDL.h>

#include <vector>

#include "kiosk/core/base/image.hpp"

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
    // Ends the frame and draws it; presenting is up to the caller.
    void render();

  private:
    SDL_Renderer* renderer_;
    std::vector<SDL_Texture*> textures_;
};

}  // namespace kiosk::platform
