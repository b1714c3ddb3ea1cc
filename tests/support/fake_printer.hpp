#pragma once
// A pretend ESC/POS network printer on a loopback port, strict where real
// printers are: it parses every byte, rejects what a printer would choke on
// (unknown or truncated commands, bands too wide, too tall or too big for its
// buffer), rebuilds the printed raster as a picture and answers DLE EOT. It can
// also misbehave on purpose: stay silent, drop the connection, read slowly or
// stop reading, so the kiosk's handling of each fault can be tested.

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/core/base/image.hpp"

namespace test {

struct ProtocolError {
    std::size_t offset = 0;  // byte offset in the connection's stream
    std::string message;
};

struct FakePrinterOptions {
    // Replies to DLE EOT 1, 2, 3, 4 (index n - 1); nullopt = no answer at all.
    // 0x12 is the quiet "all fine" byte: only the fixed bits 1 and 4 set.
    std::array<std::optional<std::uint8_t>, 4> status = {0x12, 0x12, 0x12, 0x12};
    std::optional<std::size_t> drop_after_bytes;          // then reset the connection
    std::optional<std::size_t> stop_reading_after_bytes;  // then never read again
    std::size_t read_chunk_bytes = 64 * 1024;             // at most this per read...
    std::chrono::milliseconds read_pause{0};              // ...then wait this long
    int paper_width_dots = 576;
    std::size_t buffer_bytes = 4096;  // the largest band the printer can hold
    // SO_RCVBUF (Linux doubles it). A receipt printer holds a few KB, not the
    // megabytes a Linux socket buffers, so stalls and drops reach the sender
    // as they would on the real thing. Keep it this small: with more, Linux
    // on loopback advertises more window than the buffer holds, drops
    // segments and stalls the sender for its retransmission back-off.
    int receive_buffer_bytes = 4 * 1024;
};

class FakePrinter {
  public:
    explicit FakePrinter(FakePrinterOptions options = {});
    ~FakePrinter();
    FakePrinter(const FakePrinter&) = delete;
    FakePrinter& operator=(const FakePrinter&) = delete;

    std::uint16_t port() const { return port_; }

    kiosk::GrayImage raster() const;  // the last job's bands, stacked; 0 = black
    int cuts() const;
    std::vector<ProtocolError> errors() const;
    std::string errors_text() const;  // one "offset N: message" per line, for INFO
    std::size_t bytes_received() const;
    int jobs_completed() const;
    std::vector<std::string> native_qr_payloads() const;  // each GS ( k print, in order

    // Wait (up to `timeout`) until that many jobs completed / connections ended.
    bool wait_for_jobs(int count, std::chrono::milliseconds timeout) const;
    bool wait_for_closed_connections(int count, std::chrono::milliseconds timeout) const;

    // What the parser has made of the stream so far; guarded by mutex_.
    struct Record {
        kiosk::GrayImage raster;
        int cuts = 0;
        int jobs_completed = 0;
        int closed_connections = 0;
        std::size_t bytes_received = 0;
        std::vector<ProtocolError> errors;
        std::vector<std::string> native_qr_payloads;
    };

  private:
    void serve();
    void serve_connection(int fd);
    bool pause(std::chrono::milliseconds duration) const;  // false when stopping

    FakePrinterOptions options_;
    int listen_fd_ = -1;
    std::uint16_t port_ = 0;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    Record record_;
    bool stopping_ = false;
    std::thread thread_;
};

// A loopback port with nothing listening on it: a printer that is switched off.
std::uint16_t unused_port();

}  // namespace test
