#include "kiosk/core/printing/printer_transport.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "kiosk/core/printing/escpos.hpp"

namespace kiosk {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

std::string errno_text(int error) {
    return std::strerror(error);
}

// "300 ms", "3 s", "2.5 s": time-outs as a person reads them in a log.
std::string duration_text(milliseconds duration) {
    const auto ms = duration.count();
    if (ms < 1000)
        return std::to_string(ms) + " ms";
    if (ms % 1000 == 0)
        return std::to_string(ms / 1000) + " s";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000.0);
    return text;
}

int poll_timeout(milliseconds left) {
    return static_cast<int>(std::clamp<milliseconds::rep>(left.count(), 0, 1'000'000));
}

// poll() on one descriptor that keeps waiting through signals. Returns the
// revents, or 0 when `timeout` passed first.
short wait_for(int fd, short events, milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        pollfd entry{fd, events, 0};
        const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
        const int ready = ::poll(&entry, 1, poll_timeout(left));
        if (ready > 0)
            return entry.revents;
        if (ready == 0 || errno != EINTR)
            return ready == 0 ? 0 : POLLERR;
    }
}

void close_fd(int fd) {
    if (fd >= 0)
        ::close(fd);
}

// Bytes the socket still holds that the printer's TCP has not acknowledged
// (SIOCOUTQ, alias TIOCOUTQ on Linux), or 0 where that cannot be asked.
std::size_t unacknowledged(int fd) {
    int pending = 0;
    if (::ioctl(fd, TIOCOUTQ, &pending) != 0 || pending < 0)
        return 0;
    return static_cast<std::size_t>(pending);
}

enum class Channel { socket, device, file };

std::string stopped_reading(const std::string& name, milliseconds io_timeout, std::size_t left,
                            std::size_t total) {
    return "printer " + name + " stopped reading for " + duration_text(io_timeout) + " with " +
           std::to_string(left) + " of " + std::to_string(total) + " bytes not yet taken";
}

// When the printer last took a byte. On a socket that is when its TCP last
// acknowledged one: POLLOUT only returns once half the send buffer is free,
// which a slow printer that reads steadily can take longer than the time-out
// to reach.
class Stall {
  public:
    Stall(int fd, Channel channel)
        : fd_(fd), socket_(channel == Channel::socket), queued_(socket_ ? unacknowledged(fd) : 0) {}
    void progressed() { since_ = Clock::now(); }
    bool longer_than(milliseconds limit) {
        const auto now = Clock::now();
        if (socket_) {
            const std::size_t queued = unacknowledged(fd_);
            if (queued != queued_)
                since_ = now;
            queued_ = queued;
        }
        return now - since_ >= limit;
    }
    std::size_t queued() const { return queued_; }

  private:
    int fd_;
    bool socket_;
    std::size_t queued_;
    Clock::time_point since_ = Clock::now();
};

// Writes every byte to a non-blocking descriptor, failing only when the
// printer takes nothing for `io_timeout`. A printer prints far slower than a
// socket sends, so pauses are normal; one longer than the time-out means it
// has stopped reading (paper out, cover open, powered off mid-job).
Result<bool> write_with_timeout(int fd, std::string_view bytes, milliseconds io_timeout,
                                const std::string& name, Channel channel) {
    std::size_t written = 0;
    bool hung_up = false;
    Stall stall(fd, channel);
    while (written < bytes.size()) {
        const char* data = bytes.data() + written;
        const std::size_t size = bytes.size() - written;
        // MSG_NOSIGNAL: a printer that drops the connection must become an
        // error message here, not a SIGPIPE that ends the kiosk.
        const ssize_t n = channel == Channel::socket ? ::send(fd, data, size, MSG_NOSIGNAL)
                                                     : ::write(fd, data, size);
        if (n > 0) {
            written += static_cast<std::size_t>(n);
            hung_up = false;
            stall.progressed();
            continue;
        }
        const int error = n < 0 ? errno : EIO;
        if (error == EINTR)
            continue;
        if (error == EAGAIN || error == EWOULDBLOCK) {
            const auto slice =
                channel == Channel::socket ? std::min(io_timeout, milliseconds(20)) : io_timeout;
            const short ready = wait_for(fd, POLLOUT, slice);
            if (ready == 0) {
                if (!stall.longer_than(io_timeout))
                    continue;
                return Error{stopped_reading(
                    name, io_timeout, bytes.size() - written + stall.queued(), bytes.size())};
            }
            if ((ready & POLLOUT) != 0)
                continue;
            // POLLERR or POLLHUP: one more write names the error; if it still
            // only says "try again", the device has gone away.
            if (hung_up)
                return Error{"printer " + name + " hung up mid-job"};
            hung_up = true;
            continue;
        }
        if (error == EPIPE || error == ECONNRESET) {
            return Error{"printer " + name + " dropped the connection mid-job after " +
                         std::to_string(written) + " of " + std::to_string(bytes.size()) +
                         " bytes were sent (" + errno_text(error) + ")"};
        }
        return Error{"cannot write to printer " + name + ": " + errno_text(error)};
    }
    return true;
}

