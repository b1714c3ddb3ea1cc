#pragma once
// Our own adapter from SDL events to Dear ImGui's input, the one place that
// writes to ImGuiIO. Not imgui_impl_sdl: its SDL_CaptureMouse breaks touch on
// Linux (imgui #8150). Dear ImGui 1.86 reads the pointer as a state per frame,
// so a tap must be spread over frames: first the pointer moves to the finger
// (a tap "teleports" it, imgui #2702), then the press, then the release, then
// the pointer leaves so no button stays highlighted after a touch (#2074).
// Keys are never given to ImGui: the kiosk has no text input and nothing a
// key could open.

#include <SDL.h>

#include <deque>
#include <optional>

namespace kiosk::platform {

// Window coordinates (mouse events) and drawable pixels (what ImGui draws in)
// differ on high-density screens.
struct ViewSize {
    int window_width = 0, window_height = 0;
    int output_width = 0, output_height = 0;
};

// The ImGuiIO settings of a kiosk: no imgui.ini or log file of its own, no
// keyboard navigation, windows that a swipe cannot move. Once, after
// ImGui::CreateContext().
void configure_imgui_io();

class InputAdapter {
  public:
    // An event the lockdown rules called input; anything but pointer events
    // (mouse and fingers) is left alone.
    void handle(const SDL_Event& event, const ViewSize& view);

    // Before each ImGui::NewFrame(): the display size, the time since the last
    // frame, and at most one queued change of the pointer.
    void begin_frame(const ViewSize& view, float delta_seconds);

    // Pointer changes still to deliver: the loop must draw until there are none.
    bool has_pending() const { return !queue_.empty() || wheel_x_ != 0 || wheel_y_ != 0; }

  private:
    struct Step {
        enum class Kind { move, press, release, leave } kind;
        float x = 0, y = 0;
    };
    void move_to(float x, float y);
    void press_at(float x, float y);
    void release_at(float x, float y);
    void leave();

    std::deque<Step> queue_;
    // Where the pointer is once the queue is delivered; none: away.
    std::optional<std::pair<float, float>> pointer_;
    bool pressed_ = false;                // likewise, the button
    std::optional<SDL_FingerID> finger_;  // the one finger followed; others are ignored
    float wheel_x_ = 0, wheel_y_ = 0;
};

}  // namespace kiosk::platform
