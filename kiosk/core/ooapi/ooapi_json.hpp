#pragma once
// Reading OOAPI JSON tolerantly: a wrong type somewhere in a catalogue (a number
// where a string belongs, an object where a list belongs) must not stop the import,
// so every accessor answers "absent" instead of throwing.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ooapi {

// The member `key` of an object; null when absent, null-valued, or not an object.
const nlohmann::json* member(const nlohmann::json& object, const char* key);
// A string, or a number written as text; "" for anything else.
std::string text_of(const nlohmann::json* value);
std::string text_member(const nlohmann::json& object, const char* key);
// An array, or the "items" array of a paginated response; null otherwise.
const nlohmann::json* items_of(const nlohmann::json* value);
// The member `key` when it is an array; else an empty array.
const nlohmann::json& array_member(const nlohmann::json& object, const char* key);
// A single value or an array of them, as non-empty strings.
std::vector<std::string> texts_of(const nlohmann::json* value);

// Markdown paragraphs become one line: a CSV cell and a kiosk card have no layout.
std::string one_line(std::string_view text);

// The value of a LanguageTypedString array ([{"language": "nl-NL", "value": ...}]) in
// `lang` ("nl"); "" when missing. With `any_language` a value in another language
// will do (for proper names such as a provider's).
std::string in_language(const nlohmann::json* strings, std::string_view lang,
                        bool any_language = false);

}  // namespace kiosk::ooapi
