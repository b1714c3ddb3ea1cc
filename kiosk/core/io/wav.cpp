#include "kiosk/core/io/wav.hpp"

#include <cmath>
#include <fstream>
#include <iterator>

#include "kiosk/core/io/atomic_file.hpp"

namespace kiosk {
namespace {

void put(std::string& out, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i)
        out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint32_t get(const std::string& in, std::size_t at, int bytes) {
    std::uint32_t value = 0;
    for (int i = 0; i < bytes; ++i)
        value |= std::uint32_t(static_cast<unsigned char>(in[at + std::size_t(i)])) << (8 * i);
    return value;
}

}  // namespace

double Sound::rms() const {
    if (samples.empty())
        return 0;
    double sum = 0;
    for (const std::int16_t s : samples)
        sum += double(s) * double(s);
    return std::sqrt(sum / double(samples.size()));
}

std::string wav_bytes(std::span<const std::int16_t> samples, int rate) {
    const auto data = static_cast<std::uint32_t>(samples.size() * 2);
    std::string out;
    out.reserve(44 + data);
    out += "RIFF";
    put(out, 36 + data, 4);
    out += "WAVEfmt ";
    put(out, 16, 4);  // the format chunk's size
    put(out, 1, 2);   // PCM
    put(out, 1, 2);   // mono
    put(out, static_cast<std::uint32_t>(rate), 4);
    put(out, static_cast<std::uint32_t>(rate) * 2, 4);  // bytes a second
    put(out, 2, 2);                                     // bytes a frame
    put(out, 16, 2);                                    // bits a sample
    out += "data";
    put(out, data, 4);
    for (const std::int16_t s : samples)
        put(out, static_cast<std::uint16_t>(s), 2);
    return out;
}

Result<bool> write_wav(const std::filesystem::path& path, std::span<const std::int16_t> samples,
                       int rate) {
    return write_file_atomically(path, wav_bytes(samples, rate));
}

Result<Sound> read_wav(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return Error{path.string() + ": cannot be opened"};
    const std::string in{std::istreambuf_iterator<char>(file), {}};
    if (in.size() < 12 || in.compare(0, 4, "RIFF") != 0 || in.compare(8, 4, "WAVE") != 0)
        return Error{path.string() + ": not a RIFF WAVE file"};
    Sound sound;
    bool format = false;
    for (std::size_t at = 12; at + 8 <= in.size();) {
        const std::string id = in.substr(at, 4);
        const std::uint32_t size = get(in, at + 4, 4);
        const std::size_t body = at + 8;
        if (body + size > in.size())
            return Error{path.string() + ": chunk '" + id + "' runs past the end of the file"};
        if (id == "fmt ") {
            if (size < 16 || get(in, body, 2) != 1 || get(in, body + 2, 2) != 1 ||
                get(in, body + 14, 2) != 16)
                return Error{path.string() + ": not 16-bit mono PCM"};
            sound.rate = static_cast<int>(get(in, body + 4, 4));
            format = true;
        } else if (id == "data") {
            if (!format)
                return Error{path.string() + ": data before its format"};
            sound.samples.resize(size / 2);
            for (std::size_t i = 0; i < sound.samples.size(); ++i)
                sound.samples[i] = static_cast<std::int16_t>(get(in, body + 2 * i, 2));
            return sound;
        }
        at = body + size + (size & 1);
    }
    return Error{path.string() + ": no data chunk"};
}

}  // namespace kiosk
