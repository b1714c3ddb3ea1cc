#pragma once
// Read-aloud: one thread owns espeak-ng and synthesises each utterance into
// memory, queueing the samples to an SDL audio device (22050 Hz, mono, S16)
// as they come. The UI thread only posts what to read or "stop" and reads
// whether it is speaking, so no frame ever waits for speech.

#include <SDL.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/speech/read_aloud.hpp"
#include "kiosk/platform/espeak_synth.hpp"

namespace kiosk::platform {

struct SpeakerOptions {
    SpeechVoice voice;
    // SDL's audio driver; empty: SDL's choice. "dummy" plays into nothing at
    // the real pace, for headless runs.
    std::string driver;
    // Also write what was played, each utterance as DIR/NNN-<lang>.wav, and a
    // line for each in DIR/speech.log ("played" or "stopped", samples) and in
    // DIR/utterances.log (the file's name, a tab, the words).
    std::optional<std::filesystem::path> wav_dir;
    // An SDL event pushed when speaking ends by itself, so the loop redraws.
    std::uint32_t wake_event = 0;
};

// An utterance in this "language" is the chime (two short notes), not words:
// the idle countdown is heard as well as seen and read.
inline constexpr std::string_view chime_language = "chime";
std::vector<std::int16_t> chime_samples(int volume);

class Speaker {
  public:
    // Fails, saying why, when espeak-ng cannot start or there is no sound
    // device (SDL_OpenAudioDevice fails even where SDL_Init(AUDIO) did not).
    static Result<std::unique_ptr<Speaker>> open(const SpeakerOptions& options);
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    // Reads `utterances` in order, stopping whatever was being read.
    void speak(std::vector<Utterance> utterances);
    // Stops at once: the synthesis (its callback says stop) and the queued audio.
    void stop();
    // The volume (0 to 100) from the next utterance on; the configuration's at first.
    void set_volume(int volume);
    int volume() const { return volume_; }
    // From speak() until the last sample has played or stop().
    bool speaking() const { return speaking_; }
    // The SDL audio device's name, or SDL's driver where it gives none.
    const std::string& device() const { return device_; }

    // For the benchmark: from the last speak() to its first samples queued.
    std::optional<std::chrono::nanoseconds> first_sample_after() const;

  private:
    Speaker() = default;
    struct Request {
        std::uint64_t id = 0;
        std::vector<Utterance> utterances;
    };
    // What one utterance put into the device's queue, for its WAV file.
    struct Recording {
        std::string language;
        std::string text;  // for DIR/utterances.log
        std::vector<std::int16_t> samples;
        std::uint64_t start = 0;  // samples queued before it in this request
        bool cut = false;         // its synthesis was stopped
    };
    void run(std::unique_ptr<EspeakSynth> synth);
    // Writes the WAV files and speech.log lines of what `played` covers.
    void record(const std::vector<Recording>& recordings, std::uint64_t played);
    void read(EspeakSynth& synth, const Request& request);
    bool superseded(std::uint64_t id) const;
    void finish(std::uint64_t id);

    SDL_AudioDeviceID device_id_ = 0;
    std::string device_;
    SpeakerOptions options_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Request> pending_;
    std::uint64_t latest_ = 0;  // the id of the last speak() or stop()
    bool quit_ = false;
    std::atomic<bool> speaking_{false};
    std::atomic<int> volume_{80};
    std::chrono::steady_clock::time_point asked_at_;
    std::optional<std::chrono::nanoseconds> first_sample_after_;
    int written_ = 0;  // utterances written to wav_dir
};

}  // namespace kiosk::platform
