#pragma once
// A course's facts in the visitor's words: where, when, how long, cost, and
// why it fits. The results list, the detail screen and the take-away screen
// show them; they need the pack's texts only, so they are tested without a screen.

#include <cstdint>
#include <string>

#include "kiosk/core/content/content.hpp"
#include "kiosk/core/matching/matcher.hpp"

namespace kiosk {

// Whom the words are for: the pack's texts in the visitor's language, on the
// visit's day (a start date before `today` is over).
struct CourseWords {
    const ContentPack& pack;
    std::string lang;
    std::int32_t today = 0;
};

std::string place_text(const CourseWords& words, const Course& course);
std::string when_text(const CourseWords& words, const Course& course);  // start and times of day
std::string duration_text(const CourseWords& words, const Course& course);
std::string cost_line(const CourseWords& words, const Course& course);  // cost and funding
// " · " between the parts of a line, kept apart also on a right-to-left line.
std::string list_dot(const ContentPack& pack, const std::string& lang);
// "Free for you: UWV pays" when a funding pays the whole course for this
// visitor (MatchResult::paid_by); empty otherwise.
std::string paid_text(const CourseWords& words, const MatchResult& result);
// "Provider · Place · Starts … · Free": one line for a list; with a result whose
// course a funding pays for this visitor, that says so instead of the price.
std::string summary_line(const CourseWords& words, const Course& course,
                         const MatchResult* result = nullptr);
// "Also in Sittard, Maastricht and 2 more": the other towns of one course; empty
// when there are none.
std::string also_in_text(const CourseWords& words, const std::vector<std::string>& places);
// A few words for each relaxed wish the course misses, joined by dots: "Starts
// later  ·  If someone helps pay € 45". Empty when it misses none.
std::string flags_text(const CourseWords& words, const MatchResult& result, const Course& course,
                       const Constraints& wished);
// The first `at_most` reasons of a result, in plain words.
std::string why_text(const CourseWords& words, const MatchResult& result, int at_most = 1);

}  // namespace kiosk
