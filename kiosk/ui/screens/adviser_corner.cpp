// The hidden way into adviser mode: a long press in one corner of the screen.
// Nothing shows there; a visitor resting a finger for three seconds on a spot
// without a button is rare, and then meets only a PIN keypad and "cancel".

#include "kiosk/ui/screens/screens.hpp"

namespace kiosk::ui {

void adviser_corner(ScreenContext& ctx, Area screen, ScreenCorner corner, Seconds hold) {
    if (!ctx.flow.settings().check_pin || ctx.flow.adviser() != AdviserState::closed)
        return;
    const float side = 2.6f * ctx.em;
    const bool right = corner == ScreenCorner::top_right || corner == ScreenCorner::bottom_right;
    const bool bottom = corner == ScreenCorner::bottom_left || corner == ScreenCorner::bottom_right;
    const ImVec2 at{right ? screen.max.x - side : screen.min.x,
                    bottom ? screen.max.y - side : screen.min.y};
    ImGui::SetCursorScreenPos(at);
    ImGui::InvisibleButton("adviser-corner", {side, side});
    if (!ImGui::IsItemActive()) {
        ctx.memory.corner_fired = false;
        return;
    }
    ctx.memory.corner_held = true;  // frames must keep coming to see the time pass
    const float held = ImGui::GetIO().MouseDownDuration[0];
    if (!ctx.memory.corner_fired && held >= static_cast<float>(hold.count())) {
        ctx.memory.corner_fired = true;  // once per press
        ctx.emit(flow::OpenKeypad{});
    }
}

}  // namespace kiosk::ui
