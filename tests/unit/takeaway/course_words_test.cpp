#include "kiosk/core/takeaway/course_words.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "kiosk/core/base/calendar.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

ContentSource small_pack() {
    Issues issues;
    auto loaded = load_content_dir(test::fixture("pack_small"), issues);
    INFO(test::all_issues(issues));
    REQUIRE(issues.all().empty());
    return loaded;
}

// The small fixture pack, read in English on 1 January 2027.
struct SmallPackInEnglish {
    ContentSource source = small_pack();
    CourseWords words{source.pack, "en", days_from_civil(2027, 1, 1)};

    Course course(const std::string& id) const {
        const auto it = std::find_if(source.courses.begin(), source.courses.end(),
                                     [&](const Course& c) { return c.id == id; });
        REQUIRE(it != source.courses.end());
        return *it;
    }
};

constexpr const char* dot = "  \xc2\xb7  ";

Reason answer_reason(int question, int option) {
    Reason reason;
    reason.kind = Reason::Kind::answer;
    reason.question = question;
    reason.option = option;
    return reason;
}

}  // namespace

TEST_CASE_METHOD(SmallPackInEnglish, "a course of one week says one week") {
    Course course = this->course("NT2-A1");
    course.duration_weeks = 1;
    CHECK(duration_text(words, course) == "1 week, 4 hours a week");
}

TEST_CASE_METHOD(SmallPackInEnglish, "a longer course says its weeks and hours a week") {
    CHECK(duration_text(words, course("NT2-A1")) == "20 weeks, 4 hours a week");
}

TEST_CASE_METHOD(SmallPackInEnglish, "hours a week show at most one decimal") {
    Course course = this->course("NT2-A1");
    course.hours_per_week = 2.5;
    CHECK(duration_text(words, course) == "20 weeks, 2.5 hours a week");
    course.hours_per_week = 1.25;
    CHECK(duration_text(words, course) == "20 weeks, 1.3 hours a week");
}

TEST_CASE_METHOD(SmallPackInEnglish, "an online course is in no town but online") {
    CHECK(place_text(words, course("ICT-1")) == "Online");
    CHECK(place_text(words, course("CARE-1")) == "Heerlen");
}

TEST_CASE_METHOD(SmallPackInEnglish, "when says the next start from today and the times of day") {
    CHECK(when_text(words, course("CARE-1")) == std::string("Starts 15-01-2027") + dot + "daytime");
    words.today = days_from_civil(2027, 2, 1);
    CHECK(when_text(words, course("CARE-1")) == std::string("Starts 30-08-2027") + dot + "daytime");
    CHECK(when_text(words, course("ICT-1")) ==
          std::string("You can start any time") + dot + "daytime, evenings");
}

TEST_CASE_METHOD(SmallPackInEnglish, "the cost line names the funding that pays for a course") {
    CHECK(cost_line(words, course("CARE-1")) == "Free. Free through the municipality.");
    CHECK(cost_line(words, course("HBO-1")) == "€ 2,600");
}

TEST_CASE_METHOD(SmallPackInEnglish, "a list line gives provider, place, start and cost") {
    CHECK(summary_line(words, course("NT2-A1")) ==
          std::string("Taalhuis") + dot + "Maastricht" + dot + "Starts 10-01-2027" + dot + "Free");
}

TEST_CASE_METHOD(SmallPackInEnglish, "why gives the first reasons and leaves out relaxed ones") {
    MatchResult result;
    Reason relaxed;
    relaxed.kind = Reason::Kind::relaxed;
    result.reasons = {relaxed, answer_reason(0, 0), answer_reason(0, 1)};
    CHECK(why_text(words, result) == "You are looking for work.");
    CHECK(why_text(words, result, 3) == "You are looking for work. You want to learn Dutch.");
}

TEST_CASE_METHOD(SmallPackInEnglish,
                 "a course with no reason of its own fits the visitor's choices") {
    MatchResult result;
    CHECK(why_text(words, result) == "Fits your choices.");
    Reason relaxed;
    relaxed.kind = Reason::Kind::relaxed;
    result.reasons = {relaxed};
    CHECK(why_text(words, result) == "Fits your choices.");
}

TEST_CASE_METHOD(SmallPackInEnglish, "a Dutch visitor reads the same facts in Dutch") {
    words.lang = "nl";
    CHECK(duration_text(words, course("NT2-A1")) == "20 weken, 4 uur per week");
    CHECK(cost_line(words, course("CARE-1")) == "Gratis. Gratis via de gemeente.");
}

TEST_CASE_METHOD(SmallPackInEnglish, "the other towns of a course are named, three at most") {
    CHECK(also_in_text(words, {}).empty());
    CHECK(also_in_text(words, {"Sittard", "Venlo"}) == "Also in Sittard, Venlo");
    CHECK(also_in_text(words, {"Sittard", "Venlo", "Roermond", "Weert", "Echt"}) ==
          "Also in Sittard, Venlo, Roermond and 2 other places");
}

TEST_CASE_METHOD(SmallPackInEnglish,
                 "a course says each relaxed wish it misses that has a flag, in the pack's order") {
    MatchResult result;
    result.km = 12.4f;
    const auto bit = [](ConstraintKind kind) { return 1u << static_cast<unsigned>(kind); };
    result.missed =
        bit(ConstraintKind::distance) | bit(ConstraintKind::schedule) | bit(ConstraintKind::start);
    // The schedule has no flag in this pack: only the other two are said.
    CHECK(flags_text(words, result, course("NT2-A1"), {}) ==
          std::string("Starts later") + dot + "Further away: 12 km");
    result.missed = 0;
    CHECK(flags_text(words, result, course("NT2-A1"), {}).empty());
}

TEST_CASE_METHOD(SmallPackInEnglish, "a course over the budget says how much help would pay it") {
    source.pack.matching.relax.push_back(ConstraintKind::cost);
    source.pack.matching.relax_flag[ConstraintKind::cost]["en"] =
        "Fits if someone helps pay € {amount}";
    Course dear = course("NT2-A1");
    dear.cost_eur = 295;
    Constraints wished;
    wished.max_cost = 250;
    MatchResult result;
    result.missed = 1u << static_cast<unsigned>(ConstraintKind::cost);
    CHECK(flags_text(words, result, dear, wished) == "Fits if someone helps pay € 45");
}
