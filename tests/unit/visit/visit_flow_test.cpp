#include "kiosk/core/visit/visit_flow.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/pack/pack_writer.hpp"
#include "kiosk/core/visit/reload_policy.hpp"
#include "tests/support/pack_support.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const Clock::time_point t0 = Clock::time_point{} + Seconds{1000};

// The small fixture pack, compiled once into a temp folder and opened as the
// kiosk opens it. Read-only, so every test can share it.
struct CompiledPack {
    test::TempDir dir;
    Catalogue catalogue;
    Matcher matcher;

    CompiledPack()
        : catalogue(test::compiled_fixture("pack_small", dir)),
          matcher(catalogue.pack(), catalogue.index()) {}
};

const CompiledPack& small_pack() {
    static const CompiledPack pack;
    return pack;
}

FlowSettings two_languages() {
    FlowSettings settings;
    settings.languages = {"nl", "en"};
    settings.default_language = "nl";
    return settings;
}

// A kiosk on the small pack, on a day when all its courses start within reach.
struct Kiosk {
    VisitFlow flow;
    Clock::time_point now = t0;

    explicit Kiosk(FlowSettings settings = two_languages())
        : flow(small_pack().catalogue, small_pack().matcher, std::move(settings), t0) {
        flow.set_today(static_cast<std::int32_t>(
            std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}.time_since_epoch().count()));
    }

    Effects last;  // what the last tap or tick asked for

    // A visitor's tap, a moment after the last one.
    bool tap(const FlowIntent& intent) {
        now += 2s;
        Applied applied = flow.apply(intent, now);
        last = std::move(applied.effects);
        return applied.changed;
    }
    bool tick(Clock::time_point at) {
        Applied applied = flow.tick(at);
        last = std::move(applied.effects);
        return applied.changed;
    }
    template <class E>
    long asked() const {
        return std::count_if(last.begin(), last.end(),
                             [](const Effect& e) { return std::holds_alternative<E>(e); });
    }
    // The visit the last tap or tick asked to count, if any.
    std::optional<VisitSummary> counted() const {
        for (const Effect& e : last) {
            if (const auto* count = std::get_if<effect::CountVisit>(&e))
                return count->summary;
        }
        return std::nullopt;
    }

    const std::string& question_id() const {
        const int q = flow.visit().current_question();
        REQUIRE(q >= 0);
        return small_pack()
            .catalogue.pack()
            .questionnaire.questions[static_cast<std::size_t>(q)]
            .id;
    }

    // Start, English, looking for work, care, any time: the results screen.
    void walk_to_results() {
        REQUIRE(tap(flow::Start{}));
        REQUIRE(tap(flow::PickLanguage{"en"}));
        REQUIRE(tap(flow::Choose{0}));  // situation: looking for work
        REQUIRE(tap(flow::Choose{0}));  // interest: care
        REQUIRE(tap(flow::Choose{1}));  // time: any
        REQUIRE(flow.screen() == Screen::results);
    }

    void walk_to_takeaway() {
        walk_to_results();
        REQUIRE(tap(flow::TakeAway{}));
        REQUIRE(flow.screen() == Screen::takeaway);
    }
};

}  // namespace

TEST_CASE("a visit goes from start through language and questions to 3-5 results and a QR") {
    Kiosk kiosk;
    CHECK(kiosk.flow.screen() == Screen::attract);
    CHECK(kiosk.tap(flow::Start{}));
    CHECK(kiosk.flow.screen() == Screen::language);
    CHECK(kiosk.tap(flow::PickLanguage{"en"}));
    CHECK(kiosk.flow.screen() == Screen::question);
    CHECK(kiosk.flow.language() == "en");
    CHECK(kiosk.question_id() == "situation");
    CHECK(kiosk.flow.ranking().results.empty());
    CHECK(kiosk.flow.results_payload().empty());

    CHECK(kiosk.tap(flow::Choose{0}));
    CHECK(kiosk.question_id() == "interest");
    CHECK(kiosk.tap(flow::Choose{0}));
    CHECK(kiosk.question_id() == "time");
    CHECK(kiosk.tap(flow::Choose{1}));

    CHECK(kiosk.flow.screen() == Screen::results);
    const auto& results = kiosk.flow.ranking().results;
    CHECK(results.size() >= 3);
    CHECK(results.size() <= 5);
    const std::string& payload = kiosk.flow.results_payload();
    CHECK(payload.starts_with(small_pack().catalogue.pack().info.results_url + "#"));
    // The fragment names the first course.
    CHECK(payload.find(small_pack().catalogue.course_id(results.front().course)) !=
          std::string::npos);
    CHECK(kiosk.flow.course_url(0).starts_with("https://"));
    CHECK(kiosk.flow.course_url(static_cast<int>(results.size())).empty());
}

