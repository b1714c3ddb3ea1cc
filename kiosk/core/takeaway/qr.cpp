#include "kiosk/core/takeaway/qr.hpp"

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/pack/catalogue.hpp"

namespace kiosk {

namespace {

struct FreeQrcode {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

QRecLevel to_level(QrCorrection correction) {
    switch (correction) {
        case QrCorrection::low:
            return QR_ECLEVEL_L;
        case QrCorrection::medium:
            return QR_ECLEVEL_M;
        case QrCorrection::quartile:
            return QR_ECLEVEL_Q;
        case QrCorrection::high:
            return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_Q;
}

const char* to_name(QrCorrection correction) {
    switch (correction) {
        case QrCorrection::low:
            return "low";
        case QrCorrection::medium:
            return "medium";
        case QrCorrection::quartile:
            return "quartile";
        case QrCorrection::high:
            return "high";
    }
    return "?";
}

}  // namespace

std::string results_payload(std::string_view base_url, std::string_view language,
                            const std::vector<std::string>& course_ids) {
    std::string payload(base_url.substr(0, base_url.find('#')));
    payload += '#';
    const bool with_language = !language.empty() && language != "nl";
    if (with_language)
        payload += language;
    for (std::size_t i = 0; i < course_ids.size(); ++i) {
        if (i > 0 || with_language)
            payload += '.';
        payload += course_ids[i];
    }
    return payload;
}

std::string results_payload(const Catalogue& catalogue, const Ranking& ranking,
                            std::string_view language, std::string_view results_url) {
    std::vector<std::string> ids;
    ids.reserve(ranking.results.size());
    for (const auto& result : ranking.results)
        ids.push_back(catalogue.course_id(result.course));
    return results_payload(results_url.empty() ? catalogue.pack().info.results_url : results_url,
                           language, ids);
}

Result<QrCode> encode_qr(std::string_view payload, QrCorrection correction) {
    if (payload.empty())
        return Error{"cannot make a QR code of an empty text"};
    // libqrencode reads a C string: a NUL would silently cut the payload short.
    if (payload.find('\0') != std::string_view::npos) {
        return Error{"cannot make a QR code of a text with a NUL byte in it"};
    }
    const std::string text(payload);
    // Version 0 lets libqrencode pick the smallest symbol; with the QR_MODE_8
    // hint and case sensitivity it still splits the text into the cheapest
    // modes, so the upper-case course ids after '#' go in alphanumeric mode.
    errno = 0;
    std::unique_ptr<QRcode, FreeQrcode> encoded(
        QRcode_encodeString(text.c_str(), 0, to_level(correction), QR_MODE_8, 1));
    if (!encoded) {
        const int error = errno;
        if (error == ERANGE) {
            return Error{"a text of " + std::to_string(text.size()) +
                         " bytes is too long for a QR code at " + to_name(correction) +
                         " error correction"};
        }
        return Error{std::string("libqrencode could not encode the text: ") +
                     (error != 0 ? std::strerror(error) : "unknown error")};
    }
    QrCode code;
    code.size = encoded->width;
    code.version = encoded->version;
    const auto count = static_cast<std::size_t>(code.size) * static_cast<std::size_t>(code.size);
    code.modules.resize(count);
    // Bit 0 of each libqrencode byte is the module colour; the other bits only
    // say which part of the symbol the module belongs to.
    std::transform(encoded->data, encoded->data + count, code.modules.begin(),
                   [](unsigned char module) { return static_cast<std::uint8_t>(module & 1U); });
    return code;
}

GrayImage render_qr(const QrCode& code, int module_px, int quiet_zone_modules) {
    module_px = std::max(module_px, 1);
    quiet_zone_modules = std::max(quiet_zone_modules, 0);
    GrayImage image;
    image.width = (code.size + 2 * quiet_zone_modules) * module_px;
    image.height = image.width;
    image.pixels.assign(
        static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height), 255);
    const int offset = quiet_zone_modules * module_px;
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size; ++x) {
            if (!code.dark(x, y))
                continue;
            for (int dy = 0; dy < module_px; ++dy) {
                const auto row = static_cast<std::size_t>(offset + y * module_px + dy) *
                                 static_cast<std::size_t>(image.width);
                auto* first =
                    image.pixels.data() + row + static_cast<std::size_t>(offset + x * module_px);
                std::fill(first, first + module_px, std::uint8_t{0});
            }
        }
    }
    return image;
}

}  // namespace kiosk
