// Read-aloud heard through espeak-ng and SDL audio: each language speaks,
// for about as long as its text, faster at a higher rate; the Speaker plays
// on its own thread and a stop cuts it short. Durations are compared as
// ratios of samples, never timed.

#include <SDL.h>

#include <catch2/catch.hpp>
#include <thread>

#include "kiosk/core/io/wav.hpp"
#include "kiosk/platform/espeak_synth.hpp"
#include "kiosk/platform/speaker.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;
using namespace kiosk::platform;

namespace {

// Code points, not bytes: "per character" as a reader counts them.
double characters(const std::string& text) {
    double n = 0;
    for (const char c : text)
        n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    return n;
}

Sound spoken(EspeakSynth& synth, const std::string& lang, const std::string& text, int rate) {
    Sound sound;
    sound.rate = speech_sample_rate;
    auto done = synth.speak(lang, text, {rate, 80}, [&](std::span<const std::int16_t> s) {
        sound.samples.insert(sound.samples.end(), s.begin(), s.end());
        return true;
    });
    REQUIRE(done.ok());
    CHECK_FALSE(*done);
    return sound;
}

struct Sentence {
    const char* lang;
    const char* text;
};
// Short questions as the kiosk asks them; the Arabic fully diacritized.
const Sentence sentences[] = {
    {"nl", "Welk werk vindt u leuk?"},     {"en", "Which work do you like?"},
    {"pl", "Jaka praca ci się podoba?"},   {"tr", "Hangi işi seversiniz?"},
    {"uk", "Яка робота вам подобається?"}, {"ar", "أَيُّ عَمَلٍ تُحِبُّ؟"},
};

// Waits in real time for the Speaker to finish, at most `limit`.
bool ended(const Speaker& speaker, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (speaker.speaking()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

}  // namespace

TEST_CASE("each of the six languages is spoken, not silent, for about as long as its text",
          "[speech]") {
    auto synth = EspeakSynth::open();
    REQUIRE(synth.ok());
    for (const auto& s : sentences) {
        INFO(s.lang << ": " << s.text);
        const Sound sound = spoken(**synth, s.lang, s.text, 150);
        CHECK(sound.rms() > 300);
        const double per_char = sound.seconds() / characters(s.text);
        INFO("seconds " << sound.seconds() << ", per character " << per_char);
        CHECK(per_char > 0.03);
        CHECK(per_char < 0.15);
    }
}

TEST_CASE("a faster rate gives shorter speech in every language", "[speech]") {
    auto synth = EspeakSynth::open();
    REQUIRE(synth.ok());
    for (const auto& s : sentences) {
        INFO(s.lang);
        const double calm = spoken(**synth, s.lang, s.text, 150).seconds();
        const double fast = spoken(**synth, s.lang, s.text, 300).seconds();
        CHECK(fast < 0.8 * calm);
    }
}

TEST_CASE("a language espeak-ng has no voice for is an error naming it", "[speech]") {
    auto synth = EspeakSynth::open();
    REQUIRE(synth.ok());
    auto done = (*synth)->speak("qq", "text", {}, [](auto) { return true; });
    REQUIRE_FALSE(done.ok());
    CHECK(done.error() == "espeak-ng has no voice for 'qq'");
    // And espeak-ng is one per process: a second is refused, not corrupted.
    auto second = EspeakSynth::open();
    REQUIRE_FALSE(second.ok());
}

TEST_CASE("the sink saying stop ends a synthesis part way", "[speech]") {
    auto synth = EspeakSynth::open();
    REQUIRE(synth.ok());
    const std::string text =
        "Dit is een lange zin die de kiosk voorleest, en die niemand tot het "
        "einde hoeft te horen als de bezoeker verder tikt.";
    const double whole = spoken(**synth, "nl", text, 150).seconds();
    std::size_t heard = 0;
    auto done = (*synth)->speak("nl", text, {150, 80}, [&](std::span<const std::int16_t> s) {
        heard += s.size();
        return heard < speech_sample_rate / 2;  // half a second
    });
    REQUIRE(done.ok());
    CHECK(*done);
    CHECK(double(heard) / speech_sample_rate < whole / 2);
}

TEST_CASE("the Speaker plays on its own thread into a sound device and records what played",
          "[speech]") {
    test::TempDir dir;
    auto speaker = Speaker::open({{150, 80}, "dummy", dir.path(), 0});
    REQUIRE(speaker.ok());
    (*speaker)->speak({{"en", "Which work do you like?"}, {"uk", "Яка робота?"}});
    CHECK((*speaker)->speaking());
    REQUIRE(ended(**speaker, std::chrono::seconds(20)));
    CHECK((*speaker)->first_sample_after().has_value());
    const auto en = read_wav(dir / "001-en.wav");
    REQUIRE(en.ok());
    CHECK(en->rate == 22050);
    CHECK(en->rms() > 300);
    const auto uk = read_wav(dir / "002-uk.wav");
    REQUIRE(uk.ok());
    CHECK(uk->rms() > 300);
    const std::string log = test::read_text(dir / "speech.log");
    CHECK(log.find("001-en.wav played") != std::string::npos);
    CHECK(log.find("002-uk.wav played") != std::string::npos);
}

TEST_CASE("a stop cuts the Speaker short, and a new request replaces the old", "[speech]") {
    test::TempDir dir;
    auto speaker = Speaker::open({{150, 80}, "dummy", dir.path(), 0});
    REQUIRE(speaker.ok());
    const std::string text =
        "Dit is een lange zin die de kiosk voorleest, en die niemand tot het "
        "einde hoeft te horen als de bezoeker verder tikt.";
    (*speaker)->speak({{"nl", text}});
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    (*speaker)->stop();
    CHECK_FALSE((*speaker)->speaking());
    (*speaker)->speak({{"en", "Stop."}});
    REQUIRE(ended(**speaker, std::chrono::seconds(20)));
    speaker->reset();  // the thread has written everything

    const std::string log = test::read_text(dir / "speech.log");
    INFO(log);
    CHECK(log.find("001-nl.wav stopped") != std::string::npos);
    CHECK(log.find("002-en.wav played") != std::string::npos);
    const auto cut = read_wav(dir / "001-nl.wav");
    REQUIRE(cut.ok());
    // The whole sentence lasts several seconds; well under two were heard.
    CHECK(cut->seconds() < 2.0);
}
