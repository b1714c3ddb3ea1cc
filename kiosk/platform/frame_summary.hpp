#pragma once
// What FrameDamage knows of one frame, worked out from Dear ImGui's draw
// lists as SDL's software renderer will draw them: a hash of each command,
// each triangle's key (with the others of its run, which SDL may draw two by
// two as rectangles) and the pixels it can touch, and a scrolling list's
// triangles by their place in its content.

#include <cstdint>

#include "kiosk/platform/frame_damage.hpp"

struct ImDrawData;
struct ImDrawList;

namespace kiosk::platform {

// A scrolling list's backdrop: the first two triangles of its draw list, a
// rectangle of one opaque colour under all of `area`; zero when there is none.
std::uint64_t backdrop_of(const ImDrawList& list, const PixelRect& area);

// Sums up every command of `frame` into `record`, whose list, area, scroll
// and backdrop say which list scrolled, if one did.
void summarise(const ImDrawData& frame, int width, int height, FrameDamage::Record& record);

}  // namespace kiosk::platform
