#include "kiosk/ui/scroll_list.hpp"

namespace kiosk::ui {

void scroll_list(ScreenContext& ctx, const char* id, Area area, TouchScroll& scroll,
                 bool reset_to_top, const std::function<float(ImVec2 origin)>& content) {
    ImGui::SetCursorScreenPos(area.min);
    ImGui::BeginChild(id, {area.width(), area.height()}, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    if (reset_to_top) {
        ImGui::SetScrollY(0);
        scroll.reset();
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = content(origin);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy({area.width(), height});
    // A finger moving further than a third of an em is a swipe, not a tap.
    scroll.update(ctx.dt, 0.35f * ctx.em);
    const float y = ImGui::GetScrollY();
    const float max = ImGui::GetScrollMaxY();
    ImGui::EndChild();

    // Fades where more lies beyond, so a visitor sees the list goes on.
    auto& draw = *ImGui::GetWindowDrawList();
    const ImU32 solid = ctx.colours.background;
    const ImU32 clear = solid & 0x00ffffff;
    const float fade = 1.6f * ctx.em;
    if (y < max - 1)
        draw.AddRectFilledMultiColor({area.min.x, area.max.y - fade}, area.max, clear, clear, solid,
                                     solid);
    if (y > 1)
        draw.AddRectFilledMultiColor(area.min, {area.max.x, area.min.y + fade}, solid, solid, clear,
                                     clear);
}

}  // namespace kiosk::ui
