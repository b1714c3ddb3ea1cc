#include "kiosk/ui/frame_record.hpp"

namespace kiosk::ui {

const Target* FrameRecord::find_target(std::string_view label) const {
    for (const auto& t : targets_) {
        if (t.label == label)
            return &t;
    }
    for (const auto& t : targets_) {
        if (t.label.find(label) != std::string::npos)
            return &t;
    }
    return nullptr;
}

bool FrameRecord::shows(std::string_view text) const {
    for (const auto& t : texts_) {
        if (t.find(text) != std::string::npos)
            return true;
    }
    for (const auto& t : targets_) {
        if (t.label.find(text) != std::string::npos)
            return true;
    }
    return false;
}

}  // namespace kiosk::ui
