#pragma once
// Reads QR codes back out of a picture with zbar, the decoder behind many
// phone and desktop scanners, so tests check what a visitor's phone would see.

#include <zbar.h>  // the C API; included from C++ it sits in namespace zbar

#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/base/image.hpp"

namespace test {

struct ZbarScannerDestroy {
    void operator()(zbar::zbar_image_scanner_t* scanner) const {
        zbar::zbar_image_scanner_destroy(scanner);
    }
};

struct ZbarImageDestroy {
    void operator()(zbar::zbar_image_t* image) const { zbar::zbar_image_destroy(image); }
};

// The text of every QR code zbar finds in `image`, byte for byte.
inline std::vector<std::string> decode_qr_codes(const kiosk::GrayImage& image) {
    std::vector<std::string> texts;
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() !=
            static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height)) {
        return texts;
    }
    std::unique_ptr<zbar::zbar_image_scanner_t, ZbarScannerDestroy> scanner(
        zbar::zbar_image_scanner_create());
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);

    std::unique_ptr<zbar::zbar_image_t, ZbarImageDestroy> frame(zbar::zbar_image_create());
    zbar::zbar_image_set_format(frame.get(), zbar_fourcc('Y', '8', '0', '0'));  // a macro
    zbar::zbar_image_set_size(frame.get(), static_cast<unsigned>(image.width),
                              static_cast<unsigned>(image.height));
    // No cleanup handler: zbar only borrows the pixels, which outlive the scan.
    zbar::zbar_image_set_data(frame.get(), image.pixels.data(), image.pixels.size(), nullptr);

    if (zbar::zbar_scan_image(scanner.get(), frame.get()) <= 0)
        return texts;
    for (const zbar::zbar_symbol_t* symbol = zbar::zbar_image_first_symbol(frame.get());
         symbol != nullptr; symbol = zbar::zbar_symbol_next(symbol)) {
        if (zbar::zbar_symbol_get_type(symbol) != zbar::ZBAR_QRCODE)
            continue;
        texts.emplace_back(zbar::zbar_symbol_get_data(symbol),
                           zbar::zbar_symbol_get_data_length(symbol));
    }
    return texts;
}

}  // namespace test
