#pragma once
// ESC/POS byte streams for thermal receipt printers (Epson TM and the many
// printers that copy them): a receipt goes out as a raster picture, so every
// script and the QR code print exactly as rendered, whatever fonts or code
// pages the printer has.

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/base/image.hpp"
#include "kiosk/core/base/result.hpp"

namespace kiosk {

// Rows of the picture that the printer's own QR command draws instead of the
// raster: for printers whose firmware QR codes scan better than a bitmap.
struct NativeQr {
    int top = 0;     // first row of the picture's QR area (quiet zone included)
    int bottom = 0;  // one past its last row
    std::string payload;
    int module_dots = 4;
    char correction = 'Q';
};

struct EscPosOptions {
    // Printable dots per line: 576 on 80 mm paper, 384 on 58 mm (both 203 dpi).
    int width_dots = 576;
    // The largest single GS v 0 command, data bytes only. Cheap printers have a
    // 4 KB receive buffer and drop or garble a band that does not fit, so the
    // default stays a little under 4096 to leave room for the command bytes.
    int max_band_bytes = 4000;
    // Lines fed after the picture (ESC d n) so the last row clears the cutter.
    int feed_lines = 4;
    bool cut = true;
    std::optional<NativeQr> native_qr;
};

// A whole print job for `image` (pixels < 128 print black): ESC @, the picture
// as GS v 0 bands of at most `max_band_bytes` and 4095 rows each, centred on the
// paper, then ESC d feed_lines and, with `cut`, GS V 66 0 (feed to the cutter,
// partial cut). Fails when the image is empty, malformed or wider than the
// paper, or when the options cannot make a valid band.
Result<std::string> encode_raster_job(const GrayImage& image, const EscPosOptions& options);

// The GS ( k commands that make the printer draw a model 2 QR code itself:
// select model 2, module size (1-16 dots), error correction ('L', 'M', 'Q' or
// 'H'), store the data, print. Only for printers known to support it (a
// per-printer option): others print nothing or garbage. The payload bytes go
// through unchanged, never converted to a code page, so UTF-8 stays UTF-8.
// Fails for an empty payload, one over 7089 bytes, or a bad size or level.
Result<std::string> encode_native_qr(std::string_view payload, int module_size, char correction);

// DLE EOT n, the real-time status request: n = 1 printer, 2 offline cause,
// 3 error cause, 4 roll paper sensor. The printer answers with one byte
// (see printer_status.hpp), or not at all.
std::string status_request(int n);

}  // namespace kiosk
