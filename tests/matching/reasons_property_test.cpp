// Every reason is true of the course it stands on: hundreds of random visits to the
// bundled pack, each reason checked against the course's own fields (its tags, as
// course_tags makes them from courses.csv), not against the matcher's index.

#include <catch2/catch.hpp>
#include <random>

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/visit/visit.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

bool has(const std::vector<std::string>& tags, const std::string& tag) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// Why the reason is not true of the course; "" when it is.
std::string untrue(const ContentPack& pack, const Reason& reason, const Course& course,
                   const MatchResult& result) {
    const auto tags = course_tags(course);
    switch (reason.kind) {
        case Reason::Kind::answer: {
            const Option& option =
                pack.questionnaire.questions[static_cast<std::size_t>(reason.question)]
                    .options[static_cast<std::size_t>(reason.option)];
            const bool added =
                std::any_of(option.weights.begin(), option.weights.end(),
                            [&](const TagWeight& w) { return w.weight > 0 && has(tags, w.tag); });
            if (!added)
                return "option " + option.id + " added nothing to it";
            if (!option.reason_if.empty() &&
                std::none_of(option.reason_if.begin(), option.reason_if.end(),
                             [&](const std::string& alternative) {
                                 const auto all = split_list(alternative, '&');
                                 return std::all_of(all.begin(), all.end(),
                                                    [&](const auto& t) { return has(tags, t); });
                             })) {
                return "option " + option.id + "'s reason_if does not hold";
            }
            return "";
        }
        case Reason::Kind::agenda:
            return has(tags, "sector:" + reason.sector) ? "" : "not in sector " + reason.sector;
        case Reason::Kind::relaxed:
            return result.missed & (1u << static_cast<unsigned>(reason.constraint))
                       ? ""
                       : "it meets the wish said to be relaxed";
        case Reason::Kind::outside:
            return result.outside_focus ? "" : "it is inside the focus";
        case Reason::Kind::fits:
        case Reason::Kind::broad:
            return "";
    }
    return "unknown kind";
}

}  // namespace

TEST_CASE("every reason shown in hundreds of random visits is true of its course", "[quality]") {
    Issues issues;
    const ContentSource source = load_content_dir(test::source_dir() / "content", issues);
    REQUIRE_FALSE(issues.has_errors());
    const ContentPack& pack = source.pack;
    const MatchIndex index = MatchIndex::build(source.courses);
    const Matcher matcher(pack, index);
    const MatchContext context{*parse_day("2026-12-01"), pack.info.location.lat,
                               pack.info.location.lon};
    std::mt19937 random(20261205);
    int reasons = 0;
    for (int visit_number = 0; visit_number < 400; ++visit_number) {
        Visit visit(pack.questionnaire, pack.info.languages, "nl");
        while (!visit.finished()) {
            const Question& q =
                pack.questionnaire.questions[static_cast<std::size_t>(visit.current_question())];
            const auto pick = std::uniform_int_distribution<int>(
                -1, static_cast<int>(q.options.size()) - 1)(random);
            if (pick < 0)
                visit.apply(intent::Skip{});
            else
                visit.apply(intent::Choose{pick});
        }
        const Ranking ranking = matcher.rank(visit.answers(), context);
        for (const MatchResult& result : ranking.results) {
            const Course& course = source.courses[static_cast<std::size_t>(result.course)];
            for (const Reason& reason : result.reasons) {
                ++reasons;
                const std::string why = untrue(pack, reason, course, result);
                INFO("visit " << visit_number << ", course " << course.id << ": \""
                              << reason_text(pack, reason, "en") << "\": " << why);
                CHECK(why.empty());
            }
        }
    }
    CHECK(reasons > 1000);
}
