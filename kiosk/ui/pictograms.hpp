#pragma once
// Pictogram ids of the content pack (content/README.md, "Pictograms") drawn
// as glyphs of Font Awesome 4.7 (Debian's fonts-font-awesome), plus the
// kiosk's own icons. Icons sit beside words, never instead of them.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace kiosk::ui {

// UTF-8 of the glyph for a pack pictogram id; empty for an unknown id, so an
// option without a known picture still shows its words.
std::string pictogram_glyph(std::string_view id);

// The kiosk's own icons.
namespace icon {
inline constexpr const char* back = "\xef\x81\xa0";       // U+F060 arrow-left
inline constexpr const char* next = "\xef\x81\xa1";       // U+F061 arrow-right
inline constexpr const char* check = "\xef\x80\x8c";      // U+F00C
inline constexpr const char* skip = "\xef\x81\x8e";       // U+F04E forward
inline constexpr const char* qrcode = "\xef\x80\xa9";     // U+F029
inline constexpr const char* print = "\xef\x80\xaf";      // U+F02F
inline constexpr const char* mobile = "\xef\x84\x8b";     // U+F10B
inline constexpr const char* no = "\xef\x81\x9e";         // U+F05E ban
inline constexpr const char* contrast = "\xef\x81\x82";   // U+F042 adjust
inline constexpr const char* text_size = "\xef\x80\xb1";  // U+F031 font
inline constexpr const char* language = "\xef\x86\xab";   // U+F1AB
inline constexpr const char* place = "\xef\x81\x81";      // U+F041 map-marker
inline constexpr const char* calendar = "\xef\x81\xb3";   // U+F073
inline constexpr const char* clock = "\xef\x80\x97";      // U+F017
inline constexpr const char* euro = "\xef\x85\x93";       // U+F153
inline constexpr const char* school = "\xef\x86\x9d";     // U+F19D graduation-cap
inline constexpr const char* building = "\xef\x86\xad";   // U+F1AD
inline constexpr const char* warning = "\xef\x81\xb1";    // U+F071
inline constexpr const char* hand = "\xef\x89\x96";       // U+F256 hand-paper-o
inline constexpr const char* smile = "\xef\x84\x98";      // U+F118
inline constexpr const char* lock = "\xef\x80\xa3";       // U+F023
inline constexpr const char* info = "\xef\x81\x9a";       // U+F05A
inline constexpr const char* chevron = "\xef\x81\x94";    // U+F054 chevron-right
// Their mirror images, for a right-to-left screen, where "back" points right.
inline constexpr const char* skip_rtl = "\xef\x81\x8a";     // U+F04A backward
inline constexpr const char* chevron_rtl = "\xef\x81\x93";  // U+F053 chevron-left
inline constexpr const char* home = "\xef\x80\x95";         // U+F015
inline constexpr const char* more_below = "\xef\x81\xb8";   // U+F078 chevron-down
inline constexpr const char* speaker = "\xef\x80\xa8";      // U+F028 volume-up
inline constexpr const char* stop = "\xef\x81\x8d";         // U+F04D
}  // namespace icon

// Every code point this file can produce, for the font atlas: pairs of
// [first, last] ranges ending with 0, as Dear ImGui wants them.
std::span<const std::uint16_t> icon_ranges();

}  // namespace kiosk::ui
