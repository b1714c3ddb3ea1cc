#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {
namespace {

ImU32 rgb(Colour c, int alpha = 255) {
    return IM_COL32(c.r, c.g, c.b, alpha);
}

// `c` moved toward `to` by `amount` (0..1).
Colour mix(Colour c, Colour to, float amount) {
    auto m = [&](std::uint8_t a, std::uint8_t b) {
        return static_cast<std::uint8_t>(static_cast<float>(a) +
                                         (static_cast<float>(b) - static_cast<float>(a)) * amount);
    };
    return {m(c.r, to.r), m(c.g, to.g), m(c.b, to.b)};
}

}  // namespace

Palette branded_palette(const Branding& b) {
    const Colour white{0xff, 0xff, 0xff};
    Palette p;
    p.background = rgb(b.background);
    p.surface = rgb(white);
    p.text = rgb(b.text);
    // Secondary text stays dark enough to read: 30 % toward white at most.
    p.muted = rgb(mix(b.text, white, 0.3f));
    p.primary = rgb(b.primary);
    p.on_primary = rgb(b.on_primary);
    p.accent = rgb(b.accent);
    p.border = rgb(mix(b.text, white, 0.78f));
    p.pressed = rgb(mix(b.primary, white, 0.8f));
    p.shade = IM_COL32(0, 0, 0, 150);
    p.warning = rgb(Colour{0x9a, 0x3b, 0x00});
    return p;
}

Palette high_contrast_palette() {
    Palette p;
    p.background = IM_COL32(0, 0, 0, 255);
    p.surface = IM_COL32(0, 0, 0, 255);
    p.text = IM_COL32(255, 255, 255, 255);
    p.muted = IM_COL32(255, 255, 255, 255);
    p.primary = IM_COL32(255, 221, 0, 255);
    p.on_primary = IM_COL32(0, 0, 0, 255);
    p.accent = IM_COL32(255, 221, 0, 255);
    p.border = IM_COL32(255, 255, 255, 255);
    p.pressed = IM_COL32(80, 80, 80, 255);
    p.shade = IM_COL32(0, 0, 0, 210);
    p.warning = IM_COL32(255, 221, 0, 255);
    return p;
}

}  // namespace kiosk::ui
