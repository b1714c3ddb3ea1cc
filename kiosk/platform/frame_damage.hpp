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
struct ImDrawList;
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

// A list that scrolls by dragging, as the frame shows it: its own draw list,
// the rectangle it shows its content in (its clip rectangle), and how far its
// content is scrolled, in pixels. Given to FrameDamage::update, it lets a
// scroll move the pixels already drawn instead of drawing them again.
struct ScrollingList {
    const ImDrawList* draw_list = nullptr;
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;
    float scroll = 0;
};

// What to do to the last frame's pixels to show the new frame: first move
// the rows of `moved` (the destination) by `shift` rows (down when positive)
// from where they were, then draw `redraw` again.
struct FrameChange {
    std::vector<PixelRect> redraw;
    PixelRect moved;
    int shift = 0;
    bool none() const { return redraw.empty() && moved.empty(); }
};

class FrameDamage {
  public:
    // What may differ between `frame` and the last frame given: nothing when
    // nothing does, the whole screen when there is no last frame to compare
    // with (the first, after forget(), a new size) or a command draws
    // through a callback.
    //
    // Within a command that changed, only the triangles between the ones
    // that stayed at its start and at its end are redrawn. With `list`, a
    // list that was scrolled since the last frame moves: its pixels are
    // moved, and only what came into view and what lies over the list at a
    // fixed place (its fades) is redrawn. That needs an opaque backdrop of
    // one colour drawn first in the list's draw list, and whole-pixel scroll
    // offsets; without them the list is compared as any other.
    FrameChange update(const ImDrawData& frame, int width, int height,
                       const ScrollingList* list = nullptr);
    // The next update redraws everything: the screen's pixels were lost or
    // overwritten (resize, expose, a black screen), or a texture changed.
    void forget() { known_ = false; }
    // Where each command of the frame last given can paint, in draw order
    // (lists, then commands); empty for a command the backend skips.
    const std::vector<PixelRect>& command_bounds() const { return last_.bounds; }
    // The triangles of a command of the frame last given (numbered from its
    // first) that can paint in `rect`, with the others of their runs: SDL's
    // software renderer may draw a run's triangles two by two as rectangles,
    // so a run is drawn whole or not at all.
    void runs_within(std::size_t command, const PixelRect& rect,
                     std::vector<std::uint32_t>& triangles) const;

    // What one frame was, for comparing the next with. Public for the
    // functions of frame_damage.cpp that build it.
    struct Record {
        // Per command, in draw order.
        std::vector<std::uint64_t> hashes;     // all it draws
        std::vector<std::uint64_t> states;     // its texture and clip rectangle
        std::vector<PixelRect> bounds;         // where it can paint
        std::vector<std::uint32_t> ends;       // one past its last triangle in `keys`
        std::vector<const ImDrawList*> lists;  // the draw list it is in
        // Per triangle: what it draws (with the others SDL may draw it
        // with) and where it can paint.
        std::vector<std::uint64_t> keys;
        std::vector<PixelRect> boxes;
        std::vector<bool> starts;  // begins a run SDL may draw two by two
        std::vector<bool> whole;   // half of a textured rectangle: never cut
        // The scrolling list, when one was given and can be moved.
        bool has_list = false;
        const ImDrawList* list = nullptr;
        PixelRect area;
        int scroll = 0;
        std::uint64_t backdrop = 0;
        std::vector<std::uint64_t> content_keys;  // its triangles, by the content's own place
        std::vector<PixelRect> content_boxes;     // and where on screen they paint
    };

  private:
    Record last_;
    bool known_ = false;
    int width_ = 0, height_ = 0;
};

}  // namespace kiosk::platform
