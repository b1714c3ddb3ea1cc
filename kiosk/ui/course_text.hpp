#pragma once
// A course's facts in the visitor's words: where, when, how long, cost,
// shared by the results list, the detail screen and the take-away screen.

#include <string>

#include "kiosk/ui/screen_context.hpp"

namespace kiosk::ui {

std::string place_text(const ScreenContext& ctx, const Course& course);
std::string when_text(const ScreenContext& ctx, const Course& course);  // start and times of day
std::string duration_text(const ScreenContext& ctx, const Course& course);
std::string cost_line(const ScreenContext& ctx, const Course& course);  // cost and funding
// "Provider · Place · Starts … · Free": one line for a list.
std::string summary_line(const ScreenContext& ctx, const Course& course);
// The first `at_most` reasons of a result, in plain words.
std::string why_text(const ScreenContext& ctx, const MatchResult& result, int at_most = 1);

}  // namespace kiosk::ui
