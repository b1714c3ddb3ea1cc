// Everything a visitor leaves behind lives in one VisitState, and a wipe
// replaces all of it: filled through a visitor's and an adviser's taps, every
// field afterwards equals a fresh state. The PIN lockout is the kiosk's, not
// the visitor's, and outlasts the wipe.

#include <catch2/catch.hpp>

#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/pack/pack_writer.hpp"
#include "kiosk/core/visit/visit_flow.hpp"
#include "tests/support/pack_support.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const Clock::time_point t0 = Clock::time_point{} + 1000h;

struct StateKiosk {
    test::TempDir dir;
    Catalogue catalogue;
    Matcher matcher;
    VisitFlow flow;
    Clock::time_point now = t0;

    static FlowSettings settings() {
        FlowSettings s;
        s.languages = {"nl", "en"};
        s.default_language = "nl";
        s.check_pin = [](std::string_view pin) { return pin == "2468"; };
        s.timeouts.adviser = Seconds{10};  // shorter than the first PIN lock
        return s;
    }
    StateKiosk()
        : catalogue(test::compiled_fixture("pack_small", dir)),
          matcher(catalogue.pack(), catalogue.index()),
          flow(catalogue, matcher, settings(), t0) {
        flow.set_today(days_from_civil(2026, 12, 1));
    }
    VisitState fresh() const {
        return VisitState{Visit(catalogue.pack().questionnaire, {"nl", "en"}, "nl")};
    }
    bool tap(const FlowIntent& intent) {
        now += 1s;
        return static_cast<bool>(flow.apply(intent, now));
    }
    void type(std::string_view digits) {
        for (char d : digits)
            REQUIRE(tap(flow::KeypadDigit{d - '0'}));
        tap(flow::KeypadEnter{});
    }
    void walk_to_takeaway() {
        REQUIRE(tap(flow::StartSpeech{}));
        REQUIRE(tap(flow::PickLanguage{"en"}));
        while (flow.screen() == Screen::question)
            REQUIRE(tap(flow::Choose{0}));
        REQUIRE(tap(flow::TakeAway{}));
    }
};

// Binds every field of the state by name: a field added to VisitState
// without a line here stops this file compiling, so no field goes unchecked.
void check_equal(const VisitState& state, const VisitState& fresh) {
    const auto& [visit, screen, ranking, courses, also_places, payload, open_course, receipt,
                 print_state, print_problem, high_contrast, large_text, dutch_beside, countdown,
                 adviser, keypad, keypad_refused, speech_mode] = state;
    CHECK(visit == fresh.visit);
    CHECK(screen == fresh.screen);
    CHECK(ranking.results == fresh.ranking.results);
    CHECK(ranking.relaxed == fresh.ranking.relaxed);
    CHECK(ranking.candidates == fresh.ranking.candidates);
    CHECK(courses.size() == fresh.courses.size());
    CHECK(also_places == fresh.also_places);
    CHECK(payload == fresh.payload);
    CHECK(open_course == fresh.open_course);
    CHECK(receipt == fresh.receipt);
    CHECK(print_state == fresh.print_state);
    CHECK(print_problem == fresh.print_problem);
    CHECK(high_contrast == fresh.high_contrast);
    CHECK(large_text == fresh.large_text);
    CHECK(dutch_beside == fresh.dutch_beside);
    CHECK(countdown == fresh.countdown);
    CHECK(adviser == fresh.adviser);
    CHECK(keypad == fresh.keypad);
    CHECK(keypad_refused == fresh.keypad_refused);
    CHECK(speech_mode == fresh.speech_mode);
}

}  // namespace

TEST_CASE("a new kiosk starts from a fresh visit state") {
    StateKiosk k;
    check_equal(k.flow.state(), k.fresh());
}

TEST_CASE("leaving adviser mode replaces everything the visitor chose with a fresh state") {
    StateKiosk k;
    k.flow.set_printer(true, std::nullopt);
    k.walk_to_takeaway();
    REQUIRE(k.tap(flow::ChooseReceipt{ReceiptChoice::print}));
    k.flow.print_finished(k.flow.generation(), false, "paper jam");
    REQUIRE(k.tap(flow::Back{}));
    REQUIRE(k.tap(flow::OpenCourse{1}));
    REQUIRE(k.tap(flow::ToggleContrast{}));
    REQUIRE(k.tap(flow::ToggleLargeText{}));
    REQUIRE(k.tap(flow::ToggleDutchBeside{}));
    REQUIRE(k.tap(flow::OpenKeypad{}));
    k.type("2468");
    REQUIRE(k.tap(flow::LeaveKiosk{}));

    const VisitState& s = k.flow.state();
    REQUIRE(s.screen == Screen::course);
    REQUIRE_FALSE(s.ranking.results.empty());
    REQUIRE(s.courses.size() == s.ranking.results.size());
    REQUIRE_FALSE(s.payload.empty());
    REQUIRE(s.open_course == 1);
    REQUIRE(s.receipt == ReceiptChoice::print);
    REQUIRE(s.print_state == PrintState::failed);
    REQUIRE(s.print_problem == "paper jam");
    REQUIRE(s.visit.language() == "en");
    REQUIRE((s.high_contrast && s.large_text && s.dutch_beside));
    REQUIRE(s.adviser == AdviserState::open);

    REQUIRE(k.tap(flow::CloseAdviser{}));
    check_equal(k.flow.state(), k.fresh());
}

TEST_CASE("the idle wipe clears the countdown and a half-typed PIN") {
    StateKiosk k;
    REQUIRE(k.tap(flow::Start{}));
    REQUIRE(k.tap(flow::PickLanguage{"en"}));
    k.flow.tick(k.now + 100s);
    REQUIRE(k.flow.state().countdown.has_value());
    k.flow.tick(k.now + 1h);
    check_equal(k.flow.state(), k.fresh());

    REQUIRE(k.tap(flow::OpenKeypad{}));
    REQUIRE(k.tap(flow::KeypadDigit{1}));
    REQUIRE(k.flow.state().keypad == "1");
    k.flow.tick(k.now + 1h);
    check_equal(k.flow.state(), k.fresh());
}

TEST_CASE("a wrong-PIN lockout outlasts the wipe; the refusal does not") {
    StateKiosk k;
    REQUIRE(k.tap(flow::OpenKeypad{}));
    for (int i = 0; i < 10 && k.flow.keypad_locked_for(k.now) == Millis{0}; ++i)
        k.type("1111");
    REQUIRE(k.flow.keypad_locked_for(k.now) > Millis{0});
    REQUIRE(k.flow.state().keypad_refused);
    k.flow.tick(k.now + 11s);
    check_equal(k.flow.state(), k.fresh());
    CHECK(k.flow.keypad_locked_for(k.now + 11s) > Millis{0});
}
