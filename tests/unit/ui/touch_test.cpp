#include "kiosk/ui/touch.hpp"

#include <imgui.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <utility>

namespace {

// A Dear ImGui context of its own with one button, (100, 100)–(300, 200),
// and a finger that goes down and up on it.
struct Finger {
    Finger() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(800, 600);
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(std::intptr_t{1}));
    }
    ~Finger() { ImGui::DestroyContext(); }

    // One frame `dt` seconds after the last, the finger down or not: whether
    // the button shows pressed, and whether a press is held but not shown.
    std::pair<bool, bool> frame(bool down, float dt) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = dt;
        io.MousePos = ImVec2(150, 150);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::SetCursorScreenPos(ImVec2(100, 100));
        ImGui::InvisibleButton("button", ImVec2(200, 100));
        const bool shown = kiosk::ui::shows_pressed();
        ImGui::End();
        const bool pending = kiosk::ui::press_pending();
        ImGui::Render();
        return {shown, pending};
    }
};

}  // namespace

TEST_CASE("a press shows only once the finger has rested a tenth of a second", "[touch]") {
    Finger finger;
    finger.frame(false, 1.0f / 60);
    auto [shown, pending] = finger.frame(true, 1.0f / 60);
    CHECK_FALSE(shown);
    CHECK(pending);                // a frame is due when it will show
    for (int i = 0; i < 3; ++i) {  // 0.09 s
        std::tie(shown, pending) = finger.frame(true, 0.03f);
        CHECK_FALSE(shown);
        CHECK(pending);
    }
    std::tie(shown, pending) = finger.frame(true, 0.03f);  // 0.12 s
    CHECK(shown);
    CHECK_FALSE(pending);
    std::tie(shown, pending) = finger.frame(false, 0.03f);
    CHECK_FALSE(shown);
    CHECK_FALSE(pending);
}

TEST_CASE("a quick tap never shows the press", "[touch]") {
    Finger finger;
    finger.frame(false, 1.0f / 60);
    CHECK_FALSE(finger.frame(true, 1.0f / 60).first);
    CHECK_FALSE(finger.frame(true, 0.05f).first);
    const auto [shown, pending] = finger.frame(false, 1.0f / 60);
    CHECK_FALSE(shown);
    CHECK_FALSE(pending);
}
