#pragma once
// Where a frame differs from the one before it, worked out from Dear ImGui's
// draw lists alone, so a software renderer can redraw and present only those
// rectangles. A full redraw of 2 million pixels costs tens of ms of CPU; a
// blinking button or a scrolled list is a small part of the screen.
//
// Exact by construction: every draw command is summed up by a hash of what
// it draws (its texture, its clip rectangle and every vertex of every
// triangle, in order) and by the pixels it can touch. Commands are compared in
// draw order; a pixel outside the rectangles of every command that changed is
// painted by the same commands, in the same order, in both frames.

#include <cstdint>
#include <optional>
#include <vector>

struct ImDrawData;
struct ImVec4;

namespace kiosk::platform {

// Pixels [x0, x1) × [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    std::int64_t area() const {
        return empty() ? 0 : std::int64_t{x1 - x0} * std::int64_t{y1 - y0};
    }
    bool operator==(const PixelRect&) const = default;
};

PixelRect intersection(const PixelRect& a, const PixelRect& b);
PixelRect bounding(const PixelRect& a, const PixelRect& b);

// The pixels the SDL_Renderer backend of Dear ImGui 1.86 lets a command with
// this clip rectangle touch on a `width` × `height` screen (drawn at scale 1
// from (0, 0)): nothing when it skips the command. It truncates the clip
// rectangle to whole pixels, and a rectangle that truncates to zero width or
// height turns SDL's clipping off altogether: the whole screen.
std::optional<PixelRect> backend_clip(const ImVec4& clip, int width, int height);

// A few rectangles covering all of `rects`: overlapping or close ones joined,
// at most `most` in all, or the whole screen when together they cover more
// than about half of it (one pass over the screen is then cheaper).
std::vector<PixelRect> merge_damage(std::vector<PixelRect> rects, const PixelRect& screen,
                                    std::size_t most = 8);

class FrameDamage {
  public:
    // What may differ between `frame` and the last frame given: empty when
    // nothing does, the whole screen when there is no last frame to compare
    // with (the first, after forget(), a new size) or a command draws
    // through a callback.
    std::vector<PixelRect> update(const ImDrawData& frame, int width, int height);
    // The next update redraws everything: the screen's pixels were lost or
    // overwritten (resize, expose, a black screen), or a texture changed.
    void forget() { known_ = false; }
    // Where each command of the frame last given can paint, in draw order
    // (lists, then commands); empty for a command the backend skips.
    const std::vector<PixelRect>& command_bounds() const { return bounds_; }

  private:
    std::vector<std::uint64_t> hashes_;
    std::vector<PixelRect> bounds_;
    bool known_ = false;
    int width_ = 0, height_ = 0;
};

}  // namespace kiosk::platform
