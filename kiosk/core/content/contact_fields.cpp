#include "kiosk/core/content/contact_fields.hpp"

#include <algorithm>

namespace kiosk {

bool is_phone_number(std::string_view text) {
    int digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c == '+') {
            if (i != 0)
                return false;
        } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
            return false;
        }
    }
    return digits >= 6 && digits <= 15;
}

bool is_email_address(std::string_view text) {
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
        return false;
    const auto domain = text.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || domain.front() == '.' || dot + 1 >= domain.size())
        return false;
    return std::none_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' ||
               c == '(' || c == ')' || c == ',' || c == ';' || c == '\\';
    });
}

}  // namespace kiosk
