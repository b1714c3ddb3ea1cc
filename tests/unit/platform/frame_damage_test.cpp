#include "kiosk/platform/frame_damage.hpp"

#include <imgui.h>

#include <catch2/catch.hpp>

using kiosk::platform::backend_clip;
using kiosk::platform::FrameChange;
using kiosk::platform::FrameDamage;
using kiosk::platform::merge_damage;
using kiosk::platform::PixelRect;
using kiosk::platform::ScrollingList;

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
        return damage.update(*ImGui::GetDrawData(), width, height).redraw;
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

TEST_CASE("within one command, only the triangles that changed are redrawn", "[damage]") {
    Frames frames;
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    // Dear ImGui merges what shares a texture and a clip rectangle into one
    // command; the triangles it kept at its start and end paint the same.
    auto frame = [&](float y, ImU32 last) {
        ImGui::NewFrame();
        ImDrawList& list = *ImGui::GetForegroundDrawList();
        list.AddRectFilled(ImVec2(10, 10), ImVec2(50, 50), IM_COL32(0, 0, 0, 255));
        list.AddRectFilled(ImVec2(1000, y), ImVec2(1100, y + 100), IM_COL32(0, 0, 0, 255));
        list.AddRectFilled(ImVec2(1500, 900), ImVec2(1600, 1000), last);
        ImGui::Render();
        return frames.damage.update(*ImGui::GetDrawData(), width, height).redraw;
    };
    frame(800, IM_COL32(0, 0, 0, 255));
    auto damage = frame(820, IM_COL32(0, 0, 0, 255));
    CHECK_FALSE(covers(damage, 30, 30));  // before the change, in the same command
    CHECK(covers(damage, 1050, 910));
    CHECK_FALSE(covers(damage, 1550, 950));  // after it
    damage = frame(820, IM_COL32(0, 0, 255, 255));
    CHECK(covers(damage, 1550, 950));
    CHECK_FALSE(covers(damage, 1050, 850));
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

namespace {

// A list in (100, 200)–(900, 800) of twenty rounded cards, scrolled by
// `scroll` pixels, with a fade at its foot that stays where it is; drawn
// over a backdrop of one opaque colour when `backdrop`, as scroll_list does.
FrameChange scrolled_list(Frames& frames, int scroll, bool backdrop = true, int pressed = -1) {
    constexpr float x0 = 100, y0 = 200, x1 = 900, y1 = 800;
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImDrawList& list = *ImGui::GetForegroundDrawList();
    list.PushClipRect(ImVec2(x0, y0), ImVec2(x1, y1));
    if (backdrop)
        list.AddRectFilled(ImVec2(x0 - 2, y0 - 2), ImVec2(x1 + 2, y1 + 2),
                           IM_COL32(250, 250, 250, 255));
    for (int i = 0; i < 20; ++i) {
        // Positions with fractions, as a layout of text makes them.
        const float top = y0 + 10.3f + static_cast<float>(i) * 100.7f - static_cast<float>(scroll);
        const ImU32 colour = i == pressed ? IM_COL32(200, 0, 0, 255) : IM_COL32(20, 20, 200, 255);
        list.AddRectFilled(ImVec2(x0 + 10.6f, top), ImVec2(x1 - 10.6f, top + 80.35f), colour,
                           12.0f);
    }
    const ImU32 solid = IM_COL32(250, 250, 250, 255), clear = IM_COL32(250, 250, 250, 0);
    list.AddRectFilledMultiColor(ImVec2(x0, y1 - 30), ImVec2(x1, y1), clear, clear, solid, solid);
    list.PopClipRect();
    ImGui::Render();
    const ScrollingList scrolling{&list, x0, y0, x1, y1, static_cast<float>(scroll)};
    return frames.damage.update(*ImGui::GetDrawData(), width, height, &scrolling);
}

std::int64_t area_of(const std::vector<PixelRect>& rects) {
    std::int64_t area = 0;
    for (const PixelRect& rect : rects)
        area += rect.area();
    return area;
}

}  // namespace

TEST_CASE("a list that scrolls has its pixels moved, and only what came into view drawn",
          "[damage]") {
    Frames frames;
    scrolled_list(frames, 100);
    const FrameChange down = scrolled_list(frames, 140);  // the content goes up 40 rows
    CHECK(down.shift == -40);
    CHECK(down.moved == PixelRect{100, 200, 900, 760});
    CHECK(covers(down.redraw, 500, 790));        // came into view, under the fade
    CHECK_FALSE(covers(down.redraw, 500, 400));  // moved, not drawn
    CHECK(area_of(down.redraw) < 800 * 120);
    const FrameChange up = scrolled_list(frames, 90);
    CHECK(up.shift == 50);
    CHECK(up.moved == PixelRect{100, 250, 900, 800});
    CHECK(covers(up.redraw, 500, 220));
    CHECK(covers(up.redraw, 500, 790));  // the fade's place: what is under it moved
    CHECK_FALSE(covers(up.redraw, 500, 500));
    CHECK(scrolled_list(frames, 90).none());
}

TEST_CASE("a card that changes while its list scrolls is drawn again", "[damage]") {
    Frames frames;
    scrolled_list(frames, 100);
    const FrameChange change = scrolled_list(frames, 120, true, 5);  // the sixth card
    CHECK(change.shift == -20);
    const float top = 200 + 10.3f + 5 * 100.7f - 120;
    CHECK(covers(change.redraw, 500, static_cast<int>(top + 40)));
    CHECK_FALSE(covers(change.redraw, 500, static_cast<int>(top + 150)));
}

TEST_CASE("a list without an opaque backdrop is not moved", "[damage]") {
    Frames frames;
    scrolled_list(frames, 100, false);
    const FrameChange change = scrolled_list(frames, 140, false);
    CHECK(change.moved.empty());
    CHECK(change.shift == 0);
    CHECK(covers(change.redraw, 500, 400));
}

TEST_CASE("a damage rectangle never cuts a picture, which SDL would sample elsewhere when cut",
          "[damage]") {
    Frames frames;
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    // A picture (a textured rectangle, as a glyph or the logo) and a solid
    // one, each with a small box over it that changes colour.
    auto frame = [&](ImU32 box) {
        ImGui::NewFrame();
        ImDrawList& list = *ImGui::GetForegroundDrawList();
        list.AddImage(reinterpret_cast<ImTextureID>(std::intptr_t{2}), ImVec2(100, 100),
                      ImVec2(300, 300));
        list.AddRectFilled(ImVec2(1000, 100), ImVec2(1200, 300), IM_COL32(0, 0, 0, 255));
        list.AddRectFilled(ImVec2(150, 280), ImVec2(160, 290), box);
        list.AddRectFilled(ImVec2(1050, 280), ImVec2(1060, 290), box);
        ImGui::Render();
        return frames.damage.update(*ImGui::GetDrawData(), width, height).redraw;
    };
    frame(IM_COL32(255, 0, 0, 255));
    const auto damage = frame(IM_COL32(0, 255, 0, 255));
    CHECK(covers(damage, 101, 101));         // the whole picture
    CHECK(covers(damage, 1055, 285));        // the box over the solid rectangle
    CHECK_FALSE(covers(damage, 1100, 150));  // but not the rest of it
}
