#include "kiosk/platform/speaker.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <future>
#include <iomanip>
#include <sstream>

#include "kiosk/core/io/wav.hpp"

namespace kiosk::platform {
namespace {

using steady = std::chrono::steady_clock;

std::string sdl_error() {
    const char* e = SDL_GetError();
    return e && *e ? e : "unknown SDL error";
}

}  // namespace

Result<std::unique_ptr<Speaker>> Speaker::open(const SpeakerOptions& options) {
    if (!options.driver.empty())
        SDL_SetHint(SDL_HINT_AUDIODRIVER, options.driver.c_str());
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        return Error{"no sound: SDL's audio does not start: " + sdl_error()};
    SDL_AudioSpec want{};
    want.freq = speech_sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;  // ~46 ms: a stop is quiet within that
    SDL_AudioSpec have{};
    const SDL_AudioDeviceID id = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (id == 0) {
        std::string why = sdl_error();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return Error{"no sound device: " + why};
    }
    std::unique_ptr<Speaker> speaker(new Speaker());
    speaker->device_id_ = id;
    speaker->options_ = options;
    speaker->volume_ = std::clamp(options.voice.volume, 0, 100);
    const char* driver = SDL_GetCurrentAudioDriver();
    speaker->device_ = driver ? driver : "?";
    if (options.wav_dir) {
        std::error_code ec;
        std::filesystem::create_directories(*options.wav_dir, ec);
    }
    // espeak-ng is started on the thread that will own it.
    std::promise<Result<bool>> started;
    auto ready = started.get_future();
    Speaker* self = speaker.get();
    speaker->thread_ = std::thread([self, &started] {
        // Behind the UI thread for the CPU: espeak-ng synthesises many times
        // faster than it speaks, a frame must not wait (Linux nices threads).
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
        auto synth = EspeakSynth::open();
        if (!synth) {
            started.set_value(Error{synth.error()});
            return;
        }
        started.set_value(true);
        self->run(std::move(*synth));
    });
    if (auto ok = ready.get(); !ok) {
        speaker->thread_.join();
        return Error{ok.error()};  // the destructor closes the device
    }
    // Paused while silent: SDL's audio thread would otherwise wake every
    // buffer to play silence, on a kiosk that idles 24/7.
    return speaker;
}

Speaker::~Speaker() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        ++latest_;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
    if (device_id_ != 0) {
        SDL_CloseAudioDevice(device_id_);
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
}

void Speaker::speak(std::vector<Utterance> utterances) {
    {
        std::lock_guard lock(mutex_);
        pending_ = Request{++latest_, std::move(utterances)};
        asked_at_ = steady::now();
        first_sample_after_.reset();
        speaking_ = true;
    }
    wake_.notify_all();
}

void Speaker::stop() {
    {
        std::lock_guard lock(mutex_);
        ++latest_;
        pending_.reset();
        speaking_ = false;
    }
    wake_.notify_all();
}

std::optional<std::chrono::nanoseconds> Speaker::first_sample_after() const {
    std::lock_guard lock(mutex_);
    return first_sample_after_;
}

bool Speaker::superseded(std::uint64_t id) const {
    std::lock_guard lock(mutex_);
    return id != latest_;
}

void Speaker::run(std::unique_ptr<EspeakSynth> synth) {
    for (;;) {
        Request request;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return quit_ || pending_; });
            if (quit_)
                return;
            request = std::move(*pending_);
            pending_.reset();
        }
        read(*synth, request);
    }
}

