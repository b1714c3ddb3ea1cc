#pragma once
// The touch widgets every screen is made of: big buttons with a pictogram
// beside the words, wrapped text blocks, the QR code and the two bars. Each
// records what it shows in the FrameRecord, so a script can find it by label.
// No hover look anywhere: on a touch screen hover is a stuck highlight.

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/takeaway/qr.hpp"
#include "kiosk/ui/screen_context.hpp"

namespace kiosk::ui {

enum class ButtonLook {
    primary,    // filled with the primary colour: the way forward
    secondary,  // a white card with a border: options, other choices
    chosen,     // an option the visitor chose before: accent border and a tick
    quiet,      // outlined on the background: back, skip, toggles
};

struct ButtonSpec {
    std::string_view id = {};      // unique on the screen
    std::string_view label = {};   // the words (recorded as the target's label)
    std::string_view icon = {};    // a glyph from pictograms.hpp, may be empty
    std::string_view second = {};  // a smaller line under the label (Dutch beside), may be empty
    ButtonLook look = ButtonLook::secondary;
    bool centred = false;        // centre the words; otherwise icon and words from the left
    const Face* face = nullptr;  // default: body bold
    bool icon_only =
        false;  // a narrow screen: the icon shows, the label is still the target's name
    // The label's direction when it is not the visitor's language (a language's
    // own name); `second` is Dutch, always left to right.
    std::optional<TextDirection> direction = {};
    // The label's language when it is not the visitor's (a language's own
    // name), so speech reads it with the right voice; empty: the visitor's.
    std::string_view language = {};
};

// A button filling `area`. True on the frame it is tapped.
bool button(ScreenContext& ctx, Area area, const ButtonSpec& spec);
// A target a screen draws itself (a course card), reachable by the keypad:
// call after its InvisibleButton and its background. Counts it in focus
// order, rings it when focused (`label` is what speech says of it), and is
// true when the keypad's select pressed it.
bool keypad_target(ScreenContext& ctx, Area area, std::string_view id, std::string_view label);

// The width a one-line button needs for `label` (in body bold) and an icon.
// `face` defaults to body bold, as button() draws labels.
float button_width(const ScreenContext& ctx, std::string_view label, bool with_icon = true,
                   const Face* face = nullptr);

// `start` is the left edge for a left-to-right text and the right edge for a
// right-to-left one.
enum class Align { start, centre };

// Words wrapped to `width`, drawn at `pos`; returns the height used.
// `direction` is the text's paragraph direction, by default the visitor's
// language's; right to left aligns `start` to the right. Text with Arabic (or
// Hebrew) letters is shaped and put in visual order line by line; any other
// text is drawn as it is, with no shaping at all.
float text_block(ScreenContext& ctx, ImVec2 pos, float width, std::string_view text, ImFont* font,
                 float size, ImU32 colour, Align align = Align::start,
                 std::optional<TextDirection> direction = std::nullopt);
// The height text_block would use, without drawing.
float text_height(std::string_view text, ImFont* font, float size, float width,
                  TextDirection direction = TextDirection::left_to_right);
// One line as it is drawn: shaped and in visual order when it holds
// right-to-left letters, otherwise the text itself.
std::string visual_line(std::string_view text, TextDirection direction);

// A QR code of `payload` in a white square of side `side` (quiet zone
// included), modules of whole pixels so phone cameras see sharp edges.
// Returns false (and draws nothing) when the payload cannot be encoded.
bool qr_code(ScreenContext& ctx, std::string_view payload, ImVec2 pos, float side);

// The top bar: the kiosk's name (or logo), and on the right language,
// larger text and contrast, reachable on every screen.
void top_bar(ScreenContext& ctx, Area area, bool with_language);

// The language menu over the screen, when the visitor opened it.
void language_menu(ScreenContext& ctx, Area screen);

// Filled rounded rectangle helpers in em.
void card(Area area, ImU32 fill, ImU32 border, float em, float border_em = 0.08f);

}  // namespace kiosk::ui
