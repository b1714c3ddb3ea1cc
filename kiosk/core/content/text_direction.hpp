#pragma once
// Which way a language of the pack is written. Until the compiled pack
// stores each language's direction, this knows the right-to-left languages
// by their code; the pack is already passed in, so reading its field later
// changes only the body of text_direction().

#include <string_view>

#include "kiosk/core/base/bidi_text.hpp"
#include "kiosk/core/content/content.hpp"

namespace kiosk {

// Arabic, Hebrew, Persian, Urdu (and Yiddish, Pashto, Sorani, Dhivehi) are
// right to left; every other language left to right.
TextDirection text_direction(const ContentPack& pack, std::string_view lang);

inline bool right_to_left(const ContentPack& pack, std::string_view lang) {
    return text_direction(pack, lang) == TextDirection::right_to_left;
}

}  // namespace kiosk
