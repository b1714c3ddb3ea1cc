#pragma once
// One function per screen of the visitor's path, each drawing into the area
// between the top bar and the bottom of the screen.

#include "kiosk/core/adviser/kiosk_health.hpp"
#include "kiosk/ui/screen_context.hpp"

namespace kiosk::ui {

void attract_screen(ScreenContext& ctx, Area area);
void language_screen(ScreenContext& ctx, Area area);
void question_screen(ScreenContext& ctx, Area area);
void results_screen(ScreenContext& ctx, Area area);
void course_screen(ScreenContext& ctx, Area area);
void takeaway_screen(ScreenContext& ctx, Area area);
void thanks_screen(ScreenContext& ctx, Area area);
// Over any screen while the idle countdown runs.
void still_there_overlay(ScreenContext& ctx, Area screen);
// Adviser mode: the PIN keypad, then the adviser's view, over the visit.
void keypad_overlay(ScreenContext& ctx, Area screen);
void adviser_screen(ScreenContext& ctx, Area screen, const KioskHealth& health);
// The hidden press that opens the keypad: held `hold` long in `corner`.
void adviser_corner(ScreenContext& ctx, Area screen, ScreenCorner corner, Seconds hold);

// The bottom bar's area of `area`, and the part above it.
Area bottom_bar(const ScreenContext& ctx, Area area);
Area above_bottom_bar(const ScreenContext& ctx, Area area);
// "Back" at the bottom left; true when tapped.
bool back_button(ScreenContext& ctx, Area bar);
// The way forward at the bottom right (skip, take away, done); true when tapped.
bool forward_button(ScreenContext& ctx, Area bar, const char* id, const std::string& label,
                    const char* glyph, bool primary);
// Read-aloud in the middle of the bottom bar, on every screen of the visit
// (drawn by the frame, not by each screen): filled with a stop sign while it
// reads; a tap reads the screen, a second tap stops.
void speaker_button(ScreenContext& ctx, Area bar);

}  // namespace kiosk::ui
