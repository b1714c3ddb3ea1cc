#pragma once
// A course's facts in the visitor's words (kiosk/core/takeaway/course_words),
// for a screen: in the visit's language, on the visit's day.

#include <string>

#include "kiosk/core/takeaway/course_words.hpp"
#include "kiosk/ui/screen_context.hpp"

namespace kiosk::ui {

inline CourseWords course_words(const ScreenContext& ctx) {
    return {ctx.pack, ctx.lang(), ctx.flow.today()};
}

inline std::string place_text(const ScreenContext& ctx, const Course& course) {
    return kiosk::place_text(course_words(ctx), course);
}
inline std::string when_text(const ScreenContext& ctx, const Course& course) {
    return kiosk::when_text(course_words(ctx), course);
}
inline std::string duration_text(const ScreenContext& ctx, const Course& course) {
    return kiosk::duration_text(course_words(ctx), course);
}
inline std::string cost_line(const ScreenContext& ctx, const Course& course) {
    return kiosk::cost_line(course_words(ctx), course);
}
inline std::string summary_line(const ScreenContext& ctx, const Course& course,
                                const MatchResult* result = nullptr) {
    return kiosk::summary_line(course_words(ctx), course, result);
}
inline std::string paid_text(const ScreenContext& ctx, const MatchResult& result) {
    return kiosk::paid_text(course_words(ctx), result);
}
inline std::string also_in_text(const ScreenContext& ctx, int rank) {
    return kiosk::also_in_text(course_words(ctx), ctx.flow.also_places(rank));
}
inline std::string flags_text(const ScreenContext& ctx, const MatchResult& result,
                              const Course& course) {
    return kiosk::flags_text(course_words(ctx), result, course, ctx.flow.ranking().wished);
}
inline std::string why_text(const ScreenContext& ctx, const MatchResult& result, int at_most = 1) {
    return kiosk::why_text(course_words(ctx), result, at_most);
}

}  // namespace kiosk::ui
