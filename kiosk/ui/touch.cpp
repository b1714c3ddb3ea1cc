#include "kiosk/ui/touch.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

void cancel_press_on_swipe(float threshold) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.MouseDown[0] || ImGui::GetActiveID() == 0)
        return;
    const ImVec2 moved{io.MousePos.x - io.MouseClickedPos[0].x,
                       io.MousePos.y - io.MouseClickedPos[0].y};
    if (moved.x * moved.x + moved.y * moved.y > threshold * threshold)
        ImGui::ClearActiveID();
}

namespace {

// Scrolls to whole pixels: the renderer can then move the pixels already
// drawn instead of drawing them again.
void set_scroll(float to, float max_scroll) {
    ImGui::SetScrollY(std::clamp(std::round(to), 0.0f, std::floor(max_scroll)));
}

}  // namespace

bool shows_pressed() {
    return ImGui::IsItemActive() && ImGui::IsItemHovered() &&
           ImGui::GetIO().MouseDownDuration[0] >= press_delay_s;
}

bool press_pending() {
    const ImGuiIO& io = ImGui::GetIO();
    return io.MouseDown[0] && ImGui::GetActiveID() != 0 && io.MouseDownDuration[0] < press_delay_s;
}

void TouchScroll::update(float dt, float threshold) {
    const ImGuiIO& io = ImGui::GetIO();
    const float max_scroll = ImGui::GetScrollMaxY();
    if (io.MouseClicked[0] &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                               ImGuiHoveredFlags_ChildWindows)) {
        tracking_ = true;
        dragging_ = false;
        start_y_ = io.MousePos.y;
        last_y_ = io.MousePos.y;
        start_scroll_ = ImGui::GetScrollY();
        velocity_ = 0;  // a finger on a moving list stops it
    }
    if (tracking_ && io.MouseDown[0]) {
        if (!dragging_ && std::fabs(io.MousePos.y - start_y_) > threshold) {
            dragging_ = true;
            ImGui::ClearActiveID();  // the swipe must not press the button under it
        }
        if (dragging_) {
            set_scroll(start_scroll_ - (io.MousePos.y - start_y_), max_scroll);
            if (dt > 0) {
                const float instant = -(io.MousePos.y - last_y_) / dt;
                velocity_ = velocity_ * 0.6f + instant * 0.4f;
            }
        }
        last_y_ = io.MousePos.y;
        return;
    }
    if (tracking_) {  // released
        tracking_ = false;
        if (!dragging_)
            velocity_ = 0;
        dragging_ = false;
        gliding_ = ImGui::GetScrollY();
    }
    if (velocity_ != 0 && dt > 0) {
        const float next = gliding_ + velocity_ * dt;
        gliding_ = next;
        set_scroll(next, max_scroll);
        velocity_ *= std::exp(-4.0f * dt);  // about a second to come to rest
        if (std::fabs(velocity_) < 30.0f || next <= 0 || next >= max_scroll)
            velocity_ = 0;
    }
}

}  // namespace kiosk::ui
