#pragma once
// The configuration's [keypad]: which keys of the visitor's keypad move the
// focus, select, go back, repeat and change the volume. Read by load_config.

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/content/toml_reader.hpp"

namespace kiosk {

// One list of SDL key names per action (`up = ["Up", "Keypad 8"]`); an action
// left out keeps its default keys. A name SDL does not know, a key given to
// two actions, and a key the locked kiosk refuses (Escape, F11) are errors.
void read_keypad(TomlReader& reader, const toml::table& root, KeypadConfig& keypad);

}  // namespace kiosk
