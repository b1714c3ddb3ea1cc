#include "kiosk/ui/pictograms.hpp"

#include <array>
#include <utility>
#include <vector>

namespace kiosk::ui {
namespace {

// Font Awesome 4.7 code points. Where 4.7 lacks the thing itself, the nearest
// picture a visitor recognises (a university building for teaching).
constexpr std::array<std::pair<std::string_view, char32_t>, 44> pictograms = {{
    {"bolt", 0xf0e7},       {"book", 0xf02d},        {"briefcase", 0xf0b1}, {"calendar", 0xf073},
    {"chalkboard", 0xf19c}, {"clock", 0xf017},       {"euro", 0xf153},      {"globe", 0xf0ac},
    {"heart", 0xf004},      {"laptop", 0xf109},      {"leaf", 0xf06c},      {"map-pin", 0xf041},
    {"moon", 0xf186},       {"question", 0xf059},    {"school", 0xf19d},    {"search", 0xf002},
    {"store", 0xf07a},      {"truck", 0xf0d1},       {"user", 0xf007},      {"utensils", 0xf0f5},
    {"wrench", 0xf0ad},     {"sun", 0xf185},         {"home", 0xf015},      {"car", 0xf1b9},
    {"bus", 0xf207},        {"bicycle", 0xf206},     {"users", 0xf0c0},     {"star", 0xf005},
    {"thumbs-up", 0xf164},  {"thumbs-down", 0xf165}, {"smile", 0xf118},     {"meh", 0xf11a},
    {"frown", 0xf119},      {"hand", 0xf256},        {"cogs", 0xf085},      {"paint-brush", 0xf1fc},
    {"chart", 0xf201},      {"industry", 0xf275},    {"phone", 0xf095},     {"desktop", 0xf108},
    {"pencil", 0xf040},     {"calculator", 0xf1ec},  {"comments", 0xf086},  {"check", 0xf00c},
}};

constexpr std::array<char32_t, 29> own_icons = {
    0xf060, 0xf061, 0xf00c, 0xf04e, 0xf029, 0xf02f, 0xf10b, 0xf05e, 0xf042, 0xf031,
    0xf1ab, 0xf041, 0xf073, 0xf017, 0xf153, 0xf19d, 0xf1ad, 0xf071, 0xf256, 0xf118,
    0xf023, 0xf05a, 0xf054, 0xf015, 0xf078, 0xf04a, 0xf053, 0xf028, 0xf04d,
};

std::string utf8(char32_t cp) {
    std::string out;
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
    return out;
}

std::vector<std::uint16_t> build_ranges() {
    std::vector<std::uint16_t> ranges;
    auto add = [&](char32_t cp) {
        ranges.push_back(static_cast<std::uint16_t>(cp));
        ranges.push_back(static_cast<std::uint16_t>(cp));
    };
    for (const auto& [id, cp] : pictograms)
        add(cp);
    for (char32_t cp : own_icons)
        add(cp);
    ranges.push_back(0);
    return ranges;
}

}  // namespace

std::string pictogram_glyph(std::string_view id) {
    for (const auto& [name, cp] : pictograms) {
        if (name == id)
            return utf8(cp);
    }
    return {};
}

std::span<const std::uint16_t> icon_ranges() {
    static const std::vector<std::uint16_t> ranges = build_ranges();
    return ranges;
}

}  // namespace kiosk::ui
