#include "kiosk/core/content/text_direction.hpp"

#include <algorithm>
#include <array>

namespace kiosk {

TextDirection text_direction(const ContentPack& /*pack*/, std::string_view lang) {
    static constexpr std::array<std::string_view, 8> right_to_left_codes{"ar", "he", "fa",  "ur",
                                                                         "yi", "ps", "ckb", "dv"};
    return std::find(right_to_left_codes.begin(), right_to_left_codes.end(), lang) !=
                   right_to_left_codes.end()
               ? TextDirection::right_to_left
               : TextDirection::left_to_right;
}

}  // namespace kiosk
