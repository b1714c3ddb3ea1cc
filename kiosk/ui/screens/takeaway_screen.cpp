// Taking the list home: one large QR code of all the courses, their names
// beside it, and the receipt choice. Print is offered only while the printer
// is fine; otherwise the code on screen is the way, said plainly.

#include "kiosk/ui/course_text.hpp"
#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// The receipt choice, or what became of it, from `y` down in a column of
// width `w` at `x`.
void receipt_choice(ScreenContext& ctx, float x, float y, float w) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const Face& b = ctx.fonts.body;
    const auto& flow = ctx.flow;
    const float bh = metric::touch_min * em;
    const float gap = metric::gap * em;
    // Mirrored on a right-to-left screen: icons and the first choice on the right.
    const auto at = [&](float left, float width) { return ctx.place_x(left, width, x, x + w); };
    auto note = [&](const char* glyph, const std::string& text, ImU32 ink) {
        ImGui::GetWindowDrawList()->AddText(b.regular, b.size, {at(x, b.size), y}, ink, glyph);
        y += text_block(ctx, {at(x + 1.8f * em, w - 1.8f * em), y}, w - 1.8f * em, text, b.bold,
                        b.size, ink) +
             gap;
    };
    const bool can_print = flow.printer_present() && !flow.printer_fault();
    switch (flow.receipt_choice()) {
        case ReceiptChoice::undecided: {
            if (flow.printer_present() && flow.printer_fault())
                note(icon::warning, ctx.text("printer_fault"), c.warning);
            const float cw = (w - 2 * gap) / 3;
            const bool three = can_print && cw > 11 * em;
            auto choice = [&](int slot, const char* id, const std::string& label, const char* glyph,
                              ReceiptChoice kind, ButtonLook look) {
                const float bw = three ? cw : std::min(w, 20 * em);
                const float bx = at(three ? x + static_cast<float>(slot) * (cw + gap) : x, bw);
                const float by = three ? y : y + static_cast<float>(slot) * (bh + gap);
                if (button(ctx, {{bx, by}, {bx + bw, by + bh}},
                           {.id = id, .label = label, .icon = glyph, .look = look}))
                    ctx.emit(flow::ChooseReceipt{kind});
            };
            int slot = 0;
            if (can_print)
                choice(slot++, "print", ctx.text("print"), icon::print, ReceiptChoice::print,
                       ButtonLook::primary);
            choice(slot++, "show-only", ctx.text("show_only"), icon::mobile,
                   ReceiptChoice::show_only, ButtonLook::secondary);
            choice(slot++, "no-receipt", ctx.text("no_receipt"), icon::no, ReceiptChoice::none,
                   ButtonLook::secondary);
            break;
        }
        case ReceiptChoice::print:
            switch (flow.print_state()) {
                case PrintState::printing:
                    note(icon::print, ctx.text("printing"), c.text);
                    break;
                case PrintState::printed:
                    note(icon::check, ctx.text("printed"), c.text);
                    break;
                case PrintState::failed:
                case PrintState::idle:
                    note(icon::warning, ctx.text("print_failed"), c.warning);
                    break;
            }
            break;
        case ReceiptChoice::show_only:
        case ReceiptChoice::none:
            break;
    }
}

}  // namespace

void takeaway_screen(ScreenContext& ctx, Area area) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const Area body = above_bottom_bar(ctx, area);
    const float margin = metric::margin * em;
    const Face& heading = ctx.fonts.heading;
    const Face& b = ctx.fonts.body;
    const Face& small = ctx.fonts.small;
    const auto& flow = ctx.flow;

    const bool wide = body.width() > body.height();
    const float qr_side = wide ? std::min(body.height() - 4.2f * em, body.width() * 0.42f)
                               : std::min(body.width() - 2 * margin, body.height() * 0.45f);
    // The code on the left, the words on the right; the other way round when mirrored.
    const ImVec2 qr_pos{
        ctx.place_x(body.min.x + margin + (wide ? 0 : (body.width() - 2 * margin - qr_side) / 2),
                    qr_side, body.min.x, body.max.x),
        body.min.y + 1.0f * em};
    qr_code(ctx, flow.results_payload(), qr_pos, qr_side);
    text_block(ctx, {qr_pos.x, qr_pos.y + qr_side + 0.4f * em}, qr_side, ctx.text("scan_list"),
               small.regular, small.size, c.text, Align::centre);

    const float column = wide ? body.min.x + margin + qr_side + 2 * em : body.min.x + margin;
    const float w = body.max.x - margin - column;
    const float x = ctx.place_x(column, w, body.min.x, body.max.x);
    float y = wide ? body.min.y + 1.0f * em : qr_pos.y + qr_side + 3.4f * em;
    y += text_block(ctx, {x, y}, w, ctx.text("take_away_title"), heading.bold, heading.size,
                    c.text) +
         0.4f * em;
    const auto& results = flow.ranking().results;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Course* course = flow.course(static_cast<int>(i));
        // With the place: the same course in two towns must not read as a repeat.
        const std::string title = course ? course->text_in(ctx.lang()).title +
                                               list_dot(ctx.pack, ctx.lang()) +
                                               place_text(ctx, *course)
                                         : "";
        y += text_block(ctx, {x, y}, w, std::to_string(i + 1) + ".  " + title, b.regular, b.size,
                        c.text) +
             0.15f * em;
    }
    y += 0.8f * em;

    receipt_choice(ctx, x, y, w);

    const Area bar = bottom_bar(ctx, area);
    if (back_button(ctx, bar))
        ctx.emit(flow::Back{});
    if (forward_button(ctx, bar, "done", ctx.text("done"), icon::check, true))
        ctx.emit(flow::Done{});
}

}  // namespace kiosk::ui