std::optional<std::uint8_t> read_with_timeout(int fd, milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
        const short ready = wait_for(fd, POLLIN, std::max(left, milliseconds(0)));
        if (ready == 0 || (ready & POLLIN) == 0)
            return std::nullopt;
        unsigned char byte = 0;
        const ssize_t n = ::read(fd, &byte, 1);
        if (n == 1)
            return byte;
        if (n < 0 && (errno == EINTR || errno == EAGAIN) && Clock::now() < deadline)
            continue;
        return std::nullopt;  // end of stream or an error: no reply either way
    }
}

std::string host_port(const std::string& host, std::uint16_t port) {
    const bool ipv6 = host.find(':') != std::string::npos;
    return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// One address, connected within `timeout`: -1 and `error` set otherwise.
int connect_one(const addrinfo& address, milliseconds timeout, std::string& error) {
    const int fd = ::socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                            address.ai_protocol);
    if (fd < 0) {
        error = errno_text(errno);
        return -1;
    }
    int result = 0;
    if (::connect(fd, address.ai_addr, address.ai_addrlen) != 0) {
        socklen_t length = sizeof result;
        if (errno != EINPROGRESS) {
            result = errno;
        } else if (wait_for(fd, POLLOUT, timeout) == 0) {
            result = ETIMEDOUT;
        } else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &result, &length) != 0) {
            result = errno;
        }
    }
    if (result == 0)
        return fd;
    error = result == ETIMEDOUT ? "no answer within " + duration_text(timeout) : errno_text(result);
    close_fd(fd);
    return -1;
}

}  // namespace

PrinterTransport::~PrinterTransport() = default;

// ---- TCP ----

Result<std::unique_ptr<PrinterTransport>> TcpTransport::connect(const std::string& host,
                                                                std::uint16_t port,
                                                                milliseconds connect_timeout,
                                                                milliseconds io_timeout) {
    const std::string name = host_port(host, port);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    // getaddrinfo cannot be given a time-out; a printer configured by IP
    // address (the usual case) never waits on DNS here.
    const int lookup = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
    if (lookup != 0) {
        return Error{"cannot find printer " + name + ": " + ::gai_strerror(lookup)};
    }
    const auto deadline = Clock::now() + connect_timeout;
    std::string error = "no address";
    int fd = -1;
    for (const addrinfo* address = found; address != nullptr && fd < 0;
         address = address->ai_next) {
        const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
        if (left <= milliseconds(0)) {
            error = "no answer within " + duration_text(connect_timeout);
            break;
        }
        fd = connect_one(*address, left, error);
    }
    ::freeaddrinfo(found);
    if (fd < 0)
        return Error{"cannot connect to printer " + name + ": " + error};

    // Without this, the 3-byte status requests wait for Nagle's algorithm and
    // the printer's delayed ACK (up to 40 ms or more each).
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return std::unique_ptr<PrinterTransport>(new TcpTransport(fd, name, io_timeout));
}

TcpTransport::TcpTransport(int fd, std::string name, milliseconds io_timeout)
    : fd_(fd), name_(std::move(name)), io_timeout_(io_timeout) {}

TcpTransport::~TcpTransport() {
    close_fd(fd_);
}

std::string TcpTransport::describe() const {
    return name_;
}

Result<bool> TcpTransport::write_all(std::string_view bytes) {
    auto sent = write_with_timeout(fd_, bytes, io_timeout_, name_, Channel::socket);
    if (!sent)
        return sent;
    return wait_until_acknowledged(bytes.size());
}

