#include "tests/unit/fake_printer.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string_view>

namespace test {

namespace {

// The byte stream of one connection, parsed as ESC/POS as it arrives: a
// command may be split across reads, so an incomplete one waits for more.
class StreamParser {
  public:
    StreamParser(const FakePrinterOptions& options, FakePrinter::Record& record)
        : options_(options), record_(record) {}

    // Parses all complete commands; returns the bytes to send back.
    std::string feed(std::string_view bytes) {
        std::string replies;
        if (broken_)
            return replies;
        pending_.append(bytes);
        std::size_t used = 0;
        while (!broken_ && used < pending_.size()) {
            const std::size_t size =
                step(std::string_view(pending_).substr(used), offset_ + used, replies);
            if (size == 0)
                break;
            used += size;
        }
        pending_.erase(0, used);
        offset_ += used;
        return replies;
    }

    // The sender closed the connection: whatever is left is a cut-off command.
    void end_of_stream() {
        if (broken_)
            return;
        if (!pending_.empty()) {
            fail(offset_, "truncated command at the end of the stream (" +
                              std::to_string(pending_.size()) + " bytes left)");
            return;
        }
        if (job_open_ && job_has_content_)
            ++record_.jobs_completed;
    }

  private:
    static unsigned at(std::string_view bytes, std::size_t i) {
        return static_cast<unsigned char>(bytes[i]);
    }

    // Records the error and returns 0 (nothing more parsed) for `return fail(...)`.
    std::size_t fail(std::size_t offset, std::string message) {
        record_.errors.push_back({offset, std::move(message)});
        broken_ = true;  // no way to find the next command after a bad one
        job_open_ = false;
        return 0;
    }

    std::size_t fail_unknown(std::string_view bytes, std::size_t offset, std::size_t length) {
        std::string text = "unknown command";
        for (std::size_t i = 0; i < length && i < bytes.size(); ++i) {
            char hex[8];
            std::snprintf(hex, sizeof hex, " %02X", at(bytes, i));
            text += hex;
        }
        return fail(offset, text);
    }

    // The size of the complete command at the front of `bytes`, or 0 when
    // more bytes are needed or the command is bad (then broken_ is set).
    std::size_t step(std::string_view bytes, std::size_t offset, std::string& replies) {
        const std::size_t have = bytes.size();
        switch (at(bytes, 0)) {
            case 0x1b:
                return have < 2 ? 0 : escape(bytes, offset);
            case 0x1d:
                return have < 2 ? 0 : group(bytes, offset);
            case 0x10: {  // DLE EOT n: real-time status
                if (have < 3)
                    return 0;
                const unsigned n = at(bytes, 2);
                if (at(bytes, 1) != 0x04 || n < 1 || n > 4)
                    return fail_unknown(bytes, offset, 3);
                if (const auto reply = options_.status[n - 1])
                    replies += static_cast<char>(*reply);
                return 3;
            }
            default:
                return fail_unknown(bytes, offset, 1);
        }
    }

    std::size_t escape(std::string_view bytes, std::size_t offset) {
        switch (at(bytes, 1)) {
            case '@':
                if (job_open_ && job_has_content_)
                    ++record_.jobs_completed;  // ended uncut
                job_open_ = true;
                job_has_content_ = false;
                record_.raster = {};
                stored_qr_.reset();
                return 2;
            case 'd':  // feed n lines
                if (bytes.size() < 3)
                    return 0;
                job_has_content_ = true;
                return 3;
            case 'a': {  // justification, used to centre a native QR code
                if (bytes.size() < 3)
                    return 0;
                const unsigned n = at(bytes, 2);
                if (n > 2 && (n < 48 || n > 50))
                    return fail_unknown(bytes, offset, 3);
                return 3;
            }
            default:
                return fail_unknown(bytes, offset, 2);
        }
    }

    std::size_t group(std::string_view bytes, std::size_t offset) {
        switch (at(bytes, 1)) {
            case 'v':
                return raster_band(bytes, offset);
            case 'V': {  // cut: GS V m, or GS V m n for the feeding variants
                if (bytes.size() < 3)
                    return 0;
                const unsigned m = at(bytes, 2);
                std::size_t size = 0;
                if (m == 0 || m == 1 || m == 48 || m == 49)
                    size = 3;
                if (m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104)
                    size = 4;
                if (size == 0)
                    return fail_unknown(bytes, offset, 3);
                if (bytes.size() < size)
                    return 0;
                ++record_.cuts;
                if (job_open_)
                    ++record_.jobs_completed;
                job_open_ = false;
                return size;
            }
            case '(':
                return symbol(bytes, offset);
            default:
                return fail_unknown(bytes, offset, 2);
        }
    }

