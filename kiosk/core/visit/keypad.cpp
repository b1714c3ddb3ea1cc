#include "kiosk/core/visit/keypad.hpp"

namespace kiosk {

std::string_view to_string(KeypadAction action) {
    switch (action) {
        case KeypadAction::up:
            return "up";
        case KeypadAction::down:
            return "down";
        case KeypadAction::select:
            return "select";
        case KeypadAction::back:
            return "back";
        case KeypadAction::repeat:
            return "repeat";
        case KeypadAction::louder:
            return "louder";
        case KeypadAction::softer:
            return "softer";
    }
    return "?";
}

std::optional<KeypadAction> KeypadConfig::action(std::string_view key_name) const {
    for (const KeypadBinding& binding : keys) {
        if (binding.key == key_name)
            return binding.action;
    }
    return std::nullopt;
}

}  // namespace kiosk
