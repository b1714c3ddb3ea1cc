#pragma once
// What an SDL event means to the kiosk. A locked kiosk (fullscreen, or headless
// where scripts check the lockdown) cannot be left by a visitor: the keys and
// requests that would close or leave an ordinary window mean nothing to it,
// and they do not even count as someone using the kiosk. Only the service
// manager (SIGTERM, arriving as the quit event) ends it. A pure function of the
// event, so the rules are tested without a window.

#include <SDL.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::platform {

enum class EventAction {
    ignore,  // nothing for the kiosk
    input,   // someone touched, clicked or typed: feed it and restart the idle timer
    redraw,  // the window needs drawing again (exposed, shown, focus back)
    resize,  // the drawable size may have changed
    quit,    // end the kiosk
};

struct EventMeaning {
    EventAction action = EventAction::ignore;
    // Set when the event was an attempt to leave a locked kiosk, for the log:
    // "Alt+F4", "Escape", "window close". Static text.
    std::string_view refused;
};

struct LockdownRules {
    bool locked = true;
    std::uint32_t quit_event = 0;  // the user event type that ends the kiosk (signals)
    // The visitor's keypad: a locked kiosk lets these keys through, with no
    // Ctrl, Alt or Super held, and no other key at all.
    std::vector<SDL_Keycode> keypad;
};

// The keycodes of the keys SDL names `names` ("Keypad 8", "Up"); a name SDL
// does not know is left out.
std::vector<SDL_Keycode> keycodes(const std::vector<std::string>& names);

EventMeaning event_meaning(const SDL_Event& event, const LockdownRules& rules);

// The name of a key combination that leaves or closes a window on common
// desktops, or empty: "Alt+F4", "Ctrl+W", "Ctrl+Q", "Escape", "Alt+Tab", "Super".
std::string_view escape_combination(const SDL_Keysym& key);

}  // namespace kiosk::platform
