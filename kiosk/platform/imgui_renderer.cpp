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
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiRenderer::drop_font_texture() {
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
}

bool ImGuiRenderer::make_font_texture() {
    return ImGui_ImplSDLRenderer_CreateFontsTexture();
}

void ImGuiRenderer::new_frame() {
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
}

void ImGuiRenderer::render() {
    ImGui::Render();
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace kiosk::platform
