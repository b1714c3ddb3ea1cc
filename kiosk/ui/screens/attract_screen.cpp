// Nobody here yet: the kiosk's invitation, in every language it offers, and
// one big Start. The whole screen starts a visit. The only movement is a
// step every few seconds (the headline's language, the ring round Start),
// never a smooth animation, so a kiosk that nobody touches draws one frame
// in six seconds and costs almost nothing.

#include <algorithm>
#include <chrono>
#include <cmath>

#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void attract_screen(ScreenContext& ctx, Area area) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const auto& languages = ctx.flow.settings().languages;

    // Anywhere on the screen starts; the Start button lies on top.
    ImGui::SetCursorScreenPos(area.min);
    if (ImGui::InvisibleButton("attract-anywhere", {area.width(), area.height()}))
        ctx.emit(flow::Start{});
    ImGui::SetItemAllowOverlap();

    using namespace std::chrono;
    const double seconds = duration<double>(ctx.now.time_since_epoch()).count();
    // One step per attract tick of the main loop (FramePacing::attract_tick).
    const auto step = static_cast<std::size_t>(seconds / 6.0);
    const std::string& lang = languages[step % languages.size()];

    const Face& title = ctx.fonts.title;
    const float width = std::min(area.width() - 4 * em, 40 * em);
    const float x = area.min.x + (area.width() - width) / 2;
    float y = area.min.y + area.height() * 0.16f;
    const std::string headline = pack_text(ctx.pack, "screen.attract_title", lang);
    y += text_block(ctx, {x, y}, width, headline, title.bold, title.size, c.text, Align::centre);
    y += 0.6f * em;
    const Face& body = ctx.fonts.body;
    text_block(ctx, {x, y}, width, pack_text(ctx.pack, "screen.attract_hint", lang), body.regular,
               body.size, c.muted, Align::centre);

    // Start, in the default language, with the others beneath.
    std::string others;
    for (const auto& code : languages) {
        if (code == ctx.lang())
            continue;
        if (!others.empty())
            others += "  \xc2\xb7  ";
        others += pack_text(ctx.pack, "screen.start", code);
    }
    const float bw = std::min(area.width() - 4 * em, 18 * em);
    const float bh = 4.6f * em;
    const Area start{
        {area.min.x + (area.width() - bw) / 2, area.min.y + area.height() * 0.56f},
        {area.min.x + (area.width() + bw) / 2, area.min.y + area.height() * 0.56f + bh}};
    // A soft ring round Start that breathes in two steps.
    const float grow = (step % 2 == 0 ? 0.25f : 0.55f) * em;
    ImGui::GetWindowDrawList()->AddRect({start.min.x - grow, start.min.y - grow},
                                        {start.max.x + grow, start.max.y + grow},
                                        (c.accent & 0x00ffffff) | (140u << IM_COL32_A_SHIFT),
                                        (metric::rounding + 0.3f) * em, 0, 0.25f * em);
    if (button(ctx, start,
               {.id = "start",
                .label = ctx.text("start"),
                .icon = icon::hand,
                .second = others,
                .look = ButtonLook::primary,
                .centred = true,
                .face = &ctx.fonts.heading}))
        ctx.emit(flow::Start{});
}

}  // namespace kiosk::ui
