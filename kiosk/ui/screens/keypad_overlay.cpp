// The adviser's PIN keypad: big digits a thumb can hit, dots for what was
// typed (never the digits), and plain words after a wrong PIN or a lockout.

#include <string>

#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void keypad_overlay(ScreenContext& ctx, Area screen) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    auto& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(screen.min, screen.max, c.shade);
    auto words = [&](const std::string& key,
                     const std::map<std::string, std::string>& values = {}) {
        return pack_text(ctx.pack, "adviser." + key, "nl", values);  // staff read Dutch
    };

    const float gap = 0.5f * em;
    const float key = std::min(5.2f * em, (screen.height() - 11.5f * em) / 4 - gap);
    const float w = 3 * key + 2 * gap + 3 * em;
    const float h = 4 * key + 3 * gap + 11 * em;
    const Area panel{
        {screen.min.x + (screen.width() - w) / 2, screen.min.y + (screen.height() - h) / 2},
        {screen.min.x + (screen.width() + w) / 2, screen.min.y + (screen.height() + h) / 2}};
    card(panel, c.surface, c.border, em);
    const float x = panel.min.x + 1.5f * em;
    const float inner = w - 3 * em;
    float y = panel.min.y + 1.0f * em;
    y += text_block(ctx, {x, y}, inner, words("pin"), ctx.fonts.heading.bold,
                    ctx.fonts.heading.size, c.text, Align::centre);

    // One dot per digit typed, so a visitor looking on learns nothing.
    const int typed = ctx.flow.keypad_length();
    const float dot = 0.45f * em;
    const float dots_w = static_cast<float>(std::max(typed, 1)) * dot * 3;
    for (int i = 0; i < typed; ++i)
        draw.AddCircleFilled(
            {x + (inner - dots_w) / 2 + dot * 1.5f + static_cast<float>(i) * dot * 3, y + em}, dot,
            c.text, 16);
    y += 2.0f * em;

    const Millis locked = ctx.flow.keypad_locked_for(ctx.now);
    std::string note;
    if (locked > Millis{0})
        note = words("locked", {{"seconds", std::to_string((locked.count() + 999) / 1000)}});
    else if (ctx.flow.keypad_refused())
        note = words("wrong_pin");
    if (!note.empty())
        text_block(ctx, {x, y}, inner, note, ctx.fonts.small.bold, ctx.fonts.small.size, c.warning,
                   Align::centre);
    y += 2.2f * em;

    const std::string labels[12] = {
        "1", "2", "3", "4", "5", "6", "7", "8", "9", words("erase"), "0", words("enter")};
    for (int i = 0; i < 12; ++i) {
        const float kx =
            x + (inner - (3 * key + 2 * gap)) / 2 + static_cast<float>(i % 3) * (key + gap);
        const float ky = y + static_cast<float>(i / 3) * (key + gap);
        const std::string id = "key-" + std::to_string(i);
        const bool enter = i == 11;
        if (button(ctx, {{kx, ky}, {kx + key, ky + key}},
                   {.id = id,
                    .label = labels[i],
                    .look = enter ? ButtonLook::primary : ButtonLook::secondary,
                    .centred = true,
                    .face = i == 9 || enter ? &ctx.fonts.body : &ctx.fonts.heading})) {
            if (i == 9)
                ctx.emit(flow::KeypadErase{});
            else if (enter)
                ctx.emit(flow::KeypadEnter{});
            else
                ctx.emit(flow::KeypadDigit{i == 10 ? 0 : i + 1});
        }
    }
    y += 4 * key + 3 * gap + 0.8f * em;
    if (button(ctx, {{x, y}, {x + inner, y + metric::touch_min * em}},
               {.id = "keypad-cancel",
                .label = words("cancel"),
                .icon = icon::back,
                .look = ButtonLook::quiet,
                .centred = true}))
        ctx.emit(flow::CloseAdviser{});
}

}  // namespace kiosk::ui
