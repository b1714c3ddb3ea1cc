#pragma once
// What speech mode says, for a visitor who does not see the screen: each
// screen as it appears (the language screen's "how to choose a language with
// the keys" in every language the kiosk offers, the results as a list with
// place, start and cost, what to do with the receipt or the code), the
// "are you still there?" countdown, and the focused item as the focus moves.
// Pure, so what a visitor hears is tested without a sound device.

#include <string>
#include <vector>

#include "kiosk/core/speech/read_aloud.hpp"

namespace kiosk {

// The screen the flow is on, as speech mode says it when it appears.
std::vector<Utterance> announce_screen(const VisitFlow& flow, const ContentPack& pack);

// How to choose a language with the keys, in each offered language in turn
// (texts.toml `screen.keys_language`; the kiosk's own English words where a
// pack has none in any language).
std::vector<Utterance> keys_prompt(const VisitFlow& flow, const ContentPack& pack);

// When speech mode speaks the screen again: another place (SpeechPlace), or
// the take-away's receipt choice or print changed.
struct AnnouncedPlace {
    SpeechPlace place;
    ReceiptChoice receipt = ReceiptChoice::undecided;
    PrintState print = PrintState::idle;

    bool operator==(const AnnouncedPlace&) const = default;
};
AnnouncedPlace announced_place(const VisitFlow& flow);

}  // namespace kiosk
