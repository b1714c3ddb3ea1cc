#include "kiosk/core/takeaway/text_raster.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>

// Static: Dear ImGui compiles its own copy of stb_truetype, and two external
// copies would collide at link time. Nothing of stb leaks out of this file.
#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
// stb is third-party C-style code: its warnings are not ours to fix.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#include <stb_truetype.h>
#pragma GCC diagnostic pop

namespace kiosk {

struct Font::Face {
    std::string path;
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};  // points into `bytes`, which never moves after loading
};

namespace {

constexpr char32_t replacement_character = 0xFFFD;

struct CodePoint {
    char32_t value = 0;
    std::size_t offset = 0;  // where its bytes start in the text
    std::size_t length = 0;
};

CodePoint decode_at(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80)
        return {lead, at, 1};
    const CodePoint invalid{replacement_character, at, 1};
    std::size_t length = 0;
    char32_t value = 0;
    char32_t smallest = 0;  // anything below is an overlong encoding
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2, value = lead & 0x1FU, smallest = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3, value = lead & 0x0FU, smallest = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4, value = lead & 0x07U, smallest = 0x10000;
    } else {
        return invalid;
    }
    if (at + length > text.size())
        return invalid;
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[at + k]);
        if ((next & 0xC0U) != 0x80U)
            return invalid;
        value = (value << 6U) | (next & 0x3FU);
    }
    if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return invalid;
    return {value, at, length};
}

std::vector<CodePoint> decode(std::string_view text) {
    std::vector<CodePoint> out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        out.push_back(decode_at(text, at));
        at += out.back().length;
    }
    return out;
}

std::uint32_t read_u32(const std::vector<unsigned char>& bytes, std::size_t at) {
    return (std::uint32_t{bytes[at]} << 24U) | (std::uint32_t{bytes[at + 1]} << 16U) |
           (std::uint32_t{bytes[at + 2]} << 8U) | std::uint32_t{bytes[at + 3]};
}

// stb_truetype trusts every offset in the file. Fonts come from the kiosk's own
// configuration, not from visitors, but a truncated or mistyped file must still
// give a message rather than a read past the end: check the table directory
// here and return where the first font starts.
Result<int> first_font_offset(const std::vector<unsigned char>& bytes, const std::string& path) {
    const Error not_a_font{path + " is not a TrueType or OpenType font"};
    if (bytes.size() < 12)
        return not_a_font;
    std::size_t offset = 0;
    if (std::memcmp(bytes.data(), "ttcf", 4) == 0) {
        if (bytes.size() < 16 || read_u32(bytes, 8) == 0)
            return not_a_font;
        offset = read_u32(bytes, 12);
    }
    if (offset > bytes.size() - 12)
        return not_a_font;
    const std::uint32_t version = read_u32(bytes, offset);
    if (version != 0x00010000U && std::memcmp(&bytes[offset], "true", 4) != 0 &&
        std::memcmp(&bytes[offset], "OTTO", 4) != 0) {
        return not_a_font;
    }
    const std::size_t tables = (std::size_t{bytes[offset + 4]} << 8U) | bytes[offset + 5];
    if (offset + 12 + 16 * tables > bytes.size())
        return Error{path + " is cut short"};
    for (std::size_t i = 0; i < tables; ++i) {
        const std::size_t entry = offset + 12 + 16 * i;
        const std::size_t start = read_u32(bytes, entry + 8);
        const std::size_t length = read_u32(bytes, entry + 12);
        if (start > bytes.size() || length > bytes.size() - start)
            return Error{path + " is cut short"};
    }
    return static_cast<int>(offset);
}

struct PlacedGlyph {
    int glyph = 0;  // 0 is .notdef, the font's own "missing character" box
    float x = 0;    // pen position from the start of the line, in pixels
};

struct LineLayout {
    std::vector<PlacedGlyph> glyphs;
    float advance = 0;
};

