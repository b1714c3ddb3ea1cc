#pragma once
// Reads a content pack's source folder (pack.toml, questionnaire.toml,
// texts.toml, courses.csv, po/*.po), checks everything, and reports every
// problem it finds.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

// The parts, for tests and for tools that check one file:
#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/course.hpp"
#include "kiosk/core/content/course_loader.hpp"
#include "kiosk/core/content/manifest_loader.hpp"
#include "kiosk/core/content/questionnaire_loader.hpp"
#include "kiosk/core/content/texts_loader.hpp"

namespace kiosk {

struct ContentSource {
    ContentPack pack;
    std::vector<Course> courses;  // sorted by id
};

// Loads and validates the folder; the result is usable only when `issues` has
// no errors. The translations in its po/<lang>.po files are applied unless
// `with_po_files` is false (po_translations.hpp).
ContentSource load_content_dir(const std::filesystem::path& dir, Issues& issues,
                               bool with_po_files = true);

}  // namespace kiosk
