// Touch reaches Dear ImGui 1.86 the way it needs it: the pointer moves before
// the press, each change in a frame of its own, and the pointer leaves after
// a finger lifts so no button stays highlighted.

#include "kiosk/platform/input.hpp"

#include <imgui.h>

#include <catch2/catch.hpp>
#include <cfloat>

using namespace kiosk::platform;

namespace {

struct ImGuiContextForTest {
    ImGuiContextForTest() {
        ImGui::CreateContext();
        configure_imgui_io();
    }
    ~ImGuiContextForTest() { ImGui::DestroyContext(); }
};

const ViewSize full_hd{1920, 1080, 1920, 1080};

SDL_Event finger(Uint32 type, float x, float y, SDL_FingerID id = 1) {
    SDL_Event event{};
    event.type = type;
    event.tfinger.fingerId = id;
    event.tfinger.x = x;
    event.tfinger.y = y;
    return event;
}

SDL_Event mouse(Uint32 type, int x, int y, Uint32 which = 0) {
    SDL_Event event{};
    event.type = type;
    if (type == SDL_MOUSEMOTION) {
        event.motion.which = which;
        event.motion.x = x;
        event.motion.y = y;
    } else {
        event.button.which = which;
        event.button.button = SDL_BUTTON_LEFT;
        event.button.x = x;
        event.button.y = y;
    }
    return event;
}

struct Pointer {
    float x, y;
    bool down;
};

Pointer next_frame(InputAdapter& input, const ViewSize& view = full_hd) {
    input.begin_frame(view, 1.0f / 60);
    const ImGuiIO& io = ImGui::GetIO();
    return {io.MousePos.x, io.MousePos.y, io.MouseDown[0]};
}

bool away(const Pointer& p) {
    return p.x == -FLT_MAX && p.y == -FLT_MAX;
}

}  // namespace

TEST_CASE("a tap moves the pointer, presses, releases and leaves, one frame each", "[input]") {
    ImGuiContextForTest context;
    InputAdapter input;
    input.handle(finger(SDL_FINGERDOWN, 0.5f, 0.25f), full_hd);
    input.handle(finger(SDL_FINGERUP, 0.5f, 0.25f), full_hd);
    REQUIRE(input.has_pending());

    const Pointer moved = next_frame(input);
    CHECK(moved.x == 960);
    CHECK(moved.y == 270);
    CHECK_FALSE(moved.down);
    const Pointer pressed = next_frame(input);
    CHECK(pressed.down);
    CHECK(pressed.x == 960);
    const Pointer released = next_frame(input);
    CHECK_FALSE(released.down);
    CHECK(released.x == 960);
    CHECK(away(next_frame(input)));
    CHECK_FALSE(input.has_pending());
    CHECK(away(next_frame(input)));
}

TEST_CASE("between two frames only the finger's last position matters", "[input]") {
    ImGuiContextForTest context;
    InputAdapter input;
    input.handle(finger(SDL_FINGERDOWN, 0.1f, 0.1f), full_hd);
    next_frame(input);
    next_frame(input);
    for (int i = 1; i <= 10; ++i)
        input.handle(finger(SDL_FINGERMOTION, 0.1f, 0.1f + 0.05f * static_cast<float>(i)), full_hd);
    const Pointer dragged = next_frame(input);
    CHECK(dragged.down);
    CHECK(dragged.y == Approx(0.6 * 1080));
    CHECK_FALSE(input.has_pending());
}

TEST_CASE("a second finger is ignored while the first is on the screen", "[input]") {
    ImGuiContextForTest context;
    InputAdapter input;
    input.handle(finger(SDL_FINGERDOWN, 0.5f, 0.5f, 1), full_hd);
    input.handle(finger(SDL_FINGERDOWN, 0.9f, 0.9f, 2), full_hd);
    input.handle(finger(SDL_FINGERUP, 0.9f, 0.9f, 2), full_hd);
    next_frame(input);
    CHECK(next_frame(input).down);
    CHECK_FALSE(input.has_pending());  // the second finger queued nothing
    input.handle(finger(SDL_FINGERUP, 0.5f, 0.5f, 1), full_hd);
    CHECK_FALSE(next_frame(input).down);
}

TEST_CASE("a mouse click where the pointer rests presses at once and the pointer stays",
          "[input]") {
    ImGuiContextForTest context;
    InputAdapter input;
    input.handle(mouse(SDL_MOUSEMOTION, 100, 200), full_hd);
    CHECK(next_frame(input).x == 100);
    input.handle(mouse(SDL_MOUSEBUTTONDOWN, 100, 200), full_hd);
    input.handle(mouse(SDL_MOUSEBUTTONUP, 100, 200), full_hd);
    CHECK(next_frame(input).down);
    const Pointer released = next_frame(input);
    CHECK_FALSE(released.down);
    CHECK(released.x == 100);
    CHECK_FALSE(input.has_pending());
}

TEST_CASE("SDL's mouse copy of a touch moves and presses nothing", "[input]") {
    ImGuiContextForTest context;
    InputAdapter input;
    input.handle(mouse(SDL_MOUSEMOTION, 100, 200, SDL_TOUCH_MOUSEID), full_hd);
    input.handle(mouse(SDL_MOUSEBUTTONDOWN, 100, 200, SDL_TOUCH_MOUSEID), full_hd);
    CHECK_FALSE(input.has_pending());
}

TEST_CASE("positions are drawable pixels on a high-density screen", "[input]") {
    ImGuiContextForTest context;
    const ViewSize hidpi{1280, 720, 2560, 1440};
    InputAdapter input;
    input.handle(mouse(SDL_MOUSEMOTION, 640, 360), hidpi);
    const Pointer p = next_frame(input, hidpi);
    CHECK(p.x == 1280);
    CHECK(p.y == 720);
    CHECK(ImGui::GetIO().DisplaySize.x == 2560);
    input.handle(finger(SDL_FINGERDOWN, 0.25f, 0.5f), hidpi);
    const Pointer f = next_frame(input, hidpi);
    CHECK(f.x == 640);
    CHECK(f.y == 720);
}

TEST_CASE("the kiosk's ImGui writes no files and navigates by no keys", "[input]") {
    ImGuiContextForTest context;
    const ImGuiIO& io = ImGui::GetIO();
    CHECK(io.IniFilename == nullptr);
    CHECK(io.LogFilename == nullptr);
    CHECK((io.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) == 0);
    InputAdapter input;
    SDL_Event key{};
    key.type = SDL_KEYDOWN;
    key.key.keysym.sym = SDLK_TAB;
    input.handle(key, full_hd);
    CHECK_FALSE(input.has_pending());
    next_frame(input);
    for (bool down : io.KeysDown)
        CHECK_FALSE(down);
}

TEST_CASE("a frame always moves ImGui's clock forward", "[input]") {
    ImGuiContextForTest context;
    InputAdapter input;
    input.begin_frame(full_hd, 0.0f);
    CHECK(ImGui::GetIO().DeltaTime > 0.0f);
    input.begin_frame(full_hd, 0.5f);
    CHECK(ImGui::GetIO().DeltaTime == 0.5f);
}
