// kiosk content po export|import: the pack's texts for translators, as gettext
// PO files, and their translations back into the pack's po/<lang>.po.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/base/ids.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/content/pack_texts.hpp"
#include "kiosk/core/content/po_translations.hpp"
#include "kiosk/core/io/atomic_file.hpp"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* usage =
    "usage: kiosk content po export DIR --lang LANG -o FILE.po\n"
    "       kiosk content po import DIR FILE.po [--lang LANG]\n"
    "  export: every text of the pack with its translation into LANG (from the pack's\n"
    "          files or DIR/po/LANG.po), or an empty msgstr, for a translator\n"
    "  import: takes the translations of FILE.po into DIR/po/LANG.po (LANG from the\n"
    "          file's Language header or its name, e.g. pl.po)\n";

int usage_error(const std::string& message) {
    std::cerr << "kiosk content po: " << message << '\n' << usage;
    return 2;
}

void print_issues(const Issues& issues) {
    for (const auto& issue : issues.all())
        std::cerr << format_issue(issue) << '\n';
}

std::optional<std::string> read_whole(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The pack without its PO files (they are what export shows and import
// changes), or nullopt after printing why it cannot be used.
std::optional<ContentSource> load_pack(const std::string& dir) {
    Issues issues;
    ContentSource source = load_content_dir(dir, issues, false);
    if (issues.has_errors()) {
        print_issues(issues);
        std::cerr << dir << ": " << issues.error_count()
                  << (issues.error_count() == 1 ? " error" : " errors")
                  << " in the pack; fix them first (kiosk content validate " << dir << ")\n";
        return std::nullopt;
    }
    return source;
}

// The language must be one of the pack's, and not Dutch, which is the source.
bool check_language(const ContentSource& source, const std::string& lang) {
    const auto& languages = source.pack.info.languages;
    if (lang == "nl") {
        std::cerr << "kiosk content po: Dutch (nl) is the pack's own language: its texts are the "
                     "msgids\n";
        return false;
    }
    if (std::find(languages.begin(), languages.end(), lang) == languages.end()) {
        std::string list;
        for (const auto& l : languages)
            list += (list.empty() ? "" : ", ") + l;
        std::cerr << "kiosk content po: '" << lang << "' is not a language of the pack (" << list
                  << "); add it to languages in pack.toml first\n";
        return false;
    }
    return true;
}

// The pack's po/<lang>.po, read and checked; an empty file when there is none.
std::optional<PoFile> read_pack_po(const std::string& dir, const std::string& lang) {
    const fs::path path = fs::path(dir) / po_file_name(lang);
    if (!fs::exists(path))
        return PoFile{};
    auto text = read_whole(path);
    if (!text) {
        std::cerr << path.string() << ": cannot be read\n";
        return std::nullopt;
    }
    Issues issues;
    PoFile po = parse_po(*text, po_file_name(lang), issues);
    if (issues.has_errors()) {
        print_issues(issues);
        std::cerr << "kiosk content po: fix " << po_file_name(lang) << " in " << dir << " first\n";
        return std::nullopt;
    }
    return po;
}

int export_po(Args& args) {
    auto lang = args.take_option("--lang");
    auto out = args.take_option("-o");
    if (!out)
        out = args.take_option("--output");
    auto dir = args.take_word();
    if (!dir)
        return usage_error("export needs the pack's folder");
    if (!lang)
        return usage_error("export needs --lang LANG (e.g. --lang pl)");
    if (!out)
        return usage_error("export needs -o FILE.po");
    if (reject_leftovers(args, "content po export")) {
        std::cerr << usage;
        return 2;
    }
    auto source = load_pack(*dir);
    if (!source || !check_language(*source, *lang))
        return 1;
    auto existing = read_pack_po(*dir, *lang);
    if (!existing)
        return 1;
    const PoFile po = translations_po(*source, *lang, *existing, true);
    if (auto written = write_file_atomically(*out, write_po(po)); !written) {
        std::cerr << "kiosk content po export: " << written.error() << '\n';
        return 1;
    }
    const auto empty = std::count_if(po.entries.begin(), po.entries.end(),
                                     [](const PoEntry& e) { return e.str.empty(); });
    std::cout << *out << ": " << po.entries.size() << " texts of pack " << source->pack.info.id
              << " in '" << *lang << "', " << empty << " without a translation\n";
    return 0;
}

// The language of a translator's file: --lang, else its header, else its name.
std::optional<std::string> language_of(const std::optional<std::string>& given, const PoFile& po,
                                       const fs::path& file) {
    std::optional<std::string> from_header;
    if (po.header) {
        if (auto value = po_header_field(*po.header, "Language"); value && !value->empty())
            from_header = value->substr(0, 2);
    }
    if (given) {
        if (from_header && *from_header != *given) {
            std::cerr << file.string() << ": the header says Language: " << *from_header << ", not "
                      << *given << '\n';
            return std::nullopt;
        }
        return given;
    }
    if (from_header)
        return from_header;
    if (is_language_code(file.stem().string()))
        return file.stem().string();
    std::cerr << file.string()
              << ": which language? The header has no Language and the name is not LANG.po; "
                 "give --lang LANG\n";
    return std::nullopt;
}

int import_po(Args& args) {
    auto given = args.take_option("--lang");
    auto dir = args.take_word();
    auto file = args.take_word();
    if (!dir || !file)
        return usage_error("import needs the pack's folder and the translated FILE.po");
    if (reject_leftovers(args, "content po import")) {
        std::cerr << usage;
        return 2;
    }
    auto text = read_whole(*file);
    if (!text) {
        std::cerr << *file << ": cannot be read\n";
        return 1;
    }
    const std::string name = fs::path(*file).filename().string();
    Issues issues;
    const PoFile imported = parse_po(*text, name, issues);
    if (issues.has_errors()) {
        print_issues(issues);
        std::cerr << name << ": " << issues.error_count()
                  << (issues.error_count() == 1 ? " error" : " errors") << "; nothing was taken\n";
        return 1;
    }
    auto source = load_pack(*dir);
    if (!source)
        return 1;
    const auto lang = language_of(given, imported, *file);
    if (!lang || !check_language(*source, *lang))
        return 1;
    auto existing = read_pack_po(*dir, *lang);
    if (!existing)
        return 1;
    const PoImport result = import_po(*source, *lang, *existing, imported, name, issues);
    print_issues(issues);
    const fs::path target = fs::path(*dir) / po_file_name(*lang);
    std::cout << name << ": " << result.taken << " translations taken, " << result.changed
              << " of them new or changed";
    if (result.unusable > 0)
        std::cout << ", " << result.unusable << " not used (see the warnings)";
    std::cout << '\n';
    if (result.changed == 0) {
        std::cout << target.string() << ": unchanged\n";
        return 0;
    }
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (auto written = write_file_atomically(target, write_po(result.merged)); !written) {
        std::cerr << "kiosk content po import: " << written.error() << '\n';
        return 1;
    }
    std::cout << target.string() << ": written\n";
    return 0;
}

}  // namespace

int po_command(Args& args) {
    const auto verb = args.take_word();
    if (verb == "export")
        return export_po(args);
    if (verb == "import")
        return import_po(args);
    return usage_error(verb ? "'" + *verb + "' is not export or import" : "export or import?");
}

}  // namespace kiosk::app
