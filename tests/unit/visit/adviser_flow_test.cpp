// Adviser mode in the visit flow: the keypad, the lockout, and that leaving
// always wipes the visit. The PIN check is a plain function here; the real
// one (Argon2id) has its own tests.

#include <algorithm>
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

struct AdviserKiosk {
    test::TempDir dir;
    Catalogue catalogue;
    Matcher matcher;
    VisitFlow flow;
    Clock::time_point now = t0;
    int checks = 0;

    FlowSettings settings() {
        FlowSettings s;
        s.languages = {"nl", "en"};
        s.default_language = "nl";
        s.check_pin = [this](std::string_view pin) {
            ++checks;
            return pin == "2468";
        };
        return s;
    }
    AdviserKiosk()
        : catalogue(test::compiled_fixture("pack_small", dir)),
          matcher(catalogue.pack(), catalogue.index()),
          flow(catalogue, matcher, settings(), t0) {
        flow.set_today(days_from_civil(2026, 12, 1));
    }
    Effects last;  // what the last tap asked for
    bool tap(const FlowIntent& intent) {
        now += 1s;
        Applied applied = flow.apply(intent, now);
        last = std::move(applied.effects);
        return applied.changed;
    }
    template <class E>
    bool asked() const {
        return std::any_of(last.begin(), last.end(),
                           [](const Effect& e) { return std::holds_alternative<E>(e); });
    }
    void type(std::string_view digits) {
        for (char d : digits)
            REQUIRE(tap(flow::KeypadDigit{d - '0'}));
        tap(flow::KeypadEnter{});
    }
};

}  // namespace

TEST_CASE("the right PIN opens adviser mode over the visit, the digits are not kept") {
    AdviserKiosk k;
    REQUIRE(k.tap(flow::Start{}));
    REQUIRE(k.tap(flow::PickLanguage{"en"}));
    REQUIRE(k.tap(flow::Choose{0}));
    REQUIRE(k.tap(flow::OpenKeypad{}));
    CHECK(k.flow.adviser() == AdviserState::keypad);
    k.type("2468");
    CHECK(k.flow.adviser() == AdviserState::open);
    CHECK(k.flow.keypad_length() == 0);
    CHECK(k.checks == 1);
    // The visit is still there for the adviser to talk through.
    CHECK(k.flow.visit().answers().size() == 1);
    CHECK(k.flow.language() == "en");
}

TEST_CASE("leaving adviser mode always returns to a clean attract screen") {
    AdviserKiosk k;
    REQUIRE(k.tap(flow::Start{}));
    REQUIRE(k.tap(flow::PickLanguage{"en"}));
    REQUIRE(k.tap(flow::Choose{0}));
    REQUIRE(k.tap(flow::OpenKeypad{}));
    k.type("2468");
    REQUIRE(k.tap(flow::CloseAdviser{}));
    CHECK(k.flow.adviser() == AdviserState::closed);
    CHECK(k.flow.screen() == Screen::attract);
    CHECK(k.flow.visit().answers().empty());
    CHECK(k.flow.language() == "nl");
}

TEST_CASE("cancelling the keypad gives the visitor their screen back") {
    AdviserKiosk k;
    REQUIRE(k.tap(flow::Start{}));
    REQUIRE(k.tap(flow::OpenKeypad{}));
    REQUIRE(k.tap(flow::KeypadDigit{1}));
    REQUIRE(k.tap(flow::CloseAdviser{}));
    CHECK(k.flow.adviser() == AdviserState::closed);
    CHECK(k.flow.screen() == Screen::language);
    CHECK(k.flow.keypad_length() == 0);
}

TEST_CASE("five wrong PINs lock the keypad; the lock runs out") {
    AdviserKiosk k;
    REQUIRE(k.tap(flow::OpenKeypad{}));
    for (int i = 0; i < 5; ++i) {
        k.type("1111");
        CHECK(k.flow.keypad_refused());
    }
    CHECK(k.flow.keypad_locked_for(k.now) > 0ms);
    CHECK_FALSE(k.tap(flow::KeypadDigit{2}));  // no PIN is taken while locked
    const int checks = k.checks;
    k.now += 31s;
    CHECK(k.flow.keypad_locked_for(k.now) == 0ms);
    k.type("2468");
    CHECK(k.flow.adviser() == AdviserState::open);
    CHECK(k.checks == checks + 1);
}

TEST_CASE("adviser mode leaves by itself after the adviser idle time, wiping the visit") {
    AdviserKiosk k;
    REQUIRE(k.tap(flow::Start{}));
    REQUIRE(k.tap(flow::PickLanguage{"en"}));
    REQUIRE(k.tap(flow::OpenKeypad{}));
    k.type("2468");
    REQUIRE(k.flow.adviser() == AdviserState::open);
    // The visitor's countdown does not run while the adviser has the kiosk.
    k.flow.tick(k.now + 100s);
    CHECK_FALSE(k.flow.countdown());
    CHECK(k.flow.adviser() == AdviserState::open);
    k.flow.tick(k.now + 121s);
    CHECK(k.flow.adviser() == AdviserState::closed);
    CHECK(k.flow.screen() == Screen::attract);
    CHECK(k.flow.language() == "nl");
}

TEST_CASE("without a PIN hash there is no adviser mode") {
    AdviserKiosk k;
    FlowSettings none = k.settings();
    none.check_pin = nullptr;
    VisitFlow flow(k.catalogue, k.matcher, none, t0);
    CHECK_FALSE(flow.apply(flow::OpenKeypad{}, t0));
    CHECK(flow.adviser() == AdviserState::closed);
}

TEST_CASE("the adviser can reprint a visit's receipt and end the kiosk for maintenance") {
    AdviserKiosk k;
    k.flow.set_printer(true, std::nullopt);
    REQUIRE(k.tap(flow::Start{}));
    REQUIRE(k.tap(flow::PickLanguage{"nl"}));
    while (k.flow.screen() == Screen::question)
        REQUIRE(k.tap(flow::Skip{}));
    REQUIRE(k.tap(flow::OpenKeypad{}));
    k.type("2468");
    CHECK(k.tap(flow::Reprint{}));
    CHECK(k.asked<effect::PrintReceipt>());
    CHECK_FALSE(k.tap(flow::Reprint{}));  // not twice while one prints
    CHECK_FALSE(k.asked<effect::PrintReceipt>());
    CHECK_FALSE(k.asked<effect::StopKiosk>());
    CHECK(k.tap(flow::LeaveKiosk{}));
    CHECK(k.asked<effect::StopKiosk>());
}
