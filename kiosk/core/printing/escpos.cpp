#include "kiosk/core/printing/escpos.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace kiosk {

namespace {

constexpr char ESC = 0x1b;
constexpr char GS = 0x1d;
constexpr char DLE = 0x10;
constexpr char EOT = 0x04;

// GS v 0 takes the row count in two bytes, but Epson documents 1-4095 (some
// models 2303) and printers misbehave above it.
constexpr int max_band_rows = 4095;

// GS ( k store data: pL pH count the data plus 3 bytes (cn fn m) and the
// printers accept at most 7092, i.e. 7089 data bytes.
constexpr std::size_t max_native_qr_bytes = 7089;

void put_u16(std::string& out, int value) {
    out += static_cast<char>(value & 0xff);
    out += static_cast<char>((value >> 8) & 0xff);
}

// One GS ( k function for the QR symbol (cn = 49): pL pH count cn, fn and args.
void put_qr_function(std::string& out, char fn, std::string_view args) {
    out += GS;
    out += "(k";
    put_u16(out, static_cast<int>(args.size()) + 2);
    out += '1';  // cn 49: QR code
    out += fn;
    out.append(args);
}

std::string check_options(const EscPosOptions& options) {
    if (options.width_dots <= 0 || options.width_dots % 8 != 0) {
        return "the paper width must be a positive multiple of 8 dots, not " +
               std::to_string(options.width_dots);
    }
    if (options.max_band_bytes < options.width_dots / 8) {
        return "a band of " + std::to_string(options.max_band_bytes) +
               " bytes cannot hold one row of " + std::to_string(options.width_dots) + " dots";
    }
    if (options.feed_lines < 0 || options.feed_lines > 255) {
        return "feed lines must be 0-255, not " + std::to_string(options.feed_lines);
    }
    return {};
}

// Packs one image row into 1-bit dots, most significant bit leftmost, placed
// `left` dots in from the paper edge; dots outside the image stay white.
void put_row(std::string& out, const GrayImage& image, int y, int left, int bytes_per_row) {
    const std::size_t start = out.size();
    out.append(static_cast<std::size_t>(bytes_per_row), '\0');
    const std::uint8_t* row = image.pixels.data() + static_cast<std::size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) {
        if (row[x] >= 128)
            continue;
        const int dot = left + x;
        auto& byte = out[start + static_cast<std::size_t>(dot / 8)];
        byte = static_cast<char>(static_cast<unsigned char>(byte) | (0x80u >> (dot % 8)));
    }
}

// Rows [from, to) of `image` as GS v 0 bands, each small enough for the
// printer's buffer. Always the full paper width per row, so the picture is
// centred by its white margins rather than by ESC a, which not every printer
// applies to raster graphics.
void append_bands(std::string& job, const GrayImage& image, int from, int to,
                  const EscPosOptions& options) {
    const int bytes_per_row = options.width_dots / 8;
    const int left = (options.width_dots - image.width) / 2;
    const int rows_per_band = std::min(options.max_band_bytes / bytes_per_row, max_band_rows);
    for (int top = from; top < to; top += rows_per_band) {
        const int rows = std::min(rows_per_band, to - top);
        job += GS;
        job += "v0";
        job += '\0';  // m = 0: normal size
        put_u16(job, bytes_per_row);
        put_u16(job, rows);
        for (int y = top; y < top + rows; ++y)
            put_row(job, image, y, left, bytes_per_row);
    }
}

}  // namespace

Result<std::string> encode_raster_job(const GrayImage& image, const EscPosOptions& options) {
    if (const std::string problem = check_options(options); !problem.empty()) {
        return Error{"cannot print: " + problem};
    }
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() != static_cast<std::size_t>(image.width) * image.height) {
        return Error{"cannot print an empty or malformed image (" + std::to_string(image.width) +
                     " x " + std::to_string(image.height) + ")"};
    }
    if (image.width > options.width_dots) {
        return Error{"cannot print an image " + std::to_string(image.width) +
                     " dots wide on paper of " + std::to_string(options.width_dots) + " dots"};
    }

    std::string job;
    job.reserve(static_cast<std::size_t>(options.width_dots / 8) * image.height + 64);
    // ESC @ first: clears whatever a previous, perhaps broken, job left in the
    // printer (a half-sent command, double-height mode, a code page).
    job += ESC;
    job += '@';
    if (const auto& qr = options.native_qr) {
        if (qr->top < 0 || qr->top > qr->bottom || qr->bottom > image.height) {
            return Error{"the native QR area (rows " + std::to_string(qr->top) + "-" +
                         std::to_string(qr->bottom) + ") is not inside the picture"};
        }
        auto symbol = encode_native_qr(qr->payload, qr->module_dots, qr->correction);
        if (!symbol)
            return Error{symbol.error()};
        append_bands(job, image, 0, qr->top, options);
        job += ESC;
        job += "a1";  // centre the symbol
        job += *symbol;
        job += ESC;
        job += "a0";
        append_bands(job, image, qr->bottom, image.height, options);
    } else {
        append_bands(job, image, 0, image.height, options);
    }
    job += ESC;
    job += 'd';
    job += static_cast<char>(options.feed_lines);
    if (options.cut) {
        // GS V 66 0: feed to the cutter and cut, leaving a hinge (partial cut)
        // so the receipt hangs until the visitor takes it.
        job += GS;
        job += 'V';
        job += static_cast<char>(66);
        job += '\0';
    }
    return job;
}

Result<std::string> encode_native_qr(std::string_view payload, int module_size, char correction) {
    if (payload.empty())
        return Error{"cannot print a QR code of an empty text"};
    if (payload.size() > max_native_qr_bytes) {
        return Error{"a printer QR code holds at most " + std::to_string(max_native_qr_bytes) +
                     " bytes, not " + std::to_string(payload.size())};
    }
    if (module_size < 1 || module_size > 16) {
        return Error{"a printer QR module is 1-16 dots, not " + std::to_string(module_size)};
    }
    char level = 0;
    switch (correction) {
        case 'L':
            level = '0';
            break;  // 48
        case 'M':
            level = '1';
            break;  // 49
        case 'Q':
            level = '2';
            break;  // 50
        case 'H':
            level = '3';
            break;  // 51
        default:
            return Error{std::string("QR error correction must be L, M, Q or H, not '") +
                         correction + "'"};
    }

    std::string out;
    out.reserve(payload.size() + 32);
    put_qr_function(out, 'A', std::string_view("2\0", 2));                      // 165: model 2
    put_qr_function(out, 'C', std::string(1, static_cast<char>(module_size)));  // 167
    put_qr_function(out, 'E', std::string(1, level));                           // 169
    // 180: the payload exactly as given; the printer encodes it in byte mode,
    // so no code page (ESC t) touches it.
    std::string store = "0";
    store.append(payload);
    put_qr_function(out, 'P', store);
    put_qr_function(out, 'Q', "0");  // 181: print the stored symbol
    return out;
}

std::string status_request(int n) {
    return std::string{DLE, EOT, static_cast<char>(n)};
}

}  // namespace kiosk
