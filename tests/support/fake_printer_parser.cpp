#include "tests/support/fake_printer_parser.hpp"

#include <cstdio>
#include <utility>

namespace test {

namespace {

unsigned at(std::string_view bytes, std::size_t i) {
    return static_cast<unsigned char>(bytes[i]);
}

}  // namespace

std::string StreamParser::feed(std::string_view bytes) {
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

void StreamParser::end_of_stream() {
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

std::size_t StreamParser::fail(std::size_t offset, std::string message) {
    record_.errors.push_back({offset, std::move(message)});
    broken_ = true;  // no way to find the next command after a bad one
    job_open_ = false;
    return 0;
}

std::size_t StreamParser::fail_unknown(std::string_view bytes, std::size_t offset,
                                       std::size_t length) {
    std::string text = "unknown command";
    for (std::size_t i = 0; i < length && i < bytes.size(); ++i) {
        char hex[8];
        std::snprintf(hex, sizeof hex, " %02X", at(bytes, i));
        text += hex;
    }
    return fail(offset, text);
}

std::size_t StreamParser::step(std::string_view bytes, std::size_t offset, std::string& replies) {
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

std::size_t StreamParser::escape(std::string_view bytes, std::size_t offset) {
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

std::size_t StreamParser::group(std::string_view bytes, std::size_t offset) {
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
std::size_t StreamParser::raster_band(std::string_view bytes, std::size_t offset) {
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
std::size_t StreamParser::symbol(std::string_view bytes, std::size_t offset) {
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

}  // namespace test
