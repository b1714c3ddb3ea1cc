#pragma once
// RIFF WAVE files of 16-bit mono PCM: what headless runs write of the
// kiosk's speech so that tests can listen to it, and what they read back.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "kiosk/core/base/result.hpp"

namespace kiosk {

struct Sound {
    int rate = 22050;                   // samples a second
    std::vector<std::int16_t> samples;  // mono

    double seconds() const { return rate > 0 ? double(samples.size()) / rate : 0; }
    // Root mean square of the samples, 0 (silence) to 32767.
    double rms() const;
};

// The bytes of a WAVE file (little-endian, 44-byte header).
std::string wav_bytes(std::span<const std::int16_t> samples, int rate);
// Written atomically: a test never reads half a file.
Result<bool> write_wav(const std::filesystem::path& path, std::span<const std::int16_t> samples,
                       int rate);
// Reads 16-bit mono PCM only; anything else is an error naming the file.
Result<Sound> read_wav(const std::filesystem::path& path);

}  // namespace kiosk