LineLayout lay_out(const stbtt_fontinfo& info, std::string_view text, float scale) {
    LineLayout line;
    int previous = -1;
    for (const CodePoint& cp : decode(text)) {
        const int glyph = stbtt_FindGlyphIndex(&info, static_cast<int>(cp.value));
        if (previous >= 0)
            line.advance +=
                scale * static_cast<float>(stbtt_GetGlyphKernAdvance(&info, previous, glyph));
        int advance = 0;
        int left_bearing = 0;
        stbtt_GetGlyphHMetrics(&info, glyph, &advance, &left_bearing);
        line.glyphs.push_back({glyph, line.advance});
        line.advance += scale * static_cast<float>(advance);
        previous = glyph;
    }
    return line;
}

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

std::vector<std::string_view> words_of(std::string_view paragraph) {
    std::vector<std::string_view> words;
    std::size_t at = 0;
    while (at < paragraph.size()) {
        while (at < paragraph.size() && is_space(paragraph[at]))
            ++at;
        std::size_t end = at;
        while (end < paragraph.size() && !is_space(paragraph[end]))
            ++end;
        if (end > at)
            words.push_back(paragraph.substr(at, end - at));
        at = end;
    }
    return words;
}

}  // namespace

std::vector<char32_t> utf8_code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (const CodePoint& cp : decode(text))
        out.push_back(cp.value);
    return out;
}

Font::Font(std::shared_ptr<const Face> face) : face_(std::move(face)) {}

Result<Font> Font::load(const std::string& ttf_path) {
    // A directory opens as a stream on Linux and only fails (with an
    // exception from the standard library) once read: catch it here.
    std::error_code ec;
    if (std::filesystem::is_directory(ttf_path, ec))
        return Error{"font " + ttf_path + " is a folder, not a file"};
    std::ifstream in(ttf_path, std::ios::binary);
    if (!in)
        return Error{"cannot open font " + ttf_path + ": " + std::strerror(errno)};
    auto face = std::make_shared<Face>();
    face->path = ttf_path;
    const auto size = std::filesystem::file_size(ttf_path, ec);
    if (ec)
        return Error{"cannot read font " + ttf_path + ": " + ec.message()};
    face->bytes.resize(static_cast<std::size_t>(size));
    if (!in.read(reinterpret_cast<char*>(face->bytes.data()), static_cast<std::streamsize>(size))) {
        return Error{"cannot read font " + ttf_path};
    }
    const auto offset = first_font_offset(face->bytes, ttf_path);
    if (!offset)
        return Error{offset.error()};
    if (stbtt_InitFont(&face->info, face->bytes.data(), *offset) == 0) {
        return Error{ttf_path +
                     " lacks the tables a font needs to draw text (cmap, head, hhea, hmtx, glyf)"};
    }
    return Font(std::move(face));
}

const std::string& Font::path() const {
    return face_->path;
}

bool Font::has_glyph(char32_t code_point) const {
    return stbtt_FindGlyphIndex(&face_->info, static_cast<int>(code_point)) != 0;
}

int Font::missing_glyphs(std::string_view text) const {
    const auto points = decode(text);
    return static_cast<int>(
        std::count_if(points.begin(), points.end(),
                      [this](const CodePoint& cp) { return !has_glyph(cp.value); }));
}

LineMetrics Font::metrics(float pixel_size) const {
    const float scale = stbtt_ScaleForPixelHeight(&face_->info, pixel_size);
    int ascent = 0;
    int descent = 0;
    int line_gap = 0;
    stbtt_GetFontVMetrics(&face_->info, &ascent, &descent, &line_gap);
    LineMetrics out;
    out.ascent = static_cast<int>(std::ceil(scale * static_cast<float>(ascent)));
    out.descent = static_cast<int>(std::ceil(-scale * static_cast<float>(descent)));
    out.line_height = out.ascent + out.descent +
                      static_cast<int>(std::lround(scale * static_cast<float>(line_gap)));
    return out;
}

int Font::measure(std::string_view text, float pixel_size) const {
    const float scale = stbtt_ScaleForPixelHeight(&face_->info, pixel_size);
    // A hair of slack so float noise on an exact width does not add a pixel.
    return static_cast<int>(std::ceil(lay_out(face_->info, text, scale).advance - 0.001F));
}

