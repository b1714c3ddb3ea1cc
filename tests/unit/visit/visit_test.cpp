#include "kiosk/core/visit/visit.hpp"

#include <catch2/catch.hpp>

#include "kiosk/core/content/content_loader.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

const ContentPack& small_pack() {
    static const ContentPack pack = [] {
        Issues issues;
        return load_content_dir(test::fixture("pack_small"), issues).pack;
    }();
    return pack;
}

Visit new_visit() {
    return Visit(small_pack().questionnaire, {"nl", "en"}, "nl");
}

const std::string& current_id(const Visit& v) {
    return small_pack().questionnaire.questions[static_cast<std::size_t>(v.current_question())].id;
}

}  // namespace

TEST_CASE("a visit starts at the first question in the default language") {
    Visit v = new_visit();
    CHECK(current_id(v) == "situation");
    CHECK(v.language() == "nl");
    CHECK(v.progress().step == 1);
    CHECK(v.answers().empty());
}

TEST_CASE("a conditional question is shown only after the answers it names") {
    Visit looking = new_visit();
    looking.apply(intent::Choose{0});  // looking for work
    CHECK(current_id(looking) == "interest");

    Visit newcomer = new_visit();
    newcomer.apply(intent::Choose{1});  // newcomer
    CHECK(current_id(newcomer) == "dutch");
}

TEST_CASE("a skipped question counts as \"skipped\" in conditions") {
    Visit v = new_visit();
    v.apply(intent::Skip{});
    CHECK(current_id(v) == "dutch");
}

TEST_CASE("progress counts only the questions this visitor will see") {
    Visit v = new_visit();
    CHECK(v.progress().total == 4);  // situation unanswered counts as skipped: dutch shown
    v.apply(intent::Choose{0});
    CHECK(v.progress().step == 2);
    CHECK(v.progress().total == 3);
}

TEST_CASE("back returns to the previous question and keeps its answer") {
    Visit v = new_visit();
    v.apply(intent::Choose{1});
    v.apply(intent::Choose{0});  // dutch: none
    CHECK(current_id(v) == "interest");
    CHECK(v.apply(intent::Back{}));
    CHECK(current_id(v) == "dutch");
    CHECK(v.answer_to(1) == 0);
    CHECK(v.apply(intent::Back{}));
    CHECK(current_id(v) == "situation");
    CHECK_FALSE(v.apply(intent::Back{}));  // nothing before the first question
}

TEST_CASE("an answer to a question that is no longer shown does not count") {
    Visit v = new_visit();
    v.apply(intent::Choose{1});  // newcomer
    v.apply(intent::Choose{1});  // dutch: good
    v.apply(intent::Back{});
    v.apply(intent::Back{});
    v.apply(intent::Choose{0});  // changes to looking for work: dutch is hidden
    v.apply(intent::Choose{0});  // interest: care
    v.apply(intent::Choose{1});  // time: any
    REQUIRE(v.finished());
    const auto answers = v.answers();
    CHECK(answers == std::vector<Answer>{{0, 0}, {2, 0}, {3, 1}});
}

TEST_CASE("skip leaves the question unanswered and moves on") {
    Visit v = new_visit();
    v.apply(intent::Choose{0});
    v.apply(intent::Skip{});
    CHECK(current_id(v) == "time");
    CHECK(v.answer_to(2) == -1);
}

TEST_CASE("an option that does not exist changes nothing") {
    Visit v = new_visit();
    CHECK_FALSE(v.apply(intent::Choose{7}));
    CHECK_FALSE(v.apply(intent::Choose{-1}));
    CHECK(current_id(v) == "situation");
}

TEST_CASE("changing language mid-visit keeps the answers") {
    Visit v = new_visit();
    v.apply(intent::Choose{0});
    CHECK(v.apply(intent::ChangeLanguage{"en"}));
    CHECK(v.language() == "en");
    CHECK(v.answer_to(0) == 0);
    CHECK(current_id(v) == "interest");
    CHECK_FALSE(v.apply(intent::ChangeLanguage{"tlh"}));
    CHECK(v.language() == "en");
}

