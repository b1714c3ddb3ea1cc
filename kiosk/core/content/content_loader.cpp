#include "kiosk/core/content/content_loader.hpp"

#include <fstream>
#include <sstream>

#include "kiosk/core/content/po_translations.hpp"

namespace kiosk {
namespace {

std::optional<std::string> read_file(const std::filesystem::path& path, Issues& issues) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        issues.error(path.filename().string(), 0, "", "cannot be read (" + path.string() + ")");
        return std::nullopt;
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

ContentSource load_content_dir(const std::filesystem::path& dir, Issues& issues,
                               bool with_po_files) {
    ContentSource source;
    if (!std::filesystem::is_directory(dir)) {
        issues.error(dir.string(), 0, "", "is not a folder with a content pack");
        return source;
    }
    const auto pack_text = read_file(dir / "pack.toml", issues);
    if (!pack_text)
        return source;
    if (!load_pack_toml(*pack_text, "pack.toml", source.pack, issues)) {
        // Languages and word lists come from pack.toml; checking the other
        // files without them would only bury the one real error.
        return source;
    }
    if (auto text = read_file(dir / "questionnaire.toml", issues)) {
        load_questionnaire_toml(*text, "questionnaire.toml", source.pack, issues);
        for (const std::string& id : source.pack.matching.focus) {
            if (source.pack.questionnaire.question_index(id) < 0) {
                issues.error("pack.toml", 0, "matching.focus",
                             "'" + id + "' is not a question of questionnaire.toml");
            }
        }
        for (const Term& funding : source.pack.funding) {
            for (const std::string& answer : funding.free_for) {
                if (!find_answer(source.pack.questionnaire, answer)) {
                    issues.error("pack.toml", 0, "funding." + funding.id + ".free_for",
                                 "'" + answer + "' is not QUESTION=OPTION of questionnaire.toml");
                }
            }
        }
    }
    if (auto text = read_file(dir / "texts.toml", issues)) {
        load_texts_toml(*text, "texts.toml", source.pack, issues);
    }
    if (auto text = read_file(dir / "courses.csv", issues)) {
        source.courses = load_courses_csv(*text, "courses.csv", source.pack, issues);
    }
    if (with_po_files)
        apply_po_translations(dir, source, issues);
    return source;
}

}  // namespace kiosk
