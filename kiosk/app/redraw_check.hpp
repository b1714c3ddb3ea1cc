#pragma once
// The words of `kiosk --check-redraw` when a frame drawn only where it
// changed differs from the same frame drawn in full.

#include <SDL.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/platform/window.hpp"

namespace kiosk::app {

// Nothing when the two are the same picture; otherwise where they first
// differ, both colours there, and the rectangles that were redrawn.
std::optional<std::string> redraw_difference(const platform::RgbaPixels& changes,
                                             const platform::RgbaPixels& full,
                                             const std::vector<SDL_Rect>& drawn,
                                             std::uint64_t frame);

}  // namespace kiosk::app
