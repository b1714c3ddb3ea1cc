#include "kiosk/platform/frame_summary.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

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

// The width and height of the axis-aligned rectangle two triangles make,
// as differences of their float corners; nothing when they make none.
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

// The width and height SDL gives two triangles it draws as one rectangle
// (the float differences, truncated); zero for two that make none, which
// SDL draws as triangles whatever their size.
std::uint64_t pair_extent(const ImDrawVert* const* a, const ImDrawVert* const* b) {
    const auto size = rectangle_size(a, b);
    return size ? content_place(size->x, size->y, 0) : 0;
}

}  // namespace

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

}  // namespace kiosk::platform
