// Nobody here yet: the kiosk's invitation, in every language it offers in
// turn, one big Start, and Start in every other language beneath it. The whole screen starts a
// visit. The only movement is a step every few seconds (the headline's language, the ring round
// Start), never a smooth animation, so a kiosk that nobody touches draws one frame in six seconds
// and costs almost nothing.

#include <algorithm>
#include <chrono>
#include <cmath>

#include "kiosk/core/content/text_direction.hpp"
#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// "Start" in every other language, each in its own script and direction,
// on one row beneath the button (or two, when they do not fit on one).
void other_starts(ScreenContext& ctx, Area area, float y) {
    const float em = ctx.em;
    struct Word {
        std::string text;
        TextDirection direction;
        float width;
    };
    const Face& face = ctx.fonts.body;
    std::vector<Word> words;
    for (const auto& code : ctx.flow.settings().languages) {
        if (code == ctx.lang())
            continue;
        const TextDirection direction = text_direction(ctx.pack, code);
        std::string text = pack_text(ctx.pack, "screen.start", code);
        const std::string drawn = visual_line(text, direction);
        words.push_back(
            {std::move(text), direction,
             std::ceil(face.bold->CalcTextSizeA(face.size, FLT_MAX, 0, drawn.c_str()).x)});
    }
    const float gap = 2.2f * em;
    const float room = area.width() - 4 * em;
    std::size_t first = 0;
    while (first < words.size()) {
        std::size_t end = first;
        float row = 0;
        while (end < words.size() && (end == first || row + gap + words[end].width <= room)) {
            row += (end == first ? 0 : gap) + words[end].width;
            ++end;
        }
        float x = area.min.x + (area.width() - row) / 2;
        for (std::size_t i = first; i < end; ++i) {
            if (i > first) {
                // A dot between two words, in the middle of the gap.
                ImGui::GetWindowDrawList()->AddCircleFilled({x - gap / 2, y + face.size * 0.55f},
                                                            0.12f * em, ctx.colours.muted);
            }
            text_block(ctx, {x, y}, words[i].width + 1, words[i].text, face.bold, face.size,
                       ctx.colours.primary, Align::centre, words[i].direction);
            x += words[i].width + gap;
        }
        y += face.size * 1.5f;
        first = end;
    }
}

}  // namespace

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
    const TextDirection direction = text_direction(ctx.pack, lang);
    const std::string headline = pack_text(ctx.pack, "screen.attract_title", lang);
    y += text_block(ctx, {x, y}, width, headline, title.bold, title.size, c.text, Align::centre,
                    direction);
    y += 0.6f * em;
    const Face& body = ctx.fonts.body;
    text_block(ctx, {x, y}, width, pack_text(ctx.pack, "screen.attract_hint", lang), body.regular,
               body.size, c.muted, Align::centre, direction);

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
                .look = ButtonLook::primary,
                .centred = true,
                .face = &ctx.fonts.heading}))
        ctx.emit(flow::Start{});
    other_starts(ctx, area, start.max.y + 1.9f * em);
}

}  // namespace kiosk::ui
