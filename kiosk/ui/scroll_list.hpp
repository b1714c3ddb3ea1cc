#pragma once
// A vertical list that scrolls by dragging, for options and results that do
// not fit: a child window without scrollbars (a mouse-only control), moved by
// a TouchScroll, with a soft fade at an edge that has more beyond it.

#include <functional>

#include "kiosk/ui/screen_context.hpp"

namespace kiosk::ui {

// Draws `content` (given the top-left of the list's content, in screen pixels,
// and returning the content's height) inside `area`, scrolled by `scroll`.
// `reset_to_top` puts the list back at its start (a new question).
void scroll_list(ScreenContext& ctx, const char* id, Area area, TouchScroll& scroll,
                 bool reset_to_top, const std::function<float(ImVec2 origin)>& content);

}  // namespace kiosk::ui
