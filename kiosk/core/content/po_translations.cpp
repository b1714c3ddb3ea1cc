#include "kiosk/core/content/po_translations.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/content/pack_texts.hpp"
#include "kiosk/core/content/plain_language.hpp"

namespace kiosk {
namespace {

std::map<std::string, PackText*> by_place(std::vector<PackText>& texts) {
    std::map<std::string, PackText*> out;
    for (auto& t : texts)
        out.emplace(t.place(), &t);
    return out;
}

// Where the pack's own files give a text: the file before the first ':'.
std::string file_of(const PackText& text) {
    return text.place().substr(0, text.place().find(':'));
}

// The "{name}" parts of a text, which the kiosk or the page fills in.
std::multiset<std::string> placeholders(const std::string& text) {
    std::multiset<std::string> out;
    for (auto open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        if (close == std::string::npos)
            break;
        const auto name = text.substr(open + 1, close - open - 1);
        if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            })) {
            out.insert("{" + name + "}");
        }
    }
    return out;
}

std::string join_placeholders(const std::multiset<std::string>& names) {
    if (names.empty())
        return "lack of placeholders such as {date}";
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : " ") + n;
    return out;
}

std::string shortened(const std::string& text) {
    return text.size() <= 60 ? text : text.substr(0, 57) + "...";
}

// Why an entry of a PO file cannot be used for `lang`, reported under `file`;
// nullptr when it can (and then the text it translates).
PackText* usable(const PoEntry& e, const std::map<std::string, PackText*>& texts,
                 const std::string& file, Issues& issues) {
    if (!e.context) {
        issues.warning(file, e.line, "msgctxt",
                       "missing: every text of a pack is known by its place (e.g. \"courses.csv: "
                       "ID: title\"); the entry is not used");
        return nullptr;
    }
    auto it = texts.find(*e.context);
    if (it == texts.end()) {
        issues.warning(file, e.line, "msgctxt",
                       "'" + *e.context + "' is no text of this pack; the entry is not used");
        return nullptr;
    }
    if (e.id != it->second->dutch()) {
        issues.warning(file, e.line, "msgid",
                       "stale: the Dutch text is now \"" + shortened(it->second->dutch()) +
                           "\"; the text shows in Dutch until the translation is updated");
        return nullptr;
    }
    if (!e.str.empty() && placeholders(e.str) != placeholders(e.id)) {
        // The kiosk fills in {date}, {amount} and the like: a translation
        // without one would lose the value, one with another would show "{x}".
        issues.warning(file, e.line, "msgstr",
                       "the translation must keep the Dutch text's " +
                           join_placeholders(placeholders(e.id)) +
                           "; the text shows in Dutch until it does");
        return nullptr;
    }
    return it->second;
}

std::string read_whole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void check_language_header(const PoFile& po, const std::string& file, const std::string& lang,
                           Issues& issues) {
    if (!po.header)
        return;
    const auto language = po_header_field(*po.header, "Language");
    if (language && !language->empty() && language->substr(0, 2) != lang) {
        issues.warning(file, po.header->line, "Language",
                       "the header says '" + *language + "', the file name '" + lang + "'");
    }
}

PoEntry header_for(const ContentSource& source, const std::string& lang) {
    PoEntry header;
    // No clock in it: the same pack and translations give the same bytes, so
    // an import that changes nothing changes no file.
    header.str = "Project-Id-Version: " + source.pack.info.id + "\n" +
                 "PO-Revision-Date: " + source.pack.info.date + " 00:00+0000\n" +
                 "Last-Translator: \n"
                 "Language-Team: \n"
                 "Language: " + lang + "\n" +
                 "MIME-Version: 1.0\n"
                 "Content-Type: text/plain; charset=UTF-8\n"
                 "Content-Transfer-Encoding: 8bit\n"
                 "Plural-Forms: " + plural_forms(lang) + "\n";
    header.translator_comments = {
        "Translations of the content pack '" + source.pack.info.id + "' into '" + lang + "'.",
        "msgctxt: where the text is in the pack; msgid: the Dutch text; msgstr: yours.",
        "Leave msgstr empty where you have no translation: the kiosk shows the Dutch text."};
    return header;
}

}  // namespace

std::string po_file_name(const std::string& lang) {
    return "po/" + lang + ".po";
}

int apply_po(const PoFile& po, const std::string& file_name, const std::string& lang,
             ContentSource& source, Issues& issues) {
    auto texts = pack_texts(source);
    const auto places = by_place(texts);
    check_language_header(po, file_name, lang, issues);
    int taken = 0;
    for (const auto& e : po.entries) {
        PackText* text = usable(e, places, file_name, issues);
        if (!text || e.str.empty())
            continue;
        if (e.fuzzy()) {
            issues.warning(file_name, e.line, "msgstr",
                           "marked fuzzy, so not used: remove the fuzzy flag once the "
                           "translation is checked");
            continue;
        }
        if (const std::string* given = text->in(lang)) {
            if (*given != e.str) {
                issues.warning(file_name, e.line, "msgstr",
                               file_of(*text) + " gives this text in '" + lang +
                                   "' itself; that one is shown");
            }
            continue;
        }
        if (lang == "en") {
            for (int words : long_sentences(e.str))
                issues.warning(file_name, e.line, "msgstr", long_sentence_message(words));
        }
        text->set(lang, e.str);
        ++taken;
    }
    return taken;
}

