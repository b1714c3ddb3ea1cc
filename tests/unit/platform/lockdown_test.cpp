// A visitor cannot leave a locked kiosk: the keys and requests that close or
// leave an ordinary window mean nothing to it.

#include "kiosk/platform/lockdown.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace kiosk::platform;

namespace {

constexpr std::uint32_t quit_event = SDL_USEREVENT + 3;
const LockdownRules locked{true, quit_event, {}};
const LockdownRules windowed{false, quit_event, {}};

SDL_Event key(SDL_Keycode sym, Uint16 mod = KMOD_NONE, Uint32 type = SDL_KEYDOWN) {
    SDL_Event event{};
    event.type = type;
    event.key.keysym.sym = sym;
    event.key.keysym.mod = mod;
    return event;
}

SDL_Event window_event(Uint8 what) {
    SDL_Event event{};
    event.type = SDL_WINDOWEVENT;
    event.window.event = what;
    return event;
}

SDL_Event of_type(Uint32 type) {
    SDL_Event event{};
    event.type = type;
    return event;
}

SDL_Event mouse_button(Uint32 which) {
    SDL_Event event{};
    event.type = SDL_MOUSEBUTTONDOWN;
    event.button.which = which;
    event.button.button = SDL_BUTTON_LEFT;
    return event;
}

}  // namespace

TEST_CASE("a locked kiosk ignores the keys that close or leave a window, and names them",
          "[lockdown]") {
    struct Case {
        SDL_Keycode sym;
        Uint16 mod;
        std::string_view name;
    };
    for (const Case& c :
         {Case{SDLK_F4, KMOD_LALT, "Alt+F4"}, Case{SDLK_F4, KMOD_RALT, "Alt+F4"},
          Case{SDLK_w, KMOD_LCTRL, "Ctrl+W"}, Case{SDLK_q, KMOD_RCTRL, "Ctrl+Q"},
          Case{SDLK_ESCAPE, KMOD_NONE, "Escape"}, Case{SDLK_TAB, KMOD_LALT, "Alt+Tab"},
          Case{SDLK_LGUI, KMOD_NONE, "Super"}, Case{SDLK_d, KMOD_LGUI, "Super"},
          Case{SDLK_DELETE, KMOD_LCTRL | KMOD_LALT, "Ctrl+Alt+Delete"},
          Case{SDLK_F2, KMOD_LCTRL | KMOD_LALT, "Ctrl+Alt+F-key"},
          Case{SDLK_F4, KMOD_LALT | KMOD_NUM, "Alt+F4"}}) {
        INFO(c.name);
        const EventMeaning meaning = event_meaning(key(c.sym, c.mod), locked);
        CHECK(meaning.action == EventAction::ignore);
        CHECK(meaning.refused == c.name);
    }
}

TEST_CASE("an ignored escape key does not count as someone using the kiosk", "[lockdown]") {
    CHECK(event_meaning(key(SDLK_F4, KMOD_LALT), locked).action != EventAction::input);
    CHECK(event_meaning(key(SDLK_F4, KMOD_LALT, SDL_KEYUP), locked).action == EventAction::ignore);
    CHECK(event_meaning(key(SDLK_ESCAPE, KMOD_NONE, SDL_KEYUP), locked).action ==
          EventAction::ignore);
}

TEST_CASE("a locked kiosk lets the keypad's keys through, bare, as someone being there",
          "[lockdown]") {
    const LockdownRules rules{true, quit_event, {SDLK_KP_8, SDLK_UP, SDLK_KP_ENTER, SDLK_VOLUMEUP}};
    for (const SDL_Keycode sym : rules.keypad) {
        INFO(SDL_GetKeyName(sym));
        for (const Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
            const EventMeaning meaning = event_meaning(key(sym, KMOD_NONE, type), rules);
            CHECK(meaning.action == EventAction::input);
            CHECK(meaning.refused.empty());
        }
        // Num Lock and Shift are how a keypad is left on; Ctrl, Alt and Super
        // held mean a keyboard, and the desktop may read them.
        CHECK(event_meaning(key(sym, KMOD_NUM), rules).action == EventAction::input);
        CHECK(event_meaning(key(sym, KMOD_LSHIFT), rules).action == EventAction::input);
        for (const Uint16 mod : {KMOD_LCTRL, KMOD_RALT, KMOD_LGUI})
            CHECK(event_meaning(key(sym, mod), rules).action == EventAction::ignore);
    }
}

