#pragma once
// An 8-bit grey picture in memory: what the QR code, the receipt and their
// tests hand to each other, with no image library in the way.

#include <cstdint>
#include <vector>

namespace kiosk {

struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // row-major, 0 = black, 255 = white
};

// An 8-bit RGBA picture: the deployment's logo on screen.
struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // row-major, 4 bytes a pixel
};

}  // namespace kiosk