TEST_CASE("a kiosk with one language skips the language screen") {
    FlowSettings settings;
    settings.languages = {"nl"};
    settings.default_language = "nl";
    Kiosk kiosk(settings);
    CHECK(kiosk.tap(flow::Start{}));
    CHECK(kiosk.flow.screen() == Screen::question);
    CHECK_FALSE(kiosk.tap(flow::Back{}));
    CHECK(kiosk.flow.screen() == Screen::question);
}

TEST_CASE("back from the first question returns to the language screen") {
    Kiosk kiosk;
    kiosk.tap(flow::Start{});
    kiosk.tap(flow::PickLanguage{"nl"});
    REQUIRE(kiosk.flow.screen() == Screen::question);
    CHECK(kiosk.tap(flow::Back{}));
    CHECK(kiosk.flow.screen() == Screen::language);
    CHECK(kiosk.tap(flow::Back{}));
    CHECK(kiosk.flow.screen() == Screen::attract);
}

TEST_CASE("back from the results returns to the last question with the answers kept") {
    Kiosk kiosk;
    kiosk.walk_to_results();
    CHECK(kiosk.tap(flow::Back{}));
    CHECK(kiosk.flow.screen() == Screen::question);
    CHECK(kiosk.question_id() == "time");
    CHECK(kiosk.flow.visit().answer_to(0) == 0);
    CHECK(kiosk.flow.visit().answer_to(2) == 0);
    CHECK(kiosk.flow.visit().answer_to(3) == 1);
    // The old results are gone while the answers may change.
    CHECK(kiosk.flow.ranking().results.empty());
    CHECK(kiosk.flow.results_payload().empty());
    // Choosing again leads back to the results.
    CHECK(kiosk.tap(flow::Choose{1}));
    CHECK(kiosk.flow.screen() == Screen::results);
    CHECK_FALSE(kiosk.flow.ranking().results.empty());
}

TEST_CASE("a course's detail and the take-away screen go back to the results") {
    Kiosk kiosk;
    kiosk.walk_to_results();
    CHECK_FALSE(kiosk.tap(flow::OpenCourse{99}));
    CHECK(kiosk.tap(flow::OpenCourse{1}));
    CHECK(kiosk.flow.screen() == Screen::course);
    CHECK(kiosk.flow.open_course() == 1);
    CHECK(kiosk.tap(flow::Back{}));
    CHECK(kiosk.flow.screen() == Screen::results);
    CHECK(kiosk.flow.open_course() == -1);
    CHECK(kiosk.tap(flow::TakeAway{}));
    CHECK(kiosk.tap(flow::Back{}));
    CHECK(kiosk.flow.screen() == Screen::results);
}

TEST_CASE("a language change mid-visit keeps the answers and the screen") {
    Kiosk kiosk;
    kiosk.tap(flow::Start{});
    kiosk.tap(flow::PickLanguage{"en"});
    kiosk.tap(flow::Choose{0});
    REQUIRE(kiosk.question_id() == "interest");

    CHECK(kiosk.tap(flow::ChangeLanguage{"nl"}));
    CHECK(kiosk.flow.language() == "nl");
    CHECK(kiosk.flow.screen() == Screen::question);
    CHECK(kiosk.question_id() == "interest");
    CHECK(kiosk.flow.visit().answer_to(0) == 0);

    CHECK_FALSE(kiosk.tap(flow::ChangeLanguage{"fr"}));
    CHECK(kiosk.flow.language() == "nl");
}

