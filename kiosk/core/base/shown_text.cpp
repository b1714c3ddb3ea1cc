#include "kiosk/core/base/shown_text.hpp"

namespace kiosk {

std::string shown_text(std::string_view value, std::size_t max_bytes) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "'";
    const std::string_view kept = value.substr(0, max_bytes);
    for (const char ch : kept) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f || c == '\\') {
            out += c == '\\' ? "\\\\" : std::string{'\\', 'x', hex[c >> 4], hex[c & 15]};
        } else {
            out += ch;  // bytes of UTF-8 pass: names in other scripts stay readable
        }
    }
    out += '\'';
    if (kept.size() < value.size())
        out += "... (" + std::to_string(value.size()) + " bytes)";
    return out;
}

}  // namespace kiosk
