#include "kiosk/core/content/text_direction.hpp"

namespace kiosk {

TextDirection text_direction(const ContentPack& pack, std::string_view lang) {
    return pack.info.direction(std::string(lang));
}

}  // namespace kiosk
