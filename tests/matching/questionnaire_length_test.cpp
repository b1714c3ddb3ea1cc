// The bundled questionnaire may ask more than it did, but no visitor sees more
// than 12 screens of questions, whatever they answer: every path through its
// conditions is walked.

#include <catch2/catch.hpp>
#include <set>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/visit/visit.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

// The questions some condition looks at: only their answers change the path.
std::set<std::string> asked_by_conditions(const Questionnaire& q) {
    std::set<std::string> ids;
    for (const Question& question : q.questions) {
        for (const Condition& c : question.show_if)
            ids.insert(c.question);
    }
    return ids;
}

// Walks every path (each option of a question a condition looks at, or
// skipping it); returns the most questions any visitor is shown.
int longest(const Visit& visit, const Questionnaire& q, const std::set<std::string>& branching,
            int& paths) {
    if (visit.finished()) {
        ++paths;
        return 0;
    }
    const Question& question = q.questions[static_cast<std::size_t>(visit.current_question())];
    // -1: skip it; else choose that option.
    const int options =
        branching.contains(question.id) ? static_cast<int>(question.options.size()) : 0;
    int most = 0;
    for (int way = -1; way < options; ++way) {
        Visit next = visit;
        if (way < 0)
            REQUIRE(next.apply(intent::Skip{}));
        else
            REQUIRE(next.apply(intent::Choose{way}));
        if (!next.finished() && next.current_question() == visit.current_question())
            REQUIRE(next.apply(intent::Next{}));  // ticked one of several
        most = std::max(most, 1 + longest(next, q, branching, paths));
    }
    return most;
}

}  // namespace

TEST_CASE("no visitor is asked more than 12 questions", "[quality]") {
    Issues issues;
    const ContentSource source = load_content_dir(test::source_dir() / "content", issues);
    REQUIRE_FALSE(issues.has_errors());
    const Questionnaire& q = source.pack.questionnaire;
    int paths = 0;
    const int most = longest(Visit(q, {"nl"}, "nl"), q, asked_by_conditions(q), paths);
    INFO(paths << " paths through " << q.questions.size() << " questions");
    CHECK(paths > 1);
    CHECK(most <= 12);
    CHECK(most >= 10);  // the walk reaches the long paths (a broken walk would say 0)
}
