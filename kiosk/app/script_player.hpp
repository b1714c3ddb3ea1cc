#pragma once
// Plays a script (kiosk/core/ui_script.hpp) against a headless kiosk on a fixed
// frame clock: virtual time advances 1/60 s for each frame drawn, and waits
// jump ahead to the next frame the loop would draw, so "wait 95s" is quick but
// still draws the countdown. Taps, drags, keys and closes become real SDL
// events that take the same path as a visitor's (lockdown rules, input
// adapter, intents), never shortcuts into the flow.

#include <SDL.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_loop.hpp"
#include "kiosk/core/script/ui_script.hpp"

namespace kiosk::app {

// Where virtual time starts; the flow must be made at this time point.
Clock::time_point script_start_time();

class ScriptPlayer {
  public:
    // `screenshots`: the folder for `screenshot` steps; empty: they fail.
    // `headphone_event`: the loop's headphone-jack event, which `headphones
    // in|out` sends as the jack's thread would.
    ScriptPlayer(KioskLoop& loop, const VisitFlow& flow, const ui::KioskUi& ui,
                 std::filesystem::path screenshots, std::uint32_t headphone_event = 0);

    // Plays each line in order. Returns 0 when all were met; at the first that
    // is not, prints "FILE:LINE: <the line>: <what was found>" and returns 1.
    int play(const std::vector<script::Line>& lines, const std::string& file_name);

  private:
    // Each returns what went wrong, or nothing.
    std::optional<std::string> run(const script::Step& step);
    std::optional<std::string> tap_at(float x, float y);
    std::optional<std::string> drag(const script::Drag& drag);
    std::optional<std::string> hold(const script::Hold& hold);
    std::optional<std::string> key(const script::Key& key);
    std::optional<std::string> close();
    std::optional<std::string> screenshot(const std::string& name);
    std::optional<std::string> expect_text(const script::ExpectText& expect) const;
    std::optional<std::string> expect_countdown(bool present) const;
    std::optional<std::string> expect_screen(const std::string& screen) const;
    std::optional<std::string> expect_focus(const std::string& label) const;
    std::optional<std::string> expect_said(const std::string& text) const;
    std::optional<std::string> headphones(bool in);
    // Draws a fresh frame and finds the target, or says which targets there are.
    std::optional<std::string> find(const std::string& label, float& x, float& y);

    void push_finger(Uint32 type, float x, float y);
    // Lets the loop run for `duration` of virtual time, drawing as it would.
    void run_for(Millis duration);
    // Draws until nothing is pending (queued touches, new screens).
    void settle();
    void draw(platform::RgbaPixels* capture = nullptr);
    void drain_events();

    KioskLoop& loop_;
    const VisitFlow& flow_;
    const ui::KioskUi& ui_;
    std::uint32_t headphone_event_ = 0;
    std::filesystem::path screenshots_;
    Clock::time_point now_;
};

}  // namespace kiosk::app
