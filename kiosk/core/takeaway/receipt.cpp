#include "kiosk/core/takeaway/receipt.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/takeaway/text_raster.hpp"

namespace kiosk {

namespace {

// 1 mm per module at 8 dots/mm: phones read that at arm's length, and larger
// only costs paper.
constexpr int largest_module_dots = 8;
// At 1 dot per module the heat of each dot spreads into its neighbours and
// phones fail; 2 dots is the least that still scans from thermal paper.
constexpr int smallest_module_dots = 2;
// Readers need 4 white modules around the code to find its edges.
constexpr int quiet_zone_modules = 4;
// No receipt printer is this wide: a larger width is a mistake in the
// configuration, and would only allocate a huge image.
constexpr int widest_receipt_dots = 4096;

// Type sizes in dots (ascender to descender, as the screen's fonts are sized).
// Both papers print 8 dots per mm, so a letter is the same size in the hand on
// either: narrow paper gets slightly smaller text to keep enough words on a
// line, not text shrunk in proportion to the width.
struct TypeScale {
    float name = 0;     // the kiosk's name at the top
    float heading = 0;  // "Your courses", the contact heading
    float title = 0;    // each course title
    float body = 0;     // provider, place, start, cost, contact text
    float small = 0;    // date and time, the Dutch title
    int leading = 0;    // extra space between the lines of one block
    int gap = 0;        // space between blocks
};

TypeScale type_scale_for(int width_dots) {
    TypeScale scale;
    scale.body = 14.0F + static_cast<float>(width_dots) / 48.0F;  // 26 at 576 dots, 22 at 384
    scale.name = std::round(scale.body * 1.45F);
    scale.heading = std::round(scale.body * 1.2F);
    scale.title = std::round(scale.body * 1.1F);
    scale.small = std::round(scale.body * 0.88F);
    scale.leading = static_cast<int>(std::lround(scale.body * 0.12F));
    scale.gap = static_cast<int>(std::lround(scale.body * 0.6F));
    return scale;
}

// `start` is the left edge for a left-to-right paragraph, the right edge for a
// right-to-left one.
enum class Align { start, centre };

// Paper that grows downward as the receipt is laid out: everything is drawn in
// grey first and made black or white once at the end.
class Paper {
  public:
    Paper(int width, int margin, TextDirection direction) : margin_(margin), direction_(direction) {
        image_.width = width;
    }

    int content_width() const { return image_.width - 2 * margin_; }
    int y() const { return y_; }
    int margin() const { return margin_; }
    bool right_to_left() const { return direction_ == TextDirection::right_to_left; }
    void space(int dots) { grow(y_ += dots); }

    // Draws `text` at the current line without moving down: the course
    // number beside the first line of its title.
    void label(const Font& font, float size, int x, std::string_view text) {
        grow(y_ + font.metrics(size).line_height);
        font.draw(image_, x, y_ + font.metrics(size).ascent, text, size);
    }

    // `indent` is kept free at the start side (the right, right to left).
    // `direction` is the paragraph's when it is not the receipt's own.
    void paragraph(const Font& font, float size, int leading, std::string_view text, Align align,
                   int indent = 0, std::optional<TextDirection> direction = std::nullopt) {
        const int width = content_width() - indent;
        const bool rtl = direction.value_or(direction_) == TextDirection::right_to_left;
        // The indent (the course numbers' column) is on the receipt's start side.
        const int left = margin_ + (right_to_left() ? 0 : indent);
        if (has_right_to_left(text)) {
            // Shaped, broken on the logical text and reordered line by line.
            const auto lines = bidi_lines(
                text, direction.value_or(direction_), static_cast<float>(width),
                [&](std::string_view s) { return static_cast<float>(font.measure(s, size)); });
            draw_lines(font, size, leading, lines, align, rtl, left, width);
            return;
        }
        auto lines = font.wrap(text, size, width);
        if (align == Align::centre && lines.size() > 1) {
            // Centred lines read best of even length: the narrowest width that
            // needs no more lines, rather than one long line and a lonely word.
            // Never narrower than the widest word: balancing must not split one.
            int widest_word = 0;
            for (std::size_t start = 0; start < text.size();) {
                auto end = text.find_first_of(" \n", start);
                if (end == std::string_view::npos)
                    end = text.size();
                widest_word =
                    std::max(widest_word, font.measure(text.substr(start, end - start), size));
                start = end + 1;
            }
            int fits = width;
            for (int too_narrow = std::max(width / 2, widest_word - 1); fits - too_narrow > 1;) {
                const int middle = (too_narrow + fits) / 2;
                (font.wrap(text, size, middle).size() == lines.size() ? fits : too_narrow) = middle;
            }
            lines = font.wrap(text, size, fits);
        }
        draw_lines(font, size, leading, lines, align, rtl, left, width);
    }

