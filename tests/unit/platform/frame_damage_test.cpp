#include "kiosk/platform/frame_damage.hpp"

#include <imgui.h>

#include <catch2/catch.hpp>

using kiosk::platform::backend_clip;
using kiosk::platform::FrameDamage;
using kiosk::platform::merge_damage;
using kiosk::platform::PixelRect;

namespace {

constexpr int width = 1920, height = 1080;
const PixelRect screen{0, 0, width, height};

// A Dear ImGui context of its own, with a font atlas, drawing frames of
// filled rectangles in the foreground draw list.
struct Frames {
    Frames() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(std::intptr_t{1}));
    }
    ~Frames() { ImGui::DestroyContext(); }

    struct Box {
        float x0, y0, x1, y1;
        ImU32 colour = IM_COL32(200, 30, 30, 255);
    };

    std::vector<PixelRect> draw(const std::vector<Box>& boxes) {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        // Each box in a clip rectangle of its own, as each widget of the
        // kiosk's scrolling lists and panels is: one draw command each.
        ImDrawList& list = *ImGui::GetForegroundDrawList();
        for (const Box& box : boxes) {
            list.PushClipRect(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1));
            list.AddRectFilled(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1), box.colour);
            list.PopClipRect();
        }
        ImGui::Render();
        return damage.update(*ImGui::GetDrawData(), width, height);
    }

    FrameDamage damage;
};

bool covers(const std::vector<PixelRect>& rects, int x, int y) {
    for (const PixelRect& rect : rects)
        if (x >= rect.x0 && x < rect.x1 && y >= rect.y0 && y < rect.y1)
            return true;
    return false;
}

}  // namespace

TEST_CASE("the first frame, and the one after forgetting, redraw the whole screen", "[damage]") {
    Frames frames;
    CHECK(frames.draw({{10, 10, 50, 50}}) == std::vector{screen});
    CHECK(frames.draw({{10, 10, 50, 50}}).empty());
    frames.damage.forget();
    CHECK(frames.draw({{10, 10, 50, 50}}) == std::vector{screen});
}

TEST_CASE("a frame the same as the last redraws nothing", "[damage]") {
    Frames frames;
    frames.draw({{10, 10, 50, 50}, {300, 400, 500, 600}});
    CHECK(frames.draw({{10, 10, 50, 50}, {300, 400, 500, 600}}).empty());
}

TEST_CASE("a box that moves redraws where it was and where it is, and no more", "[damage]") {
    Frames frames;
    frames.draw({{10, 10, 50, 50}, {1000, 800, 1100, 900}});
    const auto damage = frames.draw({{10, 10, 50, 50}, {1000, 820, 1100, 920}});
    REQUIRE_FALSE(damage.empty());
    CHECK(covers(damage, 1000, 800));
    CHECK(covers(damage, 1099, 919));
    CHECK_FALSE(covers(damage, 30, 30));  // the box that stayed
    std::int64_t area = 0;
    for (const PixelRect& rect : damage)
        area += rect.area();
    CHECK(area <= 110 * 130);
}

TEST_CASE("boxes drawn by one command are redrawn together", "[damage]") {
    Frames frames;
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    // Dear ImGui merges what shares a texture and a clip rectangle into one
    // command; the damage is that command's bounds, old and new.
    auto frame = [&](float y) {
        ImGui::NewFrame();
        ImDrawList& list = *ImGui::GetForegroundDrawList();
        list.AddRectFilled(ImVec2(10, 10), ImVec2(50, 50), IM_COL32(0, 0, 0, 255));
        list.AddRectFilled(ImVec2(1000, y), ImVec2(1100, y + 100), IM_COL32(0, 0, 0, 255));
        ImGui::Render();
        return frames.damage.update(*ImGui::GetDrawData(), width, height);
    };
    frame(800);
    const auto damage = frame(820);
    CHECK(covers(damage, 30, 30));
    CHECK(covers(damage, 1050, 910));
}

TEST_CASE("a change of colour alone is a change", "[damage]") {
    Frames frames;
    frames.draw({{10, 10, 50, 50}});
    const auto damage = frames.draw({{10, 10, 50, 50, IM_COL32(200, 30, 31, 255)}});
    CHECK(covers(damage, 10, 10));
    CHECK(covers(damage, 49, 49));
}

TEST_CASE("a box that comes or goes redraws its place", "[damage]") {
    Frames frames;
    frames.draw({{10, 10, 50, 50}});
    CHECK(covers(frames.draw({{10, 10, 50, 50}, {600, 600, 700, 700}}), 650, 650));
    CHECK(covers(frames.draw({{10, 10, 50, 50}}), 650, 650));
}

TEST_CASE("clip rectangles are truncated to whole pixels as the SDL backend does", "[damage]") {
    CHECK(backend_clip(ImVec4(10.5f, 20.7f, 30.2f, 40.9f), width, height) ==
          PixelRect{10, 20, 29, 40});
    CHECK(backend_clip(ImVec4(-5, -5, 3000, 2000), width, height) == screen);
    CHECK_FALSE(backend_clip(ImVec4(50, 50, 50, 80), width, height));
    CHECK_FALSE(backend_clip(ImVec4(2000, 50, 2100, 80), width, height));
    // Less than a pixel wide: SDL is given an empty rectangle and clips nothing.
    CHECK(backend_clip(ImVec4(50.2f, 50, 50.9f, 80), width, height) == screen);
}

TEST_CASE("damage rectangles are joined when near, kept apart when far", "[damage]") {
    const auto near = merge_damage({{0, 0, 100, 20}, {0, 22, 100, 40}}, screen);
    CHECK(near == std::vector{PixelRect{0, 0, 100, 40}});
    const auto far = merge_damage({{0, 0, 100, 20}, {1000, 900, 1100, 920}}, screen);
    CHECK(far.size() == 2);
    CHECK(merge_damage({{0, 0, 10, 10}, {5, 5, 20, 20}, {-10, -10, 0, 0}}, screen) ==
          std::vector{PixelRect{0, 0, 20, 20}});
}

TEST_CASE("many damage rectangles become a few that cover them all", "[damage]") {
    std::vector<PixelRect> rects;
    for (int i = 0; i < 40; ++i)
        rects.push_back({i * 45, (i % 5) * 200, i * 45 + 10, (i % 5) * 200 + 10});
    const auto merged = merge_damage(rects, screen, 6);
    CHECK(merged.size() <= 6);
    for (const PixelRect& rect : rects)
        CHECK(covers(merged, rect.x0, rect.y0));
}

TEST_CASE("damage over half the screen is the whole screen", "[damage]") {
    CHECK(merge_damage({{0, 0, 1920, 600}}, screen) == std::vector{screen});
}