TEST_CASE("a language change on the results keeps the results and puts the language in the code") {
    Kiosk kiosk;
    kiosk.walk_to_results();
    REQUIRE(kiosk.flow.language() == "en");
    const std::string base = small_pack().catalogue.pack().info.results_url + "#";
    const std::string english = kiosk.flow.results_payload();
    REQUIRE(english.starts_with(base + "en."));
    const std::string ids = english.substr(base.size() + 3);

    CHECK(kiosk.tap(flow::ChangeLanguage{"nl"}));
    CHECK(kiosk.flow.screen() == Screen::results);
    CHECK(kiosk.flow.results_payload() == base + ids);  // Dutch carries no code
    CHECK(kiosk.tap(flow::ChangeLanguage{"en"}));
    CHECK(kiosk.flow.results_payload() == english);
}

TEST_CASE("the idle countdown, run out, wipes everything of the visitor") {
    Kiosk kiosk;
    kiosk.walk_to_results();
    kiosk.tap(flow::ToggleContrast{});
    kiosk.tap(flow::ToggleLargeText{});
    kiosk.tap(flow::ToggleDutchBeside{});
    REQUIRE(kiosk.flow.high_contrast());
    REQUIRE(kiosk.flow.large_text());
    const auto generation = kiosk.flow.generation();
    const auto touched = kiosk.now;

    CHECK_FALSE(kiosk.tick(touched + 89s));
    CHECK_FALSE(kiosk.flow.countdown().has_value());
    CHECK(kiosk.tick(touched + 90s));
    REQUIRE(kiosk.flow.countdown().has_value());
    CHECK(*kiosk.flow.countdown() == Millis{30000});
    // Within the same shown second nothing needs drawing.
    CHECK_FALSE(kiosk.tick(touched + 90s + 500ms));
    CHECK(kiosk.tick(touched + 91s + 500ms));
    CHECK(kiosk.flow.screen() == Screen::results);

    CHECK(kiosk.tick(touched + 120s));
    CHECK(kiosk.flow.screen() == Screen::attract);
    CHECK_FALSE(kiosk.flow.countdown().has_value());
    CHECK(kiosk.flow.visit().answers().empty());
    CHECK(kiosk.flow.visit().answer_to(0) == -1);
    CHECK(kiosk.flow.language() == "nl");
    CHECK(kiosk.flow.ranking().results.empty());
    CHECK(kiosk.flow.results_payload().empty());
    CHECK_FALSE(kiosk.flow.high_contrast());
    CHECK_FALSE(kiosk.flow.large_text());
    CHECK_FALSE(kiosk.flow.dutch_beside());
    CHECK(kiosk.flow.generation() > generation);

    // The attract screen then waits for the next visitor, however long.
    CHECK_FALSE(kiosk.tick(touched + 24h));
    CHECK(kiosk.flow.screen() == Screen::attract);
}

TEST_CASE("input during the countdown hides it and restarts the idle time") {
    Kiosk kiosk;
    kiosk.walk_to_results();
    const auto touched = kiosk.now;
    REQUIRE(kiosk.tick(touched + 100s));
    REQUIRE(kiosk.flow.countdown().has_value());

    kiosk.flow.note_input(touched + 101s);
    CHECK_FALSE(kiosk.flow.countdown().has_value());
    CHECK_FALSE(kiosk.tick(touched + 102s));
    // The old deadline passes; the visit goes on.
    CHECK_FALSE(kiosk.tick(touched + 130s));
    CHECK(kiosk.flow.screen() == Screen::results);
    CHECK_FALSE(kiosk.flow.visit().answers().empty());
}

TEST_CASE("\"still here\" dismisses the countdown") {
    Kiosk kiosk;
    kiosk.walk_to_results();
    REQUIRE(kiosk.tick(kiosk.now + 95s));
    CHECK(kiosk.flow.apply(flow::StillHere{}, kiosk.now + 96s));
    CHECK_FALSE(kiosk.flow.countdown().has_value());
    CHECK(kiosk.flow.screen() == Screen::results);
}

