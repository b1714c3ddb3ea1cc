#include "kiosk/core/visit/screen.hpp"

#include <array>
#include <utility>

namespace kiosk {
namespace {

constexpr std::array<std::pair<Screen, std::string_view>, 7> screen_names = {{
    {Screen::attract, "attract"},
    {Screen::language, "language"},
    {Screen::question, "question"},
    {Screen::results, "results"},
    {Screen::course, "course"},
    {Screen::takeaway, "takeaway"},
    {Screen::thanks, "thanks"},
}};

}  // namespace

std::string_view to_string(Screen screen) {
    for (const auto& [s, name] : screen_names) {
        if (s == screen)
            return name;
    }
    return "?";
}

std::optional<Screen> parse_screen(std::string_view name) {
    for (const auto& [s, n] : screen_names) {
        if (n == name)
            return s;
    }
    return std::nullopt;
}

}  // namespace kiosk
