#include "kiosk/platform/lockdown.hpp"

#include <algorithm>

namespace kiosk::platform {
namespace {

bool is_function_key(SDL_Keycode key) {
    return (key >= SDLK_F1 && key <= SDLK_F12) || (key >= SDLK_F13 && key <= SDLK_F24);
}

EventMeaning window_event_meaning(const SDL_WindowEvent& window, const LockdownRules& rules) {
    switch (window.event) {
        case SDL_WINDOWEVENT_CLOSE:
            if (rules.locked)
                return {EventAction::ignore, "window close"};
            return {EventAction::quit, {}};
        case SDL_WINDOWEVENT_SIZE_CHANGED:
        case SDL_WINDOWEVENT_RESIZED:
            return {EventAction::resize, {}};
        case SDL_WINDOWEVENT_EXPOSED:
        case SDL_WINDOWEVENT_SHOWN:
        case SDL_WINDOWEVENT_RESTORED:
        case SDL_WINDOWEVENT_MAXIMIZED:
        case SDL_WINDOWEVENT_FOCUS_GAINED:
            return {EventAction::redraw, {}};
        case SDL_WINDOWEVENT_LEAVE:
            // The pointer left: the input adapter moves it away so nothing stays
            // highlighted. Someone moved the mouse, so it is input.
            return {EventAction::input, {}};
        default:
            return {};
    }
}

// A keypad sends its keys bare; the same key with Ctrl, Alt or Super held
// comes from a keyboard, and may mean something to the desktop.
bool is_keypad_key(const SDL_Keysym& key, const LockdownRules& rules) {
    if (key.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))
        return false;
    return std::find(rules.keypad.begin(), rules.keypad.end(), key.sym) != rules.keypad.end();
}

}  // namespace

std::vector<SDL_Keycode> keycodes(const std::vector<std::string>& names) {
    std::vector<SDL_Keycode> codes;
    for (const std::string& name : names) {
        if (const SDL_Keycode code = SDL_GetKeyFromName(name.c_str()); code != SDLK_UNKNOWN)
            codes.push_back(code);
    }
    return codes;
}

std::string_view escape_combination(const SDL_Keysym& key) {
    const bool ctrl = (key.mod & KMOD_CTRL) != 0;
    const bool alt = (key.mod & KMOD_ALT) != 0;
    const SDL_Keycode sym = key.sym;
    if (sym == SDLK_LGUI || sym == SDLK_RGUI || sym == SDLK_APPLICATION || (key.mod & KMOD_GUI))
        return "Super";
    if (ctrl && alt) {
        if (sym == SDLK_DELETE)
            return "Ctrl+Alt+Delete";
        if (sym == SDLK_BACKSPACE)
            return "Ctrl+Alt+Backspace";
        if (is_function_key(sym))
            return "Ctrl+Alt+F-key";
    }
    if (alt) {
        if (sym == SDLK_F4)
            return "Alt+F4";
        if (sym == SDLK_TAB)
            return "Alt+Tab";
        if (sym == SDLK_ESCAPE)
            return "Alt+Escape";
        if (sym == SDLK_SPACE)
            return "Alt+Space";
    }
    if (ctrl) {
        if (sym == SDLK_w)
            return "Ctrl+W";
        if (sym == SDLK_q)
            return "Ctrl+Q";
        if (sym == SDLK_ESCAPE)
            return "Ctrl+Escape";
    }
    if (sym == SDLK_ESCAPE)
        return "Escape";
    if (sym == SDLK_F11)
        return "F11";  // fullscreen toggle in many window managers
    return {};
}

EventMeaning event_meaning(const SDL_Event& event, const LockdownRules& rules) {
    if (rules.quit_event != 0 && event.type == rules.quit_event)
        return {EventAction::quit, {}};
    switch (event.type) {
        case SDL_QUIT:
            if (rules.locked)
                return {EventAction::ignore, "quit request"};
            return {EventAction::quit, {}};
        case SDL_WINDOWEVENT:
            return window_event_meaning(event.window, rules);
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            if (rules.locked) {
                if (auto name = escape_combination(event.key.keysym); !name.empty())
                    return {EventAction::ignore, name};
                if (!is_keypad_key(event.key.keysym, rules))
                    return {EventAction::ignore, "a key not on the keypad"};
            }
            // Counts as someone being there; the adapter gives ImGui no keys.
            return {EventAction::input, {}};
        case SDL_MOUSEMOTION:
            // SDL also reports each touch as a mouse event; the finger event is the
            // one we use, so the same touch is not counted twice.
            return {
                event.motion.which == SDL_TOUCH_MOUSEID ? EventAction::ignore : EventAction::input,
                {}};
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            return {
                event.button.which == SDL_TOUCH_MOUSEID ? EventAction::ignore : EventAction::input,
                {}};
        case SDL_MOUSEWHEEL:
            return {
                event.wheel.which == SDL_TOUCH_MOUSEID ? EventAction::ignore : EventAction::input,
                {}};
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION:
            return {EventAction::input, {}};
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET:
            return {EventAction::redraw, {}};
        default:
            return {};
    }
}

}  // namespace kiosk::platform
