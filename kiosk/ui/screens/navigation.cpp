// The bottom bar every screen after the attract screen shares.

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

}  // namespace kiosk::ui
