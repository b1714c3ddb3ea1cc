#pragma once
// Right-to-left text made ready for a renderer that only draws glyphs from
// left to right, one per code point (Dear ImGui, the receipt's raster): GNU
// FriBidi joins Arabic letters into their presentation forms (U+FE70–FEFE,
// U+FB50–FDFF) and puts each line in the order it is seen. Numbers and Latin
// words inside Arabic keep reading left to right.
//
// Lines are broken on the shaped text in reading (logical) order and each
// line is reordered on its own: wrapping text that is already in visual order
// would put the last words of a paragraph on its first line. The caller
// aligns each line (right, for a right-to-left paragraph).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class TextDirection { left_to_right, right_to_left };

// The width of a piece of shaped text, in the caller's units (pixels, dots).
using MeasureText = std::function<float(std::string_view)>;

// The lines of `text`, each in visual order, that each measure at most
// `max_width`: broken at spaces, at the writer's '\n', and inside a word only
// when the word alone is wider than a line. `direction` is the paragraph's
// base direction: a right-to-left paragraph stays so even when it starts with
// a digit or a Latin course code. Lam-alef fillers and bidi marks are removed,
// so every code point returned has a glyph to draw.
std::vector<std::string> bidi_lines(std::string_view text, TextDirection direction, float max_width,
                                    const MeasureText& measure);

// One line, shaped and in visual order, never broken ('\n' becomes a space).
std::string bidi_line(std::string_view text, TextDirection direction);

// Whether `text` holds a letter of a right-to-left script (Hebrew, Arabic,
// Syriac, Thaana, N'Ko and their presentation forms) or a right-to-left mark:
// then it must be shaped before it is drawn.
bool has_right_to_left(std::string_view text);

}  // namespace kiosk
