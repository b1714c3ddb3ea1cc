#include "kiosk/core/ooapi/ooapi_json.hpp"

#include <nlohmann/json.hpp>

#include "kiosk/core/ooapi/ooapi_mapping.hpp"

namespace kiosk::ooapi {

using nlohmann::json;

namespace {
const json empty_array = json::array();
}  // namespace

const json* member(const json& object, const char* key) {
    if (!object.is_object())
        return nullptr;
    const auto found = object.find(key);
    return found == object.end() || found->is_null() ? nullptr : &*found;
}

std::string text_of(const json* value) {
    if (value == nullptr)
        return "";
    if (value->is_string())
        return value->get<std::string>();
    return value->is_number() ? value->dump() : "";
}

const json* items_of(const json* value) {
    if (value != nullptr && value->is_array())
        return value;
    const json* items = value != nullptr ? member(*value, "items") : nullptr;
    return items != nullptr && items->is_array() ? items : nullptr;
}

const json& array_member(const json& object, const char* key) {
    const json* value = member(object, key);
    return value != nullptr && value->is_array() ? *value : empty_array;
}

std::string text_member(const json& object, const char* key) {
    return text_of(member(object, key));
}

std::vector<std::string> texts_of(const json* value) {
    std::vector<std::string> out;
    if (value != nullptr && value->is_array()) {
        for (const json& entry : *value)
            out.push_back(text_of(&entry));
    } else {
        out.push_back(text_of(value));
    }
    std::erase(out, std::string());
    return out;
}

std::string one_line(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space && (out.empty() || out.back() == ' '))
            continue;
        out += space ? ' ' : c;
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string in_language(const json* strings, std::string_view lang, bool any_language) {
    if (strings == nullptr || !strings->is_array())
        return "";
    std::string fallback;
    for (const json& entry : *strings) {
        std::string value = one_line(text_member(entry, "value"));
        if (value.empty())
            continue;
        if (language_code(text_member(entry, "language")) == lang)
            return value;
        if (fallback.empty())
            fallback = value;
    }
    return any_language ? fallback : "";
}

}  // namespace kiosk::ooapi
