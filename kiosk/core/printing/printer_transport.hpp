#pragma once
// Where the raw ESC/POS bytes go: a printer on the network (port 9100), a USB
// printer's device file (/dev/usb/lp0), or a plain file for previews and tests.
// CUPS raw queues are deprecated, so the kiosk talks to the printer itself.
// Every call returns within its time-out: printing runs on a worker thread, but
// a stuck printer must still end as a message, not a hung thread.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/printing/printer_status.hpp"

namespace kiosk {

class PrinterTransport {
  public:
    virtual ~PrinterTransport();
    // Sends every byte, or fails with a message saying how far it got and why.
    virtual Result<bool> write_all(std::string_view bytes) = 0;
    // One byte from the printer, or nullopt after `timeout` (or on any error).
    virtual std::optional<std::uint8_t> read_byte(std::chrono::milliseconds timeout) = 0;
    // Whether the printer can talk back here, i.e. whether status queries make sense.
    virtual bool can_answer() const = 0;
    // For messages: "127.0.0.1:9100", "/dev/usb/lp0".
    virtual std::string describe() const = 0;
};

// A network printer's raw port. `io_timeout` is the longest the printer may go
// without taking a byte, not a limit on the whole job: a slow printer that keeps
// reading is fine, one that stops is an error after `io_timeout`.
class TcpTransport final : public PrinterTransport {
  public:
    static Result<std::unique_ptr<PrinterTransport>> connect(
        const std::string& host, std::uint16_t port, std::chrono::milliseconds connect_timeout,
        std::chrono::milliseconds io_timeout);
    ~TcpTransport() override;
    TcpTransport(const TcpTransport&) = delete;
    TcpTransport& operator=(const TcpTransport&) = delete;

    // Returns once the printer has acknowledged every byte, so a connection
    // that drops mid-job is reported here rather than lost in socket buffers.
    Result<bool> write_all(std::string_view bytes) override;
    std::optional<std::uint8_t> read_byte(std::chrono::milliseconds timeout) override;
    bool can_answer() const override { return true; }
    std::string describe() const override;

  private:
    TcpTransport(int fd, std::string name, std::chrono::milliseconds io_timeout);
    Result<bool> wait_until_acknowledged(std::size_t total);

    int fd_;
    std::string name_;
    std::chrono::milliseconds io_timeout_;
};

// A USB (or parallel) printer's character device, e.g. /dev/usb/lp0. Opened
// read-write where the driver allows it, so status can be read back; otherwise
// write-only, and then it cannot answer status requests.
class DeviceTransport final : public PrinterTransport {
  public:
    static Result<std::unique_ptr<PrinterTransport>> open(const std::string& path,
                                                          std::chrono::milliseconds io_timeout);
    ~DeviceTransport() override;
    DeviceTransport(const DeviceTransport&) = delete;
    DeviceTransport& operator=(const DeviceTransport&) = delete;

    Result<bool> write_all(std::string_view bytes) override;
    std::optional<std::uint8_t> read_byte(std::chrono::milliseconds timeout) override;
    bool can_answer() const override { return readable_; }
    std::string describe() const override { return path_; }

  private:
    DeviceTransport(int fd, std::string path, bool readable, std::chrono::milliseconds io_timeout);

    int fd_;
    std::string path_;
    bool readable_;
    std::chrono::milliseconds io_timeout_;
};

// The raw job written to a file (created or truncated): for previews and tests.
class FileTransport final : public PrinterTransport {
  public:
    static Result<std::unique_ptr<PrinterTransport>> open(const std::string& path);
    ~FileTransport() override;
    FileTransport(const FileTransport&) = delete;
    FileTransport& operator=(const FileTransport&) = delete;

    Result<bool> write_all(std::string_view bytes) override;
    std::optional<std::uint8_t> read_byte(std::chrono::milliseconds) override {
        return std::nullopt;
    }
    bool can_answer() const override { return false; }
    std::string describe() const override { return path_; }

  private:
    FileTransport(int fd, std::string path);

    int fd_;
    std::string path_;
};

// Asks DLE EOT 1, 2 and 4, waiting up to `timeout` for each reply, and decodes
// them. Stops at the first missing reply (the rest would only add waiting).
// A transport that cannot answer gives `unknown`.
PrinterStatus query_status(PrinterTransport& transport, std::chrono::milliseconds timeout);

}  // namespace kiosk
