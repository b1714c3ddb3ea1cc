#pragma once
// Text typed by someone else, made safe to put in a message on a terminal or in the
// journal: control characters and terminal escapes are written as \xNN (so a value
// cannot move the cursor or recolour the screen), and a very long value is cut.

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

// 'value' in single quotes, escaped; longer than `max_bytes`, it is cut there and
// ends with "... (N bytes)".
std::string shown_text(std::string_view value, std::size_t max_bytes = 60);

}  // namespace kiosk
