#include "kiosk/core/takeaway/course_words.hpp"

#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include "kiosk/core/content/text_direction.hpp"
#include "kiosk/core/takeaway/receipt_content.hpp"

namespace kiosk {
namespace {

constexpr const char* dot = "  \xc2\xb7  ";
// Between two Latin names ("Taalhuis · Maastricht") on an Arabic line the dot
// would join them into one left-to-right run read in the wrong order; right-
// to-left marks around it keep each part in its place. The marks are removed
// when the line is shaped.
constexpr const char* rtl_dot = "  \u200F\xc2\xb7\u200F  ";

// A kiosk text (texts.toml "screen.*") in the visitor's language.
std::string screen_text(const CourseWords& words, const std::string& key,
                        const std::map<std::string, std::string>& values = {}) {
    return pack_text(words.pack, "screen." + key, words.lang, values);
}

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

std::string place_text(const CourseWords& words, const Course& course) {
    if (course.mode == Mode::online)
        return pack_text(words.pack, "receipt.online", words.lang);
    return course.place;
}

std::string when_text(const CourseWords& words, const Course& course) {
    // Arabic script has its own comma (Hebrew and Yiddish use ",").
    const bool arabic_script =
        right_to_left(words.pack, words.lang) && words.lang != "he" && words.lang != "yi";
    const char* comma = arabic_script ? "\u060C " : ", ";
    std::string out = start_text(words.pack, course, words.today, words.lang);
    std::string times;
    for (auto [bit, key] : {std::pair{schedule_day, "day"}, std::pair{schedule_evening, "evening"},
                            std::pair{schedule_weekend, "weekend"}}) {
        if (course.schedule & bit)
            times += (times.empty() ? "" : comma) + screen_text(words, key);
    }
    if (!times.empty())
        out += list_dot(words.pack, words.lang) + times;
    return out;
}

std::string duration_text(const CourseWords& words, const Course& course) {
    return screen_text(words, course.duration_weeks == 1 ? "one_week" : "weeks",
                       {{"weeks", std::to_string(course.duration_weeks)},
                        {"hours", number(course.hours_per_week)}});
}

std::string cost_line(const CourseWords& words, const Course& course) {
    std::string out = cost_text(words.pack, course, words.lang);
    for (const auto& f : course.funding) {
        if (f == "none")
            continue;
        const std::string text = term_text(words.pack.funding, f, words.lang);
        if (!text.empty())
            out += ". " + text;
    }
    if (!course.funding.empty() && !out.empty() && out.back() != '.')
        out += '.';
    return out;
}

std::string list_dot(const ContentPack& pack, const std::string& lang) {
    return right_to_left(pack, lang) ? rtl_dot : dot;
}

std::string summary_line(const CourseWords& words, const Course& course) {
    const std::string sep = list_dot(words.pack, words.lang);
    return course.provider + sep + place_text(words, course) + sep +
           start_text(words.pack, course, words.today, words.lang) + sep +
           cost_text(words.pack, course, words.lang);
}

std::string why_text(const CourseWords& words, const MatchResult& result, int at_most) {
    std::string out;
    int given = 0;
    for (const auto& reason : result.reasons) {
        if (reason.kind == Reason::Kind::relaxed || given == at_most)
            continue;
        out += (out.empty() ? "" : " ") + reason_text(words.pack, reason, words.lang);
        ++given;
    }
    return out.empty() ? text_in(words.pack.matching.fits_text, words.lang) : out;
}

}  // namespace kiosk
