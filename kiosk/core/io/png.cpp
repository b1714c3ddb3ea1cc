#include "kiosk/core/io/png.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

#include "kiosk/core/io/atomic_file.hpp"

// Static and without stdio: nothing of stb leaks out of this file, and all file
// access goes through code below that can say why it failed.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#define STBI_FAILURE_USERMSG
// stb is third-party C-style code: its warnings are not ours to fix, and the
// build only hides them when /usr/include/stb is a system include directory.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb_image.h>
#include <stb_image_write.h>
#pragma GCC diagnostic pop

namespace kiosk {

namespace {

struct StbiFree {
    void operator()(unsigned char* pixels) const { stbi_image_free(pixels); }
};

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<unsigned char>*>(context);
    const auto* bytes = static_cast<const unsigned char*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

std::string errno_text() {
    return std::strerror(errno);
}

// The bytes must be on disk before the rename makes them the file, or a power
// cut could leave an empty file under the final name.
}  // namespace

Result<bool> write_png(const std::string& path, const GrayImage& image) {
    if (image.width <= 0 || image.height <= 0) {
        return Error{"cannot write " + path + ": the image is empty"};
    }
    if (image.pixels.size() !=
        static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height)) {
        return Error{"cannot write " + path + ": the image has " +
                     std::to_string(image.pixels.size()) + " pixels, not " +
                     std::to_string(image.width) + " x " + std::to_string(image.height)};
    }
    std::vector<unsigned char> png;
    if (stbi_write_png_to_func(append_bytes, &png, image.width, image.height, 1,
                               image.pixels.data(), image.width) == 0) {
        return Error{"cannot encode " + path + " as PNG"};
    }
    return write_file_atomically(
        path, std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
}

Result<bool> write_png_rgba(const std::string& path, int width, int height,
                            const std::vector<std::uint8_t>& rgba) {
    if (width <= 0 || height <= 0)
        return Error{"cannot write " + path + ": the image is empty"};
    const auto count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    if (rgba.size() != count * 4) {
        return Error{"cannot write " + path + ": the image has " + std::to_string(rgba.size()) +
                     " bytes, not 4 x " + std::to_string(width) + " x " + std::to_string(height)};
    }
    std::vector<unsigned char> rgb(count * 3);
    for (std::size_t i = 0; i < count; ++i) {
        rgb[i * 3] = rgba[i * 4];
        rgb[i * 3 + 1] = rgba[i * 4 + 1];
        rgb[i * 3 + 2] = rgba[i * 4 + 2];
    }
    std::vector<unsigned char> png;
    if (stbi_write_png_to_func(append_bytes, &png, width, height, 3, rgb.data(), width * 3) == 0)
        return Error{"cannot encode " + path + " as PNG"};
    return write_file_atomically(
        path, std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
}

namespace {

// The decoded pixels of a PNG file with `channels` (1 grey, 4 RGBA) per pixel.
Result<std::vector<std::uint8_t>> load_png(const std::string& path, int channels, int& width,
                                           int& height) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot open " + path + ": " + errno_text()};
    const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                           std::istreambuf_iterator<char>());
    if (in.bad())
        return Error{"cannot read " + path};
    if (bytes.empty())
        return Error{path + " is empty, not a PNG"};
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        return Error{path + " is too large"};

    int channels_in_file = 0;
    std::unique_ptr<unsigned char, StbiFree> pixels(
        stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &width, &height,
                              &channels_in_file, channels));
    if (!pixels)
        return Error{"cannot read " + path + " as PNG: " + stbi_failure_reason()};
    const auto count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                       static_cast<std::size_t>(channels);
    return std::vector<std::uint8_t>(pixels.get(), pixels.get() + count);
}

}  // namespace

Result<GrayImage> read_png_gray(const std::string& path) {
    GrayImage image;
    auto pixels = load_png(path, 1, image.width, image.height);
    if (!pixels)
        return Error{pixels.error()};
    image.pixels = std::move(*pixels);
    return image;
}

Result<RgbaImage> read_png_rgba(const std::string& path) {
    RgbaImage image;
    auto pixels = load_png(path, 4, image.width, image.height);
    if (!pixels)
        return Error{pixels.error()};
    image.pixels = std::move(*pixels);
    return image;
}

Result<GrayImage> read_png_on_white(const std::string& path) {
    auto rgba = read_png_rgba(path);
    if (!rgba)
        return Error{rgba.error()};
    GrayImage image;
    image.width = rgba->width;
    image.height = rgba->height;
    image.pixels.resize(rgba->pixels.size() / 4);
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
        const std::uint8_t* p = &rgba->pixels[i * 4];
        // Rec. 601 luma, then blended over white by the alpha.
        const int luma = (299 * p[0] + 587 * p[1] + 114 * p[2]) / 1000;
        image.pixels[i] = static_cast<std::uint8_t>(255 - (255 - luma) * p[3] / 255);
    }
    return image;
}

}  // namespace kiosk
