// One course in full: what it is, the facts a visitor weighs, why it fits,
// and its own QR code that opens the provider's page.

#include "kiosk/ui/course_text.hpp"
#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/scroll_list.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void course_screen(ScreenContext& ctx, Area area) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const int rank = ctx.flow.open_course();
    const auto& results = ctx.flow.ranking().results;
    if (rank < 0 || rank >= static_cast<int>(results.size()))
        return;
    const MatchResult& result = results[static_cast<std::size_t>(rank)];
    const Course* course = ctx.flow.course(rank);
    const Area body = above_bottom_bar(ctx, area);
    const float margin = metric::margin * em;

    // The QR code on the right, the words on the left; stacked on a narrow screen.
    const bool wide = body.width() > 40 * em;
    const float qr_side = wide ? std::min(13.0f * em, body.height() * 0.6f) : 0;
    const float text_w = body.width() - 2 * margin - (wide ? qr_side + 2 * em : 0);
    // Mirrored on a right-to-left screen: the words on the right, the code on the left.
    const float x = ctx.place_x(body.min.x + margin, text_w, body.min.x, body.max.x);
    const Face& heading = ctx.fonts.heading;
    const Face& b = ctx.fonts.body;
    const Face& small = ctx.fonts.small;

    scroll_list(
        ctx, "course", {{x, body.min.y + 0.8f * em}, {x + text_w, body.max.y}}, ctx.memory.course,
        ctx.memory.last_screen != Screen::course, [&](ImVec2 o) {
            float y = o.y;
            if (!course) {
                return text_block(ctx, o, text_w, ctx.flow.catalogue().course_id(result.course),
                                  heading.bold, heading.size, c.text);
            }
            const CourseText& t = course->text_in(ctx.lang());
            y += text_block(ctx, {o.x, y}, text_w, t.title, heading.bold, heading.size, c.text);
            if (ctx.dutch_too())
                y += text_block(ctx, {o.x, y}, text_w, course->text_in("nl").title, small.regular,
                                small.size, c.muted, Align::start, TextDirection::left_to_right);
            y += text_block(ctx, {o.x, y}, text_w, course->provider, b.regular, b.size, c.muted);
            y += 0.6f * em;
            y += text_block(ctx, {o.x, y}, text_w, t.description, b.regular, b.size, c.text) +
                 0.8f * em;

            // The facts, each with its pictogram and a label.
            auto fact = [&](const char* glyph, const std::string& label, const std::string& value) {
                auto& draw = *ImGui::GetWindowDrawList();
                draw.AddText(b.regular, b.size, {ctx.place_x(o.x, b.size, o.x, o.x + text_w), y},
                             c.primary, glyph);
                const float vx =
                    ctx.place_x(o.x + 1.8f * em, text_w - 1.8f * em, o.x, o.x + text_w);
                const float lh = text_block(ctx, {vx, y}, text_w - 1.8f * em, label, small.bold,
                                            small.size, c.muted);
                y += lh +
                     text_block(ctx, {vx, y + lh}, text_w - 1.8f * em, value, b.regular, b.size,
                                c.text) +
                     0.5f * em;
            };
            const std::string also = also_in_text(ctx, rank);
            fact(icon::place, ctx.text("where"),
                 place_text(ctx, *course) + (also.empty() ? "" : ". " + also));
            fact(icon::calendar, ctx.text("when"), when_text(ctx, *course));
            fact(icon::clock, ctx.text("duration"), duration_text(ctx, *course));
            const std::string paid = paid_text(ctx, result);
            fact(icon::euro, ctx.text("cost"),
                 (paid.empty() ? "" : paid + ". ") + cost_line(ctx, *course));
            if (const std::string flags = flags_text(ctx, result, *course); !flags.empty())
                fact(icon::info, ctx.text("why_not_quite"), flags);
            fact(icon::check, ctx.text("why"), why_text(ctx, result, 3));
            return y - o.y + em;
        });

    if (wide) {
        const float qx =
            ctx.place_x(body.max.x - margin - qr_side, qr_side, body.min.x, body.max.x);
        const float qy = body.min.y + 1.2f * em;
        const std::string url = course ? course->url : "";
        if (!url.empty() && qr_code(ctx, url, {qx, qy}, qr_side)) {
            text_block(ctx, {qx, qy + qr_side + 0.5f * em}, qr_side, ctx.text("scan_course"),
                       b.bold, b.size, c.text, Align::centre);
        }
    }

    const Area bar = bottom_bar(ctx, area);
    if (back_button(ctx, bar))
        ctx.emit(flow::Back{});
    if (forward_button(ctx, bar, "take-away", ctx.text("take_away"), icon::qrcode, true))
        ctx.emit(flow::TakeAway{});
}

}  // namespace kiosk::ui