void Speaker::read(EspeakSynth& synth, const Request& request) {
    SDL_ClearQueuedAudio(device_id_);
    SDL_PauseAudioDevice(device_id_, 0);
    std::vector<Recording> recordings;
    std::uint64_t queued = 0;
    bool first = true;
    for (const Utterance& u : request.utterances) {
        if (superseded(request.id))
            break;
        Recording rec{u.language, u.text, {}, queued, false};
        auto sink = [&](std::span<const std::int16_t> samples) {
            if (superseded(request.id))
                return false;
            SDL_QueueAudio(device_id_, samples.data(), static_cast<Uint32>(samples.size_bytes()));
            if (first) {
                first = false;
                std::lock_guard lock(mutex_);
                first_sample_after_ = steady::now() - asked_at_;
            }
            queued += samples.size();
            if (options_.wav_dir)
                rec.samples.insert(rec.samples.end(), samples.begin(), samples.end());
            return true;
        };
        if (u.language == chime_language) {
            const std::vector<std::int16_t> tone = chime_samples(volume_);
            sink(tone);
            recordings.push_back(std::move(rec));
            continue;
        }
        auto spoken = synth.speak(u.language, u.text, {options_.voice.rate, volume_}, sink);
        if (!spoken) {
            SDL_Log("kiosk: speech: %s", spoken.error().c_str());
            continue;
        }
        rec.cut = *spoken;
        recordings.push_back(std::move(rec));
    }
    // Wait for the queue to play out, or for a stop or the next request.
    {
        std::unique_lock lock(mutex_);
        while (latest_ == request.id && SDL_GetQueuedAudioSize(device_id_) > 0)
            wake_.wait_for(lock, std::chrono::milliseconds(20));
    }
    const std::uint64_t unplayed = SDL_GetQueuedAudioSize(device_id_) / sizeof(std::int16_t);
    SDL_ClearQueuedAudio(device_id_);
    if (!superseded(request.id))
        SDL_Delay(60);  // the device's last buffer (~46 ms) is still playing
    SDL_PauseAudioDevice(device_id_, 1);
    const std::uint64_t played = queued - std::min(queued, unplayed);
    // The files first: whoever sees the speaking end finds them written.
    if (options_.wav_dir)
        record(recordings, played);
    finish(request.id);
}

void Speaker::record(const std::vector<Recording>& recordings, std::uint64_t played) {
    std::ofstream log(*options_.wav_dir / "speech.log", std::ios::app);
    std::ofstream said(*options_.wav_dir / "utterances.log", std::ios::app);
    for (const Recording& rec : recordings) {
        if (rec.start >= played && !rec.samples.empty())
            break;  // never began to play
        const std::uint64_t heard =
            played > rec.start ? std::min<std::uint64_t>(rec.samples.size(), played - rec.start)
                               : 0;
        const bool stopped = rec.cut || heard < rec.samples.size();
        std::ostringstream name;
        name << std::setw(3) << std::setfill('0') << ++written_ << '-' << rec.language << ".wav";
        const std::span<const std::int16_t> kept(rec.samples.data(), heard);
        if (auto w = write_wav(*options_.wav_dir / name.str(), kept, speech_sample_rate); !w)
            SDL_Log("kiosk: speech: %s", w.error().c_str());
        log << name.str() << ' ' << (stopped ? "stopped" : "played") << ' ' << heard << " of "
            << rec.samples.size() << (rec.cut ? " (synthesis stopped)" : "") << '\n';
        said << name.str() << '\t' << rec.text << '\n';
    }
}

std::vector<std::int16_t> chime_samples(int volume) {
    // Two notes, E6 then C6 (a doorbell's falling third), 0.15 s each with a
    // soft start and end so they do not click.
    std::vector<std::int16_t> out;
    const double amplitude = 9000.0 * std::clamp(volume, 0, 100) / 100.0;
    for (const double hz : {1318.5, 1046.5}) {
        const int n = speech_sample_rate * 15 / 100;
        for (int i = 0; i < n; ++i) {
            const double fade = std::min({1.0, i / 300.0, (n - i) / 300.0});
            out.push_back(static_cast<std::int16_t>(
                amplitude * fade * std::sin(2 * M_PI * hz * i / speech_sample_rate)));
        }
    }
    return out;
}

void Speaker::set_volume(int volume) {
    volume_ = std::clamp(volume, 0, 100);
}

void Speaker::finish(std::uint64_t id) {
    bool ended = false;
    {
        std::lock_guard lock(mutex_);
        if (latest_ == id && speaking_) {
            speaking_ = false;
            ended = true;
        }
    }
    if (ended && options_.wake_event != 0) {
        SDL_Event event{};
        event.type = options_.wake_event;
        SDL_PushEvent(&event);
    }
}

}  // namespace kiosk::platform
