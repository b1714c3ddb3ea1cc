#include "kiosk/platform/frame_damage.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "kiosk/platform/frame_summary.hpp"

namespace kiosk::platform {

PixelRect intersection(const PixelRect& a, const PixelRect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

PixelRect bounding(const PixelRect& a, const PixelRect& b) {
    if (a.empty())
        return b;
    if (b.empty())
        return a;
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

std::optional<PixelRect> backend_clip(const ImVec4& clip, int width, int height) {
    // As imgui_impl_sdlrenderer.cpp (1.86) does it, step by step.
    const float min_x = std::max(clip.x, 0.0f), min_y = std::max(clip.y, 0.0f);
    const float max_x = std::min(clip.z, static_cast<float>(width));
    const float max_y = std::min(clip.w, static_cast<float>(height));
    if (!(max_x > min_x) || !(max_y > min_y))
        return std::nullopt;
    const int x = static_cast<int>(min_x), y = static_cast<int>(min_y);
    const int w = static_cast<int>(max_x - min_x), h = static_cast<int>(max_y - min_y);
    const PixelRect screen{0, 0, width, height};
    if (w <= 0 || h <= 0)
        return screen;  // SDL_RenderSetClipRect with an empty rectangle clips nothing
    return intersection({x, y, x + w, y + h}, screen);
}

std::vector<PixelRect> merge_damage(std::vector<PixelRect> rects, const PixelRect& screen,
                                    std::size_t most) {
    // Joining two rectangles costs the pixels between them; a pass over the
    // draw lists for each rectangle costs about as much as this many pixels.
    constexpr std::int64_t pass_cost = 64 * 64;
    std::vector<PixelRect> merged;
    for (auto& rect : rects)
        rect = intersection(rect, screen);
    std::erase_if(rects, [](const PixelRect& rect) { return rect.empty(); });
    std::sort(rects.begin(), rects.end(),
              [](const PixelRect& a, const PixelRect& b) { return a.y0 < b.y0; });
    auto cost = [](const PixelRect& a, const PixelRect& b) {
        return bounding(a, b).area() - a.area() - b.area();
    };
    for (const PixelRect& rect : rects) {
        PixelRect current = rect;
        // Joining may make a rectangle reach others already kept: join again.
        for (bool joined = true; joined;) {
            joined = false;
            for (auto it = merged.begin(); it != merged.end(); ++it) {
                if (cost(*it, current) <= pass_cost) {
                    current = bounding(*it, current);
                    merged.erase(it);
                    joined = true;
                    break;
                }
            }
        }
        merged.push_back(current);
    }
    while (merged.size() > most) {
        std::size_t best_a = 0, best_b = 1;
        std::int64_t best = INT64_MAX;
        for (std::size_t a = 0; a < merged.size(); ++a)
            for (std::size_t b = a + 1; b < merged.size(); ++b)
                if (const std::int64_t c = cost(merged[a], merged[b]); c < best)
                    best = c, best_a = a, best_b = b;
        merged[best_a] = bounding(merged[best_a], merged[best_b]);
        merged.erase(merged.begin() + static_cast<std::ptrdiff_t>(best_b));
    }
    std::int64_t area = 0;
    for (const PixelRect& rect : merged)
        area += rect.area();
    if (area * 2 > screen.area())
        return {screen};
    return merged;
}

namespace {

using Record = FrameDamage::Record;

PixelRect shifted(PixelRect rect, int rows) {
    rect.y0 += rows;
    rect.y1 += rows;
    return rect;
}

std::uint32_t begin_of(const Record& record, std::size_t command) {
    return command == 0 ? 0 : record.ends[command - 1];
}

// A command that changed, in `from` and `to`: the triangles it kept at its
// start and at its end paint the same, so only those between need drawing.
void changed_command(const Record& from, std::size_t a, const Record& to, std::size_t b,
                     std::vector<PixelRect>& damage) {
    if (from.states[a] != to.states[b]) {
        damage.push_back(from.bounds[a]);
        damage.push_back(to.bounds[b]);
        return;
    }
    const std::uint32_t a0 = begin_of(from, a), a1 = from.ends[a];
    const std::uint32_t b0 = begin_of(to, b), b1 = to.ends[b];
    const std::uint32_t shorter = std::min(a1 - a0, b1 - b0);
    std::uint32_t prefix = 0, suffix = 0;
    while (prefix < shorter && from.keys[a0 + prefix] == to.keys[b0 + prefix])
        ++prefix;
    while (suffix < shorter - prefix && from.keys[a1 - 1 - suffix] == to.keys[b1 - 1 - suffix])
        ++suffix;
    PixelRect before, after;
    for (std::uint32_t t = a0 + prefix; t < a1 - suffix; ++t)
        before = bounding(before, from.boxes[t]);
    for (std::uint32_t t = b0 + prefix; t < b1 - suffix; ++t)
        after = bounding(after, to.boxes[t]);
    damage.push_back(before);
    damage.push_back(after);
}

// Compares the commands of two frames in draw order, leaving out those of
// the draw list `moving` (a list that scrolled, compared on its own).
void compare_commands(const Record& from, const Record& to, const ImDrawList* moving,
                      std::vector<PixelRect>& damage) {
    std::vector<std::size_t> old_ones, new_ones;
    for (std::size_t i = 0; i < from.hashes.size(); ++i)
        if (!moving || from.lists[i] != moving)
            old_ones.push_back(i);
    for (std::size_t i = 0; i < to.hashes.size(); ++i)
        if (!moving || to.lists[i] != moving)
            new_ones.push_back(i);
    const std::size_t old_size = old_ones.size(), new_size = new_ones.size();
    if (old_size == new_size) {
        for (std::size_t i = 0; i < new_size; ++i)
            if (from.hashes[old_ones[i]] != to.hashes[new_ones[i]])
                changed_command(from, old_ones[i], to, new_ones[i], damage);
        return;
    }
    // Commands came or went (a popup, a card more): the same ones at the
    // start and at the end, and everything between them changed.
    const std::size_t shorter = std::min(old_size, new_size);
    std::size_t prefix = 0, suffix = 0;
    while (prefix < shorter && to.hashes[new_ones[prefix]] == from.hashes[old_ones[prefix]])
        ++prefix;
    while (suffix < shorter - prefix && to.hashes[new_ones[new_size - 1 - suffix]] ==
                                            from.hashes[old_ones[old_size - 1 - suffix]])
        ++suffix;
    for (std::size_t i = prefix; i < old_size - suffix; ++i)
        damage.push_back(from.bounds[old_ones[i]]);
    for (std::size_t i = prefix; i < new_size - suffix; ++i)
        damage.push_back(to.bounds[new_ones[i]]);
}

// A scrolled list whose pixels in `kept` (this frame's place) are the last
// frame's, moved `shift` rows: what of it still needs drawing there. Its
// content is compared by its own place, so what merely moved matches;
// what does not (a fade at the list's edge, a card pressed) is drawn again.
void compare_moved_list(const Record& from, const Record& to, const PixelRect& kept, int shift,
                        std::vector<PixelRect>& damage) {
    // Triangles matched in order: each of this frame's to the last frame's
    // with the same key, later than the one matched before. Content that
    // came into view or left it (Dear ImGui leaves out what lies outside the
    // list), and what changed, stays unmatched.
    std::unordered_map<std::uint64_t, std::size_t> where;
    where.reserve(from.content_keys.size());
    for (std::size_t t = from.content_keys.size(); t-- > 0;)
        where[from.content_keys[t]] = t;
    std::vector<bool> old_matched(from.content_keys.size()), new_matched(to.content_keys.size());
    std::size_t next = 0;
    for (std::size_t t = 0; t < to.content_keys.size(); ++t) {
        const auto it = where.find(to.content_keys[t]);
        if (it != where.end() && it->second >= next) {
            old_matched[it->second] = true;
            new_matched[t] = true;
            next = it->second + 1;
        }
    }
    // Unmatched triangles lie together (a card, a fade's bands, the "more
    // below" mark): joined in draw order while that wastes few pixels, then
    // each group on its own, for merge_damage to join what lies close.
    std::vector<PixelRect> groups;
    PixelRect group;
    auto add = [&](const PixelRect& box) {
        if (box.empty())
            return;
        constexpr std::int64_t waste = 64 * 64;
        if (!group.empty() && bounding(group, box).area() - group.area() - box.area() > waste) {
            groups.push_back(group);
            group = {};
        }
        group = bounding(group, box);
    };
    for (std::size_t t = 0; t < from.content_keys.size(); ++t)
        if (!old_matched[t])
            add(intersection(shifted(from.content_boxes[t], shift), kept));
    for (std::size_t t = 0; t < to.content_keys.size(); ++t)
        if (!new_matched[t])
            add(intersection(to.content_boxes[t], kept));
    if (!group.empty())
        groups.push_back(group);
    constexpr std::size_t most = 256;
    if (groups.size() <= most) {
        damage.insert(damage.end(), groups.begin(), groups.end());
        return;
    }
    PixelRect all;
    for (const PixelRect& rect : groups)
        all = bounding(all, rect);
    damage.push_back(all);
}

// Draw lists after the scrolled one paint over it: where they did in the
// last frame, the moved pixels carry that paint; where they do now, it must
// be drawn again.
void over_moved_list(const Record& from, const Record& to, const PixelRect& kept, int shift,
                     std::vector<PixelRect>& damage) {
    auto after_list = [](const Record& record) {
        std::size_t last = 0;
        for (std::size_t i = 0; i < record.lists.size(); ++i)
            if (record.lists[i] == record.list)
                last = i + 1;
        return last;
    };
    for (std::size_t i = after_list(from); i < from.bounds.size(); ++i)
        damage.push_back(intersection(shifted(from.bounds[i], shift), kept));
    for (std::size_t i = after_list(to); i < to.bounds.size(); ++i)
        damage.push_back(intersection(to.bounds[i], kept));
}

// SDL's software renderer draws two textured triangles that make an
// axis-aligned rectangle as one blit, which, scaled and cut by a clip
// rectangle, takes its texture's pixels from other places than uncut: a
// damage rectangle grows until it cuts none.
std::vector<PixelRect> uncut(std::vector<PixelRect> rects, const Record& record,
                             const PixelRect& screen) {
    for (bool grown = true; grown;) {
        grown = false;
        for (PixelRect& rect : rects)
            for (std::size_t t = 0; t < record.boxes.size(); ++t) {
                const PixelRect& box = record.boxes[t];
                if (record.whole[t] && !intersection(box, rect).empty() &&
                    !(bounding(rect, box) == rect)) {
                    rect = bounding(rect, box);
                    grown = true;
                }
            }
        if (grown)
            rects = merge_damage(std::move(rects), screen);
    }
    return rects;
}

}  // namespace

void FrameDamage::runs_within(std::size_t command, const PixelRect& rect,
                              std::vector<std::uint32_t>& triangles) const {
    const std::uint32_t first = begin_of(last_, command), end = last_.ends[command];
    for (std::uint32_t t = first; t < end;) {
        std::uint32_t next = t + 1;
        bool meets = !intersection(last_.boxes[t], rect).empty();
        for (; next < end && !last_.starts[next]; ++next)
            meets = meets || !intersection(last_.boxes[next], rect).empty();
        if (meets)
            for (std::uint32_t u = t; u < next; ++u)
                triangles.push_back(u - first);
        t = next;
    }
}

FrameChange FrameDamage::update(const ImDrawData& frame, int width, int height,
                                const ScrollingList* list) {
    Record record;
    record.hashes.reserve(last_.hashes.size());
    record.keys.reserve(last_.keys.size());
    record.boxes.reserve(last_.boxes.size());
    if (list && list->draw_list && list->scroll == std::floor(list->scroll) &&
        std::fabs(list->scroll) < 1e6f) {
        const auto area = backend_clip(
            ImVec4(list->clip_x0, list->clip_y0, list->clip_x1, list->clip_y1), width, height);
        if (area && !(*area == PixelRect{0, 0, width, height})) {
            record.list = list->draw_list;
            record.area = *area;
            record.scroll = static_cast<int>(list->scroll);
            record.backdrop = backdrop_of(*list->draw_list, *area);
            record.has_list = record.backdrop != 0;
        }
    }
    summarise(frame, width, height, record);
    bool callback = false;
    for (int n = 0; n < frame.CmdListsCount; ++n)
        for (const ImDrawCmd& cmd : frame.CmdLists[n]->CmdBuffer)
            callback = callback || cmd.UserCallback != nullptr;

    const PixelRect screen{0, 0, width, height};
    const bool comparable = known_ && !callback && width == width_ && height == height_;
    FrameChange change;
    if (!comparable) {
        change.redraw.push_back(screen);
    } else {
        const int shift = last_.scroll - record.scroll;
        const bool moving = record.has_list && last_.has_list && record.list == last_.list &&
                            record.area == last_.area && record.backdrop == last_.backdrop &&
                            std::abs(shift) < record.area.y1 - record.area.y0;
        std::vector<PixelRect> damage;
        compare_commands(last_, record, moving ? record.list : nullptr, damage);
        if (moving) {
            const PixelRect& area = record.area;
            const PixelRect kept = intersection(area, shifted(area, shift));
            // What came into view.
            damage.push_back(shift > 0 ? PixelRect{area.x0, area.y0, area.x1, kept.y0}
                                       : PixelRect{area.x0, kept.y1, area.x1, area.y1});
            compare_moved_list(last_, record, kept, shift, damage);
            if (shift != 0) {
                over_moved_list(last_, record, kept, shift, damage);
                change.moved = kept;
                change.shift = shift;
            }
        }
        change.redraw = uncut(merge_damage(std::move(damage), screen), record, screen);
        if (change.redraw.size() == 1 && change.redraw.front() == screen) {
            change.moved = {};
            change.shift = 0;
        }
    }
    last_ = std::move(record);
    known_ = !callback;
    width_ = width;
    height_ = height;
    return change;
}

}  // namespace kiosk::platform
