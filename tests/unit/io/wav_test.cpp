#include "kiosk/core/io/wav.hpp"

#include <catch2/catch.hpp>

#include "tests/support/test_support.hpp"

using namespace kiosk;

TEST_CASE("a WAV file of 16-bit mono samples reads back as written", "[wav]") {
    test::TempDir dir;
    const std::vector<std::int16_t> samples = {0, 1000, -1000, 32767, -32768, 7};
    REQUIRE(write_wav(dir / "a.wav", samples, 22050).ok());
    const std::string bytes = test::read_text(dir / "a.wav");
    CHECK(bytes.size() == 44 + 2 * samples.size());
    CHECK(bytes.compare(0, 4, "RIFF") == 0);
    const auto sound = read_wav(dir / "a.wav");
    REQUIRE(sound.ok());
    CHECK(sound->rate == 22050);
    CHECK(sound->samples == samples);
    CHECK(sound->seconds() == Approx(6.0 / 22050));
    CHECK(sound->rms() > 10000);
    CHECK(Sound{22050, {0, 0, 0}}.rms() == 0);
}

TEST_CASE("what is not 16-bit mono PCM is an error naming the file", "[wav]") {
    test::TempDir dir;
    test::write_text(dir / "text.wav", "hello, this is no sound");
    const auto text = read_wav(dir / "text.wav");
    REQUIRE_FALSE(text.ok());
    CHECK(text.error() == (dir / "text.wav").string() + ": not a RIFF WAVE file");

    std::string stereo = wav_bytes(std::vector<std::int16_t>{1, 2}, 22050);
    stereo[22] = 2;  // two channels
    test::write_text(dir / "stereo.wav", stereo);
    const auto two = read_wav(dir / "stereo.wav");
    REQUIRE_FALSE(two.ok());
    CHECK(two.error() == (dir / "stereo.wav").string() + ": not 16-bit mono PCM");

    std::string cut = wav_bytes(std::vector<std::int16_t>(100, 5), 22050);
    cut.resize(60);
    test::write_text(dir / "cut.wav", cut);
    const auto short_file = read_wav(dir / "cut.wav");
    REQUIRE_FALSE(short_file.ok());
    CHECK(short_file.error().find("runs past the end of the file") != std::string::npos);
}
