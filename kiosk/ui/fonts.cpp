#include "kiosk/ui/fonts.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "kiosk/core/base/bidi_text.hpp"
#include "kiosk/core/content/text_direction.hpp"
#include "kiosk/core/takeaway/text_raster.hpp"
#include "kiosk/ui/pictograms.hpp"

namespace kiosk::ui {
namespace {

struct Block {
    char32_t first, last;
};
// Dutch needs Latin-1 (é, ë, ï), and the kiosk's own words the punctuation.
// Every other letter comes in only when a text uses it, and only that
// letter, not its whole block: every glyph is drawn at each of a dozen sizes
// and faces, and Cyrillic's 256 would cost more than all of Latin-1.
constexpr Block latin1{0x0020, 0x00ff};
constexpr Block always[] = {
    latin1,           {0x2013, 0x2014}, {0x2018, 0x2019}, {0x201c, 0x201e},
    {0x2022, 0x2022}, {0x2026, 0x2026}, {0x20ac, 0x20ac},
};
constexpr ImWchar digits[] = {'0', '9', 0};

void add_texts(std::set<char32_t>& seen, const Texts& texts) {
    for (const auto& [lang, text] : texts)
        add_drawn_code_points(seen, text);
}

std::set<char32_t> code_points_of(const ContentPack& pack) {
    std::set<char32_t> seen;
    add_texts(seen, pack.info.name);
    for (const auto& [code, name] : pack.info.language_names) {
        add_drawn_code_points(seen, name);
        // The comma the kiosk itself puts between times of day in Arabic.
        if (right_to_left(pack, code))
            seen.insert(0x060C);
    }
    for (const auto& q : pack.questionnaire.questions) {
        add_texts(seen, q.text);
        add_texts(seen, q.help);
        for (const auto& o : q.options) {
            add_texts(seen, o.text);
            add_texts(seen, o.reason);
        }
    }
    for (const auto* terms : {&pack.sectors, &pack.targets, &pack.funding}) {
        for (const auto& t : *terms)
            add_texts(seen, t.text);
    }
    for (const auto& a : pack.agenda)
        add_texts(seen, a.reason);
    for (const auto& [key, texts] : pack.texts)
        add_texts(seen, texts);
    for (const auto& [kind, texts] : pack.matching.relax_text)
        add_texts(seen, texts);
    add_texts(seen, pack.matching.fits_text);
    return seen;
}

}  // namespace

void add_drawn_code_points(std::set<char32_t>& seen, std::string_view text) {
    // Arabic is drawn in the presentation forms FriBidi shapes it into, never
    // as the letters it is stored in: the atlas holds exactly those forms.
    // Joining does not depend on the paragraph's direction.
    const std::string drawn =
        has_right_to_left(text) ? bidi_line(text, TextDirection::right_to_left) : std::string(text);
    for (char32_t cp : utf8_code_points(drawn))
        seen.insert(cp);
}

namespace {

std::string utf8_of(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

// Every form an Arabic letter can take (alone, at the end, start and middle
// of a word) and the lam-alef ligatures when both letters occur: shaped in
// a word of that letter and beh, whose own forms are left out.
void add_arabic_forms(std::set<char32_t>& seen, const std::set<char32_t>& letters) {
    constexpr char32_t beh = 0x0628, lam = 0x0644;
    const auto add_shaped = [&](std::u32string_view word) {
        for (char32_t cp : utf8_code_points(bidi_line(utf8_of(word), TextDirection::right_to_left)))
            if (cp < 0xFE8F || cp > 0xFE92)
                seen.insert(cp);
    };
    for (char32_t c : letters) {
        for (std::u32string_view word : {std::u32string{c}, std::u32string{beh, c},
                                         std::u32string{c, beh}, std::u32string{beh, c, beh}})
            add_shaped(word);
        if (letters.count(lam) && (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0627)) {
            add_shaped(std::u32string{lam, c});
            add_shaped(std::u32string{beh, lam, c});
        }
    }
    if (letters.count(beh))
        seen.insert({0xFE8F, 0xFE90, 0xFE91, 0xFE92});
}

}  // namespace

std::set<char32_t> drawn_code_points(const Catalogue& catalogue) {
    // Shaping each of 100,000 Arabic course texts would take a second at
    // start; the forms of each letter they use are found once instead. Every
    // other code point counts as it is.
    std::set<char32_t> seen;
    std::set<char32_t> arabic;
    catalogue.for_each_course_text([&](std::string_view text) {
        // Plain ASCII is in the atlas anyway; most course texts are.
        if (std::none_of(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; }))
            return;
        for (char32_t cp : utf8_code_points(text))
            (cp >= 0x0600 && cp <= 0x06FF ? arabic : seen).insert(cp);
    });
    add_arabic_forms(seen, arabic);
    // Bidi marks and fillers are never drawn.
    for (char32_t mark : {0x200E, 0x200F, 0x061C, 0xFEFF})
        seen.erase(mark);
    return seen;
}

float em_for_display(int width, int height) {
    const float by_height = static_cast<float>(height) / 34.0f;
    const float by_width = static_cast<float>(width) / 30.0f;
    return std::max(16.0f, std::min(by_height, by_width));
}

std::vector<ImWchar> glyph_ranges_for(const ContentPack& pack,
                                      const std::set<char32_t>& more_code_points) {
    std::vector<Block> chosen(std::begin(always), std::end(always));
    std::set<char32_t> code_points = code_points_of(pack);
    code_points.insert(more_code_points.begin(), more_code_points.end());
    for (char32_t cp : code_points) {
        // ImWchar is 16 bits in Debian's build; control characters draw nothing.
        if (cp > 0xffff || cp < 0x20 || (cp >= latin1.first && cp <= latin1.last))
            continue;
        chosen.push_back({cp, cp});
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const Block& a, const Block& b) { return a.first < b.first; });
    std::vector<ImWchar> ranges;
    for (const auto& b : chosen) {
        if (!ranges.empty() && b.first <= static_cast<char32_t>(ranges.back()) + 1) {
            ranges.back() = static_cast<ImWchar>(std::max<char32_t>(ranges.back(), b.last));
            continue;
        }
        ranges.push_back(static_cast<ImWchar>(b.first));
        ranges.push_back(static_cast<ImWchar>(b.last));
    }
    ranges.push_back(0);
    return ranges;
}

