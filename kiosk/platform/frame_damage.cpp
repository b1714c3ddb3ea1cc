#include "kiosk/platform/frame_damage.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace kiosk::platform {
namespace {

// One round of a 64-bit multiply-xorshift mix: fast enough for every vertex
// of a frame (tens of thousands), and a change in any bit spreads to all.
std::uint64_t mix(std::uint64_t hash, std::uint64_t value) {
    hash ^= value + 0x9E3779B97F4A7C15ull + (hash << 6) + (hash >> 2);
    hash *= 0xBF58476D1CE4E5B9ull;
    return hash ^ (hash >> 31);
}

std::uint64_t float_bits(float a, float b) {
    std::uint32_t x = 0, y = 0;
    std::memcpy(&x, &a, sizeof x);
    std::memcpy(&y, &b, sizeof y);
    return (std::uint64_t{x} << 32) | y;
}

// A coordinate as a whole pixel, kept well inside int for any float.
int pixel(float value, int limit) {
    if (!(value > -2.0f))  // also NaN
        return -2;
    if (value > static_cast<float>(limit) + 2.0f)
        return limit + 2;
    return static_cast<int>(value);
}

bool same_point(const ImVec2& a, const ImVec2& b) {
    return a.x == b.x && a.y == b.y;
}

// Whether SDL's software renderer may draw two triangles in a row as one
// rectangle: it does so only for two that share two corners. What a triangle
// draws may depend on its neighbours in such a run, so a triangle is known by
// its whole run.
bool may_pair(const ImDrawVert* const* a, const ImDrawVert* const* b) {
    int shared = 0;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            if (same_point(a[i]->pos, b[j]->pos)) {
                ++shared;
                break;
            }
    return shared >= 2;
}

PixelRect shifted(PixelRect rect, int rows) {
    rect.y0 += rows;
    rect.y1 += rows;
    return rect;
}

// The list's backdrop: the first two triangles of its draw list, a
// rectangle of one opaque colour under all of `area` (a pixel to spare each
// way), as Dear ImGui draws a child window's background. Zero when it is not
// there.
std::uint64_t backdrop_of(const ImDrawList& list, const PixelRect& area) {
    if (list.CmdBuffer.Size < 1)
        return 0;
    const ImDrawCmd& cmd = list.CmdBuffer[0];
    if (cmd.ElemCount < 6 || cmd.UserCallback)
        return 0;
    const ImDrawIdx* indices = list.IdxBuffer.Data + cmd.IdxOffset;
    const ImDrawVert* vertices = list.VtxBuffer.Data + cmd.VtxOffset;
    const ImDrawVert& first = vertices[indices[0]];
    float x0 = first.pos.x, y0 = first.pos.y, x1 = x0, y1 = y0;
    for (int i = 0; i < 6; ++i) {
        const ImDrawVert& v = vertices[indices[i]];
        if (v.col != first.col || (v.col >> IM_COL32_A_SHIFT) != 0xFF || v.uv.x != first.uv.x ||
            v.uv.y != first.uv.y)
            return 0;
        x0 = std::min(x0, v.pos.x), y0 = std::min(y0, v.pos.y);
        x1 = std::max(x1, v.pos.x), y1 = std::max(y1, v.pos.y);
    }
    // Two triangles over (x0, y0)–(x1, y1): every corner of it is a vertex.
    for (const ImVec2 corner : {ImVec2(x0, y0), ImVec2(x1, y0), ImVec2(x1, y1), ImVec2(x0, y1)}) {
        bool found = false;
        for (int i = 0; i < 6 && !found; ++i)
            found = same_point(vertices[indices[i]].pos, corner);
        if (!found)
            return 0;
    }
    if (x0 > static_cast<float>(area.x0 - 1) || y0 > static_cast<float>(area.y0 - 1) ||
        x1 < static_cast<float>(area.x1 + 1) || y1 < static_cast<float>(area.y1 + 1))
        return 0;
    std::uint64_t hash = mix(0xB4C0u, reinterpret_cast<std::uintptr_t>(cmd.GetTexID()));
    hash = mix(hash, float_bits(x0, y0));
    hash = mix(hash, float_bits(x1, y1));
    hash = mix(hash, float_bits(first.uv.x, first.uv.y));
    return mix(hash, first.col);
}

// A position on screen as SDL's software renderer takes it, truncated to
// whole pixels, and as the content's own place: `scroll` rows further down
// for a list scrolled that far. Dear ImGui's float positions of the same
// content differ in their last bits from one scroll to the next; SDL's whole
// pixels do not (a negative one truncates the other way, and differs).
std::uint64_t content_place(float x, float y, int scroll) {
    const auto whole = [](float v) {
        return static_cast<std::int64_t>(std::clamp(v, -1e7f, 1e7f));
    };
    return mix(static_cast<std::uint64_t>(whole(x)), static_cast<std::uint64_t>(whole(y) + scroll));
}

// The width and height SDL gives two triangles it draws as one rectangle
// (differences of float corners, truncated), for two that make an
// axis-aligned rectangle; zero for two that do not, which SDL draws as
// triangles whatever their size.
std::optional<ImVec2> rectangle_size(const ImDrawVert* const* a, const ImDrawVert* const* b) {
    float xs[3] = {}, ys[3] = {};
    int nx = 0, ny = 0;
    auto add = [](float v, float* values, int& n) {
        for (int i = 0; i < std::min(n, 3); ++i)
            if (values[i] == v)
                return;
        if (n < 3)
            values[n] = v;
        ++n;
    };
    for (const ImDrawVert* const* triangle : {a, b})
        for (int k = 0; k < 3; ++k) {
            add(triangle[k]->pos.x, xs, nx);
            add(triangle[k]->pos.y, ys, ny);
        }
    if (nx != 2 || ny != 2)
        return std::nullopt;
    return ImVec2(std::fabs(xs[1] - xs[0]), std::fabs(ys[1] - ys[0]));
}

// Whether two triangles take all their colour from one place of their
// texture (a solid fill: the font atlas's white pixel), which SDL fills
// rather than blits.
bool one_texel(const ImDrawVert* const* a, const ImDrawVert* const* b) {
    const ImVec2 uv = a[0]->uv;
    for (const ImDrawVert* const* triangle : {a, b})
        for (int k = 0; k < 3; ++k)
            if (triangle[k]->uv.x != uv.x || triangle[k]->uv.y != uv.y)
                return false;
    return true;
}

std::uint64_t pair_extent(const ImDrawVert* const* a, const ImDrawVert* const* b) {
    const auto size = rectangle_size(a, b);
    return size ? content_place(size->x, size->y, 0) : 0;
}

// Sums up every command of `frame` into `record`; when it has a scrolling
// list, also the list's triangles by their place in its content.
void summarise(const ImDrawData& frame, int width, int height, FrameDamage::Record& record) {
    std::vector<const ImDrawVert*> corners;  // three per triangle of a command
    std::vector<std::uint64_t> data;         // what each triangle draws
    std::vector<std::uint32_t> runs;         // where each run of triangles begins
    for (int n = 0; n < frame.CmdListsCount; ++n) {
        const ImDrawList& draw_list = *frame.CmdLists[n];
        const bool scrolled = record.has_list && &draw_list == record.list;
        for (int c = 0; c < draw_list.CmdBuffer.Size; ++c) {
            const ImDrawCmd& cmd = draw_list.CmdBuffer[c];
            std::uint64_t state = mix(0, reinterpret_cast<std::uintptr_t>(cmd.GetTexID()));
            state = mix(state, float_bits(cmd.ClipRect.x, cmd.ClipRect.y));
            state = mix(state, float_bits(cmd.ClipRect.z, cmd.ClipRect.w));
            const auto clip = backend_clip(cmd.ClipRect, width, height);
            const ImDrawIdx* indices = draw_list.IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vertices = draw_list.VtxBuffer.Data + cmd.VtxOffset;
            const std::size_t triangles = cmd.ElemCount / 3;
            corners.resize(triangles * 3);
            data.resize(triangles);
            runs.clear();
            PixelRect bounds;
            for (std::size_t t = 0; t < triangles; ++t) {
                std::uint64_t hash = 0;
                float min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
                for (std::size_t k = 0; k < 3; ++k) {
                    const ImDrawVert& vertex = vertices[indices[t * 3 + k]];
                    corners[t * 3 + k] = &vertex;
                    hash = mix(hash, float_bits(vertex.pos.x, vertex.pos.y));
                    hash = mix(hash, float_bits(vertex.uv.x, vertex.uv.y));
                    hash = mix(hash, vertex.col);
                    min_x = std::min(min_x, vertex.pos.x), min_y = std::min(min_y, vertex.pos.y);
                    max_x = std::max(max_x, vertex.pos.x), max_y = std::max(max_y, vertex.pos.y);
                }
                data[t] = hash;
                if (t == 0 || !may_pair(&corners[(t - 1) * 3], &corners[t * 3]))
                    runs.push_back(static_cast<std::uint32_t>(t));
                // A pixel of margin each way: SDL rounds a triangle's edges,
                // or a quad it draws as a rectangle, to whole pixels its own way.
                PixelRect box;
                if (clip)
                    box = intersection(
                        {pixel(std::floor(min_x), width) - 1, pixel(std::floor(min_y), height) - 1,
                         pixel(std::ceil(max_x), width) + 1, pixel(std::ceil(max_y), height) + 1},
                        *clip);
                record.boxes.push_back(box);
                bounds = bounding(bounds, box);
            }
            runs.push_back(static_cast<std::uint32_t>(triangles));
            std::uint64_t hash = mix(state, cmd.ElemCount);
            const std::size_t first = record.whole.size();
            record.whole.resize(first + triangles, false);
            for (std::size_t r = 0; r + 1 < runs.size(); ++r) {
                std::uint64_t run = 0;
                for (std::uint32_t t = runs[r]; t < runs[r + 1]; ++t)
                    run = mix(run, data[t]);
                for (std::uint32_t t = runs[r]; t < runs[r + 1]; ++t) {
                    record.keys.push_back(mix(run, t - runs[r]));
                    record.starts.push_back(t == runs[r]);
                    if (t > runs[r] && cmd.GetTexID() &&
                        !one_texel(&corners[(t - 1) * 3], &corners[t * 3]) &&
                        rectangle_size(&corners[(t - 1) * 3], &corners[t * 3]))
                        record.whole[first + t - 1] = record.whole[first + t] = true;
                }
                hash = mix(hash, run);
            }
            record.hashes.push_back(hash);
            record.states.push_back(state);
            record.bounds.push_back(bounds);
            record.lists.push_back(&draw_list);
            record.ends.push_back(static_cast<std::uint32_t>(record.keys.size()));
            if (!scrolled)
                continue;
            // The list's content by its own place: the same for the same
            // content however far it is scrolled.
            const int scroll = record.scroll;
            std::uint64_t content_state = mix(0, reinterpret_cast<std::uintptr_t>(cmd.GetTexID()));
            if (clip && *clip == record.area) {
                content_state = mix(content_state, 1);  // the list's own clip rectangle
            } else if (clip && intersection(*clip, record.area) == *clip) {
                content_state =
                    mix(content_state, content_place(static_cast<float>(clip->x0),
                                                     static_cast<float>(clip->y0), scroll));
                content_state =
                    mix(content_state, content_place(static_cast<float>(clip->x1),
                                                     static_cast<float>(clip->y1), scroll));
            } else {
                record.has_list = false;  // it may paint outside the list: compare it as any other
                continue;
            }
            // The backdrop, the first two triangles, is known by its own
            // hash; it must be a run of its own.
            const std::size_t first_run = c == 0 ? 1 : 0;
            if (c == 0 && (runs.size() < 2 || runs[1] != 2)) {
                record.has_list = false;
                continue;
            }
            for (std::size_t r = first_run; r + 1 < runs.size(); ++r) {
                std::uint64_t run = content_state;
                for (std::uint32_t t = runs[r]; t < runs[r + 1]; ++t) {
                    for (std::size_t k = 0; k < 3; ++k) {
                        const ImDrawVert& vertex = *corners[t * 3 + k];
                        run = mix(run, content_place(vertex.pos.x, vertex.pos.y, scroll));
                        run = mix(run, float_bits(vertex.uv.x, vertex.uv.y));
                        run = mix(run, vertex.col);
                    }
                    if (t > runs[r])
                        run = mix(run, pair_extent(&corners[(t - 1) * 3], &corners[t * 3]));
                }
                const std::size_t first_box = record.boxes.size() - triangles;
                for (std::uint32_t t = runs[r]; t < runs[r + 1]; ++t) {
                    record.content_keys.push_back(mix(run, t - runs[r]));
                    record.content_boxes.push_back(record.boxes[first_box + t]);
                }
            }
        }
    }
}

}  // namespace

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
