#pragma once
// The QR code on the results screen and the receipt: the deployment's results
// URL with the chosen course ids in the fragment.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/image.hpp"
#include "kiosk/core/base/result.hpp"

namespace kiosk {

class Catalogue;
struct Ranking;

// `base_url` + "#" + the visitor's language + "." + ids joined with ".", e.g.
// "https://x.nl/kiosk#en.MT-NT2-A1-D.ON-NT2-A1". Dutch is written without its
// code ("https://x.nl/kiosk#MT-NT2-A1-D.ON-NT2-A1"): that is what every code
// printed before the language was added says, so the page reads a fragment
// without a language as Dutch, and a Dutch code stays as small as it was.
// The code is lower case and the ids upper case, so the page tells them apart.
// Only the language and course ids go in, and only in the fragment, which a
// phone never sends to a server: no answers leave the kiosk. Any fragment
// already on `base_url` is dropped. The ids are expected as the course loader
// guarantees them (1-12 characters A-Z, 0-9, '-'), which keeps them in the
// compact alphanumeric mode of the QR code.
std::string results_payload(std::string_view base_url, std::string_view language,
                            const std::vector<std::string>& course_ids);
// The payload of a whole ranking, every ranked course in order, under the
// deployment's `results_url`, or the pack's when the deployment sets none.
std::string results_payload(const Catalogue& catalogue, const Ranking& ranking,
                            std::string_view language, std::string_view results_url = {});

enum class QrCorrection { low, medium, quartile, high };

struct QrCode {
    int size = 0;                       // modules per side, without quiet zone
    std::vector<std::uint8_t> modules;  // row-major, size * size, 1 = dark
    int version = 0;                    // 1-40

    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)] != 0; }
};

// The smallest QR code that holds `payload` byte for byte (UTF-8 goes in as
// bytes). Fails with a message for an empty payload, one with a NUL byte, or
// one too long for any QR version at `correction`.
// Quartile by default because the receipt is thermal paper that fades, creases
// and rubs in a pocket: quartile still reads with about a quarter of the code
// damaged, for a symbol only a version or so larger than at medium.
Result<QrCode> encode_qr(std::string_view payload,
                         QrCorrection correction = QrCorrection::quartile);

// Whole pixels per module (`module_px` >= 1) and a white quiet zone of
// `quiet_zone_modules` on every side; readers need 4 to find the code reliably.
GrayImage render_qr(const QrCode& code, int module_px, int quiet_zone_modules = 4);

}  // namespace kiosk
