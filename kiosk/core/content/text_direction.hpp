#pragma once
// Which way a language of the pack is written: `[language.xx] direction` of
// pack.toml, kept in the compiled pack (PackInfo::direction).

#include <string_view>

#include "kiosk/core/base/bidi_text.hpp"
#include "kiosk/core/content/content.hpp"

namespace kiosk {

// As the pack says; for a language it does not list, Arabic, Hebrew, Persian,
// Urdu (and Yiddish, Pashto, Dhivehi) are right to left, the rest left to right.
TextDirection text_direction(const ContentPack& pack, std::string_view lang);

inline bool right_to_left(const ContentPack& pack, std::string_view lang) {
    return text_direction(pack, lang) == TextDirection::right_to_left;
}

}  // namespace kiosk
