#pragma once
// Grey PNG files for QR codes and receipt previews, and for tests that scan them;
// colour PNG files for screenshots of scripted runs.
// png.cpp holds the only stb_image and stb_image_write implementation in the
// program, compiled static so no other file can clash with it: read and write
// images through these two functions rather than including stb again.

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/base/image.hpp"
#include "kiosk/core/base/result.hpp"

namespace kiosk {

// Writes an 8-bit greyscale PNG to `path` + ".tmp", flushes it to disk and
// renames it over `path`, so a reader sees the old file or the whole new one.
Result<bool> write_png(const std::string& path, const GrayImage& image);

// Writes a colour PNG (RGB: screens are opaque, so alpha is dropped) from
// `width` x `height` RGBA pixels, row-major, atomically like write_png.
Result<bool> write_png_rgba(const std::string& path, int width, int height,
                            const std::vector<std::uint8_t>& rgba);

// Reads a PNG of any colour type and converts it to 8-bit grey.
Result<GrayImage> read_png_gray(const std::string& path);
// Reads a PNG of any colour type as 8-bit RGBA (the kiosk's logo).
Result<RgbaImage> read_png_rgba(const std::string& path);
// Reads a PNG as grey laid on white paper: transparent parts become white,
// not the black that dropping the alpha channel would print.
Result<GrayImage> read_png_on_white(const std::string& path);

}  // namespace kiosk