    // GS v 0 m xL xH yL yH, then xL+xH*256 bytes per row times yL+yH*256 rows.
    std::size_t raster_band(std::string_view bytes, std::size_t offset) {
        if (bytes.size() < 8)
            return 0;
        if (at(bytes, 2) != '0')
            return fail_unknown(bytes, offset, 3);
        const unsigned m = at(bytes, 3);
        const std::size_t row_bytes = at(bytes, 4) + at(bytes, 5) * 256u;
        const std::size_t rows = at(bytes, 6) + at(bytes, 7) * 256u;
        if (m != 0 && m != 48)
            return fail(offset, "raster band in scaled mode " + std::to_string(m));
        if (row_bytes == 0 || rows == 0)
            return fail(offset, "empty raster band");
        if (row_bytes * 8 > static_cast<std::size_t>(options_.paper_width_dots)) {
            return fail(offset, "raster band " + std::to_string(row_bytes * 8) +
                                    " dots wide on paper of " +
                                    std::to_string(options_.paper_width_dots));
        }
        if (rows > 4095)
            return fail(offset, "raster band of " + std::to_string(rows) + " rows");
        if (row_bytes * rows > options_.buffer_bytes) {
            return fail(offset, "raster band of " + std::to_string(row_bytes * rows) +
                                    " bytes overflows a buffer of " +
                                    std::to_string(options_.buffer_bytes));
        }
        auto& image = record_.raster;
        const int width = static_cast<int>(row_bytes * 8);
        if (image.height > 0 && image.width != width) {
            return fail(offset, "raster band width changed from " + std::to_string(image.width) +
                                    " to " + std::to_string(width));
        }
        if (bytes.size() < 8 + row_bytes * rows)
            return 0;
        image.width = width;
        image.height += static_cast<int>(rows);
        for (std::size_t i = 0; i < row_bytes * rows; ++i) {
            const unsigned byte = at(bytes, 8 + i);
            for (int bit = 7; bit >= 0; --bit)
                image.pixels.push_back(((byte >> bit) & 1u) ? 0 : 255);
        }
        job_has_content_ = true;
        return 8 + row_bytes * rows;
    }

    // GS ( k pL pH cn fn ...: only the QR code functions (cn 49).
    std::size_t symbol(std::string_view bytes, std::size_t offset) {
        if (bytes.size() < 3)
            return 0;
        if (at(bytes, 2) != 'k')
            return fail_unknown(bytes, offset, 3);
        if (bytes.size() < 5)
            return 0;
        const std::size_t length = at(bytes, 3) + at(bytes, 4) * 256u;
        if (length < 3)
            return fail(offset, "GS ( k with " + std::to_string(length) + " bytes");
        if (bytes.size() < 5 + length)
            return 0;
        const unsigned cn = at(bytes, 5);
        const unsigned fn = at(bytes, 6);
        const unsigned arg = at(bytes, 7);
        if (cn != 49)
            return fail(offset, "GS ( k for symbol type " + std::to_string(cn));
        bool valid = false;
        switch (fn) {
            case 65:
                valid = length == 4 && arg >= 49 && arg <= 51 && at(bytes, 8) == 0;
                break;
            case 67:
                valid = length == 3 && arg >= 1 && arg <= 16;
                break;
            case 69:
                valid = length == 3 && arg >= 48 && arg <= 51;
                break;
            case 80:
                valid = arg == 48 && length > 3;
                if (valid)
                    stored_qr_ = std::string(bytes.substr(8, length - 3));
                break;
            case 81:
                valid = length == 3 && arg == 48 && stored_qr_.has_value();
                if (valid)
                    record_.native_qr_payloads.push_back(*stored_qr_);
                job_has_content_ = true;
                break;
            case 82:
                valid = length == 3 && arg == 48;
                break;
            default:
                break;
        }
        if (!valid)
            return fail(offset, "bad QR function " + std::to_string(fn));
        return 5 + length;
    }

    const FakePrinterOptions& options_;
    FakePrinter::Record& record_;
    std::string pending_;
    std::size_t offset_ = 0;  // stream offset of pending_[0]
    bool broken_ = false;
    bool job_open_ = false;
    bool job_has_content_ = false;
    std::optional<std::string> stored_qr_;
};

}  // namespace

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
