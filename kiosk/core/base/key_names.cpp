#include "kiosk/core/base/key_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace kiosk {
namespace {

// SDL's names of keys besides letters, digits, signs, F1-F24 and the keypad's.
constexpr std::array<std::string_view, 24> named_keys = {
    "Escape",      "Return",     "Tab",         "Backspace", "Space",      "Delete",
    "Insert",      "Home",       "End",         "PageUp",    "PageDown",   "Left",
    "Right",       "Up",         "Down",        "Menu",      "CapsLock",   "Pause",
    "PrintScreen", "ScrollLock", "Application", "VolumeUp",  "VolumeDown", "Mute"};

// What follows "Keypad " in SDL's names of the numeric keypad's keys.
constexpr std::array<std::string_view, 17> keypad_keys = {
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "Enter", "+", "-", "*", "/", ".", "="};

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

bool starts_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           same_ignoring_case(text.substr(0, prefix.size()), prefix);
}

std::string keypad_key(std::string_view rest) {
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '_'))
        rest.remove_prefix(1);
    for (std::string_view key : keypad_keys) {
        if (same_ignoring_case(rest, key))
            return "Keypad " + std::string(key);
    }
    // Signs by name, where a sign cannot be written (a script's "Ctrl++" reads
    // '+' as joining a modifier): "KeypadPlus", "KP_Minus".
    constexpr std::array<std::pair<std::string_view, std::string_view>, 6> signs = {
        {{"Plus", "+"},
         {"Minus", "-"},
         {"Multiply", "*"},
         {"Divide", "/"},
         {"Period", "."},
         {"Equals", "="}}};
    for (auto [word, sign] : signs) {
        if (same_ignoring_case(rest, word))
            return "Keypad " + std::string(sign);
    }
    return {};
}

}  // namespace

std::string canonical_key_name(std::string_view name) {
    if (name.size() == 1 && name[0] > ' ' && name[0] < 0x7f)
        return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(name[0]))));
    for (int f = 1; f <= 24; ++f) {
        if (same_ignoring_case(name, "F" + std::to_string(f)))
            return "F" + std::to_string(f);
    }
    for (std::string_view known : named_keys) {
        if (same_ignoring_case(name, known))
            return std::string(known);
    }
    if (starts_ignoring_case(name, "Keypad"))
        return keypad_key(name.substr(6));
    if (starts_ignoring_case(name, "KP"))
        return keypad_key(name.substr(2));
    return {};
}

std::string known_key_names() {
    std::string names;
    for (std::string_view known : named_keys)
        names += (names.empty() ? "" : ", ") + std::string(known);
    return names;
}

}  // namespace kiosk