TEST_CASE("the thank-you screen returns to attract by itself") {
    Kiosk kiosk;
    kiosk.walk_to_results();
    CHECK(kiosk.tap(flow::Done{}));
    CHECK(kiosk.flow.screen() == Screen::thanks);
    // The visit is gone at once; only its language stays for the thanks.
    CHECK(kiosk.flow.language() == "en");
    CHECK(kiosk.flow.visit().answers().empty());
    CHECK(kiosk.flow.ranking().results.empty());
    CHECK_FALSE(kiosk.tick(kiosk.now + 14s));
    CHECK_FALSE(kiosk.flow.countdown().has_value());
    CHECK(kiosk.tick(kiosk.now + 15s));
    CHECK(kiosk.flow.screen() == Screen::attract);
    CHECK(kiosk.flow.visit().answers().empty());
}

TEST_CASE("printing is refused while no printer is present or it reports a fault") {
    Kiosk kiosk;
    kiosk.walk_to_takeaway();
    kiosk.flow.set_printer(false, std::nullopt);
    CHECK_FALSE(kiosk.tap(flow::ChooseReceipt{ReceiptChoice::print}));
    kiosk.flow.set_printer(true, "out of paper");
    CHECK_FALSE(kiosk.tap(flow::ChooseReceipt{ReceiptChoice::print}));
    CHECK(kiosk.flow.print_state() == PrintState::idle);
    CHECK(kiosk.asked<effect::PrintReceipt>() == 0);
    // The QR code on screen always remains.
    CHECK(kiosk.tap(flow::ChooseReceipt{ReceiptChoice::show_only}));
    CHECK(kiosk.flow.receipt_choice() == ReceiptChoice::show_only);
}

TEST_CASE("a working printer prints once; a second tap while printing is refused") {
    Kiosk kiosk;
    kiosk.walk_to_takeaway();
    kiosk.flow.set_printer(true, std::nullopt);
    CHECK(kiosk.tap(flow::ChooseReceipt{ReceiptChoice::print}));
    CHECK(kiosk.flow.receipt_choice() == ReceiptChoice::print);
    CHECK(kiosk.flow.print_state() == PrintState::printing);
    REQUIRE(kiosk.asked<effect::PrintReceipt>() == 1);
    const auto& print = std::get<effect::PrintReceipt>(kiosk.last.front());
    CHECK(print.generation == kiosk.flow.generation());
    CHECK(print.language == "en");
    CHECK(print.ranking.results == kiosk.flow.ranking().results);

    CHECK_FALSE(kiosk.tap(flow::ChooseReceipt{ReceiptChoice::print}));
    CHECK(kiosk.asked<effect::PrintReceipt>() == 0);

    const Effects done = kiosk.flow.print_finished(kiosk.flow.generation(), true, std::nullopt);
    CHECK(kiosk.flow.print_state() == PrintState::printed);
    REQUIRE(done.size() == 1);
    CHECK(std::holds_alternative<effect::CountPrinted>(done.front()));
}

TEST_CASE("a failed print says why") {
    Kiosk kiosk;
    kiosk.walk_to_takeaway();
    kiosk.flow.set_printer(true, std::nullopt);
    REQUIRE(kiosk.tap(flow::ChooseReceipt{ReceiptChoice::print}));
    CHECK(kiosk.flow.print_finished(kiosk.flow.generation(), false, "the printer did not answer")
              .empty());
    CHECK(kiosk.flow.print_state() == PrintState::failed);
    CHECK(kiosk.flow.print_problem() == "the printer did not answer");
}

TEST_CASE("a print that finishes after the visit was wiped is ignored") {
    Kiosk kiosk;
    kiosk.walk_to_takeaway();
    kiosk.flow.set_printer(true, std::nullopt);
    REQUIRE(kiosk.tap(flow::ChooseReceipt{ReceiptChoice::print}));
    const auto sent_for = kiosk.flow.generation();
    REQUIRE(kiosk.tap(flow::Done{}));
    REQUIRE(kiosk.tap(flow::NewVisit{}));
    CHECK(kiosk.flow.screen() == Screen::attract);
    CHECK(kiosk.flow.print_state() == PrintState::idle);
    CHECK(kiosk.asked<effect::PrintReceipt>() == 0);

    kiosk.flow.print_finished(sent_for, false, "paper jam");
    CHECK(kiosk.flow.print_state() == PrintState::idle);
    CHECK_FALSE(kiosk.flow.print_problem().has_value());
    CHECK(kiosk.flow.receipt_choice() == ReceiptChoice::undecided);

    // The next visitor prints too; the old job's outcome is still not theirs.
    kiosk.walk_to_takeaway();
    REQUIRE(kiosk.tap(flow::ChooseReceipt{ReceiptChoice::print}));
    kiosk.flow.print_finished(sent_for, false, "paper jam");
    CHECK(kiosk.flow.print_state() == PrintState::printing);
}