void Font::draw(GrayImage& target, int x, int baseline_y, std::string_view text,
                float pixel_size) const {
    const stbtt_fontinfo& info = face_->info;
    const float scale = stbtt_ScaleForPixelHeight(&info, pixel_size);
    std::vector<unsigned char> coverage;
    for (const PlacedGlyph& placed : lay_out(info, text, scale).glyphs) {
        // Subpixel placement keeps letter spacing even; stb renders the glyph
        // shifted by the fraction the whole-pixel origin leaves behind.
        const float pen = static_cast<float>(x) + placed.x;
        const int origin = static_cast<int>(std::floor(pen));
        const float shift = pen - static_cast<float>(origin);
        int x0 = 0;
        int y0 = 0;
        int x1 = 0;
        int y1 = 0;
        stbtt_GetGlyphBitmapBoxSubpixel(&info, placed.glyph, scale, scale, shift, 0, &x0, &y0, &x1,
                                        &y1);
        const int width = x1 - x0;
        const int height = y1 - y0;
        if (width <= 0 || height <= 0)
            continue;  // a space
        coverage.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0);
        stbtt_MakeGlyphBitmapSubpixel(&info, coverage.data(), width, height, width, scale, scale,
                                      shift, 0, placed.glyph);
        for (int row = 0; row < height; ++row) {
            const int ty = baseline_y + y0 + row;
            if (ty < 0 || ty >= target.height)
                continue;
            for (int col = 0; col < width; ++col) {
                const int tx = origin + x0 + col;
                if (tx < 0 || tx >= target.width)
                    continue;
                const auto ink = static_cast<std::uint8_t>(
                    255 - coverage[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) +
                                   static_cast<std::size_t>(col)]);
                auto& pixel = target.pixels[static_cast<std::size_t>(ty) *
                                                static_cast<std::size_t>(target.width) +
                                            static_cast<std::size_t>(tx)];
                pixel = std::min(pixel, ink);
            }
        }
    }
}

std::vector<std::string> Font::wrap(std::string_view text, float pixel_size, int max_width) const {
    std::vector<std::string> lines;
    const auto fits = [&](std::string_view line) { return measure(line, pixel_size) <= max_width; };

    // A word wider than a whole line: cut it where the line is full. After a
    // hyphen or slash if there is one (a compound or a web address reads
    // better split there); no hyphen is added, because one added inside an
    // e-mail or web address on the contact lines would send people wrong.
    const auto split_long_word = [&](std::string_view word) {
        while (!fits(word)) {
            const auto points = decode(word);
            std::size_t fitting = 1;  // at least one character, or this never ends
            while (fitting < points.size() &&
                   fits(word.substr(0, points[fitting].offset + points[fitting].length))) {
                ++fitting;
            }
            // Only when that keeps at least half the line, or "e-" alone would
            // stand on a line of its own.
            for (std::size_t k = fitting; k >= 2 && 2 * k >= fitting; --k) {
                if (points[k - 1].value == U'-' || points[k - 1].value == U'/') {
                    fitting = k;
                    break;
                }
            }
            const std::size_t cut = points[fitting - 1].offset + points[fitting - 1].length;
            if (cut >= word.size())
                break;
            lines.emplace_back(word.substr(0, cut));
            word.remove_prefix(cut);
        }
        return std::string(word);
    };

    std::size_t start = 0;
    while (true) {
        const std::size_t newline = text.find('\n', start);
        std::string_view paragraph =
            text.substr(start, newline == std::string_view::npos ? text.npos : newline - start);
        if (!paragraph.empty() && paragraph.back() == '\r')
            paragraph.remove_suffix(1);

        std::string line;
        bool has_line = false;
        for (const std::string_view word : words_of(paragraph)) {
            if (has_line) {
                std::string candidate = line + ' ' + std::string(word);
                if (fits(candidate)) {
                    line = std::move(candidate);
                    continue;
                }
                lines.push_back(std::move(line));
            }
            line = split_long_word(word);
            has_line = true;
        }
        lines.push_back(std::move(line));  // also keeps a deliberate blank line

        if (newline == std::string_view::npos)
            break;
        start = newline + 1;
    }
    return lines;
}

}  // namespace kiosk
