// The bottom bar every screen after the attract screen shares.

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

bool back_button(ScreenContext& ctx, Area bar) {
    const float em = ctx.em;
    const float h = metric::touch_min * em;
    const float y = bar.min.y + (bar.height() - h) / 2;
    const float x = bar.min.x + metric::margin * em;
    const std::string label = ctx.text("back");
    const float w =
        ctx.fonts.body.bold->CalcTextSizeA(ctx.fonts.body.size, FLT_MAX, 0, label.c_str()).x +
        4.2f * em;
    return button(ctx, {{x, y}, {x + w, y + h}},
                  {.id = "back", .label = label, .icon = icon::back, .look = ButtonLook::quiet});
}

}  // namespace kiosk::ui
