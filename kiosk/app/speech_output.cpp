#include "kiosk/app/speech_output.hpp"

namespace kiosk::app {

SpeechOutput open_speech(const SpeechConfig& config, bool headless,
                         const std::optional<std::string>& wav_dir, std::uint32_t wake_event) {
    if (!config.enabled)
        return {nullptr, "off in the configuration"};
    if (headless && !wav_dir)
        return {nullptr, "off (a headless run speaks only with --speech-wav)"};
    platform::SpeakerOptions options;
    options.voice = {config.rate, config.volume};
    options.wake_event = wake_event;
    if (headless) {
        options.driver = "dummy";
        options.wav_dir = *wav_dir;
    }
    auto speaker = platform::Speaker::open(options);
    if (!speaker)
        return {nullptr, speaker.error() + "; the speaker button is hidden"};
    std::string status = "on (" + (*speaker)->device() + ", rate " + std::to_string(config.rate) +
                         ", volume " + std::to_string(config.volume) + ")";
    return {std::move(*speaker), std::move(status)};
}

}  // namespace kiosk::app
