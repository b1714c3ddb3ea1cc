#include "kiosk/platform/headphone_jack.hpp"

#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk::platform {
namespace {

bool has_bit(const unsigned long* bits, int bit) {
    constexpr int per = static_cast<int>(sizeof(unsigned long) * 8);
    return (bits[bit / per] >> (bit % per)) & 1UL;
}

}  // namespace

std::vector<bool> headphone_changes(std::span<const std::uint8_t> bytes) {
    std::vector<bool> changes;
    for (std::size_t at = 0; at + sizeof(input_event) <= bytes.size(); at += sizeof(input_event)) {
        input_event event;
        std::memcpy(&event, bytes.data() + at, sizeof event);
        if (event.type == EV_SW && event.code == SW_HEADPHONE_INSERT)
            changes.push_back(event.value != 0);
    }
    return changes;
}

std::optional<std::filesystem::path> find_headphone_switch() {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/input", ec)) {
        if (entry.path().filename().string().rfind("event", 0) != 0)
            continue;
        const int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0)
            continue;
        unsigned long types[EV_MAX / (sizeof(unsigned long) * 8) + 1] = {};
        unsigned long switches[SW_MAX / (sizeof(unsigned long) * 8) + 1] = {};
        const bool found = ioctl(fd, EVIOCGBIT(0, sizeof types), types) >= 0 &&
                           has_bit(types, EV_SW) &&
                           ioctl(fd, EVIOCGBIT(EV_SW, sizeof switches), switches) >= 0 &&
                           has_bit(switches, SW_HEADPHONE_INSERT);
        ::close(fd);
        if (found)
            return entry.path();
    }
    return std::nullopt;
}

Result<std::unique_ptr<HeadphoneJack>> HeadphoneJack::open(const std::filesystem::path& path,
                                                           Changed changed) {
    // Non-blocking: opening a FIFO must not wait for its writer.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return Error{path.string() + ": " + std::strerror(errno)};
    std::unique_ptr<HeadphoneJack> jack(new HeadphoneJack());
    jack->fd_ = fd;
    jack->changed_ = std::move(changed);
    if (pipe2(jack->stop_, O_CLOEXEC) != 0)
        return Error{std::string("headphone jack: pipe: ") + std::strerror(errno)};
    // A device knows whether headphones are in already (a file or FIFO does not).
    unsigned long state[SW_MAX / (sizeof(unsigned long) * 8) + 1] = {};
    if (ioctl(fd, EVIOCGSW(sizeof state), state) >= 0 && has_bit(state, SW_HEADPHONE_INSERT))
        jack->changed_(true);
    jack->thread_ = std::thread([j = jack.get()] { j->run(); });
    return jack;
}

void HeadphoneJack::run() {
    std::vector<std::uint8_t> pending;
    std::uint8_t buffer[64 * sizeof(input_event)];
    for (;;) {
        pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_[0], POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[1].revents)
            return;
        const ssize_t got = read(fd_, buffer, sizeof buffer);
        if (got < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        if (got <= 0) {
            // The end of a file, or a FIFO's writer gone: wait for the next
            // writer (a device never ends) without spinning on the hang-up.
            if (fds[0].revents & POLLHUP) {
                pollfd stop{stop_[0], POLLIN, 0};
                if (poll(&stop, 1, 50) != 0)
                    return;
            } else if (got == 0) {
                return;  // a plain file read to its end
            }
            continue;
        }
        pending.insert(pending.end(), buffer, buffer + got);
        for (bool in : headphone_changes(pending))
            changed_(in);
        const std::size_t whole = pending.size() / sizeof(input_event) * sizeof(input_event);
        pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(whole));
    }
}

HeadphoneJack::~HeadphoneJack() {
    if (stop_[1] >= 0) {
        const char stop = 1;
        [[maybe_unused]] const ssize_t w = write(stop_[1], &stop, 1);
    }
    if (thread_.joinable())
        thread_.join();
    for (int fd : {fd_, stop_[0], stop_[1]}) {
        if (fd >= 0)
            ::close(fd);
    }
}

}  // namespace kiosk::platform
