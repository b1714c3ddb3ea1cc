// The bottom bar every screen after the attract screen shares.

#include <algorithm>
#include <string_view>

#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

Area bottom_bar(const ScreenContext& ctx, Area area) {
    return {{area.min.x, area.max.y - metric::bar_height * ctx.em}, area.max};
}

Area above_bottom_bar(const ScreenContext& ctx, Area area) {
    return {area.min, {area.max.x, area.max.y - metric::bar_height * ctx.em}};
}

namespace {

Area bar_slot(const ScreenContext& ctx, Area bar, float width, bool right) {
    const float h = metric::touch_min * ctx.em;
    const float y = bar.min.y + (bar.height() - h) / 2;
    const float margin = metric::margin * ctx.em;
    // Mirrored on a right-to-left screen: back is on the right, forward on the left.
    const float x = right != ctx.mirrored() ? bar.max.x - margin - width : bar.min.x + margin;
    return {{x, y}, {x + width, y + h}};
}

}  // namespace

bool back_button(ScreenContext& ctx, Area bar) {
    const std::string label = ctx.text("back");
    return button(ctx, bar_slot(ctx, bar, button_width(ctx, label), false),
                  {.id = "back",
                   .label = label,
                   .icon = ctx.mirrored() ? icon::next : icon::back,
                   .look = ButtonLook::quiet});
}

bool forward_button(ScreenContext& ctx, Area bar, const char* id, const std::string& label,
                    const char* glyph, bool primary) {
    return button(
        ctx, bar_slot(ctx, bar, button_width(ctx, label), true),
        {.id = id,
         .label = label,
         .icon = ctx.mirrored() && std::string_view(glyph) == icon::skip ? icon::skip_rtl : glyph,
         .look = primary ? ButtonLook::primary : ButtonLook::quiet});
}

void speaker_button(ScreenContext& ctx, Area bar) {
    const bool speaking = ctx.speech.speaking;
    const std::string label = ctx.text(speaking ? "stop_reading" : "read_aloud");
    // As wide in both states, so nothing moves when it starts or stops; in
    // the middle with its words where they fit between the widest back and
    // forward buttons, else its icon alone just after "back", clear of a wide
    // forward button on a narrow (portrait) screen.
    const float em = ctx.em;
    const float wide = std::max(button_width(ctx, ctx.text("read_aloud")),
                                button_width(ctx, ctx.text("stop_reading")));
    const float back = button_width(ctx, ctx.text("back"));
    float sides = back;
    for (const char* key : {"skip", "next", "take_away", "done"})
        sides = std::max(sides, button_width(ctx, ctx.text(key)));
    const float room = bar.width() - 2 * (metric::margin * em + sides + metric::gap * em);
    const float h = metric::touch_min * em;
    const bool icon_only = wide > room;
    const float w = icon_only ? h : wide;
    // Beside "back" on its side: mirrored on a right-to-left screen.
    const float x =
        icon_only ? ctx.place_x(bar.min.x + metric::margin * em + back + 1.5f * metric::gap * em, w,
                                bar.min.x, bar.max.x)
                  : bar.min.x + (bar.width() - w) / 2;
    const float y = bar.min.y + (bar.height() - h) / 2;
    if (button(ctx, {{x, y}, {x + w, y + h}},
               {.id = "read-aloud",
                .label = label,
                .icon = speaking ? icon::stop : icon::speaker,
                .look = speaking ? ButtonLook::primary : ButtonLook::quiet,
                .icon_only = icon_only}))
        ctx.emit(speaking ? FlowIntent{flow::StopReading{}} : FlowIntent{flow::ReadAloud{}});
}

}  // namespace kiosk::ui
