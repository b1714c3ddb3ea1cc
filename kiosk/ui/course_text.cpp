#include "kiosk/ui/course_text.hpp"

#include <cmath>

#include "kiosk/core/takeaway/receipt_content.hpp"

namespace kiosk::ui {
namespace {

constexpr const char* dot = "  \xc2\xb7  ";

std::string term_text(const std::vector<Term>& terms, const std::string& id,
                      const std::string& lang) {
    for (const auto& t : terms) {
        if (t.id == id)
            return text_in(t.text, lang);
    }
    return {};
}

std::string number(double value) {
    if (std::floor(value) == value)
        return std::to_string(static_cast<long>(value));
    std::string s = std::to_string(std::round(value * 10) / 10);
    return s.substr(0, s.find('.') + 2);
}

}  // namespace

std::string place_text(const ScreenContext& ctx, const Course& course) {
    if (course.mode == Mode::online)
        return pack_text(ctx.pack, "receipt.online", ctx.lang());
    return course.place;
}

std::string when_text(const ScreenContext& ctx, const Course& course) {
    std::string out = start_text(ctx.pack, course, ctx.flow.today(), ctx.lang());
    std::string times;
    for (auto [bit, key] : {std::pair{schedule_day, "day"}, std::pair{schedule_evening, "evening"},
                            std::pair{schedule_weekend, "weekend"}}) {
        if (course.schedule & bit)
            times += (times.empty() ? "" : ", ") + ctx.text(key);
    }
    if (!times.empty())
        out += dot + times;
    return out;
}

std::string duration_text(const ScreenContext& ctx, const Course& course) {
    return ctx.text(course.duration_weeks == 1 ? "one_week" : "weeks",
                    {{"weeks", std::to_string(course.duration_weeks)},
                     {"hours", number(course.hours_per_week)}});
}

std::string cost_line(const ScreenContext& ctx, const Course& course) {
    std::string out = cost_text(ctx.pack, course, ctx.lang());
    for (const auto& f : course.funding) {
        if (f == "none")
            continue;
        const std::string text = term_text(ctx.pack.funding, f, ctx.lang());
        if (!text.empty())
            out += ". " + text;
    }
    if (!course.funding.empty() && !out.empty() && out.back() != '.')
        out += '.';
    return out;
}

std::string summary_line(const ScreenContext& ctx, const Course& course) {
    return course.provider + dot + place_text(ctx, course) + dot +
           start_text(ctx.pack, course, ctx.flow.today(), ctx.lang()) + dot +
           cost_text(ctx.pack, course, ctx.lang());
}

std::string why_text(const ScreenContext& ctx, const MatchResult& result, int at_most) {
    std::string out;
    int given = 0;
    for (const auto& reason : result.reasons) {
        if (reason.kind == Reason::Kind::relaxed || given == at_most)
            continue;
        out += (out.empty() ? "" : " ") + reason_text(ctx.pack, reason, ctx.lang());
        ++given;
    }
    return out.empty() ? text_in(ctx.pack.matching.fits_text, ctx.lang()) : out;
}

}  // namespace kiosk::ui