void apply_po_translations(const std::filesystem::path& dir, ContentSource& source,
                           Issues& issues) {
    const auto po_dir = dir / "po";
    if (!std::filesystem::is_directory(po_dir))
        return;
    const auto& languages = source.pack.info.languages;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(po_dir)) {
        if (entry.path().extension() == ".po")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        const std::string lang = path.stem().string();
        const std::string name = po_file_name(lang);
        if (lang == "nl") {
            issues.warning(name, 0, "",
                           "Dutch is the pack's own language and needs no translation; the "
                           "file is not used");
            continue;
        }
        if (std::find(languages.begin(), languages.end(), lang) == languages.end()) {
            issues.warning(name, 0, "",
                           "'" + lang + "' is not in pack.languages; the file is not used");
            continue;
        }
        const PoFile po = parse_po(read_whole(path), name, issues);
        apply_po(po, name, lang, source, issues);
    }
}

std::string plural_forms(const std::string& lang) {
    // gettext's own table (the gettext manual, "Plural forms").
    static const std::map<std::string, std::string> forms = {
        {"ar",
         "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
         "n%100>=11 ? 4 : 5);"},
        {"pl",
         "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"},
        {"uk",
         "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
         "n%100>=20) ? 1 : 2);"},
        {"ru",
         "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
         "n%100>=20) ? 1 : 2);"},
        {"ro", "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100>0 && n%100<20)) ? 1 : 2);"},
        {"fr", "nplurals=2; plural=(n > 1);"},
        {"pt", "nplurals=2; plural=(n > 1);"},
        {"fa", "nplurals=2; plural=(n > 1);"},
        {"ti", "nplurals=2; plural=(n > 1);"},
        {"zh", "nplurals=1; plural=0;"},
        {"vi", "nplurals=1; plural=0;"},
    };
    auto it = forms.find(lang);
    // Dutch, English, Turkish, German, Spanish, Somali and most others.
    return it == forms.end() ? "nplurals=2; plural=(n != 1);" : it->second;
}

PoFile translations_po(ContentSource& source, const std::string& lang, const PoFile& existing,
                       bool with_inline) {
    std::map<std::string, const PoEntry*> known;
    for (const auto& e : existing.entries) {
        if (e.context)
            known.emplace(*e.context, &e);
    }
    PoFile out;
    out.header = header_for(source, lang);
    for (auto& text : pack_texts(source)) {
        PoEntry e;
        e.context = text.place();
        e.id = text.dutch();
        if (lang != "en") {
            if (const std::string* english = text.in("en"))
                e.extracted_comments.push_back("en: " + po_quote(*english));
        }
        if (const std::string* given = text.in(lang)) {
            if (!with_inline)
                continue;
            e.str = *given;
            e.extracted_comments.push_back("Given in " + file_of(text) +
                                           " itself: change it there; a change here is not used.");
        } else if (auto it = known.find(text.place()); it != known.end()) {
            const PoEntry& old = *it->second;
            e.translator_comments = old.translator_comments;
            e.str = old.str;
            if (old.id != text.dutch()) {
                e.previous_id = old.id;
                e.flags = {"fuzzy"};
            } else if (old.fuzzy()) {
                e.flags = {"fuzzy"};
                e.previous_id = old.previous_id;
            }
        }
        out.entries.push_back(std::move(e));
    }
    return out;
}

PoImport import_po(ContentSource& source, const std::string& lang, const PoFile& existing,
                   const PoFile& imported, const std::string& file_name, Issues& issues) {
    PoImport result;
    auto texts = pack_texts(source);
    const auto places = by_place(texts);
    check_language_header(imported, file_name, lang, issues);
    // The pack's PO file as it is, by place; the import changes entries in it.
    std::map<std::string, PoEntry> entries;
    std::vector<PoEntry> unknown;
    for (const auto& e : existing.entries) {
        if (e.context && places.contains(*e.context))
            entries.emplace(*e.context, e);
        else
            unknown.push_back(e);
    }
    for (const auto& e : imported.entries) {
        PackText* text = usable(e, places, file_name, issues);
        if (!text) {
            ++result.unusable;
            continue;
        }
        if (e.str.empty() || e.fuzzy())
            continue;
        if (const std::string* given = text->in(lang)) {
            if (*given != e.str) {
                issues.warning(
                    file_name, e.line, "msgstr",
                    file_of(*text) + " gives this text in '" + lang + "' itself; change it there");
                ++result.unusable;
            }
            continue;
        }
        ++result.taken;
        auto it = entries.find(*e.context);
        if (it != entries.end() && it->second.id == e.id && !it->second.fuzzy() &&
            it->second.str == e.str) {
            continue;
        }
        ++result.changed;
        PoEntry merged;
        merged.context = e.context;
        merged.id = e.id;
        merged.str = e.str;
        merged.translator_comments = e.translator_comments;
        entries[*e.context] = std::move(merged);
    }
    // The new file: every text in the pack's order (those the pack's files
    // give in this language aside), then entries for places no longer in
    // the pack, kept for their translator to decide on.
    PoFile current;
    for (auto& [place, e] : entries)
        current.entries.push_back(e);
    result.merged = translations_po(source, lang, current, false);
    for (auto& e : unknown)
        result.merged.entries.push_back(std::move(e));
    return result;
}

}  // namespace kiosk
