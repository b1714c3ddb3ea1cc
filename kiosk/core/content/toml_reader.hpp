#pragma once
// Reads values out of a toml++ table and reports every problem with the file,
// line and dotted field name, so that content and configuration errors read
// alike. Unknown keys are reported too: a typo must not silently do nothing.

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/content/content.hpp"

namespace kiosk {

class TomlReader {
  public:
    TomlReader(std::string file, Issues& issues) : file_(std::move(file)), issues_(issues) {}

    // Parses the whole document; on a syntax error reports it and returns nullopt.
    std::optional<toml::table> parse(std::string_view text);

    static int line_of(const toml::node& node) {
        return static_cast<int>(node.source().begin.line);
    }

    void error(const toml::node* at, std::string_view field, std::string message);
    void warning(const toml::node* at, std::string_view field, std::string message);

    std::optional<std::string> string(const toml::table& table, std::string_view key,
                                      std::string_view field, bool required);
    std::optional<double> number(const toml::table& table, std::string_view key,
                                 std::string_view field, bool required);
    std::optional<bool> boolean(const toml::table& table, std::string_view key,
                                std::string_view field);
    std::optional<std::vector<std::string>> strings(const toml::table& table, std::string_view key,
                                                    std::string_view field, bool required);
    const toml::table* table(const toml::table& parent, std::string_view key,
                             std::string_view field, bool required);
    // `key.nl = "..."`: Dutch required, other `languages` missing is a warning.
    Texts texts(const toml::table& table, std::string_view key, std::string_view field,
                const std::vector<std::string>& languages, bool required);

    void reject_unknown_keys(const toml::table& table, std::string_view field,
                             std::initializer_list<std::string_view> known);

    const std::string& file() const { return file_; }
    Issues& issues() { return issues_; }

  private:
    // The node under `key`; nullptr, reported as missing when `required`, if there is none.
    const toml::node* lookup(const toml::table& table, std::string_view key,
                             const std::string& name, bool required);

    std::string file_;
    Issues& issues_;
};

std::string join_field(std::string_view parent, std::string_view key);

bool is_http_url(std::string_view url);  // http(s)://host[/...] without spaces

}  // namespace kiosk
