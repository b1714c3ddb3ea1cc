// Placeholder so the build links while the screens are written.
#include "kiosk/ui/kiosk_ui.hpp"

#include <imgui.h>

namespace kiosk::ui {

struct KioskUi::State {
    FrameRecord record;
};

KioskUi::KioskUi(const KioskConfig&, const ContentPack&, UiFonts) : state_(std::make_unique<State>()) {}
KioskUi::~KioskUi() = default;

Result<bool> KioskUi::build_fonts(int, int) {
    ImGui::GetIO().Fonts->AddFontDefault();
    return true;
}

std::vector<FlowIntent> KioskUi::frame(const VisitFlow& flow, Clock::time_point) {
    std::vector<FlowIntent> intents;
    state_->record.clear();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::Text("%s", std::string(to_string(flow.screen())).c_str());
    state_->record.add_text(std::string(to_string(flow.screen())));
    if (ImGui::Button("Start", {200, 100}))
        intents.push_back(flow::Start{});
    auto min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state_->record.add_target({"Start", min.x, min.y, max.x, max.y});
    ImGui::End();
    return intents;
}

bool KioskUi::animating() const {
    return false;
}

const FrameRecord& KioskUi::record() const {
    return state_->record;
}

}  // namespace kiosk::ui
