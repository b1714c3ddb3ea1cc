#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/content/text_direction.hpp"
#include "kiosk/core/takeaway/text_raster.hpp"
#include "kiosk/ui/pictograms.hpp"

namespace kiosk::ui {
namespace {

ImDrawList& draw() {
    return *ImGui::GetWindowDrawList();
}

// The part of `area` the current window shows, for the record; none when
// scrolled out of sight.
bool visible_part(Area area, Area& out) {
    const ImVec2 lo = draw().GetClipRectMin();
    const ImVec2 hi = draw().GetClipRectMax();
    out.min = {std::max(area.min.x, lo.x), std::max(area.min.y, lo.y)};
    out.max = {std::min(area.max.x, hi.x), std::min(area.max.y, hi.y)};
    return out.max.x - out.min.x > 4 && out.max.y - out.min.y > 4;
}

std::vector<std::string_view> wrap_lines(std::string_view text, ImFont* font, float size,
                                         float width) {
    std::vector<std::string_view> lines;
    const float scale = size / font->FontSize;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    while (p < end) {
        const char* nl = std::find(p, end, '\n');
        const char* cut = font->CalcWordWrapPositionA(scale, p, nl, width);
        if (cut == p)
            cut = p + 1;  // a word wider than the line: keep going
        lines.emplace_back(p, static_cast<std::size_t>(cut - p));
        p = cut;
        while (p < end && *p == ' ')
            ++p;
        if (p < end && *p == '\n' && p == nl)
            ++p;
    }
    return lines;
}

// The lines of `text` in the order they are drawn. Only text with a
// right-to-left letter in it is shaped (in `direction`, its paragraph's);
// the rest, Polish, Ukrainian or a Dutch fallback on an Arabic screen, wraps
// as it is, at no extra cost.
struct DrawnLines {
    std::vector<std::string> shaped;
    std::vector<std::string_view> lines;
};
DrawnLines drawn_lines(std::string_view text, ImFont* font, float size, float width,
                       TextDirection direction) {
    DrawnLines out;
    if (!has_right_to_left(text)) {
        out.lines = wrap_lines(text, font, size, width);
        return out;
    }
    out.shaped = bidi_lines(text, direction, width, [&](std::string_view s) {
        return font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
    });
    out.lines.assign(out.shaped.begin(), out.shaped.end());
    return out;
}

// In a scripted run, every code point drawn must have its glyph in the
// atlas; the record keeps the first that does not, with the text it was in.
void check_glyphs(ScreenContext& ctx, ImFont* font, std::string_view drawn, std::string_view text) {
    if (!ctx.record.checks_glyphs())
        return;
    for (char32_t cp : utf8_code_points(drawn)) {
        if (cp < 0x20)
            continue;
        if (cp > 0xffff || !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) {
            ctx.record.add_missing_glyph(cp, text);
            return;
        }
    }
}

void draw_line(ScreenContext& ctx, ImFont* font, float size, ImVec2 pos, ImU32 colour,
               std::string_view line, std::string_view text) {
    draw().AddText(font, size, {std::floor(pos.x), std::floor(pos.y)}, colour, line.data(),
                   line.data() + line.size());
    check_glyphs(ctx, font, line, text);
}

}  // namespace

std::string visual_line(std::string_view text, TextDirection direction) {
    return has_right_to_left(text) ? bidi_line(text, direction) : std::string(text);
}

void card(Area area, ImU32 fill, ImU32 border, float em, float border_em) {
    draw().AddRectFilled(area.min, area.max, fill, metric::rounding * em);
    if (border_em > 0)
        draw().AddRect(area.min, area.max, border, metric::rounding * em, 0, border_em * em);
}

float text_height(std::string_view text, ImFont* font, float size, float width,
                  TextDirection direction) {
    return static_cast<float>(drawn_lines(text, font, size, width, direction).lines.size()) * size *
           1.18f;
}

float text_block(ScreenContext& ctx, ImVec2 pos, float width, std::string_view text, ImFont* font,
                 float size, ImU32 colour, Align align, std::optional<TextDirection> direction) {
    const float line_height = size * 1.18f;
    const TextDirection dir = direction.value_or(ctx.direction);
    // Right to left, a line starts at the right edge.
    const bool from_right = dir == TextDirection::right_to_left && align == Align::start;
    float y = pos.y;
    for (auto line : drawn_lines(text, font, size, width, dir).lines) {
        float x = pos.x;
        if (align == Align::centre || from_right) {
            const float w =
                font->CalcTextSizeA(size, FLT_MAX, 0, line.data(), line.data() + line.size()).x;
            x += std::floor(from_right ? width - w : (width - w) / 2);
        }
        draw_line(ctx, font, size, {x, y}, colour, line, text);
        y += line_height;
    }
    if (!text.empty())
        ctx.record.add_text(std::string(text));
    return y - pos.y;
}

float button_width(const ScreenContext& ctx, std::string_view label, bool with_icon,
                   const Face* face) {
    const Face& body = face ? *face : ctx.fonts.body;
    // Measured as drawn; only a right-to-left label is shaped (and copied) first.
    const std::string shaped =
        has_right_to_left(label) ? bidi_line(label, ctx.direction) : std::string();
    const std::string_view drawn = shaped.empty() ? label : shaped;
    const float text =
        body.bold->CalcTextSizeA(body.size, FLT_MAX, 0, drawn.data(), drawn.data() + drawn.size())
            .x;
    // Padding on both sides, and the icon column as button() lays it out.
    return std::ceil(text + 1.6f * ctx.em +
                     (with_icon ? ctx.fonts.heading.size * 1.15f + 0.6f * ctx.em : 0) +
                     0.4f * ctx.em);
}

namespace {

struct ButtonInk {
    ImU32 fill, border, ink;
    float border_em;
};

// A button's colours for its look; a held button darkens (no hover look at
// all: on touch it would stick after the tap).
ButtonInk button_ink(const Palette& c, ButtonLook look, bool held) {
    ButtonInk b{c.surface, c.border, c.text, 0.08f};
    switch (look) {
        case ButtonLook::primary:
            b.fill = c.primary;
            b.border = c.primary;
            b.ink = c.on_primary;
            break;
        case ButtonLook::secondary:
            break;
        case ButtonLook::chosen:
            b.border = c.accent;
            b.border_em = 0.22f;
            break;
        case ButtonLook::quiet:
            b.fill = c.background;
            b.border = c.text;
            b.border_em = 0.06f;
            break;
    }
    if (held)
        b.fill = look == ButtonLook::primary ? c.text : c.pressed;
    if (held && look == ButtonLook::primary)
        b.ink = c.background;
    return b;
}

// Draws the button's icon at its start edge `edge` (the left, or the right
// on a mirrored screen; centred when it stands alone) and returns where its
// words begin or, mirrored, end.
float button_icon(ScreenContext& ctx, Area area, const ButtonSpec& spec, ImU32 ink, float edge) {
    const Face& big = ctx.fonts.heading;
    const ImVec2 size = big.regular->CalcTextSizeA(big.size, FLT_MAX, 0, spec.icon.data(),
                                                   spec.icon.data() + spec.icon.size());
    const bool mirrored = ctx.mirrored();
    const float x = spec.centred && spec.label.empty() ? area.min.x + (area.width() - size.x) / 2
                    : mirrored                         ? edge - size.x
                                                       : edge;
    draw().AddText(big.regular, big.size,
                   {std::floor(x), std::floor(area.min.y + (area.height() - big.size) / 2)}, ink,
                   spec.icon.data(), spec.icon.data() + spec.icon.size());
    const float column = std::max(size.x, big.size * 1.15f) + 0.6f * ctx.em;
    return mirrored ? edge - column : edge + column;
}

// The part of the button on screen becomes a target scripts can tap by name.
void record_button(ScreenContext& ctx, Area area, std::string_view label) {
    Area seen;
    if (visible_part(area, seen))
        ctx.record.add_target({std::string(label), seen.min.x, seen.min.y, seen.max.x, seen.max.y});
}

// The keypad's focus on this button: counted as a target in focus order
// (unless an overlay covers it), and whether the focus is on it.
bool keypad_focus(ScreenContext& ctx, std::string_view id) {
    KeypadFocus& focus = ctx.memory.focus;
    if (focus.blocked)
        return false;
    (focus.in_top_bar ? focus.top_bar : focus.screen).emplace_back(id);
    return focus.active && focus.id == id;
}

// The focus is on the item just drawn (after its InvisibleButton): scrolls it
// into sight when the focus just moved there, records what it says, and is
// true when the keypad's select pressed it.
bool take_focus(ScreenContext& ctx, Area area, std::string_view label, std::string_view language) {
    KeypadFocus& focus = ctx.memory.focus;
    Area seen;
    // Moved onto a target a list has scrolled out of sight: into the middle.
    if (focus.moved && (!visible_part(area, seen) || seen.height() < area.height() - 1))
        ImGui::SetScrollHereY(0.5f);
    ctx.record.set_focused(std::string(label),
                           language.empty() ? ctx.lang() : std::string(language));
    const bool pressed = focus.select;
    focus.select = false;
    return pressed;
}

// A ring around the focused button, in two colours (the text colour outside,
// the accent inside) so that it stands out on any button and background, and
// thick: seen from a step away by a visitor with low vision.
void focus_ring(ScreenContext& ctx, Area area) {
    const float em = ctx.em;
    const float out = 0.22f * em;
    const ImVec2 lo{area.min.x - out, area.min.y - out};
    const ImVec2 hi{area.max.x + out, area.max.y + out};
    draw().AddRect(lo, hi, ctx.colours.text, metric::rounding * em + out, 0, 0.2f * em);
    draw().AddRect({lo.x + 0.17f * em, lo.y + 0.17f * em}, {hi.x - 0.17f * em, hi.y - 0.17f * em},
                   ctx.colours.accent, metric::rounding * em, 0, 0.14f * em);
}

}  // namespace

bool button(ScreenContext& ctx, Area area, const ButtonSpec& spec) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    ImGui::SetCursorScreenPos(area.min);
    bool tapped =
        ImGui::InvisibleButton(std::string(spec.id).c_str(), {area.width(), area.height()});
    const bool focused = keypad_focus(ctx, spec.id);
    if (focused && take_focus(ctx, area, spec.label, spec.language))
        tapped = true;
    const bool held = shows_pressed();
    const ButtonInk look = button_ink(c, spec.look, held);
    const ImU32 ink = look.ink;
    card(area, look.fill, look.border, em, look.border_em);
    if (focused)
        focus_ring(ctx, area);

