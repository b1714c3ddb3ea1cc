#pragma once
// espeak-ng, synthesising into memory. espeak-ng keeps global state and is
// not thread-safe (espeak-ng#68): one EspeakSynth in a process, used from one
// thread only (the Speaker's), and made on that thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "kiosk/core/base/result.hpp"

namespace kiosk::platform {

inline constexpr int speech_sample_rate = 22050;  // espeak-ng's output: 16-bit mono

struct SpeechVoice {
    int rate = 150;   // words a minute, 80 to 450
    int volume = 80;  // 0 to 100; 100 is espeak-ng's normal loudness
};

class EspeakSynth {
  public:
    // Fails (instead of espeak-ng's exit(1)) when its data cannot be found;
    // one at a time (espeak-ng is started once a process and kept).
    // espeak-ng sets the process's locale to C.UTF-8 as it starts.
    static Result<std::unique_ptr<EspeakSynth>> open();
    ~EspeakSynth();
    EspeakSynth(const EspeakSynth&) = delete;
    EspeakSynth& operator=(const EspeakSynth&) = delete;

    // Receives the samples as espeak-ng makes them, every ~50 ms of speech;
    // returns false to stop the synthesis there.
    using Sink = std::function<bool(std::span<const std::int16_t>)>;
    // Speaks `text` (UTF-8, logical order) with the voice of `language` (a
    // two-letter code). Synchronous: returns when the text is spoken into
    // `sink` or the sink said stop; true when it said stop.
    Result<bool> speak(const std::string& language, const std::string& text, SpeechVoice voice,
                       const Sink& sink);

  private:
    EspeakSynth() = default;
    std::string language_;
    SpeechVoice voice_{-1, -1};
};

}  // namespace kiosk::platform
