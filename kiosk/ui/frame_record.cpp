#include "kiosk/ui/frame_record.hpp"

#include <cstdio>

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

void FrameRecord::add_missing_glyph(char32_t code_point, std::string_view text) {
    if (!missing_glyph_.empty())
        return;
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code_point));
    missing_glyph_ = "missing glyph " + std::string(hex) + " in \"" + std::string(text) + "\"";
}

}  // namespace kiosk::ui
