// The end of a visit: thanks, and the plain statement that the answers are
// gone. It returns to the attract screen by itself.

#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void thanks_screen(ScreenContext& ctx, Area area) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const float width = std::min(area.width() - 4 * em, 40 * em);
    const float x = area.min.x + (area.width() - width) / 2;
    float y = area.min.y + area.height() * 0.18f;
    const Face& huge = ctx.fonts.huge;
    y += text_block(ctx, {x, y}, width, icon::smile, huge.regular, huge.size, c.primary,
                    Align::centre);
    y += 0.6f * em;
    y += text_block(ctx, {x, y}, width, ctx.text("thanks_title"), ctx.fonts.title.bold,
                    ctx.fonts.title.size, c.text, Align::centre);
    y += 0.4f * em;
    y += text_block(ctx, {x, y}, width, ctx.text("thanks_hint"), ctx.fonts.body.regular,
                    ctx.fonts.body.size, c.muted, Align::centre);
    y += 2.0f * em;
    const float bw = std::min(width, 18 * em);
    if (button(ctx, {{x + (width - bw) / 2, y}, {x + (width + bw) / 2, y + metric::touch_min * em}},
               {.id = "new-visit",
                .label = ctx.text("new_visit"),
                .icon = icon::home,
                .look = ButtonLook::quiet,
                .centred = true}))
        ctx.emit(flow::NewVisit{});
}

}  // namespace kiosk::ui
