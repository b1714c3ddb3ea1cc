#include "kiosk/platform/frame_damage.hpp"

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

struct Command {
    std::uint64_t hash = 0;
    PixelRect bounds;
};

Command summarise(const ImDrawList& list, const ImDrawCmd& cmd, int width, int height) {
    std::uint64_t hash = mix(0, reinterpret_cast<std::uintptr_t>(cmd.GetTexID()));
    hash = mix(hash, float_bits(cmd.ClipRect.x, cmd.ClipRect.y));
    hash = mix(hash, float_bits(cmd.ClipRect.z, cmd.ClipRect.w));
    hash = mix(hash, cmd.ElemCount);
    float min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    const ImDrawIdx* indices = list.IdxBuffer.Data + cmd.IdxOffset;
    const ImDrawVert* vertices = list.VtxBuffer.Data + cmd.VtxOffset;
    for (unsigned int i = 0; i < cmd.ElemCount; ++i) {
        const ImDrawVert& vertex = vertices[indices[i]];
        hash = mix(hash, float_bits(vertex.pos.x, vertex.pos.y));
        hash = mix(hash, float_bits(vertex.uv.x, vertex.uv.y));
        hash = mix(hash, vertex.col);
        min_x = std::min(min_x, vertex.pos.x);
        min_y = std::min(min_y, vertex.pos.y);
        max_x = std::max(max_x, vertex.pos.x);
        max_y = std::max(max_y, vertex.pos.y);
    }
    Command summary{hash, {}};
    const auto clip = backend_clip(cmd.ClipRect, width, height);
    if (!clip || cmd.ElemCount == 0)
        return summary;
    // A pixel of margin each way: SDL rounds a triangle's edges, or a quad it
    // draws as a rectangle, to whole pixels its own way.
    const PixelRect touched{
        pixel(std::floor(min_x), width) - 1, pixel(std::floor(min_y), height) - 1,
        pixel(std::ceil(max_x), width) + 1, pixel(std::ceil(max_y), height) + 1};
    summary.bounds = intersection(touched, *clip);
    return summary;
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

std::vector<PixelRect> FrameDamage::update(const ImDrawData& frame, int width, int height) {
    std::vector<std::uint64_t> hashes;
    std::vector<PixelRect> bounds;
    hashes.reserve(hashes_.size());
    bounds.reserve(bounds_.size());
    bool callback = false;
    for (int n = 0; n < frame.CmdListsCount; ++n) {
        const ImDrawList& list = *frame.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            callback = callback || cmd.UserCallback != nullptr;
            const Command summary = summarise(list, cmd, width, height);
            hashes.push_back(summary.hash);
            bounds.push_back(summary.bounds);
        }
    }
    const PixelRect screen{0, 0, width, height};
    const bool comparable = known_ && !callback && width == width_ && height == height_;
    std::vector<PixelRect> damage;
    if (comparable) {
        const std::size_t old_size = hashes_.size(), new_size = hashes.size();
        if (old_size == new_size) {
            for (std::size_t i = 0; i < new_size; ++i) {
                if (hashes[i] != hashes_[i]) {
                    damage.push_back(bounds_[i]);
                    damage.push_back(bounds[i]);
                }
            }
        } else {
            // Commands came or went (a popup, a card more): the same ones at
            // the start and at the end, and everything between them changed.
            const std::size_t shorter = std::min(old_size, new_size);
            std::size_t prefix = 0, suffix = 0;
            while (prefix < shorter && hashes[prefix] == hashes_[prefix])
                ++prefix;
            while (suffix < shorter - prefix &&
                   hashes[new_size - 1 - suffix] == hashes_[old_size - 1 - suffix])
                ++suffix;
            for (std::size_t i = prefix; i < old_size - suffix; ++i)
                damage.push_back(bounds_[i]);
            for (std::size_t i = prefix; i < new_size - suffix; ++i)
                damage.push_back(bounds[i]);
        }
        damage = merge_damage(std::move(damage), screen);
    } else {
        damage.push_back(screen);
    }
    hashes_ = std::move(hashes);
    bounds_ = std::move(bounds);
    known_ = !callback;
    width_ = width;
    height_ = height;
    return damage;
}

}  // namespace kiosk::platform