    const Face& face = spec.face ? *spec.face : ctx.fonts.body;
    const float pad = 0.8f * em;
    float left = area.min.x + pad;
    float right = area.max.x - pad;
    if (!spec.icon.empty()) {
        const ImU32 icon_ink = spec.look == ButtonLook::primary || held ? ink : c.primary;
        if (ctx.mirrored())
            right = button_icon(ctx, area, spec, icon_ink, right);
        else
            left = button_icon(ctx, area, spec, icon_ink, left);
    }
    const float width = std::max(em, right - left);
    if (spec.icon_only) {
        record_button(ctx, area, spec.label);
        return tapped;
    }
    const TextDirection direction = spec.direction.value_or(ctx.direction);
    const float label_h = text_height(spec.label, face.bold, face.size, width, direction);
    const Face& small = ctx.fonts.small;
    const float second_h =
        spec.second.empty()
            ? 0
            : text_height(spec.second, small.regular, small.size, width) + 0.15f * em;
    float y = area.min.y + std::max(0.0f, (area.height() - label_h - second_h) / 2);
    const Align align = spec.centred ? Align::centre : Align::start;
    y += text_block(ctx, {left, y}, width, spec.label, face.bold, face.size, ink, align, direction);
    if (!spec.second.empty()) {
        // Dutch beside: left to right and from the left, also under Arabic.
        text_block(ctx, {left, y + 0.15f * em}, width, spec.second, small.regular, small.size,
                   spec.look == ButtonLook::primary ? ink : c.muted, align,
                   TextDirection::left_to_right);
    }
    if (spec.look == ButtonLook::chosen) {
        const Face& big = ctx.fonts.heading;
        const float tick = ctx.mirrored() ? area.min.x + pad : area.max.x - pad - big.size;
        draw().AddText(big.regular, big.size, {tick, area.min.y + (area.height() - big.size) / 2},
                       c.primary, icon::check);
    }
    record_button(ctx, area, spec.label);
    return tapped;
}

