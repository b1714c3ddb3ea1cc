#pragma once
// Reads a content pack's source folder (pack.toml, questionnaire.toml,
// courses.csv), checks everything, and reports every problem it finds.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/course.hpp"
#include "kiosk/core/issue.hpp"

namespace kiosk {

struct ContentSource {
    ContentPack pack;
    std::vector<Course> courses;  // sorted by id
};

// Loads and validates the folder; the result is usable only when `issues` has no errors.
ContentSource load_content_dir(const std::filesystem::path& dir, Issues& issues);

// The parts, for tests and for tools that check one file.
// False when the file could not be parsed at all.
bool load_pack_toml(std::string_view text, const std::string& file_name, ContentPack& pack,
                    Issues& issues);
void load_questionnaire_toml(std::string_view text, const std::string& file_name, ContentPack& pack,
                             Issues& issues);
void load_texts_toml(std::string_view text, const std::string& file_name, ContentPack& pack,
                     Issues& issues);
std::vector<Course> load_courses_csv(std::string_view text, const std::string& file_name,
                                     const ContentPack& pack, Issues& issues);

// The RIASEC interest ids a course or a weight may use.
const std::vector<std::string>& riasec_ids();

}  // namespace kiosk
