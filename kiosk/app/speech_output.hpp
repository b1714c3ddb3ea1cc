#pragma once
// Read-aloud for the kiosk's run: the Speaker when the configuration wants
// speech and there is a sound device to play it, and in words why not, for
// the start-up log line and the adviser's health view.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/core/config/config.hpp"
#include "kiosk/platform/speaker.hpp"

namespace kiosk::app {

struct SpeechOutput {
    std::unique_ptr<platform::Speaker> speaker;  // null: the speaker button is hidden
    std::string status;                          // "on (alsa)", "no sound device: …"
};

// A headless run speaks only with `wav_dir`, into SDL's dummy device at the
// real pace, writing each utterance there: its screenshots stay the same on
// machines with and without sound.
SpeechOutput open_speech(const SpeechConfig& config, bool headless,
                         const std::optional<std::string>& wav_dir, std::uint32_t wake_event);

}  // namespace kiosk::app
