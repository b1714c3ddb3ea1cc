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
