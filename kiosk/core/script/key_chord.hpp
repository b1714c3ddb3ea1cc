#pragma once
// A key with its modifiers as a script writes it ("Alt+F4", "ctrl+shift+q"),
// spelled the way SDL names keys. The core knows no SDL, yet a mistyped key
// should fail when the script is read, not halfway through playing it.

#include <string_view>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/script/ui_script.hpp"

namespace kiosk::script {

// "alt+f4" gives {"F4", {"Alt"}}; fails naming the part that is no modifier or key.
Result<Key> parse_key_chord(std::string_view chord);

}  // namespace kiosk::script
