#pragma once
// The compiled content pack: one read-only SQLite file. `build_content_db`
// writes it atomically; `Catalogue` (catalogue.hpp) opens it.

#include <filesystem>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/content/content_loader.hpp"

namespace kiosk {

struct BuildSummary {
    int questions = 0;
    int courses = 0;
    std::uintmax_t bytes = 0;
};

// Writes `source` (which must have loaded without errors) to a temporary file
// beside `out` and renames it over `out` only when it is complete.
Result<BuildSummary> build_content_db(const ContentSource& source,
                                      const std::filesystem::path& out);

}  // namespace kiosk