    // Lines already in visual order, from `left` in a column `width` wide.
    void draw_lines(const Font& font, float size, int leading,
                    const std::vector<std::string>& lines, Align align, bool rtl, int left,
                    int width) {
        const LineMetrics line = font.metrics(size);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i > 0)
                y_ += leading;
            grow(y_ + line.line_height);
            int x = left;
            if (align == Align::centre)
                x += std::max(0, (width - font.measure(lines[i], size)) / 2);
            else if (rtl)
                x += std::max(0, width - font.measure(lines[i], size));
            font.draw(image_, x, y_ + line.ascent, lines[i], size);
            y_ += line.line_height;
        }
    }

    void rule(int thickness) {
        grow(y_ + thickness);
        for (int row = y_; row < y_ + thickness; ++row) {
            auto* first = &image_.pixels[index(margin_, row)];
            std::fill(first, first + content_width(), std::uint8_t{0});
        }
        y_ += thickness;
    }

    void picture_centred(const GrayImage& picture) {
        grow(y_ + picture.height);
        const int left = (image_.width - picture.width) / 2;
        for (int row = 0; row < picture.height; ++row) {
            const auto* source = &picture.pixels[static_cast<std::size_t>(row) *
                                                 static_cast<std::size_t>(picture.width)];
            std::copy(source, source + picture.width, &image_.pixels[index(left, y_ + row)]);
        }
        y_ += picture.height;
    }

    // Thermal heads print a dot or not: anti-aliased edges become whichever is
    // nearer, and the text keeps its shape at these sizes.
    GrayImage finish() && {
        for (auto& pixel : image_.pixels)
            pixel = pixel < 128 ? 0 : 255;
        return std::move(image_);
    }

  private:
    std::size_t index(int x, int y) const {
        return static_cast<std::size_t>(y) * static_cast<std::size_t>(image_.width) +
               static_cast<std::size_t>(x);
    }
    void grow(int height) {
        if (height <= image_.height)
            return;
        image_.height = height;
        image_.pixels.resize(
            static_cast<std::size_t>(height) * static_cast<std::size_t>(image_.width), 255);
    }

    GrayImage image_;
    int margin_ = 0;
    TextDirection direction_ = TextDirection::left_to_right;
    int y_ = 0;
};

// A logo is usually drawn for screens: scale it down by averaging (never up,
// which would only make it blocky), then dither so greys and anti-aliased edges
// become dot patterns instead of vanishing or turning solid black.
Result<GrayImage> logo_for_paper(const GrayImage& logo, int max_width, int max_height) {
    if (logo.width <= 0 || logo.height <= 0 ||
        logo.pixels.size() !=
            static_cast<std::size_t>(logo.width) * static_cast<std::size_t>(logo.height)) {
        return Error{"the receipt logo is not a complete image (" + std::to_string(logo.width) +
                     " x " + std::to_string(logo.height) + " with " +
                     std::to_string(logo.pixels.size()) + " pixels)"};
    }
    const double scale = std::min({1.0, static_cast<double>(max_width) / logo.width,
                                   static_cast<double>(max_height) / logo.height});
    const int width = std::max(1, static_cast<int>(logo.width * scale));
    const int height = std::max(1, static_cast<int>(logo.height * scale));

    std::vector<float> grey(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        const int y0 = static_cast<int>(static_cast<long long>(y) * logo.height / height);
        const int y1 = std::max(
            y0 + 1, static_cast<int>(static_cast<long long>(y + 1) * logo.height / height));
        for (int x = 0; x < width; ++x) {
            const int x0 = static_cast<int>(static_cast<long long>(x) * logo.width / width);
            const int x1 = std::max(
                x0 + 1, static_cast<int>(static_cast<long long>(x + 1) * logo.width / width));
            double sum = 0;
            for (int sy = y0; sy < y1; ++sy) {
                for (int sx = x0; sx < x1; ++sx)
                    sum += logo.pixels[static_cast<std::size_t>(sy) *
                                           static_cast<std::size_t>(logo.width) +
                                       static_cast<std::size_t>(sx)];
            }
            grey[static_cast<std::size_t>(y * width + x)] =
                static_cast<float>(sum / ((y1 - y0) * (x1 - x0)));
        }
    }

    // Floyd-Steinberg: pure black and white stay exactly as they were.
    GrayImage out{width, height, std::vector<std::uint8_t>(grey.size())};
    const auto spread = [&](int x, int y, float error) {
        if (x < 0 || x >= width || y >= height)
            return;
        grey[static_cast<std::size_t>(y * width + x)] += error;
    };
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const float old = grey[static_cast<std::size_t>(y * width + x)];
            const std::uint8_t dot = old < 128.0F ? 0 : 255;
            out.pixels[static_cast<std::size_t>(y * width + x)] = dot;
            const float error = old - static_cast<float>(dot);
            spread(x + 1, y, error * 7 / 16);
            spread(x - 1, y + 1, error * 3 / 16);
            spread(x, y + 1, error * 5 / 16);
            spread(x + 1, y + 1, error * 1 / 16);
        }
    }
    return out;
}