bool keypad_target(ScreenContext& ctx, Area area, std::string_view id, std::string_view label) {
    if (!keypad_focus(ctx, id))
        return false;
    focus_ring(ctx, area);
    return take_focus(ctx, area, label, {});
}

bool qr_code(ScreenContext& ctx, std::string_view payload, ImVec2 pos, float side) {
    auto& codes = ctx.memory.qr_codes;
    auto found = codes.find(payload);
    if (found == codes.end()) {
        auto encoded = encode_qr(payload);
        if (!encoded)
            return false;
        found = codes.emplace(std::string(payload), std::move(*encoded)).first;
    }
    const QrCode* code = &found->second;
    const int modules = code->size + 8;  // 4 modules of quiet zone on each side
    const float px = std::floor(side / static_cast<float>(modules));
    if (px < 1)
        return false;
    const ImVec2 origin{std::floor(pos.x + (side - px * static_cast<float>(modules)) / 2),
                        std::floor(pos.y + (side - px * static_cast<float>(modules)) / 2)};
    draw().AddRectFilled(pos, {pos.x + side, pos.y + side}, IM_COL32(255, 255, 255, 255),
                         0.2f * ctx.em);
    const ImU32 dark = IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < code->size; ++y) {
        for (int x = 0; x < code->size;) {
            if (!code->dark(x, y)) {
                ++x;
                continue;
            }
            int run = x;
            while (run < code->size && code->dark(run, y))
                ++run;
            const float x0 = origin.x + static_cast<float>(x + 4) * px;
            const float y0 = origin.y + static_cast<float>(y + 4) * px;
            draw().AddRectFilled({x0, y0}, {x0 + static_cast<float>(run - x) * px, y0 + px}, dark);
            x = run;
        }
    }
    return true;
}

