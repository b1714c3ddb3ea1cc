#include "kiosk/app/redraw_check.hpp"

namespace kiosk::app {

std::optional<std::string> redraw_difference(const platform::RgbaPixels& changes,
                                             const platform::RgbaPixels& full,
                                             const std::vector<SDL_Rect>& drawn,
                                             std::uint64_t frame) {
    if (changes.rgba == full.rgba)
        return std::nullopt;
    std::size_t at = 0;
    while (at < changes.rgba.size() && at < full.rgba.size() && changes.rgba[at] == full.rgba[at])
        ++at;
    const std::size_t pixel = at / 4;
    const auto width = static_cast<std::size_t>(full.width > 0 ? full.width : 1);
    const int x = static_cast<int>(pixel % width);
    const int y = static_cast<int>(pixel / width);
    auto colour = [pixel](const platform::RgbaPixels& pixels) {
        std::string text = "rgba(";
        for (std::size_t c = 0; c < 4; ++c) {
            const std::size_t i = pixel * 4 + c;
            text += (i < pixels.rgba.size() ? std::to_string(pixels.rgba[i]) : std::string("-")) +
                    (c < 3 ? "," : ")");
        }
        return text;
    };
    std::string rects;
    for (const SDL_Rect& rect : drawn)
        rects += " " + std::to_string(rect.w) + "x" + std::to_string(rect.h) + "+" +
                 std::to_string(rect.x) + "+" + std::to_string(rect.y);
    return "frame " + std::to_string(frame) +
           " drawn where it changed differs from a full redraw at pixel (" + std::to_string(x) +
           ", " + std::to_string(y) + "): " + colour(changes) + " instead of " + colour(full) +
           "; redrawn:" + (rects.empty() ? std::string(" nothing") : rects);
}

}  // namespace kiosk::app
