// One question a screen: the question with its pictogram, how far along the
// visitor is, the options as big cards, and back and skip always there. A
// question that takes several answers ticks them and shows "next" instead of
// "skip" once one is ticked.

#include <algorithm>
#include <cmath>

#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/scroll_list.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

float progress_bar(ScreenContext& ctx, ImVec2 pos, float width) {
    const float em = ctx.em;
    const Progress p = ctx.flow.visit().progress();
    const Face& small = ctx.fonts.small;
    const float h = text_block(ctx, pos, width,
                               ctx.text("progress", {{"step", std::to_string(p.step)},
                                                     {"total", std::to_string(p.total)}}),
                               small.bold, small.size, ctx.colours.muted);
    const float y = pos.y + h + 0.25f * em;
    const float bar = 0.45f * em;
    auto& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled({pos.x, y}, {pos.x + width, y + bar}, ctx.colours.border, bar);
    const float done = p.total > 0 ? static_cast<float>(p.step) / static_cast<float>(p.total) : 0;
    // Progress grows in the reading direction: from the right in Arabic.
    const float from = ctx.place_x(pos.x, width * done, pos.x, pos.x + width);
    draw.AddRectFilled({from, y}, {from + width * done, y + bar}, ctx.colours.primary, bar);
    return h + 0.25f * em + bar;
}

// The question with its pictogram, in Dutch too if asked, and its help;
// returns its height.
float question_heading(ScreenContext& ctx, const Question& q, ImVec2 pos, float width) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const Face& heading = ctx.fonts.heading;
    const std::string glyph = pictogram_glyph(q.pictogram);
    float text_x = pos.x;
    float y = pos.y;
    if (!glyph.empty()) {
        const float icon_x = ctx.place_x(pos.x, heading.size, pos.x, pos.x + width);
        ImGui::GetWindowDrawList()->AddText(heading.regular, heading.size * 1.0f, {icon_x, pos.y},
                                            c.primary, glyph.c_str());
        text_x += heading.size * 1.6f;
    }
    const float text_w = width - (text_x - pos.x);
    // Mirrored, the words fill the same width from the right edge.
    text_x = ctx.place_x(text_x, text_w, pos.x, pos.x + width);
    y += text_block(ctx, {text_x, y}, text_w, text_in(q.text, ctx.lang()), heading.bold,
                    heading.size, c.text);
    const Face& small = ctx.fonts.small;
    if (ctx.dutch_too())
        y += text_block(ctx, {text_x, y}, text_w, text_in(q.text, "nl"), small.regular, small.size,
                        c.muted, Align::start, TextDirection::left_to_right);
    std::string help = text_in(q.help, ctx.lang());
    if (q.choose_up_to > 1) {
        const std::string several =
            ctx.text("choose_up_to", {{"count", std::to_string(q.choose_up_to)}});
        help = help.empty() ? several : several + " " + help;
    }
    if (!help.empty())
        y += 0.2f * em + text_block(ctx, {text_x, y + 0.2f * em}, text_w, help,
                                    ctx.fonts.body.regular, ctx.fonts.body.size, c.muted);
    return y - pos.y;
}

// All options as tall as the one with the most lines, so a long answer (or
// larger text) never spills out of its card.
float option_height(ScreenContext& ctx, const Question& q, float bw) {
    const float em = ctx.em;
    const Face& small = ctx.fonts.small;
    float bh = (ctx.dutch_too() ? 4.2f : 3.4f) * em;
    const float words_w =
        bw - 1.6f * em - (ctx.fonts.heading.size * 1.15f + 0.6f * em) - ctx.fonts.heading.size;
    for (const Option& o : q.options) {
        float h = text_height(text_in(o.text, ctx.lang()), ctx.fonts.body.bold, ctx.fonts.body.size,
                              words_w, ctx.direction);
        if (ctx.dutch_too())
            h +=
                0.15f * em + text_height(text_in(o.text, "nl"), small.regular, small.size, words_w);
        bh = std::max(bh, h + 1.3f * em);
    }
    return bh;
}

// The options as cards in a list that scrolls when they do not fit: two
// columns on a wide screen, one on a narrow one.
void option_cards(ScreenContext& ctx, int qi, const Question& q, Area list, float width) {
    const float em = ctx.em;
    const int columns = width > 36 * em && q.options.size() > 3 ? 2 : 1;
    const float gap = metric::gap * em;
    const float bw = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float bh = option_height(ctx, q, bw);
    const Visit& visit = ctx.flow.visit();
    const bool new_question = ctx.memory.last_question != qi;
    ctx.memory.last_question = qi;
    scroll_list(ctx, "options", list, ctx.memory.options, new_question, [&](ImVec2 origin) {
        const int rows =
            static_cast<int>((q.options.size() + static_cast<std::size_t>(columns) - 1) /
                             static_cast<std::size_t>(columns));
        for (std::size_t i = 0; i < q.options.size(); ++i) {
            const Option& o = q.options[i];
            const int col = static_cast<int>(i) % columns;
            const int row = static_cast<int>(i) / columns;
            const float bx = origin.x + 0.3f * em + static_cast<float>(col) * (bw + gap);
            const float by = origin.y + static_cast<float>(row) * (bh + gap);
            const std::string id = "option-" + o.id;
            // The chosen look frames it and ticks it, on one answer or several.
            const bool ticked = visit.is_chosen(qi, static_cast<int>(i));
            const std::string glyph = pictogram_glyph(o.pictogram);
            const std::string second = ctx.dutch_too() ? text_in(o.text, "nl") : "";
            if (button(ctx, {{bx, by}, {bx + bw, by + bh}},
                       {.id = id,
                        .label = text_in(o.text, ctx.lang()),
                        .icon = glyph,
                        .second = second,
                        .look = ticked ? ButtonLook::chosen : ButtonLook::secondary}))
                ctx.emit(flow::Choose{static_cast<int>(i)});
        }
        return static_cast<float>(rows) * (bh + gap) + 0.6f * em;
    });
}

}  // namespace

void question_screen(ScreenContext& ctx, Area area) {
    const float em = ctx.em;
    const int qi = ctx.flow.visit().current_question();
    if (qi < 0)
        return;
    const Question& q = ctx.pack.questionnaire.questions[static_cast<std::size_t>(qi)];
    const Area body = above_bottom_bar(ctx, area);
    const float margin = metric::margin * em;
    const float width = std::min(body.width() - 2 * margin, 56 * em);
    const float x = body.min.x + (body.width() - width) / 2;
    float y = body.min.y + 1.0f * em;

    y += progress_bar(ctx, {x, y}, width) + 1.0f * em;
    y += question_heading(ctx, q, {x, y}, width) + 1.0f * em;
    option_cards(ctx, qi, q, {{x - 0.3f * em, y}, {x + width + 0.3f * em, body.max.y}}, width);

    const Area bar = bottom_bar(ctx, area);
    if (back_button(ctx, bar))
        ctx.emit(flow::Back{});
    if (q.choose_up_to > 1 && ctx.flow.visit().chosen_count(qi) > 0) {
        if (forward_button(ctx, bar, "next", ctx.text("next"), icon::next, true))
            ctx.emit(flow::Next{});
    } else if (forward_button(ctx, bar, "skip", ctx.text("skip"), icon::skip, false)) {
        ctx.emit(flow::Skip{});
    }
}

}  // namespace kiosk::ui
