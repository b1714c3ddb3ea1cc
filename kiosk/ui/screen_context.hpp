#pragma once
// What a screen draws with: the flow it shows (read-only), the pack's words
// in the visitor's language, colours, fonts and the em, and where it puts the
// visitor's intents. Screens are free functions of this context.

#include <imgui.h>

#include <map>
#include <string>
#include <vector>

#include "kiosk/core/base/bidi_text.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/takeaway/qr.hpp"
#include "kiosk/core/visit/visit_flow.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/frame_record.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/touch.hpp"

namespace kiosk::ui {

// A rectangle of the screen, in pixels.
struct Area {
    ImVec2 min;
    ImVec2 max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

// The keypad's focus: which target the ring is on, and what the keys asked
// since the last frame. Targets are known by their ids, in the order the
// last frame drew them (the screen's first, the top bar's last).
struct KeypadFocus {
    bool active = false;  // a keypad key was pressed in this visit: the ring shows
    std::string id;       // the focused target
    int move = 0;         // steps asked since the last frame: up -1, down +1
    bool select = false;  // select asked since the last frame
    bool moved = false;   // the focus moved this frame: scroll it into sight
    bool first = false;   // a new place: the next frame puts the focus on its first target
    std::string place;    // the screen (and question, course, overlay) the focus is on
    std::vector<std::string> order;    // the last frame's targets, in focus order
    std::vector<std::string> screen;   // this frame's, being drawn: the screen's
    std::vector<std::string> top_bar;  // and the top bar's
    bool in_top_bar = false;           // the top bar is drawing
    bool blocked = false;  // an overlay lies over the screen: its targets are not reachable
};

// Where this frame's scrolling list drew: its own draw list, the rectangle
// it shows its content in and how far that is scrolled. The renderer moves
// the list's pixels when a scroll is all that changed.
struct ListInView {
    const ImDrawList* draw_list = nullptr;
    ImVec2 clip_min, clip_max;
    float scroll = 0;
    int lists = 0;  // drawn this frame; with two, neither is moved
};

// The UI's own per-visit state (scroll positions, open menus): wiped with the
// visit, when the flow's generation changes.
struct ScreenMemory {
    TouchScroll options;
    TouchScroll results;
    TouchScroll course;
    bool language_menu = false;
    int last_question = -2;  // a new question scrolls back to the top
    Screen last_screen = Screen::attract;
    std::map<std::string, QrCode, std::less<>> qr_codes;  // encoded once per payload, not per frame
    bool corner_held = false;   // the adviser's corner is pressed this frame
    bool corner_fired = false;  // and has opened the keypad during this press
    KeypadFocus focus;
    ListInView list_in_view;  // this frame's, set by scroll_list
};

struct Logo {
    ImTextureID texture = nullptr;
    float width = 0, height = 0;  // pixels of the image
};

// Read-aloud as the speaker button shows it: whether the kiosk can speak at
// all (a sound device, speech on), and whether it is speaking now.
struct SpeechButton {
    bool available = false;
    bool speaking = false;
};

struct ScreenContext {
    const VisitFlow& flow;
    const ContentPack& pack;
    const KioskConfig& config;
    const Palette& colours;
    const FontScale& fonts;
    float em = 32;  // the body font's size in pixels
    FrameRecord& record;
    std::vector<FlowIntent>& intents;
    ScreenMemory& memory;
    Clock::time_point now;
    float dt = 0;  // seconds since the last frame
    Logo logo;
    SpeechButton speech;
    // The visitor's language's: right to left mirrors the whole layout.
    TextDirection direction = TextDirection::left_to_right;

    const std::string& lang() const { return flow.language(); }
    bool mirrored() const { return direction == TextDirection::right_to_left; }
    // Where something `w` wide, `x` from the left of [lo, hi] on a
    // left-to-right screen, lies on this one: the same distance from the right
    // when the screen is mirrored.
    float place_x(float x, float w, float lo, float hi) const {
        return mirrored() ? lo + hi - x - w : x;
    }
    Area place(Area a, Area within) const {
        const float x = place_x(a.min.x, a.width(), within.min.x, within.max.x);
        return {{x, a.min.y}, {x + a.width(), a.max.y}};
    }
    bool dutch_too() const { return flow.dutch_beside() && flow.language() != "nl"; }
    // A kiosk text (texts.toml "screen.*") in the visitor's language.
    std::string text(const std::string& key,
                     const std::map<std::string, std::string>& values = {}) const {
        return pack_text(pack, "screen." + key, lang(), values);
    }
    std::string dutch(const std::string& key,
                      const std::map<std::string, std::string>& values = {}) const {
        return pack_text(pack, "screen." + key, "nl", values);
    }
    void emit(FlowIntent intent) { intents.push_back(std::move(intent)); }
};

}  // namespace kiosk::ui
