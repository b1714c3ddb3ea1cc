// texts.toml: the kiosk's own words (receipt, and later the screens) per language.

#include "kiosk/core/content/texts_loader.hpp"

#include <algorithm>

#include "kiosk/core/content/toml_reader.hpp"

namespace kiosk {
namespace {

// A table whose keys are all language codes holds one text; others nest.
bool is_text_table(const toml::table& table, const std::vector<std::string>& languages) {
    return !table.empty() && std::all_of(table.begin(), table.end(), [&](const auto& entry) {
        return entry.second.is_string() &&
               std::find(languages.begin(), languages.end(), entry.first.str()) != languages.end();
    });
}

// [speech]: texts for read-aloud only, in the languages that need one (Arabic
// fully diacritized), so no Dutch is required; keys name the text they stand
// for ("screen.results_title", "question.ID", "option.QUESTION.OPTION").
void collect_speech(TomlReader& reader, const toml::table& table, const std::string& path,
                    ContentPack& pack) {
    for (auto&& [key, node] : table) {
        const std::string name = join_field(path, key.str());
        if (const toml::table* child = node.as_table()) {
            collect_speech(reader, *child, name, pack);
            continue;
        }
        const auto& languages = pack.info.languages;
        if (std::find(languages.begin(), languages.end(), key.str()) == languages.end()) {
            reader.error(
                &node, name,
                "language '" + std::string(key.str()) + "' is not in the pack's languages");
        } else if (!node.is_string() || node.value<std::string>()->empty()) {
            reader.error(&node, name, "must be text in double quotes");
        } else {
            pack.texts[path].emplace(std::string(key.str()), *node.value<std::string>());
        }
    }
}

void collect(TomlReader& reader, const toml::table& table, const std::string& path,
             ContentPack& pack) {
    for (auto&& [key, node] : table) {
        const std::string name = join_field(path, key.str());
        const toml::table* child = node.as_table();
        if (path.empty() && key.str() == "speech" && child) {
            collect_speech(reader, *child, name, pack);
        } else if (!child) {
            reader.error(&node, name,
                         "must give a text per language, e.g. " + name + ".nl = \"...\"");
        } else if (is_text_table(*child, pack.info.languages)) {
            pack.texts[name] = reader.texts(table, key.str(), path, pack.info.languages, true);
        } else {
            collect(reader, *child, name, pack);
        }
    }
}

}  // namespace

void load_texts_toml(std::string_view text, const std::string& file_name, ContentPack& pack,
                     Issues& issues) {
    TomlReader reader(file_name, issues);
    auto root = reader.parse(text);
    if (!root)
        return;
    collect(reader, *root, "", pack);
    for (const auto& key : required_texts()) {
        if (!pack.texts.contains(key)) {
            issues.error(file_name, 0, key + ".nl", "missing Dutch text");
        }
    }
    for (const auto& [key, texts] : pack.texts) {
        const auto& required = required_texts();
        // Optional: speech mode's "how to choose a language with the keys",
        // which has the kiosk's own English words where a pack has none.
        if (!key.starts_with("speech.") && key != "screen.keys_language" &&
            std::find(required.begin(), required.end(), key) == required.end()) {
            issues.warning(file_name, 0, key, "is not used by this version of the kiosk");
        }
    }
}

}  // namespace kiosk