// send() only hands bytes to the kernel, which on a LAN buffers more than a
// whole receipt: without this wait, a printer that resets mid-job would look
// like a job printed, and "time to the last byte sent" would mean nothing.
Result<bool> TcpTransport::wait_until_acknowledged(std::size_t total) {
    Stall stall(fd_, Channel::socket);
    milliseconds pause(0);  // look for a reset once before trusting the count
    for (;;) {
        pollfd entry{fd_, 0, 0};  // no events: only errors and hang-ups wake it
        if (::poll(&entry, 1, static_cast<int>(pause.count())) > 0 &&
            (entry.revents & (POLLERR | POLLHUP)) != 0) {
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &length);
            return Error{"printer " + name_ + " dropped the connection mid-job with " +
                         std::to_string(stall.queued()) + " of " + std::to_string(total) +
                         " bytes not yet taken" +
                         (error != 0 ? " (" + errno_text(error) + ")" : "")};
        }
        const bool stalled = stall.longer_than(io_timeout_);
        if (stall.queued() == 0)
            return true;
        if (stalled)
            return Error{stopped_reading(name_, io_timeout_, stall.queued(), total)};
        pause = milliseconds(10);
    }
}

std::optional<std::uint8_t> TcpTransport::read_byte(milliseconds timeout) {
    return read_with_timeout(fd_, timeout);
}

// ---- device ----

Result<std::unique_ptr<PrinterTransport>> DeviceTransport::open(const std::string& path,
                                                                milliseconds io_timeout) {
    // Non-blocking so every wait goes through poll() with a time-out: usblp
    // otherwise blocks in write() for as long as the printer is out of paper.
    bool readable = true;
    int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd >= 0) {
        // usblp opens a one-way printer read-write but fails every read
        // (EINVAL); a byte already waiting is a stale reply, safe to drop.
        unsigned char probe = 0;
        const ssize_t n = ::read(fd, &probe, 1);
        readable = n == 1 || (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR));
    } else {
        readable = false;
        fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    }
    if (fd < 0)
        return Error{"cannot open printer " + path + ": " + errno_text(errno)};
    return std::unique_ptr<PrinterTransport>(new DeviceTransport(fd, path, readable, io_timeout));
}

DeviceTransport::DeviceTransport(int fd, std::string path, bool readable, milliseconds io_timeout)
    : fd_(fd), path_(std::move(path)), readable_(readable), io_timeout_(io_timeout) {}

DeviceTransport::~DeviceTransport() {
    close_fd(fd_);
}

Result<bool> DeviceTransport::write_all(std::string_view bytes) {
    return write_with_timeout(fd_, bytes, io_timeout_, path_, Channel::device);
}

std::optional<std::uint8_t> DeviceTransport::read_byte(milliseconds timeout) {
    if (!readable_)
        return std::nullopt;
    return read_with_timeout(fd_, timeout);
}

// ---- file ----

Result<std::unique_ptr<PrinterTransport>> FileTransport::open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error{"cannot write printer file " + path + ": " + errno_text(errno)};
    return std::unique_ptr<PrinterTransport>(new FileTransport(fd, path));
}

FileTransport::FileTransport(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}

FileTransport::~FileTransport() {
    close_fd(fd_);
}

Result<bool> FileTransport::write_all(std::string_view bytes) {
    return write_with_timeout(fd_, bytes, milliseconds(0), path_, Channel::file);
}

// ---- status ----

PrinterStatus query_status(PrinterTransport& transport, milliseconds timeout) {
    if (!transport.can_answer()) {
        return {PrinterState::unknown, "this connection cannot report status"};
    }
    // Bytes nobody asked for (a late reply to an earlier request, or one a
    // printer sent because it found DLE EOT inside raster data, which Epson
    // printers act on in real time) would be taken for the next reply.
    for (int stale = 0; stale < 256 && transport.read_byte(milliseconds(0)); ++stale) {
    }
    std::optional<std::uint8_t> replies[3];
    const int numbers[3] = {1, 2, 4};
    for (int i = 0; i < 3; ++i) {
        auto sent = transport.write_all(status_request(numbers[i]));
        if (!sent)
            return {PrinterState::unknown, "cannot ask for the status: " + sent.error()};
        replies[i] = transport.read_byte(timeout);
        if (!replies[i]) {
            PrinterStatus status = decode_status(replies[0], replies[1], replies[2]);
            if (status.state == PrinterState::unknown) {
                status.detail = "no answer to DLE EOT " + std::to_string(numbers[i]) + " from " +
                                transport.describe() + " within " + duration_text(timeout);
            }
            return status;
        }
    }
    return decode_status(replies[0], replies[1], replies[2]);
}

// ---- configuration ----

}  // namespace kiosk
