#include "kiosk/core/speech/read_aloud.hpp"

#include <catch2/catch.hpp>

#include "tests/support/speech_flow_support.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct Kiosk : test::SpeechKiosk {
    std::vector<Utterance> heard() const { return read_aloud(flow, pack()); }
};

bool asks_to_read(const Applied& applied) {
    return applied.effects.size() == 1 &&
           std::holds_alternative<effect::ReadAloud>(applied.effects.front());
}

}  // namespace

TEST_CASE("the language screen is read in the kiosk's language, each language's name in its own") {
    Kiosk k;
    REQUIRE(k.tap(flow::Start{}));
    REQUIRE(k.flow.screen() == Screen::language);
    CHECK(k.heard() == std::vector<Utterance>{{"nl", "Kies uw taal"},
                                              {"nl", "Nederlands"},
                                              {"en", "English"},
                                              {"pl", "Polski"},
                                              {"tr", "Türkçe"},
                                              {"uk", "Українська"},
                                              {"ar", "العربية"}});
}

TEST_CASE("a question is read with its options in the visitor's language") {
    Kiosk k;
    k.tap(flow::Start{});
    REQUIRE(k.tap(flow::PickLanguage{"pl"}));
    CHECK(k.heard() ==
          std::vector<Utterance>{{"pl", "Co do ciebie pasuje?"},
                                 {"pl", "Szukam pracy"},
                                 // Not in Polish in the pack: read in Dutch, by a Dutch voice.
                                 {"nl", "Ik ben nieuw in Nederland"}});
}

TEST_CASE("Arabic is read from the pack's diacritized speech text, never the shown text") {
    Kiosk k;
    k.tap(flow::Start{});
    REQUIRE(k.tap(flow::PickLanguage{"ar"}));
    const auto heard = k.heard();
    REQUIRE(heard.size() == 3);
    CHECK(heard[0] == Utterance{"ar", "مَا الَّذِي يُنَاسِبُكَ؟"});
    CHECK(heard[1] == Utterance{"ar", "أَبْحَثُ عَنْ عَمَلٍ"});
    // Without a speech text, the logical text as authored (no presentation forms).
    CHECK(heard[2] == Utterance{"nl", "Ik ben nieuw in Nederland"});
    for (const auto& u : heard) {
        for (std::size_t i = 0; i + 2 < u.text.size(); ++i) {
            // U+FB50..U+FEFF (presentation forms) start with EF AD..EF BB in UTF-8.
            const auto a = static_cast<unsigned char>(u.text[i]);
            const auto b = static_cast<unsigned char>(u.text[i + 1]);
            CHECK_FALSE((a == 0xef && b >= 0xad && b <= 0xbb));
        }
    }
}

TEST_CASE("the results are read as how many courses fit and their titles") {
    Kiosk k;
    k.tap(flow::Start{});
    k.tap(flow::PickLanguage{"en"});
    REQUIRE(k.tap(flow::Choose{0}));
    REQUIRE(k.flow.screen() == Screen::results);
    const auto& results = k.flow.ranking().results;
    REQUIRE_FALSE(results.empty());
    const auto heard = k.heard();
    REQUIRE(heard.size() == results.size() + 1);
    CHECK(heard[0] == Utterance{"en", std::to_string(results.size()) + " courses fit you."});
    for (std::size_t i = 0; i < results.size(); ++i)
        CHECK(heard[i + 1] ==
              Utterance{"en", k.flow.course(static_cast<int>(i))->text_in("en").title});
}

TEST_CASE("a course is read as its title, provider and main facts") {
    Kiosk k;
    k.tap(flow::Start{});
    k.tap(flow::PickLanguage{"en"});
    k.tap(flow::Choose{0});
    REQUIRE(k.tap(flow::OpenCourse{0}));
    const Course* course = k.flow.course(0);
    REQUIRE(course);
    const auto heard = k.heard();
    REQUIRE(heard.size() >= 4);
    CHECK(heard[0] == Utterance{"en", course->text_in("en").title});
    CHECK(heard[1] == Utterance{"en", course->provider});
    CHECK(heard[2].text.starts_with("Where: "));
    CHECK(heard[2].text.find(course->place) != std::string::npos);
}

TEST_CASE("the take-away screen is read with the choices it offers") {
    Kiosk k;
    k.tap(flow::Start{});
    k.tap(flow::PickLanguage{"en"});
    k.tap(flow::Choose{0});
    REQUIRE(k.tap(flow::TakeAway{}));
    const auto heard = k.heard();
    REQUIRE(heard.size() == 4);  // no printer configured: no "print" choice
    CHECK(heard[0] == Utterance{"en", "Take your courses with you"});
    CHECK(heard[2] == Utterance{"en", "Just the code"});
    CHECK(heard[3] == Utterance{"en", "No receipt"});
}

TEST_CASE("the speaker button asks to read on the visitor's screens only") {
    Kiosk k;
    CHECK_FALSE(k.tap(flow::ReadAloud{}));  // attract: nothing of a visit to read
    CHECK(k.heard().empty());
    k.tap(flow::Start{});
    CHECK(asks_to_read(k.tap(flow::ReadAloud{})));
    const Applied stop = k.tap(flow::StopReading{});
    REQUIRE(stop.effects.size() == 1);
    CHECK(std::holds_alternative<effect::StopReading>(stop.effects.front()));
}

TEST_CASE("reading stops where the visitor moves on, changes language or the visit is wiped") {
    Kiosk k;
    k.tap(flow::Start{});
    k.tap(flow::PickLanguage{"en"});
    const SpeechPlace question = speech_place(k.flow);
    k.tap(flow::ToggleContrast{});  // the same screen, drawn otherwise: reading goes on
    CHECK(speech_place(k.flow) == question);
    k.tap(flow::ChangeLanguage{"tr"});
    CHECK_FALSE(speech_place(k.flow) == question);
    const SpeechPlace turkish = speech_place(k.flow);
    k.tap(flow::Choose{0});
    CHECK_FALSE(speech_place(k.flow) == turkish);

    // Nobody answers: the countdown, then the wipe.
    const SpeechPlace results = speech_place(k.flow);
    k.flow.tick(k.now + 10min);
    CHECK_FALSE(speech_place(k.flow) == results);
    CHECK(k.heard().empty());
}
