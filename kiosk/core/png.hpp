#pragma once
// Grey PNG files for QR codes and receipt previews, and for tests that scan them.
// png.cpp holds the only stb_image and stb_image_write implementation in the
// program, compiled static so no other file can clash with it: read and write
// images through these two functions rather than including stb again.

#include <string>

#include "kiosk/core/image.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk {

// Writes an 8-bit greyscale PNG to `path` + ".tmp", flushes it to disk and
// renames it over `path`, so a reader sees the old file or the whole new one.
Result<bool> write_png(const std::string& path, const GrayImage& image);

// Reads a PNG of any colour type and converts it to 8-bit grey.
Result<GrayImage> read_png_gray(const std::string& path);

}  // namespace kiosk
