#include "kiosk/platform/espeak_synth.hpp"

#include <espeak-ng/speak_lib.h>

#include <atomic>

namespace kiosk::platform {
namespace {

// espeak-ng's callback has no context but the event's user_data.
struct Synthesis {
    const EspeakSynth::Sink* sink = nullptr;
    bool stopped = false;
};

int on_samples(short* wav, int count, espeak_EVENT* events) {
    // The list's terminator carries the user data too, and is all a chunk
    // without events has.
    Synthesis* s = nullptr;
    for (espeak_EVENT* e = events; e; ++e) {
        if (e->user_data) {
            s = static_cast<Synthesis*>(e->user_data);
            break;
        }
        if (e->type == espeakEVENT_LIST_TERMINATED)
            break;
    }
    if (!s || s->stopped)
        return s ? 1 : 0;
    if (wav && count > 0 &&
        !(*s->sink)(std::span<const std::int16_t>(reinterpret_cast<const std::int16_t*>(wav),
                                                  static_cast<std::size_t>(count)))) {
        // espeak_Cancel does not stop a synchronous synthesis; returning 1 does.
        s->stopped = true;
        return 1;
    }
    return 0;
}

std::atomic<bool> opened{false};
// espeak-ng 1.51 hangs in its next synthesis when started again after
// espeak_Terminate: it is started once a process and kept (a reload of the
// kiosk, or the next test, uses it again). Guarded by `opened`.
int started_rate = 0;

}  // namespace

Result<std::unique_ptr<EspeakSynth>> EspeakSynth::open() {
    if (opened.exchange(true))
        return Error{"espeak-ng is already in use in this process (it is not thread-safe)"};
    // 50 ms buffers: a stop is heard within that, and the first samples come soon.
    if (started_rate <= 0) {
        started_rate =
            espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 50, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (started_rate > 0)
            espeak_SetSynthCallback(on_samples);
    }
    if (started_rate != speech_sample_rate) {
        opened = false;
        return Error{started_rate <= 0
                         ? "espeak-ng cannot start: its data (espeak-ng-data) is missing"
                         : "espeak-ng speaks at " + std::to_string(started_rate) +
                               " Hz, not the expected " + std::to_string(speech_sample_rate)};
    }
    return std::unique_ptr<EspeakSynth>(new EspeakSynth());
}

EspeakSynth::~EspeakSynth() {
    opened = false;
}

Result<bool> EspeakSynth::speak(const std::string& language, const std::string& text,
                                SpeechVoice voice, const Sink& sink) {
    if (language != language_) {
        espeak_VOICE wanted{};
        wanted.languages = language.c_str();
        if (espeak_SetVoiceByProperties(&wanted) != EE_OK) {
            language_.clear();
            return Error{"espeak-ng has no voice for '" + language + "'"};
        }
        language_ = language;
        voice_ = {-1, -1};  // a new voice starts from its own rate and volume
    }
    if (voice.rate != voice_.rate)
        espeak_SetParameter(espeakRATE, voice.rate, 0);
    if (voice.volume != voice_.volume)
        espeak_SetParameter(espeakVOLUME, voice.volume, 0);
    voice_ = voice;
    Synthesis synthesis{&sink};
    const espeak_ERROR error = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                            espeakCHARS_UTF8, nullptr, &synthesis);
    if (error != EE_OK && !synthesis.stopped)
        return Error{"espeak-ng could not speak the text (error " + std::to_string(error) + ")"};
    return synthesis.stopped;
}

}  // namespace kiosk::platform
