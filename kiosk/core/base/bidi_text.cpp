#include "kiosk/core/base/bidi_text.hpp"

#include <fribidi.h>

#include <algorithm>
#include <optional>

namespace kiosk {
namespace {

constexpr FriBidiChar space = 0x20;

// Code points with nothing to draw that FriBidi leaves in: the lam-alef
// ligature's U+FEFF filler (FRIBIDI_FLAG_REMOVE_SPECIALS is not implemented
// in 1.0.8), and explicit direction marks and embeddings.
bool invisible(FriBidiChar c) {
    return c == 0xFEFF || c == 0x200E || c == 0x200F || c == 0x061C ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::u32string decode(std::string_view text) {
    std::u32string out(text.size() + 1, U'\0');
    const FriBidiStrIndex n = fribidi_charset_to_unicode(
        FRIBIDI_CHAR_SET_UTF8, text.data(), static_cast<FriBidiStrIndex>(text.size()),
        reinterpret_cast<FriBidiChar*>(out.data()));
    out.resize(static_cast<std::size_t>(std::max<FriBidiStrIndex>(n, 0)));
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string encode(const char32_t* begin, const char32_t* end) {
    std::string out;
    out.reserve(static_cast<std::size_t>(end - begin) * 3);
    for (const char32_t* c = begin; c != end; ++c) {
        if (!invisible(*c))
            append_utf8(out, *c);
    }
    return out;
}

// One paragraph resolved and shaped, still in logical order.
struct Paragraph {
    std::u32string chars;  // shaped: presentation forms, mirrored brackets
    std::vector<FriBidiCharType> types;
    std::vector<FriBidiLevel> levels;
    FriBidiParType base = FRIBIDI_PAR_LTR;
};

Paragraph shape(std::u32string chars, TextDirection direction) {
    Paragraph p;
    const auto n = static_cast<FriBidiStrIndex>(chars.size());
    auto* str = reinterpret_cast<FriBidiChar*>(chars.data());
    p.types.resize(chars.size());
    p.levels.resize(chars.size());
    std::vector<FriBidiBracketType> brackets(chars.size());
    std::vector<FriBidiArabicProp> joining(chars.size());
    fribidi_get_bidi_types(str, n, p.types.data());
    fribidi_get_bracket_types(str, n, p.types.data(), brackets.data());
    // Asked for, never guessed: "12 مارس" or "NL-204 ..." first would make a
    // guessed paragraph left to right on an Arabic screen.
    p.base = direction == TextDirection::right_to_left ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (fribidi_get_par_embedding_levels_ex(p.types.data(), brackets.data(), n, &p.base,
                                            p.levels.data()) == 0) {
        // Only on a failed allocation: draw the text unshaped, in its own order.
        std::fill(p.levels.begin(), p.levels.end(), FriBidiLevel{0});
        p.base = FRIBIDI_PAR_LTR;
    }
    fribidi_get_joining_types(str, n, joining.data());
    fribidi_join_arabic(p.types.data(), n, p.levels.data(), joining.data());
    fribidi_shape(FRIBIDI_FLAGS_ARABIC | FRIBIDI_FLAG_SHAPE_MIRRORING, p.levels.data(), n,
                  joining.data(), str);
    p.chars = std::move(chars);
    return p;
}

// [begin, end) of one line in the paragraph's logical order.
struct Span {
    std::size_t begin = 0, end = 0;
};

// Greedy breaking at spaces, measured on the shaped logical text (a line's
// width does not depend on the order of its glyphs).
std::vector<Span> break_lines(const std::u32string& chars, float max_width,
                              const MeasureText& measure) {
    const auto width = [&](std::size_t begin, std::size_t end) {
        return measure(encode(chars.data() + begin, chars.data() + end));
    };
    std::vector<Span> lines;
    std::size_t at = 0;
    const std::size_t n = chars.size();
    std::optional<Span> line;
    while (true) {
        while (at < n && chars[at] == space)
            ++at;
        if (at >= n)
            break;
        std::size_t word_end = at;
        while (word_end < n && chars[word_end] != space)
            ++word_end;
        if (line && width(line->begin, word_end) <= max_width) {
            line->end = word_end;
            at = word_end;
            continue;
        }
        if (line)
            lines.push_back(*line);
        // A word wider than a whole line is cut where the line is full.
        std::size_t start = at;
        while (width(start, word_end) > max_width && word_end - start > 1) {
            std::size_t fits = start + 1;
            while (fits < word_end && width(start, fits + 1) <= max_width)
                ++fits;
            lines.push_back({start, fits});
            start = fits;
        }
        line = Span{start, word_end};
        at = word_end;
    }
    lines.push_back(line.value_or(Span{}));  // an empty paragraph is one empty line
    return lines;
}

std::string visual(const Paragraph& p, Span span, std::vector<FriBidiLevel>& levels,
                   std::u32string& out) {
    // Vowel marks stay after their letter in logical order, where a
    // left-to-right renderer puts them on the right letter.
    const FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT & ~FRIBIDI_FLAG_REORDER_NSM;
    const auto len = static_cast<FriBidiStrIndex>(span.end - span.begin);
    if (len == 0)
        return {};
    if (fribidi_reorder_line(flags, p.types.data(), len, static_cast<FriBidiStrIndex>(span.begin),
                             p.base, levels.data(), reinterpret_cast<FriBidiChar*>(out.data()),
                             nullptr) == 0) {
        return encode(p.chars.data() + span.begin, p.chars.data() + span.end);
    }
    return encode(out.data() + span.begin, out.data() + span.end);
}

template <typename Each>
void for_each_paragraph(std::string_view text, Each each) {
    std::size_t start = 0;
    while (true) {
        const std::size_t newline = text.find('\n', start);
        std::string_view paragraph =
            text.substr(start, newline == text.npos ? text.npos : newline - start);
        if (!paragraph.empty() && paragraph.back() == '\r')
            paragraph.remove_suffix(1);
        each(paragraph);
        if (newline == text.npos)
            break;
        start = newline + 1;
    }
}

}  // namespace

std::vector<std::string> bidi_lines(std::string_view text, TextDirection direction, float max_width,
                                    const MeasureText& measure) {
    std::vector<std::string> lines;
    for_each_paragraph(text, [&](std::string_view paragraph) {
        const Paragraph p = shape(decode(paragraph), direction);
        std::vector<FriBidiLevel> levels = p.levels;  // reordering changes trailing spaces' levels
        std::u32string out = p.chars;
        for (const Span& span : break_lines(p.chars, max_width, measure))
            lines.push_back(visual(p, span, levels, out));
    });
    return lines;
}

std::string bidi_line(std::string_view text, TextDirection direction) {
    std::u32string chars = decode(text);
    std::replace(chars.begin(), chars.end(), U'\n', U' ');
    const Paragraph p = shape(std::move(chars), direction);
    std::vector<FriBidiLevel> levels = p.levels;
    std::u32string out = p.chars;
    return visual(p, {0, p.chars.size()}, levels, out);
}

bool has_right_to_left(std::string_view text) {
    // Only multi-byte sequences can be right to left: a quick pass for the
    // lead bytes of U+0590–08FF and U+FB1D–FEFF.
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0xD7 && b <= 0xDF)
            return true;
        if (i + 2 < text.size() && b == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x8F)
            return true;  // U+200F, the right-to-left mark, has no glyph to draw
        if (i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (b == 0xD6 && next >= 0x90)  // U+0590 on; below is Armenian
                return true;
            if (b == 0xE0 && next >= 0xA0 && next <= 0xA3)
                return true;
            // U+FB1D on; below are the Latin and Armenian ligatures.
            if (b == 0xEF && ((next == 0xAC && i + 2 < text.size() &&
                               static_cast<unsigned char>(text[i + 2]) >= 0x9D) ||
                              (next > 0xAC && next <= 0xBB)))
                return true;
        }
    }
    return false;
}

}  // namespace kiosk
