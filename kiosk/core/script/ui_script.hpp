#pragma once
// The script language of headless runs (documented in tests/ui/README.md):
// one step a line, '#' starts a comment.
//
//   tap "Start"                 tap the target whose label is (or contains) the text
//   tap 960 540                 tap at window pixels
//   drag 900 800 900 300        press, move in steps, release
//   hold 30 30 3.5s             press, keep the finger still for that long, release
//   wait 95s | wait 500ms       let the fixed frame clock run
//   wait printer                wait in real time (5 s at most) for the receipt being printed
//   wait speech                 wait in real time (30 s at most) until read-aloud has ended
//   key Escape | key Alt+F4     a key (with modifiers) as the keyboard sends it
//   close                       the window manager's close request
//   screenshot NAME             write NAME.png into the screenshot folder
//   expect screen results       the flow is on that screen
//   expect text "Cursussen"     the last frame shows that text
//   expect no text "…"          it does not
//   expect countdown            the "are you still there?" countdown is on screen
//   expect no countdown         it is not
//   expect running              the kiosk has not ended (after lockdown keys)
//   locate "Start"              print the target's centre "x y" on stdout
//   expect focus "English"      the keypad's focus is on the target with that label
//   expect said "English"       the last step made the kiosk say that (speech mode)
//   headphones in | out         the headphone jack's switch, as the kernel reports it

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/visit/idle_policy.hpp"

namespace kiosk::script {

struct TapLabel {
    std::string label;
};
struct TapAt {
    float x = 0, y = 0;
};
struct Drag {
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};
// A long press: the finger rests at one point while the loop draws frames,
// as a real press does, then lifts (the adviser's corner counts the time).
struct Hold {
    float x = 0, y = 0;
    Millis duration{0};  // more than 0, at most a minute
};
struct Wait {
    Millis duration{0};  // more than 0, at most 24 hours
};
// The print queue works in real time beside the virtual clock, so a script
// that checks what became of a receipt first waits for it, the clock standing still.
struct WaitForPrinter {};
// Read-aloud plays on the real clock too: a script that wants the speech
// heard to its end waits for it.
struct WaitForSpeech {};
struct Key {
    // As SDL_GetKeyName spells it: "Escape", "F4", "W", "Tab", "Return"; a
    // modifier pressed alone is SDL's "Left Ctrl", "Left Shift", "Left Alt", "Left GUI".
    std::string key;
    // Each at most once, spelled and ordered canonically: "Ctrl", "Shift", "Alt", "Super".
    std::vector<std::string> modifiers;
};
struct Close {};
struct Screenshot {
    std::string name;  // letters, digits, '-' and '_' only, unique in the script
};
struct ExpectScreen {
    std::string screen;  // as to_string(Screen) names it
};
struct ExpectText {
    std::string text;
    bool present = true;
};
struct ExpectCountdown {
    bool present = true;
};
struct ExpectRunning {};
struct Locate {
    std::string label;
};
// The keypad's focus is on a target whose label is, or contains, the text.
struct ExpectFocus {
    std::string label;
};
// Something the kiosk was asked to say during the last step that was not a
// check contains the text.
struct ExpectSaid {
    std::string text;
};
// Headphones plugged in or pulled out, as the jack's switch event says.
struct Headphones {
    bool in = true;
};

using Step = std::variant<TapLabel, TapAt, Drag, Hold, Wait, Key, Close, Screenshot, ExpectScreen,
                          ExpectText, ExpectCountdown, ExpectRunning, Locate, WaitForPrinter,
                          WaitForSpeech, ExpectFocus, ExpectSaid, Headphones>;

struct Line {
    int number = 0;    // 1-based, for "script.txt:12: expected screen results, got question"
    std::string text;  // the line as written
    Step step;
};

// Parses a whole script; fails on the first bad line with "FILE:LINE: what is wrong".
Result<std::vector<Line>> parse_script(std::string_view text, const std::string& file_name);

}  // namespace kiosk::script
