#pragma once
// The headphone jack: the kernel reports plugging in and pulling out as the
// switch SW_HEADPHONE_INSERT on an evdev input device (the sound card's
// "Headphone Jack" device). A thread reads its events and says each change;
// the app turns them into speech mode's start and end. Tests give it a FIFO
// of the same input_event records instead of a device.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <thread>
#include <vector>

#include "kiosk/core/base/result.hpp"

namespace kiosk::platform {

// The switch changes in `bytes` of struct input_event records, in order:
// true plugged in, false pulled out. Other events are passed over, and a
// last record cut short is left for the next read.
std::vector<bool> headphone_changes(std::span<const std::uint8_t> bytes);

// The first /dev/input/event* device that has the headphone switch, or none.
std::optional<std::filesystem::path> find_headphone_switch();

class HeadphoneJack {
  public:
    using Changed = std::function<void(bool plugged_in)>;
    // Reads `path` on a thread of its own, calling `changed` there for each
    // change (and once at once, when the device says headphones are in).
    static Result<std::unique_ptr<HeadphoneJack>> open(const std::filesystem::path& path,
                                                       Changed changed);
    ~HeadphoneJack();
    HeadphoneJack(const HeadphoneJack&) = delete;
    HeadphoneJack& operator=(const HeadphoneJack&) = delete;

  private:
    HeadphoneJack() = default;
    void run();

    int fd_ = -1;
    int stop_[2] = {-1, -1};  // a pipe: writing to it ends the thread
    Changed changed_;
    std::thread thread_;
};

}  // namespace kiosk::platform
