#pragma once
// The visitor's keypad: a USB numeric or navigation keypad (EZ-Access style)
// that drives the whole visit without the touch screen: focus up and down,
// select, back, say it again, louder and softer. Which key does what is the
// configuration's; these are the keys the locked kiosk lets through.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class KeypadAction { up, down, select, back, repeat, louder, softer };

inline constexpr std::array<KeypadAction, 7> keypad_actions = {
    KeypadAction::up,     KeypadAction::down,   KeypadAction::select, KeypadAction::back,
    KeypadAction::repeat, KeypadAction::louder, KeypadAction::softer};

// "up", "down", "select", "back", "repeat", "louder", "softer": the
// configuration's keys.
std::string_view to_string(KeypadAction action);

struct KeypadBinding {
    std::string key;  // SDL's name: "Keypad 8", "Up", "VolumeUp"
    KeypadAction action = KeypadAction::select;
    bool operator==(const KeypadBinding&) const = default;
};

struct KeypadConfig {
    // Without a [keypad] section: the arrows, and a numeric keypad laid out as
    // a navigation keypad (8 up, 2 down, 5 or Enter select, 4 back, 0 repeat,
    // + and - the volume), and a keyboard's volume keys.
    std::vector<KeypadBinding> keys = {
        {"Up", KeypadAction::up},
        {"Keypad 8", KeypadAction::up},
        {"Down", KeypadAction::down},
        {"Keypad 2", KeypadAction::down},
        {"Keypad Enter", KeypadAction::select},
        {"Keypad 5", KeypadAction::select},
        {"Keypad 4", KeypadAction::back},
        {"Backspace", KeypadAction::back},
        {"Keypad 0", KeypadAction::repeat},
        {"Keypad +", KeypadAction::louder},
        {"VolumeUp", KeypadAction::louder},
        {"Keypad -", KeypadAction::softer},
        {"VolumeDown", KeypadAction::softer},
    };
    int volume_step = 10;  // louder and softer change the volume (0-100) by this much

    // What the key SDL calls `key_name` does; none: not a keypad key.
    std::optional<KeypadAction> action(std::string_view key_name) const;
};

}  // namespace kiosk