TEST_CASE("a receipt that comes out after the visitor tapped done is still counted as printed") {
    Kiosk kiosk;
    kiosk.walk_to_takeaway();
    kiosk.flow.set_printer(true, std::nullopt);
    REQUIRE(kiosk.tap(flow::ChooseReceipt{ReceiptChoice::print}));
    const auto sent_for = kiosk.flow.generation();
    REQUIRE(kiosk.tap(flow::Done{}));
    REQUIRE(kiosk.counted());

    const Effects done = kiosk.flow.print_finished(sent_for, true, std::nullopt);
    REQUIRE(done.size() == 1);
    CHECK(std::holds_alternative<effect::CountPrinted>(done.front()));
    CHECK(kiosk.flow.screen() == Screen::thanks);
    CHECK(kiosk.flow.print_state() == PrintState::idle);
}

TEST_CASE("the deployment's results address overrides the pack's") {
    FlowSettings settings = two_languages();
    settings.results_url = "https://venlo.example.nl/cursussen";
    Kiosk kiosk(settings);
    kiosk.walk_to_results();
    CHECK(kiosk.flow.results_payload().starts_with("https://venlo.example.nl/cursussen#"));
}

TEST_CASE("intents that do not fit the screen change nothing") {
    Kiosk kiosk;
    CHECK_FALSE(kiosk.tap(flow::Choose{0}));
    CHECK_FALSE(kiosk.tap(flow::TakeAway{}));
    CHECK_FALSE(kiosk.tap(flow::Done{}));
    CHECK_FALSE(kiosk.tap(flow::ChangeLanguage{"en"}));
    CHECK(kiosk.flow.screen() == Screen::attract);
    CHECK(kiosk.flow.language() == "nl");
    kiosk.tap(flow::Start{});
    CHECK_FALSE(kiosk.tap(flow::Start{}));
    CHECK_FALSE(kiosk.tap(flow::PickLanguage{"fr"}));
    CHECK(kiosk.flow.screen() == Screen::language);
}

TEST_CASE("screen names read back as the same screen") {
    for (Screen s : {Screen::attract, Screen::language, Screen::question, Screen::results,
                     Screen::course, Screen::takeaway, Screen::thanks}) {
        CHECK(parse_screen(to_string(s)) == s);
    }
    CHECK_FALSE(parse_screen("lobby").has_value());
}

TEST_CASE("a wiped visit leaves one summary for the usage figures, and only once") {
    Kiosk kiosk;
    CHECK_FALSE(kiosk.counted());
    kiosk.walk_to_takeaway();
    REQUIRE(kiosk.tap(flow::ChooseReceipt{ReceiptChoice::show_only}));
    REQUIRE(kiosk.tap(flow::Done{}));
    auto summary = kiosk.counted();
    REQUIRE(summary);
    CHECK(summary->reached_results);
    CHECK(summary->abandoned_at.empty());
    CHECK(summary->receipt == ReceiptChoice::show_only);
    CHECK_FALSE(summary->answers.empty());
    CHECK(summary->courses_shown.size() >= 3);
    REQUIRE(kiosk.tap(flow::StillHere{}));  // any later tap asks for nothing more
    CHECK_FALSE(kiosk.counted());
    // Leaving the thank-you screen, by its button or by waiting, counts nothing more.
    REQUIRE(kiosk.tap(flow::NewVisit{}));
    CHECK_FALSE(kiosk.counted());
    kiosk.walk_to_results();
    REQUIRE(kiosk.tap(flow::Done{}));
    CHECK(kiosk.counted());
    CHECK(kiosk.tick(kiosk.now + std::chrono::hours(1)));
    CHECK(kiosk.flow.screen() == Screen::attract);
    CHECK_FALSE(kiosk.counted());
}

