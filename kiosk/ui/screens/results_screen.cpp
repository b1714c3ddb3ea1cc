// The best courses for this visitor, each with why it fits, and what was
// relaxed when strict wishes left too few. Tap a course for its details.

#include "kiosk/ui/course_text.hpp"
#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/scroll_list.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

// One course as a card: title, one line of facts, the other towns it is given
// in, what it misses of the visitor's relaxed wishes, and the reason. The whole
// card is one target, labelled with the title.
float course_card(ScreenContext& ctx, int rank, const MatchResult& result, ImVec2 pos,
                  float width) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const Course* course = ctx.flow.course(rank);
    const std::string title =
        course ? course->text_in(ctx.lang()).title : ctx.flow.catalogue().course_id(result.course);
    const std::string facts = course ? summary_line(ctx, *course, &result) : "";
    const std::string also = also_in_text(ctx, rank);
    const std::string flags = course ? flags_text(ctx, result, *course) : "";
    const std::string why = why_text(ctx, result);
    const Face& body = ctx.fonts.body;
    const Face& small = ctx.fonts.small;
    const float pad = 0.9f * em;
    const float inner = width - 2 * pad - 2.4f * em;
    const std::string dutch = ctx.dutch_too() && course ? course->text_in("nl").title : "";
    const TextDirection dir = ctx.direction;
    const float h =
        pad + text_height(title, body.bold, body.size, inner, dir) +
        (dutch.empty() ? 0 : text_height(dutch, small.regular, small.size, inner)) + 0.25f * em +
        text_height(facts, small.regular, small.size, inner, dir) +
        (also.empty() ? 0 : text_height(also, small.regular, small.size, inner, dir)) +
        (flags.empty()
             ? 0
             : 0.2f * em + text_height(flags, small.bold, small.size, inner - 1.6f * em, dir)) +
        0.35f * em + text_height(why, small.regular, small.size, inner - 1.6f * em, dir) + pad;
    const Area area{pos, {pos.x + width, pos.y + h}};

    ImGui::SetCursorScreenPos(pos);
    const std::string id = "course-" + std::to_string(rank);
    bool tapped = ImGui::InvisibleButton(id.c_str(), {width, h});
    const bool held = shows_pressed();
    card(area, held ? c.pressed : c.surface, c.border, em);
    // Focused, its number, title and facts (place, start, cost) are said.
    if (keypad_target(ctx, area, id, std::to_string(rank + 1) + ". " + title + ". " + facts))
        tapped = true;

    // Mirrored on a right-to-left screen: words from the right, the chevron on the left.
    const auto at = [&](float x, float w) { return ctx.place_x(x, w, area.min.x, area.max.x); };
    float y = pos.y + pad;
    const float x = at(pos.x + pad, inner);
    y += text_block(ctx, {x, y}, inner, title, body.bold, body.size, c.text);
    if (!dutch.empty())
        y += text_block(ctx, {x, y}, inner, dutch, small.regular, small.size, c.muted, Align::start,
                        TextDirection::left_to_right);
    y += 0.25f * em;
    y += text_block(ctx, {x, y}, inner, facts, small.regular, small.size, c.muted);
    if (!also.empty())
        y += text_block(ctx, {x, y}, inner, also, small.regular, small.size, c.muted);
    auto& draw = *ImGui::GetWindowDrawList();
    if (!flags.empty()) {
        // Said on the course itself, beside the line at the top: what it misses.
        y += 0.2f * em;
        draw.AddText(small.regular, small.size, {at(pos.x + pad, small.size), y}, c.warning,
                     icon::info);
        y += text_block(ctx, {at(pos.x + pad + 1.6f * em, inner - 1.6f * em), y}, inner - 1.6f * em,
                        flags, small.bold, small.size, c.text);
    }
    y += 0.35f * em;
    draw.AddText(small.regular, small.size, {at(pos.x + pad, small.size), y}, c.primary,
                 icon::check);
    text_block(ctx, {at(pos.x + pad + 1.6f * em, inner - 1.6f * em), y}, inner - 1.6f * em, why,
               small.regular, small.size, c.text);
    const Face& heading = ctx.fonts.heading;
    draw.AddText(
        heading.regular, heading.size,
        {at(area.max.x - pad - heading.size, heading.size), pos.y + (h - heading.size) / 2},
        c.primary, ctx.mirrored() ? icon::chevron_rtl : icon::chevron);

    const ImVec2 lo = draw.GetClipRectMin(), hi = draw.GetClipRectMax();
    if (std::min(area.max.y, hi.y) - std::max(area.min.y, lo.y) > 4)
        ctx.record.add_target({title, area.min.x, std::max(area.min.y, lo.y), area.max.x,
                               std::min(area.max.y, hi.y)});
    if (tapped)
        ctx.emit(flow::OpenCourse{rank});
    return h;
}

}  // namespace

