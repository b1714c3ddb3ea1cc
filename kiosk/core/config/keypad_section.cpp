#include "kiosk/core/config/keypad_section.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "kiosk/core/base/key_names.hpp"

namespace kiosk {
namespace {

// Keys that leave or change a window on a desktop: the lockdown refuses
// them before the keypad could see them, so a keypad key there would be dead.
bool refused_by_lockdown(std::string_view key) {
    return key == "Escape" || key == "F11" || key == "Tab";
}

}  // namespace

void read_keypad(TomlReader& reader, const toml::table& root, KeypadConfig& keypad) {
    const toml::table* t = reader.table(root, "keypad", "", false);
    if (!t)
        return;
    reader.reject_unknown_keys(
        *t, "keypad",
        {"up", "down", "select", "back", "repeat", "louder", "softer", "volume_step"});
    std::vector<KeypadBinding> keys;
    std::map<std::string, KeypadAction> taken;
    std::vector<KeypadAction> left_out;
    for (KeypadAction action : keypad_actions) {
        const std::string key(to_string(action));
        const std::string field = join_field("keypad", key);
        const toml::node* node = t->get(key);
        if (!node) {
            left_out.push_back(action);
            continue;
        }
        const auto names = reader.strings(*t, key, "keypad", false);
        if (!names)
            continue;  // reported
        if (names->empty())
            reader.error(node, field, "needs at least one key, e.g. [\"Keypad 8\"]");
        for (const std::string& name : *names) {
            const std::string sdl = canonical_key_name(name);
            if (sdl.empty()) {
                reader.error(node, field,
                             "'" + name +
                                 "' is not a key name (a letter, digit or sign, F1-F24, "
                                 "Keypad 0-9, Keypad Enter, Keypad + - * / . =, " +
                                 known_key_names() + ")");
            } else if (refused_by_lockdown(sdl)) {
                reader.error(node, field,
                             "'" + sdl +
                                 "' leaves or changes a window on a desktop; the locked kiosk "
                                 "refuses it, so it cannot be a keypad key");
            } else if (auto it = taken.find(sdl); it != taken.end()) {
                reader.error(node, field,
                             "'" + sdl + "' is already the key of keypad." +
                                 std::string(to_string(it->second)));
            } else {
                taken.emplace(sdl, action);
                keys.push_back({sdl, action});
            }
        }
    }
    // An action left out keeps those of its default keys no action was given.
    for (const KeypadBinding& binding : KeypadConfig{}.keys) {
        if (std::find(left_out.begin(), left_out.end(), binding.action) != left_out.end() &&
            taken.emplace(binding.key, binding.action).second)
            keys.push_back(binding);
    }
    keypad.keys = std::move(keys);
    if (auto step = reader.number(*t, "volume_step", "keypad", false)) {
        if (*step != std::floor(*step) || *step < 1 || *step > 50)
            reader.error(t->get("volume_step"), "keypad.volume_step",
                         "must be a whole number between 1 and 50");
        else
            keypad.volume_step = static_cast<int>(*step);
    }
}

}  // namespace kiosk