TEST_CASE("a visitor who walks away mid-questionnaire is counted as abandoned at that question") {
    Kiosk kiosk;
    REQUIRE(kiosk.tap(flow::Start{}));
    REQUIRE(kiosk.tap(flow::PickLanguage{"en"}));
    REQUIRE(kiosk.tap(flow::Choose{0}));
    const std::string at = kiosk.question_id();
    kiosk.tick(kiosk.now + std::chrono::hours(1));
    auto summary = kiosk.counted();
    REQUIRE(summary);
    CHECK_FALSE(summary->reached_results);
    CHECK(summary->abandoned_at == at);
    CHECK(summary->language == "en");
    CHECK(summary->answers.size() == 1);
    CHECK(summary->courses_shown.empty());
}

TEST_CASE("the attract screen timing out is no visit") {
    Kiosk kiosk;
    CHECK_FALSE(kiosk.tick(kiosk.now + std::chrono::hours(1)));
    CHECK_FALSE(kiosk.tap(flow::NewVisit{}));  // only the thank-you screen offers it
    CHECK_FALSE(kiosk.counted());
}

TEST_CASE("each ranked course is read from the pack once, as the results are made") {
    Kiosk kiosk;
    CHECK(kiosk.flow.course(0) == nullptr);
    kiosk.walk_to_results();
    const auto& results = kiosk.flow.ranking().results;
    REQUIRE(kiosk.flow.state().courses.size() == results.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Course* course = kiosk.flow.course(static_cast<int>(i));
        REQUIRE(course);
        CHECK(course->id == small_pack().catalogue.course_id(results[i].course));
        CHECK(kiosk.flow.course_url(static_cast<int>(i)) == course->url);
    }
    CHECK(kiosk.flow.course(-1) == nullptr);
    CHECK(kiosk.flow.course(static_cast<int>(results.size())) == nullptr);
    // Back to the questions: the old results' courses must not linger.
    REQUIRE(kiosk.tap(flow::Back{}));
    CHECK(kiosk.flow.course(0) == nullptr);
}

TEST_CASE("a reload asked between visits is due at once") {
    Kiosk kiosk;
    PendingReload reload;
    CHECK_FALSE(reload.take_if_due(kiosk.flow));  // nothing asked
    reload.ask();
    CHECK(reload.take_if_due(kiosk.flow));
    CHECK_FALSE(reload.take_if_due(kiosk.flow));  // once
}

TEST_CASE("a reload asked mid-visit waits for the wipe and the attract screen") {
    Kiosk kiosk;
    PendingReload reload;
    kiosk.walk_to_results();
    reload.ask();
    CHECK_FALSE(reload.take_if_due(kiosk.flow));
    REQUIRE(kiosk.tap(flow::Done{}));
    REQUIRE(kiosk.flow.screen() == Screen::thanks);
    CHECK_FALSE(reload.take_if_due(kiosk.flow));  // wiped, but the thanks is still on screen
    REQUIRE(kiosk.tick(kiosk.now + 15s));
    REQUIRE(kiosk.flow.screen() == Screen::attract);
    CHECK(reload.take_if_due(kiosk.flow));
}

TEST_CASE("a reload asked mid-visit happens after the idle countdown wipes the visit") {
    Kiosk kiosk;
    PendingReload reload;
    kiosk.walk_to_results();
    reload.ask();
    kiosk.tick(kiosk.now + 89s);
    CHECK_FALSE(reload.take_if_due(kiosk.flow));
    kiosk.tick(kiosk.now + 90s);  // the countdown shows
    CHECK_FALSE(reload.take_if_due(kiosk.flow));
    REQUIRE(kiosk.tick(kiosk.now + 120s));  // run out: wiped
    REQUIRE(kiosk.flow.screen() == Screen::attract);
    CHECK(reload.take_if_due(kiosk.flow));
}
