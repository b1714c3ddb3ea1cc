#include "kiosk/ui/scroll_list.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/pictograms.hpp"

namespace kiosk::ui {
namespace {

// A fade from `top` to `bottom` down `area`: a band of one colour for each
// row of pixels, drawn without a texture. It looks as a gradient's two
// triangles do, and costs a software renderer a blend per pixel where the
// gradient cost it the colour and texture place of every pixel worked out
// on their own; it is drawn on every frame of a swipe.
void fade_rows(ImDrawList& draw, Area area, ImU32 top, ImU32 bottom) {
    const ImVec4 from = ImGui::ColorConvertU32ToFloat4(top);
    const ImVec4 to = ImGui::ColorConvertU32ToFloat4(bottom);
    // As SDL's software renderer draws the gradient: from corners truncated
    // to whole pixels, each row the colour at its middle.
    const float y0 = std::trunc(area.min.y), y1 = std::trunc(area.max.y);
    draw.PushTextureID(nullptr);
    for (float row = y0; row < y1; ++row) {
        const float t = std::clamp((row + 0.5f - y0) / (y1 - y0), 0.0f, 1.0f);
        const ImVec4 colour{from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t,
                            from.z + (to.z - from.z) * t, from.w + (to.w - from.w) * t};
        draw.AddRectFilled({area.min.x, row}, {area.max.x, row + 1},
                           ImGui::ColorConvertFloat4ToU32(colour));
    }
    draw.PopTextureID();
}

}  // namespace

void scroll_list(ScreenContext& ctx, const char* id, Area area, TouchScroll& scroll,
                 bool reset_to_top, const std::function<float(ImVec2 origin)>& content) {
    ImGui::SetCursorScreenPos(area.min);
    ImGui::BeginChild(id, {area.width(), area.height()}, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    if (reset_to_top) {
        ImGui::SetScrollY(0);
        scroll.reset();
    }
    // A backdrop of the screen's own colour, first in the list's own draw
    // list: it looks the same, and as nothing beneath shows through it, the
    // renderer can move the list's pixels when it scrolls. (Dear ImGui draws
    // a child window's own background in its parent's draw list.)
    ImDrawList& own = *ImGui::GetWindowDrawList();
    const ImVec2 clip_min = own.GetClipRectMin(), clip_max = own.GetClipRectMax();
    own.AddRectFilled({clip_min.x - 2, clip_min.y - 2}, {clip_max.x + 2, clip_max.y + 2},
                      ctx.colours.background | IM_COL32_A_MASK);
    ListInView& shown = ctx.memory.list_in_view;
    shown.lists += 1;
    shown.draw_list = shown.lists == 1 ? &own : nullptr;
    shown.clip_min = clip_min;
    shown.clip_max = clip_max;
    shown.scroll = ImGui::GetScrollY();
    // A little room above the first item, so a chosen option's thick border
    // is not cut off by the list's edge.
    const float top_room = 0.3f * ctx.em;
    const ImVec2 origin{ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + top_room};
    const float height = content(origin);
    ImGui::SetCursorScreenPos({origin.x, origin.y - top_room});
    ImGui::Dummy({area.width(), height + top_room});
    // A finger moving further than a third of an em is a swipe, not a tap.
    scroll.update(ctx.dt, 0.35f * ctx.em);
    const float y = ImGui::GetScrollY();
    const float max = ImGui::GetScrollMaxY();

    // Fades where more lies beyond, so a visitor sees the list goes on. Drawn
    // into the list's own window: the screen's draw list lies beneath it.
    auto& draw = *ImGui::GetWindowDrawList();
    const ImU32 solid = ctx.colours.background;
    const ImU32 clear = solid & 0x00ffffff;
    const float fade = 0.9f * ctx.em;
    if (y < max - 1) {
        fade_rows(draw, {{area.min.x, area.max.y - fade}, area.max}, clear, solid);
        // A round "more below" mark: not every visitor knows a list can be dragged.
        const float r = 0.8f * ctx.em;
        // At the end edge, where cards leave room, not over their words: the
        // left one on a mirrored screen.
        const float edge = r + 0.1f * ctx.em;
        const ImVec2 c{ctx.mirrored() ? area.min.x + edge : area.max.x - edge, area.max.y - edge};
        draw.AddCircleFilled(c, r, ctx.colours.primary, 32);
        const Face& body = ctx.fonts.body;
        const ImVec2 size = body.regular->CalcTextSizeA(body.size, FLT_MAX, 0, icon::more_below);
        draw.AddText(body.regular, body.size,
                     {c.x - size.x / 2, c.y - body.size / 2 + 0.05f * ctx.em},
                     ctx.colours.on_primary, icon::more_below);
    }
    if (y > 1)
        fade_rows(draw, {area.min, {area.max.x, area.min.y + fade}}, solid, clear);
    ImGui::EndChild();
}

}  // namespace kiosk::ui
