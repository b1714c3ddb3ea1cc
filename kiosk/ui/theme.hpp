#pragma once
// Colours of the screens: the deployment's branding, or a high-contrast
// theme (white and yellow on black) that any visitor can switch on.

#include <imgui.h>

#include "kiosk/core/config/config.hpp"

namespace kiosk::ui {

struct Palette {
    ImU32 background = 0;  // behind everything
    ImU32 surface = 0;     // cards and option buttons
    ImU32 text = 0;
    ImU32 muted = 0;    // secondary lines; still at least 4.5:1 on surface
    ImU32 primary = 0;  // the main action, progress, headings' icons
    ImU32 on_primary = 0;
    ImU32 accent = 0;  // the chosen option, the attract pulse
    ImU32 border = 0;
    ImU32 pressed = 0;  // a surface while a finger is on it
    ImU32 shade = 0;    // dims the screen under "are you still there?"
    ImU32 warning = 0;  // printer fault notes
};

Palette branded_palette(const Branding& branding);
Palette high_contrast_palette();

// Rounding and spacing in em (the body font's size), so one layout fits
// 1080p, 4K and portrait screens.
namespace metric {
inline constexpr float rounding = 0.45f;
inline constexpr float gap = 0.6f;
inline constexpr float margin = 1.4f;      // screen edge to content
inline constexpr float touch_min = 2.6f;   // minimum button height: > 15 mm at arm's length
inline constexpr float bar_height = 3.6f;  // top and bottom bars
}  // namespace metric

}  // namespace kiosk::ui