Result<FontSet> load_fonts(ImFontAtlas& atlas, const FontPaths& paths, float em,
                           const std::vector<ImWchar>& ranges, FontFiles& files, bool with_large) {
    for (auto [path, bytes] :
         {std::pair{&paths.regular, &files.regular}, std::pair{&paths.bold, &files.bold},
          std::pair{&paths.icons, &files.icons}}) {
        std::ifstream in(*path, std::ios::binary);
        if (!in)
            return Error{"font " + *path +
                         " is missing (install fonts-dejavu-core and fonts-font-awesome)"};
        bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (bytes->empty())
            return Error{"font " + *path + " is empty"};
    }
    atlas.Clear();
    // A power-of-two height, so that a glyph's texture rows y / height are
    // exact: SDL's software renderer samples row (int)(v * height), and with
    // other heights (1552, say) a third of all rows come out one too high.
    // Then where a glyph lies in the atlas, and whether the larger-text faces
    // are in it, changes no pixel on screen.
    atlas.Flags &= ~ImFontAtlasFlags_NoPowerOfTwoHeight;
    auto add_file = [&](std::vector<char>& bytes, float size, ImFontConfig& config,
                        const ImWchar* glyphs) {
        // Dear ImGui 1.86 copies a file it does not own at every face (28
        // copies, 12 MB, at each start); told it owns them, it takes the bytes
        // as they are, and is then told it does not, so that `files` keeps
        // them and the atlas never frees them.
        config.FontDataOwnedByAtlas = true;
        ImFont* font = atlas.AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()),
                                                  size, &config, glyphs);
        atlas.ConfigData.back().FontDataOwnedByAtlas = false;
        return font;
    };
    const auto* icons = reinterpret_cast<const ImWchar*>(icon_ranges().data());
    auto add = [&](std::vector<char>& file, float size, const ImWchar* glyphs) -> ImFont* {
        ImFontConfig text;
        // Big sizes need little horizontal oversampling; it only grows the atlas.
        text.OversampleH = size > 40 ? 1 : 2;
        text.OversampleV = 1;
        ImFont* font = add_file(file, size, text, glyphs);
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.OversampleH = 1;
        merge.OversampleV = 1;
        merge.GlyphMinAdvanceX = size * 1.1f;  // icons line up in lists
        merge.GlyphOffset = {0, size * 0.05f};
        add_file(files.icons, size * 0.95f, merge, icons);
        return font;
    };
    // Headings, titles and the countdown are only ever bold, and the
    // countdown only digits: each face costs atlas memory at its full size.
    auto face = [&](float size, bool with_regular, const ImWchar* glyphs) {
        Face f;
        f.size = std::round(size);
        f.regular = with_regular ? add(files.regular, f.size, glyphs) : nullptr;
        f.bold = add(files.bold, f.size, glyphs);
        if (!f.regular)
            f.regular = f.bold;
        return f;
    };
    auto scale = [&](float base) {
        FontScale s;
        s.body = face(base, true, ranges.data());
        s.small = face(base * 0.85f, true, ranges.data());
        s.heading = face(base * 1.45f, false, ranges.data());
        s.title = face(base * 2.1f, false, ranges.data());
        s.huge = face(base * 3.4f, false, digits);
        return s;
    };
    FontSet set;
    set.normal = scale(em);  // first: ImGui's default font is the body text
    set.has_large = with_large;
    set.large = with_large ? scale(em * 1.25f) : set.normal;
    if (!atlas.Build())
        return Error{"the font atlas could not be built from " + paths.regular};
    return set;
}

}  // namespace kiosk::ui
