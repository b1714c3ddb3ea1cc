#include "kiosk/core/base/ids.hpp"

#include <algorithm>

namespace kiosk {
namespace {

bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

bool is_plain_id(std::string_view id) {
    if (id.empty() || id.size() > 40 || !is_lower(id[0]))
        return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return is_lower(c) || is_digit(c) || c == '_' || c == '-'; });
}

bool is_pictogram_id(std::string_view id) {
    if (id.empty() || id.size() > 32)
        return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return is_lower(c) || is_digit(c) || c == '-'; });
}

bool is_course_id(std::string_view id) {
    if (id.empty() || id.size() > 12 || id.front() == '-')
        return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return is_upper(c) || is_digit(c) || c == '-'; });
}

bool is_language_code(std::string_view code) {
    return code.size() == 2 && std::all_of(code.begin(), code.end(), is_lower);
}

}  // namespace kiosk
