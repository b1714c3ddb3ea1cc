// The language, each named in its own script, so a visitor finds theirs
// without reading Dutch.

#include <cmath>

#include "kiosk/core/content/text_direction.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void language_screen(ScreenContext& ctx, Area area) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const Area body = above_bottom_bar(ctx, area);
    const auto& languages = ctx.flow.settings().languages;

    const float width = std::min(body.width() - 2 * metric::margin * em, 44 * em);
    const float x = body.min.x + (body.width() - width) / 2;
    float y = body.min.y + 1.6f * em;
    const Face& heading = ctx.fonts.heading;
    // The title in every offered language: whoever stands here can read one.
    for (const auto& code : languages) {
        const bool first = code == languages.front();
        const Face& face = first ? heading : ctx.fonts.body;
        y += text_block(ctx, {x, y}, width, pack_text(ctx.pack, "screen.language_title", code),
                        first ? face.bold : face.regular, face.size, first ? c.text : c.muted,
                        Align::centre, text_direction(ctx.pack, code));
    }
    y += 1.2f * em;

    const int columns = languages.size() > 4 && width > 30 * em ? 2 : 1;
    const float gap = metric::gap * em;
    const float bw = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float bh = 3.2f * em;
    for (std::size_t i = 0; i < languages.size(); ++i) {
        const auto& code = languages[i];
        const float bx = x + static_cast<float>(static_cast<int>(i) % columns) * (bw + gap);
        const float by = y + static_cast<float>(static_cast<int>(i) / columns) * (bh + gap);
        const std::string id = "lang-" + code;
        if (button(ctx, {{bx, by}, {bx + bw, by + bh}},
                   {.id = id,
                    .label = ctx.pack.info.language_names.at(code),
                    .look = ButtonLook::secondary,
                    .centred = true,
                    .face = &ctx.fonts.heading,
                    .direction = text_direction(ctx.pack, code),
                    .language = code}))
            ctx.emit(flow::PickLanguage{code});
    }
    if (back_button(ctx, bottom_bar(ctx, area)))
        ctx.emit(flow::Back{});
}

}  // namespace kiosk::ui
