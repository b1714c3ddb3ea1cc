#pragma once
// Text drawn into a GrayImage with the same TrueType fonts as the screen, so the
// receipt prints every script the kiosk shows, without a font library or a
// display. stb_truetype does the outlines; this file adds UTF-8, measuring,
// word wrapping and a visible box for characters the font does not have.
//
// Left-to-right only, one glyph per code point, no shaping: Arabic would need
// its letters joined into presentation forms and the line laid out right to
// left before it reaches here, and combining accents are placed as the font's
// own advance puts them. Precomposed Latin, Cyrillic and Greek print correctly.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/image.hpp"
#include "kiosk/core/base/result.hpp"

namespace kiosk {

// The code points of a UTF-8 text. A byte that does not start a valid sequence
// (bad lead byte, truncated, overlong or surrogate) becomes U+FFFD, so broken
// text still prints as something a person can see is wrong.
std::vector<char32_t> utf8_code_points(std::string_view text);

// Vertical sizes at one pixel size, rounded outward to whole pixels.
struct LineMetrics {
    int ascent = 0;       // baseline to the top of the tallest letters, accents included
    int descent = 0;      // baseline to the bottom of descenders, as a positive number
    int line_height = 0;  // baseline to baseline for single-spaced text
};

class Font {
  public:
    // Reads and checks a TrueType/OpenType (glyf) file; the message names the
    // path when it is missing, unreadable or not a font.
    static Result<Font> load(const std::string& ttf_path);

    const std::string& path() const;

    // Whether the font draws `code_point` itself rather than its .notdef box.
    bool has_glyph(char32_t code_point) const;
    // How many code points of `text` would print as the .notdef box.
    int missing_glyphs(std::string_view text) const;

    // `pixel_size` is the distance from the highest ascender to the lowest
    // descender, as Dear ImGui sizes fonts, so the screen and paper agree.
    LineMetrics metrics(float pixel_size) const;
    // Advance width of one line of text in whole pixels (rounded up).
    int measure(std::string_view text, float pixel_size) const;

    // Draws one line of black, anti-aliased text with its baseline at
    // `baseline_y`, darkening what is already there; parts outside the image
    // are clipped. Characters the font lacks are drawn as its .notdef box,
    // never skipped, so a gap in the font shows on paper instead of hiding.
    void draw(GrayImage& target, int x, int baseline_y, std::string_view text,
              float pixel_size) const;

    // Lines of `text` that each measure at most `max_width`. Breaks at spaces,
    // keeps the writer's own line breaks ('\n'), and splits a word longer than
    // a line after a '-' or '/' inside it if it can, otherwise after the last
    // character that fits. An empty paragraph gives one empty line.
    std::vector<std::string> wrap(std::string_view text, float pixel_size, int max_width) const;

  private:
    struct Face;  // the file's bytes and stb_truetype's view of them
    explicit Font(std::shared_ptr<const Face> face);

    // Shared and immutable: copies of a Font are cheap, and stb_truetype's
    // pointers into the bytes stay valid whichever copy lives longest.
    std::shared_ptr<const Face> face_;
};

}  // namespace kiosk
