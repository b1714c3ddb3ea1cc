#pragma once
// What the speaker button reads: from the visit's state and the pack's texts
// to a list of utterances, each with the language it is written in (a text
// the pack lacks in the visitor's language is read in Dutch by a Dutch voice,
// never by the visitor's). Pure, so what a visitor hears is tested without a
// sound device.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/content/content.hpp"
#include "kiosk/core/visit/visit_flow.hpp"

namespace kiosk {

struct Utterance {
    std::string language;  // a pack language code: nl, en, pl, tr, uk, ar
    std::string text;      // logical order, as authored; never a shaped display string

    bool operator==(const Utterance&) const = default;
};

// The screen the flow is on, read aloud in the visitor's language: the
// language choice with each language's name in its own language; a question
// and its options; how many courses fit and their titles; a course's title
// and main facts; the take-away choices. Empty where there is nothing to read
// (attract, thank-you, the adviser's views, the idle countdown).
std::vector<Utterance> read_aloud(const VisitFlow& flow, const ContentPack& pack);

// The text speech gives for a pack text: its own speech text where the pack
// has one (texts.toml `[speech]`, e.g. Arabic fully diacritized, which
// espeak-ng needs to read the vowels), else the text itself. `key` names the
// text as `[speech]` does: "screen.results_title", "question.ID",
// "option.QUESTION.OPTION".
std::string speech_text(const ContentPack& pack, const std::string& key, const std::string& lang,
                        const std::string& shown);

// Where the visitor is, as far as reading aloud cares: whatever is being read
// stops when this changes (another screen, question, course or language, the
// countdown, the adviser, a wiped visit).
struct SpeechPlace {
    std::uint64_t generation = 0;
    Screen screen = Screen::attract;
    int question = -1;
    int course = -1;
    std::string language;
    bool countdown = false;
    AdviserState adviser = AdviserState::closed;

    bool operator==(const SpeechPlace&) const = default;
};
SpeechPlace speech_place(const VisitFlow& flow);

}  // namespace kiosk
