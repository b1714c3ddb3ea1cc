#include "kiosk/platform/input.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace kiosk::platform {
namespace {

std::pair<float, float> mouse_pixels(int x, int y, const ViewSize& view) {
    const float sx = view.window_width > 0 ? static_cast<float>(view.output_width) /
                                                 static_cast<float>(view.window_width)
                                           : 1.0f;
    const float sy = view.window_height > 0 ? static_cast<float>(view.output_height) /
                                                  static_cast<float>(view.window_height)
                                            : 1.0f;
    return {static_cast<float>(x) * sx, static_cast<float>(y) * sy};
}

std::pair<float, float> finger_pixels(const SDL_TouchFingerEvent& finger, const ViewSize& view) {
    return {finger.x * static_cast<float>(view.output_width),
            finger.y * static_cast<float>(view.output_height)};
}

}  // namespace

void configure_imgui_io() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk writes no files of its own
    io.LogFilename = nullptr;
    io.ConfigFlags &= ~(ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NavEnableGamepad);
    io.ConfigWindowsMoveFromTitleBarOnly = true;  // a swipe never drags a screen away
    io.MouseDrawCursor = false;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

void InputAdapter::move_to(float x, float y) {
    if (pointer_ && pointer_->first == x && pointer_->second == y)
        return;
    pointer_ = {x, y};
    // Many motion events between two frames: only the last position matters.
    if (!queue_.empty() && queue_.back().kind == Step::Kind::move) {
        queue_.back().x = x;
        queue_.back().y = y;
        return;
    }
    queue_.push_back({Step::Kind::move, x, y});
}

void InputAdapter::press_at(float x, float y) {
    move_to(x, y);
    if (pressed_)
        return;
    pressed_ = true;
    queue_.push_back({Step::Kind::press, x, y});
}

void InputAdapter::release_at(float x, float y) {
    if (!pressed_)
        return;
    move_to(x, y);
    pressed_ = false;
    queue_.push_back({Step::Kind::release, x, y});
}

void InputAdapter::leave() {
    if (!pointer_ || pressed_)
        return;
    pointer_.reset();
    queue_.push_back({Step::Kind::leave, 0, 0});
}

void InputAdapter::handle(const SDL_Event& event, const ViewSize& view) {
    switch (event.type) {
        case SDL_MOUSEMOTION:
            if (event.motion.which != SDL_TOUCH_MOUSEID) {
                auto [x, y] = mouse_pixels(event.motion.x, event.motion.y, view);
                move_to(x, y);
            }
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            // One button, as on a touch screen.
            if (event.button.which != SDL_TOUCH_MOUSEID && event.button.button == SDL_BUTTON_LEFT) {
                auto [x, y] = mouse_pixels(event.button.x, event.button.y, view);
                if (event.type == SDL_MOUSEBUTTONDOWN)
                    press_at(x, y);
                else
                    release_at(x, y);
            }
            break;
        case SDL_MOUSEWHEEL:
            if (event.wheel.which != SDL_TOUCH_MOUSEID) {
                const float flip = event.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1.0f : 1.0f;
                wheel_x_ += event.wheel.preciseX * flip;
                wheel_y_ += event.wheel.preciseY * flip;
            }
            break;
        case SDL_FINGERDOWN:
            if (!finger_) {
                finger_ = event.tfinger.fingerId;
                auto [x, y] = finger_pixels(event.tfinger, view);
                press_at(x, y);
            }
            break;
        case SDL_FINGERMOTION:
            if (finger_ == event.tfinger.fingerId) {
                auto [x, y] = finger_pixels(event.tfinger, view);
                move_to(x, y);
            }
            break;
        case SDL_FINGERUP:
            if (finger_ == event.tfinger.fingerId) {
                finger_.reset();
                auto [x, y] = finger_pixels(event.tfinger, view);
                release_at(x, y);
                leave();  // a finger that lifted hovers nowhere
            }
            break;
        case SDL_WINDOWEVENT:
            if (event.window.event == SDL_WINDOWEVENT_LEAVE)
                leave();
            break;
        default:
            break;
    }
}

void InputAdapter::begin_frame(const ViewSize& view, float delta_seconds) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize =
        ImVec2(static_cast<float>(view.output_width), static_cast<float>(view.output_height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = std::max(delta_seconds, 1.0f / 1000.0f);  // ImGui asserts a positive step
    io.MouseWheel = wheel_y_;
    io.MouseWheelH = wheel_x_;
    wheel_x_ = wheel_y_ = 0;
    if (queue_.empty())
        return;
    const Step step = queue_.front();
    queue_.pop_front();
    switch (step.kind) {
        case Step::Kind::move:
            io.MousePos = ImVec2(step.x, step.y);
            break;
        case Step::Kind::press:
            io.MousePos = ImVec2(step.x, step.y);
            io.MouseDown[0] = true;
            break;
        case Step::Kind::release:
            io.MousePos = ImVec2(step.x, step.y);
            io.MouseDown[0] = false;
            break;
        case Step::Kind::leave:
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            break;
    }
}

}  // namespace kiosk::platform
