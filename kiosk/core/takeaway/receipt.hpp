#pragma once
// The paper a visitor takes home: the chosen courses and the QR code of the
// list, laid out as a 1-bit image of the printer's width, so every printer and
// the PNG preview show the same thing and every script the screen shows prints.
//
// Privacy: a receipt is lost, left on the counter or read by others. It carries
// only what the caller puts in these structs, and they have no place for
// anything about the visitor (no answers, no name, no reasons for a match).

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/base/bidi_text.hpp"
#include "kiosk/core/base/image.hpp"
#include "kiosk/core/base/result.hpp"
#include "kiosk/core/takeaway/qr.hpp"

namespace kiosk {

// One chosen course, already in the visitor's language. Long texts wrap at
// spaces; a no-break space (U+00A0) keeps a phone number or "€ 45" together.
struct ReceiptCourse {
    std::string title;
    std::string title_nl;  // empty when the visitor's language is Dutch
    std::string provider;
    std::string place;
    std::string start;  // e.g. "start 12 januari 2027"
    std::string cost;   // e.g. "gratis"
};

// The fixed texts of the receipt, translated by the caller.
struct ReceiptText {
    std::string heading;          // above the course list, e.g. "Your courses"
    std::string scan_hint;        // under the QR code
    std::string dutch_label;      // before each Dutch title, e.g. "In Dutch:"
    std::string contact_heading;  // above the counter's contact text
};

struct Receipt {
    std::string kiosk_name;
    std::string date_time;  // formatted by the caller, in the visitor's language
    std::vector<ReceiptCourse> courses;
    std::string qr_payload;  // see results_payload()
    std::string contact;     // may hold its own line breaks ('\n')
    ReceiptText text;
    std::optional<GrayImage> logo;  // scaled down and dithered to fit
    // The visitor's language's. Right to left (Arabic): its lines are shaped,
    // in visual order and aligned to the right, the course numbers stand on
    // the right; the Dutch titles and the counter's contact stay left to right.
    TextDirection direction = TextDirection::left_to_right;
};

struct ReceiptStyle {
    int width_dots = 576;  // 80 mm paper; 384 for 58 mm (both at 8 dots per mm)
    std::string regular_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::string bold_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    int margin_dots = 16;  // white on the left and right, where print heads fade
};

// Dots per QR module on this receipt: the largest whole number up to 8 for
// which the code and its 4-module quiet zone fit between the margins; 0 if
// not even one dot does. Also the module size to ask a printer's native QR
// command for, so both ways of printing give the same code.
int receipt_qr_module_dots(const QrCode& code, const ReceiptStyle& style);

// The receipt as an image exactly `style.width_dots` wide and as tall as it
// needs, every pixel 0 (black) or 255 (white). Fails with a message when a font
// cannot be loaded, the QR payload cannot be encoded or cannot print with
// modules of at least 2 dots, or the style or logo is unusable.
Result<GrayImage> render_receipt(const Receipt& receipt, const ReceiptStyle& style);

// The same receipt with where its QR code sits (rows [qr_top, qr_bottom),
// quiet zone included), so a printer with its own QR command can draw the code
// itself in that place at the same module size.
struct ReceiptImage {
    GrayImage image;
    int qr_top = 0;
    int qr_bottom = 0;
    int qr_module_dots = 0;
};
Result<ReceiptImage> render_receipt_image(const Receipt& receipt, const ReceiptStyle& style);

}  // namespace kiosk
