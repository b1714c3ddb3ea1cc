#pragma once
// Keys by the names SDL gives them ("Keypad 8", "Return", "VolumeUp"), for
// the configuration's keypad and for scripts. The core knows no SDL, yet a
// mistyped key name should fail where it is written, with what is known.

#include <string>
#include <string_view>

namespace kiosk {

// SDL's spelling of a key: a letter, digit or sign, F1-F24, a named key, a key
// of the numeric keypad ("Keypad 8", also written "Keypad8" or "KP8";
// "KeypadPlus" for "Keypad +") or a
// media key ("VolumeUp"). Case does not matter. Empty when SDL would not know it.
std::string canonical_key_name(std::string_view name);

// The named keys, for an error message: "Escape, Return, ..., VolumeDown".
std::string known_key_names();

}  // namespace kiosk
