#pragma once
// The kiosk's screens, in the order a visitor meets them, and their names as
// scripts and the log write them.

#include <optional>
#include <string_view>

namespace kiosk {

enum class Screen { attract, language, question, results, course, takeaway, thanks };
std::string_view to_string(Screen screen);
std::optional<Screen> parse_screen(std::string_view name);

}  // namespace kiosk
