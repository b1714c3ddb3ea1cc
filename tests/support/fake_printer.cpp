#include "tests/support/fake_printer.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include "tests/support/fake_printer_parser.hpp"

namespace test {

FakePrinter::FakePrinter(FakePrinterOptions options) : options_(std::move(options)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0)
        throw std::runtime_error("fake printer: no socket");
    const int on = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    // Set before listen() so accepted connections inherit it.
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_RCVBUF, &options_.receive_buffer_bytes,
                 sizeof options_.receive_buffer_bytes);
    // Ethernet-sized segments, as on the LAN a real printer sits on, rather
    // than loopback's 64 KB ones that would fill its small buffer in one go.
    const int segment = 1460;
    ::setsockopt(listen_fd_, IPPROTO_TCP, TCP_MAXSEG, &segment, sizeof segment);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // the kernel picks a free port
    socklen_t length = sizeof address;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listen_fd_, 4) != 0 ||
        ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(listen_fd_);
        throw std::runtime_error("fake printer: cannot listen on loopback");
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
}

FakePrinter::~FakePrinter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
    ::close(listen_fd_);
}

bool FakePrinter::pause(std::chrono::milliseconds duration) const {
    std::unique_lock lock(mutex_);
    return !changed_.wait_for(lock, duration, [this] { return stopping_; });
}

void FakePrinter::serve() {
    for (;;) {
        pollfd entry{listen_fd_, POLLIN, 0};
        // Short polls so the destructor never waits long for this thread.
        if (::poll(&entry, 1, 20) > 0) {
            const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd >= 0)
                serve_connection(fd);
        }
        std::lock_guard lock(mutex_);
        if (stopping_)
            return;
    }
}

void FakePrinter::serve_connection(int fd) {
    StreamParser parser(options_, record_);
    std::size_t received = 0;
    std::string buffer(options_.read_chunk_bytes, '\0');
    for (;;) {
        if (options_.stop_reading_after_bytes && received >= *options_.stop_reading_after_bytes) {
            if (!pause(std::chrono::milliseconds(20)))
                break;  // hold the connection, read nothing
            continue;
        }
        pollfd entry{fd, POLLIN, 0};
        const int ready = ::poll(&entry, 1, 20);
        {
            std::lock_guard lock(mutex_);
            if (stopping_)
                break;
        }
        if (ready <= 0)
            continue;
        std::size_t want = buffer.size();
        if (options_.drop_after_bytes)
            want = std::min(want, *options_.drop_after_bytes - received);
        if (options_.stop_reading_after_bytes) {
            want = std::min(want, *options_.stop_reading_after_bytes - received);
        }
        const ssize_t n = ::recv(fd, buffer.data(), want, 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0) {
            std::lock_guard lock(mutex_);
            if (n == 0)
                parser.end_of_stream();
            else
                record_.errors.push_back(
                    {received, std::string("connection failed: ") + std::strerror(errno)});
            break;
        }
        received += static_cast<std::size_t>(n);
        std::string replies;
        {
            std::lock_guard lock(mutex_);
            record_.bytes_received += static_cast<std::size_t>(n);
            replies = parser.feed(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        }
        changed_.notify_all();
        if (!replies.empty())
            ::send(fd, replies.data(), replies.size(), MSG_NOSIGNAL);
        if (options_.drop_after_bytes && received >= *options_.drop_after_bytes) {
            // Linger 0: close with a reset, like a printer that loses power or
            // reboots mid-job, so the sender cannot mistake it for a clean end.
            const linger abort{1, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
            break;
        }
        if (options_.read_pause.count() > 0 && !pause(options_.read_pause))
            break;
    }
    ::close(fd);
    {
        std::lock_guard lock(mutex_);
        ++record_.closed_connections;
    }
    changed_.notify_all();
}

kiosk::GrayImage FakePrinter::raster() const {
    std::lock_guard lock(mutex_);
    return record_.raster;
}

int FakePrinter::cuts() const {
    std::lock_guard lock(mutex_);
    return record_.cuts;
}

std::vector<ProtocolError> FakePrinter::errors() const {
    std::lock_guard lock(mutex_);
    return record_.errors;
}

std::string FakePrinter::errors_text() const {
    std::string text;
    for (const auto& error : errors()) {
        text += "offset " + std::to_string(error.offset) + ": " + error.message + "\n";
    }
    return text;
}

std::size_t FakePrinter::bytes_received() const {
    std::lock_guard lock(mutex_);
    return record_.bytes_received;
}

int FakePrinter::jobs_completed() const {
    std::lock_guard lock(mutex_);
    return record_.jobs_completed;
}

std::vector<std::string> FakePrinter::native_qr_payloads() const {
    std::lock_guard lock(mutex_);
    return record_.native_qr_payloads;
}

bool FakePrinter::wait_for_jobs(int count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return record_.jobs_completed >= count; });
}

bool FakePrinter::wait_for_closed_connections(int count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return record_.closed_connections >= count; });
}

std::uint16_t unused_port() {
    // A port the kernel just handed out and took back: connecting is refused
    // at once, like a switched-off printer's address. (Another process could
    // take it in between; on a test machine's loopback that is very rare.)
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

}  // namespace test
