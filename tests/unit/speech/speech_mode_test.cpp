#include "kiosk/core/speech/speech_mode.hpp"

#include <catch2/catch.hpp>

#include "tests/support/speech_flow_support.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct Kiosk : test::SpeechKiosk {
    std::vector<Utterance> heard() const { return announce_screen(flow, pack()); }
};

}  // namespace

TEST_CASE("the first key or headphones start speech mode and a visit; the wipe ends it",
          "[speech]") {
    Kiosk k;
    CHECK_FALSE(k.flow.speech_mode());
    CHECK(k.tap(flow::StartSpeech{}));
    CHECK(k.flow.speech_mode());
    CHECK(k.flow.screen() == Screen::language);
    CHECK_FALSE(k.tap(flow::StartSpeech{}));  // once is enough
    k.tap(flow::PickLanguage{"en"});
    CHECK(k.flow.speech_mode());
    k.tap(flow::Done{});
    CHECK(k.flow.screen() == Screen::thanks);
    CHECK(k.flow.speech_mode());  // the thank-you screen is heard too
    k.tap(flow::NewVisit{});
    CHECK(k.flow.screen() == Screen::attract);
    CHECK_FALSE(k.flow.speech_mode());  // the next visitor starts it anew
}

TEST_CASE("pulling the headphones out ends speech mode and stops the speech", "[speech]") {
    Kiosk k;
    k.tap(flow::StartSpeech{});
    const Applied ended = k.tap(flow::EndSpeech{});
    CHECK(ended);
    CHECK_FALSE(k.flow.speech_mode());
    REQUIRE(ended.effects.size() == 1);
    CHECK(std::holds_alternative<effect::StopReading>(ended.effects.front()));
    CHECK(k.flow.screen() == Screen::language);  // the visit goes on, on screen
    CHECK_FALSE(k.tap(flow::EndSpeech{}));
}

TEST_CASE("in speech mode the countdown comes later", "[speech]") {
    Kiosk reading, listening;
    reading.tap(flow::Start{});
    listening.tap(flow::StartSpeech{});
    const auto idle = Kiosk::settings().timeouts.idle;
    reading.tick(idle + 1s);
    listening.tick(idle + 1s);
    CHECK(reading.flow.countdown());
    CHECK_FALSE(listening.flow.countdown());
    listening.tick(Kiosk::settings().timeouts.speech_idle - idle);
    CHECK(listening.flow.countdown());
    // The loop sleeps until then, not waking at the ordinary idle time.
    CHECK(listening.flow.idle_timeouts().idle == Kiosk::settings().timeouts.speech_idle);
    CHECK(reading.flow.idle_timeouts().idle == idle);
}

TEST_CASE("the language screen says how to choose with the keys in every language in turn",
          "[speech]") {
    Kiosk k;
    k.tap(flow::StartSpeech{});
    const auto said = k.heard();
    REQUIRE(said.size() == 6);
    const std::vector<std::string> order = {"nl", "en", "pl", "tr", "uk", "ar"};
    for (std::size_t i = 0; i < said.size(); ++i) {
        CHECK(said[i].language == order[i]);
        CHECK_FALSE(said[i].text.empty());
    }
    CHECK(said[1].text ==
          "Choose your language with the up and down keys, and press the middle key.");
    CHECK(said[0].text.find("middelste toets") != std::string::npos);
}

TEST_CASE("a question is said without its options, which the focus says one by one", "[speech]") {
    Kiosk k;
    k.tap(flow::StartSpeech{});
    k.tap(flow::PickLanguage{"en"});
    const auto said = k.heard();
    REQUIRE_FALSE(said.empty());
    const Question& q = test::speech_pack().catalogue.pack().questionnaire.questions.front();
    CHECK(said.front().text == text_in(q.text, "en"));
    for (const Option& o : q.options) {
        for (const Utterance& u : said)
            CHECK(u.text != text_in(o.text, "en"));
    }
}

TEST_CASE("the results are said as a numbered list with place, start and cost", "[speech]") {
    Kiosk k;
    k.tap(flow::StartSpeech{});
    k.tap(flow::PickLanguage{"en"});
    for (int i = 0; i < 20 && k.flow.screen() == Screen::question; ++i)
        k.tap(flow::Skip{});
    REQUIRE(k.flow.screen() == Screen::results);
    const auto said = k.heard();
    const std::size_t results = k.flow.ranking().results.size();
    REQUIRE(results > 0);
    REQUIRE(said.size() == 1 + 2 * results);
    CHECK(said[1].text.starts_with("1. "));
    CHECK(said[2].text.find("Where: ") != std::string::npos);
    CHECK(said[2].text.find("When: ") != std::string::npos);
    CHECK(said[2].text.find("Cost: ") != std::string::npos);
    CHECK(said[3].text.starts_with("2. "));
}

TEST_CASE("the countdown is said with its seconds, in the visitor's language", "[speech]") {
    Kiosk k;
    k.tap(flow::StartSpeech{});
    k.tap(flow::PickLanguage{"en"});
    k.tick(Kiosk::settings().timeouts.speech_idle + 1s);
    REQUIRE(k.flow.countdown());
    const auto said = k.heard();
    REQUIRE(said.size() == 2);
    CHECK(said[0].text == "Are you still there?");
    CHECK(said[1].text == "If not, we will wipe your answers in 29 seconds.");
    CHECK(announced_place(k.flow).place.countdown);
}