void results_screen(ScreenContext& ctx, Area area) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const Area body = above_bottom_bar(ctx, area);
    const float margin = metric::margin * em;
    const float width = std::min(body.width() - 2 * margin, 56 * em);
    const float x = body.min.x + (body.width() - width) / 2;
    float y = body.min.y + 1.0f * em;
    const Face& heading = ctx.fonts.heading;
    const auto& ranking = ctx.flow.ranking();

    y += text_block(ctx, {x, y}, width, ctx.text("results_title"), heading.bold, heading.size,
                    c.text);
    if (ctx.dutch_too())
        y += text_block(ctx, {x, y}, width, ctx.dutch("results_title"), ctx.fonts.small.regular,
                        ctx.fonts.small.size, c.muted, Align::start, TextDirection::left_to_right);
    y += text_block(ctx, {x, y}, width,
                    ranking.results.empty() ? ctx.text("no_results") : ctx.text("results_hint"),
                    ctx.fonts.body.regular, ctx.fonts.body.size, c.muted);
    y += 0.6f * em;

    const bool entered =
        ctx.memory.last_screen != Screen::results && ctx.memory.last_screen != Screen::course;
    scroll_list(
        ctx, "results", {{x - 0.3f * em, y}, {x + width + 0.3f * em, body.max.y}},
        ctx.memory.results, entered, [&](ImVec2 origin) {
            float cy = origin.y;
            const Face& small = ctx.fonts.small;
            // What was relaxed, said first and plainly, so no result surprises.
            for (auto kind : ranking.relaxed) {
                auto it = ctx.pack.matching.relax_text.find(kind);
                if (it == ctx.pack.matching.relax_text.end())
                    continue;
                const std::string note = text_in(it->second, ctx.lang());
                const float h =
                    text_height(note, small.regular, small.size, width - 3.2f * em, ctx.direction) +
                    1.2f * em;
                const Area row{{origin.x + 0.3f * em, cy}, {origin.x + 0.3f * em + width, cy + h}};
                card({{origin.x + 0.3f * em, cy}, {origin.x + 0.3f * em + width, cy + h}},
                     c.background, c.accent, em, 0.12f);
                ImGui::GetWindowDrawList()->AddText(
                    small.regular, small.size,
                    {ctx.place_x(origin.x + 0.9f * em, small.size, row.min.x, row.max.x),
                     cy + 0.6f * em},
                    c.primary, icon::info);
                text_block(
                    ctx,
                    {ctx.place_x(origin.x + 2.5f * em, width - 3.2f * em, row.min.x, row.max.x),
                     cy + 0.6f * em},
                    width - 3.2f * em, note, small.regular, small.size, c.text);
                cy += h + metric::gap * em;
            }
            for (std::size_t i = 0; i < ranking.results.size(); ++i) {
                cy += course_card(ctx, static_cast<int>(i), ranking.results[i],
                                  {origin.x + 0.3f * em, cy}, width) +
                      metric::gap * em;
            }
            return cy - origin.y + 0.6f * em;
        });

    const Area bar = bottom_bar(ctx, area);
    if (back_button(ctx, bar))
        ctx.emit(flow::Back{});
    if (ranking.results.empty())
        return;
    if (forward_button(ctx, bar, "take-away", ctx.text("take_away"), icon::qrcode, true))
        ctx.emit(flow::TakeAway{});
}

}  // namespace kiosk::ui
