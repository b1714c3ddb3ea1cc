#pragma once
// Touch behaviour Dear ImGui 1.86 lacks: drag-to-scroll with inertia on long
// lists (imgui #3379), and a swipe that never becomes a tap. The only file of
// kiosk/ui that uses imgui_internal.h, so an upgrade touches it alone.

#include <imgui.h>

namespace kiosk::ui {

// Call once per frame before any widget: when the finger has moved further
// than `threshold` pixels since it went down, the press in progress is
// cancelled, so the release that follows presses nothing.
void cancel_press_on_swipe(float threshold);

// A press shows only once the finger has rested this long, as touch systems
// do (Android's tap timeout): a swipe that starts on a button does not make
// it flash, and a quick tap changes the screen before it would show.
constexpr float press_delay_s = 0.1f;

// Whether the item just submitted shows as pressed: held down, under the
// finger, for press_delay_s.
bool shows_pressed();
// Whether a press is held but does not show yet: a frame is due when it will.
bool press_pending();

// Scrolling of one list by dragging anywhere in it (on buttons too), with
// inertia after the finger lifts. One per scrollable list; its state is the
// visitor's and is reset with the visit.
class TouchScroll {
  public:
    // Inside the list's child window, after its content: reads the pointer and
    // sets the window's scroll. `dt` in seconds.
    void update(float dt, float threshold);
    bool moving() const { return velocity_ != 0 || dragging_; }
    void reset() { *this = TouchScroll{}; }

  private:
    bool tracking_ = false;
    bool dragging_ = false;
    float start_y_ = 0;
    float start_scroll_ = 0;
    float last_y_ = 0;
    float velocity_ = 0;  // pixels per second, of the content
    float gliding_ = 0;   // where the list is after the finger lifted, to the fraction of a pixel
};

}  // namespace kiosk::ui