void lay_out_course(Paper& paper, const Font& regular, const Font& bold, const TypeScale& type,
                    const ReceiptCourse& course, const std::string& dutch_label, int number,
                    int indent) {
    // A hanging number: the eye finds each course by its number, and the text
    // of one course lines up under its title.
    const std::string label = std::to_string(number) + ".";
    paper.label(bold, type.title,
                paper.right_to_left()
                    ? paper.margin() + paper.content_width() - bold.measure(label, type.title)
                    : paper.margin(),
                label);
    paper.paragraph(bold, type.title, type.leading, course.title, Align::start, indent);
    if (!course.title_nl.empty()) {
        paper.space(type.leading);
        // The Dutch title reads left to right, also on an Arabic receipt.
        paper.paragraph(regular, type.small, type.leading,
                        join_list({dutch_label, course.title_nl}, " "), Align::start, indent,
                        TextDirection::left_to_right);
    }
    paper.space(type.leading * 2);
    // The no-break space keeps the dot with the provider when the place wraps.
    for (const std::string& line :
         {join_list({course.provider, course.place}, "\u00A0\u00B7 "), course.start, course.cost}) {
        if (line.empty())
            continue;
        paper.paragraph(regular, type.body, type.leading, line, Align::start, indent);
        paper.space(type.leading);
    }
}

// What the receipt is set in: the style's two faces and the sizes for its width.
struct ReceiptType {
    Font regular;
    Font bold;
    TypeScale size;
};

Result<ReceiptType> load_type(const ReceiptStyle& style) {
    auto regular = Font::load(style.regular_font);
    if (!regular)
        return Error{"cannot print the receipt: " + regular.error()};
    auto bold = Font::load(style.bold_font);
    if (!bold)
        return Error{"cannot print the receipt: " + bold.error()};
    return ReceiptType{std::move(*regular), std::move(*bold), type_scale_for(style.width_dots)};
}

// The logo, the kiosk's name, the date and time, and a rule under them.
// Fails only when the logo cannot be put on paper.
std::optional<Error> lay_out_top(Paper& paper, const Receipt& receipt, const ReceiptType& t,
                                 const ReceiptStyle& style) {
    const TypeScale& type = t.size;
    if (receipt.logo) {
        // A quarter of the width at most in height: a logo is a greeting, not
        // worth a hand's length of paper.
        auto logo = logo_for_paper(*receipt.logo, paper.content_width(), style.width_dots / 4);
        if (!logo)
            return Error{"cannot print the receipt: " + logo.error()};
        paper.picture_centred(*logo);
        paper.space(type.gap);
    }
    if (!receipt.kiosk_name.empty()) {
        paper.paragraph(t.bold, type.name, type.leading, receipt.kiosk_name, Align::centre);
    }
    if (!receipt.date_time.empty()) {
        paper.space(type.leading);
        paper.paragraph(t.regular, type.small, type.leading, receipt.date_time, Align::centre);
    }
    paper.space(type.gap);
    paper.rule(2);
    paper.space(type.gap);
    return std::nullopt;
}