namespace {

struct Toggle {
    const char* id;
    std::string label;
    std::string glyph;
    bool on;
    std::optional<FlowIntent> intent;  // none: the language menu opens instead
};

// Right to left: contrast, larger text, Dutch beside, language.
std::vector<Toggle> top_bar_toggles(ScreenContext& ctx, bool with_language) {
    std::vector<Toggle> toggles;
    toggles.push_back({"contrast", ctx.text("contrast"), icon::contrast, ctx.flow.high_contrast(),
                       flow::ToggleContrast{}});
    toggles.push_back({"larger", ctx.text("larger_text"), icon::text_size, ctx.flow.large_text(),
                       flow::ToggleLargeText{}});
    if (with_language && ctx.lang() != "nl")
        toggles.push_back({"dutch", ctx.text("dutch_beside"), icon::language,
                           ctx.flow.dutch_beside(), flow::ToggleDutchBeside{}});
    const bool menu = with_language && ctx.flow.settings().languages.size() > 1;
    if (menu) {
        const auto it = ctx.pack.info.language_names.find(ctx.lang());
        toggles.push_back({"language",
                           it != ctx.pack.info.language_names.end() ? it->second : ctx.lang(),
                           pictogram_glyph("globe"), ctx.memory.language_menu, std::nullopt});
    }
    return toggles;
}

// The logo at the left of the bar; returns where the kiosk's name begins.
float top_bar_logo(ScreenContext& ctx, Area area, float x) {
    if (!ctx.logo.texture || ctx.logo.height <= 0)
        return x;
    const float h = area.height() * 0.64f;
    const float w = h * ctx.logo.width / ctx.logo.height;
    const float y = area.min.y + (area.height() - h) / 2;
    const float at = ctx.place_x(x, w, area.min.x, area.max.x);
    draw().AddImage(ctx.logo.texture, {at, y}, {at + w, y + h});
    return x + w + 0.6f * ctx.em;
}

// The toggles from the right edge, each `h` high; on a narrow screen they
// keep only their icons, and stay just as large.
void top_bar_buttons(ScreenContext& ctx, Area area, const std::vector<Toggle>& toggles,
                     const Face* label_face, bool icons_only) {
    const float em = ctx.em;
    const float h = std::min(area.height() - 0.7f * em, metric::touch_min * em);
    const float y = area.min.y + (area.height() - h) / 2;
    float x = area.max.x - metric::margin * em;
    for (const auto& t : toggles) {
        const float w = icons_only ? h : button_width(ctx, t.label, true, label_face);
        x -= w;
        if (button(ctx, ctx.place({{x, y}, {x + w, y + h}}, area),
                   {.id = t.id,
                    .label = t.label,
                    .icon = t.glyph,
                    .look = t.on ? ButtonLook::primary : ButtonLook::quiet,
                    .face = label_face,
                    .icon_only = icons_only})) {
            if (t.intent)
                ctx.emit(*t.intent);
            else
                ctx.memory.language_menu = !ctx.memory.language_menu;
        }
        x -= 0.5f * em;
    }
}

}  // namespace

