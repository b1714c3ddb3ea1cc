#pragma once
// A visit on the speech fixture pack (six languages, Arabic with its speech
// texts), driven by intents two seconds apart: what the speech tests read
// aloud or announce is taken from its screens.

#include <chrono>

#include "kiosk/core/visit/visit_flow.hpp"
#include "tests/support/pack_support.hpp"

namespace test {

struct SpeechPack {
    TempDir dir;
    kiosk::Catalogue catalogue;
    kiosk::Matcher matcher;

    SpeechPack()
        : catalogue(compiled_fixture("pack_speech", dir)),
          matcher(catalogue.pack(), catalogue.index()) {}
};

inline const SpeechPack& speech_pack() {
    static const SpeechPack pack;
    return pack;
}

struct SpeechKiosk {
    static constexpr kiosk::Clock::time_point t0 =
        kiosk::Clock::time_point{} + kiosk::Seconds{1000};
    kiosk::VisitFlow flow;
    kiosk::Clock::time_point now = t0;

    SpeechKiosk() : flow(speech_pack().catalogue, speech_pack().matcher, settings(), t0) {
        flow.set_today(static_cast<std::int32_t>(
            std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}.time_since_epoch().count()));
    }
    static kiosk::FlowSettings settings() {
        kiosk::FlowSettings s;
        s.languages = {"nl", "en", "pl", "tr", "uk", "ar"};
        s.default_language = "nl";
        return s;
    }
    kiosk::Applied tap(const kiosk::FlowIntent& intent) {
        now += std::chrono::seconds{2};
        return flow.apply(intent, now);
    }
    void tick(kiosk::Clock::duration d) {
        now += d;
        flow.tick(now);
    }
    const kiosk::ContentPack& pack() const { return speech_pack().catalogue.pack(); }
};

}  // namespace test
