// "Are you still there?": a countdown before the visit is wiped, with one big
// button to go on. It warns first, so nobody loses their answers by surprise.

#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void still_there_overlay(ScreenContext& ctx, Area screen) {
    const auto countdown = ctx.flow.countdown();
    if (!countdown)
        return;
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    auto& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(screen.min, screen.max, c.shade);
    const long seconds = static_cast<long>((countdown->count() + 999) / 1000);

    const float w = std::min(screen.width() - 4 * em, 30 * em);
    const float h =
        std::min(screen.height() - 2 * em,
                 ctx.fonts.heading.size * 1.2f + ctx.fonts.huge.size * 1.2f +
                     ctx.fonts.body.size * 2.4f + metric::touch_min * em * 1.2f + 4.0f * em);
    const Area panel{
        {screen.min.x + (screen.width() - w) / 2, screen.min.y + (screen.height() - h) / 2},
        {screen.min.x + (screen.width() + w) / 2, screen.min.y + (screen.height() + h) / 2}};
    card(panel, c.surface, c.border, em);
    float y = panel.min.y + 1.2f * em;
    const float x = panel.min.x + 1.5f * em;
    const float tw = w - 3 * em;
    y += text_block(ctx, {x, y}, tw, ctx.text("still_there"), ctx.fonts.heading.bold,
                    ctx.fonts.heading.size, c.text, Align::centre);
    y += text_block(ctx, {x, y}, tw, std::to_string(seconds), ctx.fonts.huge.bold,
                    ctx.fonts.huge.size, c.primary, Align::centre);
    y += text_block(ctx, {x, y}, tw,
                    ctx.text("still_there_hint", {{"seconds", std::to_string(seconds)}}),
                    ctx.fonts.body.regular, ctx.fonts.body.size, c.text, Align::centre);
    const float bh = metric::touch_min * em * 1.2f;
    if (button(ctx, {{x, panel.max.y - 1.2f * em - bh}, {x + tw, panel.max.y - 1.2f * em}},
               {.id = "continue",
                .label = ctx.text("continue"),
                .icon = icon::hand,
                .look = ButtonLook::primary,
                .centred = true}))
        ctx.emit(flow::StillHere{});
}

}  // namespace kiosk::ui
