#pragma once
// The fonts of the screens, each loaded once at its real pixel size with the
// icons merged in, for the normal and the larger-text setting. Glyph ranges
// come from the texts the pack really has: Dear ImGui's default range is
// Latin-1 only, and "ł", "ş" or Cyrillic would otherwise draw as "?".

#include <imgui.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/pack/catalogue.hpp"

namespace kiosk::ui {

struct FontPaths {
    std::string regular;
    std::string bold;
    std::string icons;
};

// One text size: regular and bold at the same pixel size.
struct Face {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    float size = 0;  // pixels
};

struct FontScale {
    Face small;    // secondary lines
    Face body;     // 1 em
    Face heading;  // questions, screen titles (bold only)
    Face title;    // the attract screen (bold only)
    Face huge;     // the countdown number (bold digits and icons only)
};

struct FontSet {
    FontScale normal;
    FontScale large;  // the larger-text switch: 1.25 times; `normal` until loaded
    bool has_large = false;
    const FontScale& scale(bool large_text) const {
        return large_text && has_large ? large : normal;
    }
};

// 1 em in pixels for a display: about 32 px at 1080p landscape, more on 4K,
// and narrow portrait screens limited by their width.
float em_for_display(int width, int height);

// Basic Latin, Latin-1 and the punctuation the kiosk prints („ " – … €),
// plus exactly the other letters the pack's texts and `more_code_points`
// (the catalogue's, the configuration's) are drawn with: for Arabic the
// presentation forms its texts are shaped into.
std::vector<ImWchar> glyph_ranges_for(const ContentPack& pack,
                                      const std::set<char32_t>& more_code_points = {});

// The code points `text` is drawn with: Arabic shaped into its joined forms.
void add_drawn_code_points(std::set<char32_t>& seen, std::string_view text);
// Those of every course text in the catalogue (titles, descriptions,
// providers, places), which the pack's questionnaire does not hold. Course
// texts with nothing beyond ASCII are passed over quickly.
std::set<char32_t> drawn_code_points(const Catalogue& catalogue);

// The font files' bytes, read once and shared by every face (the atlas
// would otherwise keep a copy of the file per face: 28 copies, ~12 MB).
struct FontFiles {
    std::vector<char> regular;
    std::vector<char> bold;
    std::vector<char> icons;
};

// Clears the atlas and adds every face, the larger-text ones only
// `with_large`: few visitors switch to larger text, and its faces more than
// double the atlas the start must rasterise and upload. `ranges` must
// outlive the atlas build, and `files` (filled here) the atlas.
Result<FontSet> load_fonts(ImFontAtlas& atlas, const FontPaths& paths, float em,
                           const std::vector<ImWchar>& ranges, FontFiles& files,
                           bool with_large = true);

}  // namespace kiosk::ui
