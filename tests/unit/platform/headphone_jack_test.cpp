// The headphone jack's switch, read as the kernel's evdev device sends it:
// struct input_event records, here from a FIFO standing in for the device.

#include "kiosk/platform/headphone_jack.hpp"

#include <linux/input.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <fstream>
#include <mutex>

#include "tests/support/test_support.hpp"

using namespace kiosk::platform;

namespace {

std::vector<std::uint8_t> record(std::uint16_t type, std::uint16_t code, std::int32_t value) {
    input_event event{};
    event.type = type;
    event.code = code;
    event.value = value;
    std::vector<std::uint8_t> bytes(sizeof event);
    std::memcpy(bytes.data(), &event, sizeof event);
    return bytes;
}

std::vector<std::uint8_t> joined(std::initializer_list<std::vector<std::uint8_t>> parts) {
    std::vector<std::uint8_t> out;
    for (const auto& part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

// What a sound card's jack device sends on plugging in: the switch, then a sync.
std::vector<std::uint8_t> plug(bool in) {
    return joined({record(EV_SW, SW_HEADPHONE_INSERT, in ? 1 : 0), record(EV_SYN, SYN_REPORT, 0)});
}

}  // namespace

TEST_CASE("the headphone switch's changes are read from input events, others passed over",
          "[headphones]") {
    const auto bytes = joined({plug(true), record(EV_SW, SW_MICROPHONE_INSERT, 1),
                               record(EV_KEY, KEY_VOLUMEUP, 1), plug(false), plug(true)});
    CHECK(headphone_changes(bytes) == std::vector<bool>{true, false, true});
    // A record cut short waits for the rest of it.
    const std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + sizeof(input_event) - 3);
    CHECK(headphone_changes(cut).empty());
}

TEST_CASE("the jack's thread says each plug and unplug written to a fake switch device",
          "[headphones]") {
    test::TempDir dir;
    const auto fifo = dir.path() / "jack-event";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<bool> seen;
    auto jack = HeadphoneJack::open(fifo, [&](bool in) {
        std::lock_guard lock(mutex);
        seen.push_back(in);
        changed.notify_all();
    });
    REQUIRE(jack);
    auto wait_for = [&](std::size_t count) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(5),
                                [&] { return seen.size() >= count; });
    };
    {
        std::ofstream device(fifo, std::ios::binary);
        const auto in = plug(true);
        device.write(reinterpret_cast<const char*>(in.data()),
                     static_cast<std::streamsize>(in.size()));
    }
    REQUIRE(wait_for(1));
    {
        // A second writer after the first has gone: the jack keeps listening.
        std::ofstream device(fifo, std::ios::binary);
        const auto out = plug(false);
        device.write(reinterpret_cast<const char*>(out.data()),
                     static_cast<std::streamsize>(out.size()));
    }
    REQUIRE(wait_for(2));
    std::lock_guard lock(mutex);
    CHECK(seen == std::vector<bool>{true, false});
}

TEST_CASE("a jack that cannot be opened says which and why", "[headphones]") {
    auto jack = HeadphoneJack::open("/nonexistent/event9", [](bool) {});
    REQUIRE_FALSE(jack);
    CHECK(jack.error() == "/nonexistent/event9: No such file or directory");
}
