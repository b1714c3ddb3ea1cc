#include "kiosk/core/content/toml_reader.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/content/plain_language.hpp"

namespace kiosk {

std::string join_field(std::string_view parent, std::string_view key) {
    if (parent.empty())
        return std::string(key);
    std::string out(parent);
    out += '.';
    out += key;
    return out;
}

bool is_http_url(std::string_view url) {
    std::string_view rest;
    if (url.starts_with("https://")) {
        rest = url.substr(8);
    } else if (url.starts_with("http://")) {
        rest = url.substr(7);
    } else {
        return false;
    }
    const auto host_end = rest.find_first_of("/?#");
    const auto host = rest.substr(0, host_end);
    if (host.empty() || host.find('.') == std::string_view::npos || host.front() == '.' ||
        host.back() == '.') {
        return false;
    }
    return std::none_of(url.begin(), url.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' ||
               c == '\\';
    });
}

std::optional<toml::table> TomlReader::parse(std::string_view text) {
    try {
        return toml::parse(text, file_);
    } catch (const toml::parse_error& e) {
        issues_.error(file_, static_cast<int>(e.source().begin.line), "",
                      std::string(e.description()));
        return std::nullopt;
    }
}

void TomlReader::error(const toml::node* at, std::string_view field, std::string message) {
    issues_.error(file_, at ? line_of(*at) : 0, std::string(field), std::move(message));
}

void TomlReader::warning(const toml::node* at, std::string_view field, std::string message) {
    issues_.warning(file_, at ? line_of(*at) : 0, std::string(field), std::move(message));
}

const toml::node* TomlReader::lookup(const toml::table& table, std::string_view key,
                                     const std::string& name, bool required) {
    const toml::node* node = table.get(key);
    if (!node && required)
        error(&table, name, "missing");
    return node;
}

std::optional<std::string> TomlReader::string(const toml::table& table, std::string_view key,
                                              std::string_view field, bool required) {
    const auto name = join_field(field, key);
    const toml::node* node = lookup(table, key, name, required);
    if (!node)
        return std::nullopt;
    if (!node->is_string()) {
        error(node, name, "must be text in double quotes");
        return std::nullopt;
    }
    auto value = *node->value<std::string>();
    if (required && value.empty()) {
        error(node, name, "is empty");
        return std::nullopt;
    }
    return value;
}

std::optional<double> TomlReader::number(const toml::table& table, std::string_view key,
                                         std::string_view field, bool required) {
    const auto name = join_field(field, key);
    const toml::node* node = lookup(table, key, name, required);
    if (!node)
        return std::nullopt;
    if (!node->is_number() || !std::isfinite(*node->value<double>())) {
        error(node, name, "must be a number");
        return std::nullopt;
    }
    return node->value<double>();
}

std::optional<bool> TomlReader::boolean(const toml::table& table, std::string_view key,
                                        std::string_view field) {
    const toml::node* node = table.get(key);
    if (!node)
        return std::nullopt;
    if (!node->is_boolean()) {
        error(node, join_field(field, key), "must be true or false");
        return std::nullopt;
    }
    return node->value<bool>();
}

std::optional<std::vector<std::string>> TomlReader::strings(const toml::table& table,
                                                            std::string_view key,
                                                            std::string_view field, bool required) {
    const auto name = join_field(field, key);
    const toml::node* node = lookup(table, key, name, required);
    if (!node)
        return std::nullopt;
    const toml::array* array = node->as_array();
    if (!array) {
        error(node, name, "must be a list such as [\"a\", \"b\"]");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const toml::node& element : *array) {
        if (!element.is_string()) {
            error(&element, name, "every entry must be text in double quotes");
            return std::nullopt;
        }
        out.push_back(*element.value<std::string>());
    }
    return out;
}

const toml::table* TomlReader::table(const toml::table& parent, std::string_view key,
                                     std::string_view field, bool required) {
    const auto name = join_field(field, key);
    const toml::node* node = lookup(parent, key, name, required);
    if (!node)
        return nullptr;
    if (!node->is_table()) {
        error(node, name, "must be a table");
        return nullptr;
    }
    return node->as_table();
}

Texts TomlReader::texts(const toml::table& table, std::string_view key, std::string_view field,
                        const std::vector<std::string>& languages, bool required) {
    Texts out;
    const toml::node* node = table.get(key);
    const auto name = join_field(field, key);
    if (!node) {
        if (required)
            error(&table, name + ".nl", "missing Dutch text");
        return out;
    }
    const toml::table* per_language = node->as_table();
    if (!per_language) {
        error(node, name, "must give a text per language, e.g. " + name + ".nl = \"...\"");
        return out;
    }
    for (auto&& [lang, value] : *per_language) {
        const auto lang_field = join_field(name, lang.str());
        if (std::find(languages.begin(), languages.end(), lang.str()) == languages.end()) {
            error(&value, lang_field,
                  "language '" + std::string(lang.str()) + "' is not in the pack's languages");
            continue;
        }
        if (!value.is_string()) {
            error(&value, lang_field, "must be text in double quotes");
            continue;
        }
        auto text = *value.value<std::string>();
        if (text.empty()) {
            error(&value, lang_field, "is empty");
            continue;
        }
        if (lang.str() == "nl" || lang.str() == "en") {
            for (int words : long_sentences(text))
                warning(&value, lang_field, long_sentence_message(words));
        }
        out.emplace(std::string(lang.str()), std::move(text));
    }
    if (!out.contains("nl")) {
        error(node, name + ".nl", "missing Dutch text");
    }
    // A language missing here may come from po/<lang>.po; `content validate`
    // counts what is missing per language once all are read.
    return out;
}

void TomlReader::reject_unknown_keys(const toml::table& table, std::string_view field,
                                     std::initializer_list<std::string_view> known) {
    for (auto&& [key, value] : table) {
        if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
            std::string list;
            for (auto k : known) {
                if (!list.empty())
                    list += ", ";
                list += k;
            }
            error(&value, join_field(field, key.str()), "unknown key (known here: " + list + ")");
        }
    }
}

}  // namespace kiosk
