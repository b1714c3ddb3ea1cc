#include "kiosk/core/script/key_chord.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <string>

namespace kiosk::script {
namespace {

constexpr std::array<std::string_view, 4> modifier_order = {"Ctrl", "Shift", "Alt", "Super"};
// SDL's names of the keys a script may send besides letters, digits, signs and F1-F24.
constexpr std::array<std::string_view, 21> named_keys = {
    "Escape", "Return", "Tab",      "Backspace", "Space",       "Delete",     "Insert",
    "Home",   "End",    "PageUp",   "PageDown",  "Left",        "Right",      "Up",
    "Down",   "Menu",   "CapsLock", "Pause",     "PrintScreen", "ScrollLock", "Application"};

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

// Where `name` is among `names`, ignoring case; names.size() when it is not.
std::size_t find_ignoring_case(std::span<const std::string_view> names, std::string_view name) {
    const auto same = [&](std::string_view known) { return same_ignoring_case(known, name); };
    return static_cast<std::size_t>(std::find_if(names.begin(), names.end(), same) - names.begin());
}

// SDL's spelling of a key name; empty when SDL would not know it.
std::string canonical_key(std::string_view name) {
    if (name.size() == 1 && name[0] > ' ' && name[0] < 0x7f)
        return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(name[0]))));
    for (int f = 1; f <= 24; ++f) {
        if (same_ignoring_case(name, "F" + std::to_string(f)))
            return "F" + std::to_string(f);
    }
    // A modifier alone, as desktops read Super alone; SDL calls it "Left GUI".
    if (const auto m = find_ignoring_case(modifier_order, name); m < modifier_order.size())
        return "Left " + std::string(m == 3 ? "GUI" : modifier_order[m]);
    const auto known = find_ignoring_case(named_keys, name);
    return known < named_keys.size() ? std::string(named_keys[known]) : "";
}

}  // namespace

Result<Key> parse_key_chord(std::string_view chord) {
    std::string_view rest = chord;
    std::array<bool, modifier_order.size()> held{};
    // A lone '+' after the modifiers is the plus key itself ("Ctrl++").
    for (auto plus = rest.find('+'); rest.size() > 1 && plus != std::string_view::npos;
         plus = rest.find('+')) {
        const auto modifier = rest.substr(0, plus);
        rest.remove_prefix(plus + 1);
        const auto m = find_ignoring_case(modifier_order, modifier);
        if (m == modifier_order.size())
            return Error{"'" + std::string(modifier) + "' in '" + std::string(chord) +
                         "' is not a modifier (Alt, Ctrl, Shift, Super)"};
        held[m] = true;  // "Ctrl+ctrl+Q" is still Ctrl+Q
    }
    Key key{canonical_key(rest), {}};
    if (key.key.empty()) {
        std::string names;
        for (std::string_view known : named_keys)
            names += ", " + std::string(known);
        return Error{"'" + std::string(rest) +
                     "' is not a key name (a letter, digit or sign, F1-F24, a modifier" + names +
                     ")"};
    }
    for (std::size_t m = 0; m < modifier_order.size(); ++m) {
        if (held[m])
            key.modifiers.emplace_back(modifier_order[m]);
    }
    return key;
}

}  // namespace kiosk::script