// The heading and the numbered courses, and a rule under them.
void lay_out_courses(Paper& paper, const Receipt& receipt, const ReceiptType& t) {
    const TypeScale& type = t.size;
    if (!receipt.text.heading.empty()) {
        paper.paragraph(t.bold, type.heading, type.leading, receipt.text.heading, Align::start);
        paper.space(type.gap);
    }
    // Room for the widest number, so all titles start in one column.
    const int indent = t.bold.measure(std::to_string(receipt.courses.size()) + ".", type.title) +
                       static_cast<int>(type.body * 0.45F);
    for (std::size_t i = 0; i < receipt.courses.size(); ++i) {
        if (i > 0)
            paper.space(type.gap);
        lay_out_course(paper, t.regular, t.bold, type, receipt.courses[i], receipt.text.dutch_label,
                       static_cast<int>(i) + 1, indent);
    }
    paper.space(type.gap);
    paper.rule(2);
}

// The QR code with its hint, then whom to contact; marks where the code is.
void lay_out_qr_and_contact(Paper& paper, const Receipt& receipt, const ReceiptType& t,
                            const QrCode& code, int module_dots, ReceiptImage& out) {
    const TypeScale& type = t.size;
    // The quiet zone is part of the picture, so no text can come near the code.
    out.qr_top = paper.y();
    paper.picture_centred(render_qr(code, module_dots, quiet_zone_modules));
    out.qr_bottom = paper.y();
    out.qr_module_dots = module_dots;
    if (!receipt.text.scan_hint.empty()) {
        paper.paragraph(t.regular, type.body, type.leading, receipt.text.scan_hint, Align::centre);
    }
    paper.space(type.gap * 2);

    if (!receipt.text.contact_heading.empty()) {
        paper.paragraph(t.bold, type.body, type.leading, receipt.text.contact_heading,
                        Align::start);
        paper.space(type.leading);
    }
    if (!receipt.contact.empty()) {
        // The counter's own words (address, phone), as the configuration writes them.
        paper.paragraph(t.regular, type.body, type.leading, receipt.contact, Align::start, 0,
                        TextDirection::left_to_right);
    }
}

}  // namespace

int receipt_qr_module_dots(const QrCode& code, const ReceiptStyle& style) {
    const int room = style.width_dots - 2 * style.margin_dots;
    const int modules = code.size + 2 * quiet_zone_modules;
    if (room <= 0 || modules <= 0)
        return 0;
    return std::min(largest_module_dots, room / modules);
}

Result<GrayImage> render_receipt(const Receipt& receipt, const ReceiptStyle& style) {
    auto laid_out = render_receipt_image(receipt, style);
    if (!laid_out)
        return Error{laid_out.error()};
    return std::move(laid_out->image);
}

Result<ReceiptImage> render_receipt_image(const Receipt& receipt, const ReceiptStyle& style) {
    if (style.width_dots <= 0 || style.width_dots > widest_receipt_dots || style.margin_dots < 0 ||
        style.width_dots - 2 * style.margin_dots < 64) {
        return Error{"a receipt " + std::to_string(style.width_dots) +
                     " dots wide with margins of " + std::to_string(style.margin_dots) +
                     " dots leaves no room to print"};
    }
    auto type = load_type(style);
    if (!type)
        return Error{type.error()};
    auto code = encode_qr(receipt.qr_payload);
    if (!code)
        return Error{"cannot print the receipt's QR code: " + code.error()};
    const int module_dots = receipt_qr_module_dots(*code, style);
    if (module_dots < smallest_module_dots) {
        return Error{"the receipt's QR code (" + std::to_string(code->size) +
                     " modules) does not fit " + std::to_string(style.width_dots) +
                     " dots with at least " + std::to_string(smallest_module_dots) +
                     " dots per module"};
    }

    Paper paper(style.width_dots, style.margin_dots, receipt.direction);
    paper.space(style.margin_dots);
    if (auto failed = lay_out_top(paper, receipt, *type, style))
        return std::move(*failed);
    lay_out_courses(paper, receipt, *type);
    ReceiptImage out;
    lay_out_qr_and_contact(paper, receipt, *type, *code, module_dots, out);
    paper.space(style.margin_dots);
    out.image = std::move(paper).finish();
    return out;
}

}  // namespace kiosk
