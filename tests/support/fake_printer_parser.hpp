#pragma once
// The fake printer's ESC/POS parser: the byte stream of one connection, parsed
// as it arrives into a FakePrinter::Record. Only the commands our printer code
// sends are known; anything else, or anything a real printer would choke on,
// is a protocol error that ends parsing of the connection.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "tests/support/fake_printer.hpp"

namespace test {

// A command may be split across reads, so an incomplete one waits for more.
// The caller guards `record` (FakePrinter holds its mutex around each call).
class StreamParser {
  public:
    StreamParser(const FakePrinterOptions& options, FakePrinter::Record& record)
        : options_(options), record_(record) {}

    // Parses all complete commands; returns the bytes to send back.
    std::string feed(std::string_view bytes);

    // The sender closed the connection: whatever is left is a cut-off command.
    void end_of_stream();

  private:
    // Records the error and returns 0 (nothing more parsed) for `return fail(...)`.
    std::size_t fail(std::size_t offset, std::string message);
    std::size_t fail_unknown(std::string_view bytes, std::size_t offset, std::size_t length);

    // The size of the complete command at the front of `bytes`, or 0 when
    // more bytes are needed or the command is bad (then broken_ is set).
    std::size_t step(std::string_view bytes, std::size_t offset, std::string& replies);
    std::size_t escape(std::string_view bytes, std::size_t offset);       // ESC ...
    std::size_t group(std::string_view bytes, std::size_t offset);        // GS ...
    std::size_t raster_band(std::string_view bytes, std::size_t offset);  // GS v 0
    std::size_t symbol(std::string_view bytes, std::size_t offset);       // GS ( k

    const FakePrinterOptions& options_;
    FakePrinter::Record& record_;
    std::string pending_;
    std::size_t offset_ = 0;  // stream offset of pending_[0]
    bool broken_ = false;
    bool job_open_ = false;
    bool job_has_content_ = false;
    std::optional<std::string> stored_qr_;
};

}  // namespace test