void top_bar(ScreenContext& ctx, Area area, bool with_language) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    draw().AddRectFilled(area.min, area.max, c.surface);
    draw().AddLine({area.min.x, area.max.y}, area.max, c.border, 0.06f * em);
    const float pad = metric::margin * em;
    const float name_x = top_bar_logo(ctx, area, area.min.x + pad);
    const Face& body = ctx.fonts.body;
    const std::string name = kiosk_name(ctx.config, ctx.pack, ctx.lang());
    const std::vector<Toggle> toggles = top_bar_toggles(ctx, with_language);

    // What fits, in this order: everything; the toggles' words smaller; the
    // logo without the name beside it; icons alone. Words stay as long as
    // they can: a visitor who asked for larger text must still read them.
    const std::string shown_name = visual_line(name, ctx.direction);
    const float name_w = body.bold->CalcTextSizeA(body.size, FLT_MAX, 0, shown_name.c_str()).x;
    auto needed = [&](const Face* face) {
        float w = 0;
        for (const auto& t : toggles)
            w += button_width(ctx, t.label, true, face) + 0.5f * em;
        return w;
    };
    const float room = area.max.x - pad - name_x - em;
    const Face* label_face = needed(nullptr) + name_w <= room ? nullptr : &ctx.fonts.small;
    const bool show_name = !label_face || needed(label_face) + name_w <= room || !ctx.logo.texture;
    const bool icons_only = needed(label_face) + (show_name ? name_w : 0) > room;
    if (show_name) {
        draw_line(ctx, body.bold, body.size,
                  {ctx.place_x(name_x, name_w, area.min.x, area.max.x),
                   area.min.y + (area.height() - body.size) / 2},
                  c.text, shown_name, name);
    }
    ctx.record.add_text(name);
    ctx.memory.focus.in_top_bar = true;
    top_bar_buttons(ctx, area, toggles, label_face, icons_only);
    ctx.memory.focus.in_top_bar = false;
}

void language_menu(ScreenContext& ctx, Area screen) {
    if (!ctx.memory.language_menu)
        return;
    const float em = ctx.em;
    // A tap outside the panel closes it; the shade takes that tap.
    ImGui::SetCursorScreenPos(screen.min);
    if (ImGui::InvisibleButton("language-shade", {screen.width(), screen.height()}))
        ctx.memory.language_menu = false;
    ImGui::SetItemAllowOverlap();  // the panel's buttons lie on top of the shade
    draw().AddRectFilled(screen.min, screen.max, ctx.colours.shade);
    const auto& languages = ctx.flow.settings().languages;
    const float button_h = metric::touch_min * em;
    const float w = std::min(screen.width() - 4 * em, 22 * em);
    const float h =
        static_cast<float>(languages.size()) * (button_h + metric::gap * em) + 5.2f * em;
    const Area panel{
        {screen.min.x + (screen.width() - w) / 2, screen.min.y + (screen.height() - h) / 2},
        {screen.min.x + (screen.width() + w) / 2, screen.min.y + (screen.height() + h) / 2}};
    card(panel, ctx.colours.surface, ctx.colours.border, em);
    const Face& heading = ctx.fonts.heading;
    float y = panel.min.y + 1.2f * em;
    y += text_block(ctx, {panel.min.x + em, y}, w - 2 * em, ctx.text("language_title"),
                    heading.bold, heading.size, ctx.colours.text, Align::centre);
    y += 0.8f * em;
    for (const auto& code : languages) {
        const auto& name = ctx.pack.info.language_names.at(code);
        const Area a{{panel.min.x + em, y}, {panel.max.x - em, y + button_h}};
        const std::string id = "menu-" + code;
        if (button(ctx, a,
                   {.id = id,
                    .label = name,
                    .look = code == ctx.lang() ? ButtonLook::chosen : ButtonLook::secondary,
                    .centred = true,
                    .direction = text_direction(ctx.pack, code),
                    .language = code})) {
            ctx.emit(flow::ChangeLanguage{code});
            ctx.memory.language_menu = false;
        }
        y += button_h + metric::gap * em;
    }
}

}  // namespace kiosk::ui