TEST_CASE("reset forgets every answer and the language") {
    Visit v = new_visit();
    v.apply(intent::ChangeLanguage{"en"});
    v.apply(intent::Choose{1});
    v.apply(intent::Choose{0});
    v.apply(intent::Reset{});
    CHECK(v.language() == "nl");
    CHECK(current_id(v) == "situation");
    CHECK(v.answers().empty());
    for (int q = 0; q < 4; ++q)
        CHECK(v.answer_to(q) == -1);
    CHECK_FALSE(v.apply(intent::Back{}));
}

TEST_CASE("a finished visit accepts no more answers") {
    Visit v = new_visit();
    while (!v.finished())
        v.apply(intent::Skip{});
    CHECK_FALSE(v.apply(intent::Choose{0}));
    CHECK_FALSE(v.apply(intent::Skip{}));
    CHECK(v.apply(intent::Back{}));
    CHECK_FALSE(v.finished());
}

namespace {

// Interests (up to two, "don't know" alone), then a question shown only after
// "ict" was among them.
Questionnaire several_answers() {
    Questionnaire q;
    Question interest;
    interest.id = "interest";
    interest.choose_up_to = 2;
    for (const char* id : {"care", "ict", "green", "dont_know"}) {
        Option o;
        o.id = id;
        interest.options.push_back(o);
    }
    interest.options.back().alone = true;
    Question digital;
    digital.id = "digital";
    digital.show_if.push_back({"interest", {"ict"}});
    Option good;
    good.id = "good";
    digital.options.push_back(good);
    q.questions = {interest, digital};
    return q;
}

}  // namespace

TEST_CASE("a question with several answers ticks them and goes on with Next") {
    const Questionnaire q = several_answers();
    Visit v(q, {"nl"}, "nl");
    REQUIRE(v.apply(intent::Choose{0}));
    CHECK(v.current_question() == 0);  // ticked, not gone on
    REQUIRE(v.apply(intent::Choose{1}));
    CHECK(v.chosen_count(0) == 2);
    CHECK_FALSE(v.apply(intent::Choose{2}));  // a third is one too many
    CHECK_FALSE(v.is_chosen(0, 2));
    REQUIRE(v.apply(intent::Choose{0}));  // unticks care
    CHECK(v.chosen_count(0) == 1);
    REQUIRE(v.apply(intent::Choose{2}));
    REQUIRE(v.apply(intent::Next{}));
    CHECK(v.current_question() == 1);  // "ict" is among the answers: digital is shown
    REQUIRE(v.apply(intent::Choose{0}));
    CHECK(v.finished());
    CHECK(v.answers() == std::vector<Answer>{{0, 1}, {0, 2}, {1, 0}});

    v.apply(intent::Back{});
    v.apply(intent::Back{});
    CHECK(v.current_question() == 0);
    CHECK(v.is_chosen(0, 1));  // Back keeps what was ticked
    CHECK(v.is_chosen(0, 2));
}

TEST_CASE("an option that stands alone clears the others and goes on at once") {
    const Questionnaire q = several_answers();
    Visit v(q, {"nl"}, "nl");
    v.apply(intent::Choose{1});
    REQUIRE(v.apply(intent::Choose{3}));
    CHECK(v.finished());  // "don't know" is not ict: digital is not shown
    CHECK(v.answers() == std::vector<Answer>{{0, 3}});
    v.apply(intent::Back{});
    REQUIRE(v.apply(intent::Choose{0}));  // ticking another unticks "don't know"
    CHECK_FALSE(v.is_chosen(0, 3));
    CHECK(v.chosen_count(0) == 1);
}

TEST_CASE(
    "Next with nothing ticked counts as skipped; on a one-answer question it needs an answer") {
    const Questionnaire q = several_answers();
    Visit v(q, {"nl"}, "nl");
    REQUIRE(v.apply(intent::Next{}));
    CHECK(v.finished());
    CHECK(v.answers().empty());

    Visit small = new_visit();
    CHECK_FALSE(small.apply(intent::Next{}));
    small.apply(intent::Choose{0});
    small.apply(intent::Back{});
    CHECK(small.apply(intent::Next{}));  // passes its answer again
    CHECK(small.answer_to(0) == 0);
}