TEST_CASE("a locked kiosk ignores every key that is not the keypad's", "[lockdown]") {
    const LockdownRules rules{true, quit_event, {SDLK_KP_8, SDLK_KP_2, SDLK_KP_5, SDLK_KP_4}};
    // Every key SDL can report: the characters, and each scancode's own key.
    std::vector<SDL_Keycode> every;
    for (SDL_Keycode c = ' '; c < 0x7f; ++c)
        every.push_back(c);
    for (int scancode = 1; scancode < SDL_NUM_SCANCODES; ++scancode)
        every.push_back(SDL_SCANCODE_TO_KEYCODE(scancode));
    int others = 0;
    for (const SDL_Keycode sym : every) {
        if (std::find(rules.keypad.begin(), rules.keypad.end(), sym) != rules.keypad.end())
            continue;
        INFO(SDL_GetKeyName(sym));
        const EventMeaning meaning = event_meaning(key(sym), rules);
        CHECK(meaning.action == EventAction::ignore);
        CHECK_FALSE(meaning.refused.empty());
        ++others;
    }
    CHECK(others > 600);
    // Keys without a scancode, such as the media keys a keyboard sends.
    CHECK(event_meaning(key(SDLK_VOLUMEUP), rules).action == EventAction::ignore);
}

TEST_CASE("a window for development takes every key as someone being there", "[lockdown]") {
    for (const SDL_Keycode sym : {SDLK_a, SDLK_RETURN, SDLK_SPACE, SDLK_F4, SDLK_w}) {
        INFO(SDL_GetKeyName(sym));
        CHECK(event_meaning(key(sym), windowed).action == EventAction::input);
    }
}

TEST_CASE("the keypad's key names become SDL's keycodes", "[lockdown]") {
    CHECK(
        keycodes({"Keypad 8", "Up", "Keypad Enter", "VolumeDown", "Keypad +", "Nonsense"}) ==
        std::vector<SDL_Keycode>{SDLK_KP_8, SDLK_UP, SDLK_KP_ENTER, SDLK_VOLUMEDOWN, SDLK_KP_PLUS});
}

TEST_CASE("a locked kiosk ignores the window manager's close and quit requests", "[lockdown]") {
    const EventMeaning close = event_meaning(window_event(SDL_WINDOWEVENT_CLOSE), locked);
    CHECK(close.action == EventAction::ignore);
    CHECK(close.refused == "window close");
    const EventMeaning quit = event_meaning(of_type(SDL_QUIT), locked);
    CHECK(quit.action == EventAction::ignore);
    CHECK(quit.refused == "quit request");
}

TEST_CASE("a window for development closes on request, but keys do not end it", "[lockdown]") {
    CHECK(event_meaning(window_event(SDL_WINDOWEVENT_CLOSE), windowed).action == EventAction::quit);
    CHECK(event_meaning(of_type(SDL_QUIT), windowed).action == EventAction::quit);
    const EventMeaning escape = event_meaning(key(SDLK_ESCAPE), windowed);
    CHECK(escape.action == EventAction::input);
    CHECK(escape.refused.empty());
}

TEST_CASE("the service manager's stop ends the kiosk, locked or not", "[lockdown]") {
    CHECK(event_meaning(of_type(quit_event), locked).action == EventAction::quit);
    CHECK(event_meaning(of_type(quit_event), windowed).action == EventAction::quit);
    CHECK(event_meaning(of_type(quit_event + 1), locked).action == EventAction::ignore);
}

TEST_CASE("a touch counts once: SDL's mouse copy of it is ignored", "[lockdown]") {
    CHECK(event_meaning(mouse_button(SDL_TOUCH_MOUSEID), locked).action == EventAction::ignore);
    CHECK(event_meaning(mouse_button(0), locked).action == EventAction::input);
    CHECK(event_meaning(of_type(SDL_FINGERDOWN), locked).action == EventAction::input);
    SDL_Event motion = of_type(SDL_MOUSEMOTION);
    motion.motion.which = SDL_TOUCH_MOUSEID;
    CHECK(event_meaning(motion, locked).action == EventAction::ignore);
}

TEST_CASE("a resized or uncovered window is drawn again", "[lockdown]") {
    CHECK(event_meaning(window_event(SDL_WINDOWEVENT_SIZE_CHANGED), locked).action ==
          EventAction::resize);
    CHECK(event_meaning(window_event(SDL_WINDOWEVENT_EXPOSED), locked).action ==
          EventAction::redraw);
    CHECK(event_meaning(of_type(SDL_TEXTINPUT), locked).action == EventAction::ignore);
}
