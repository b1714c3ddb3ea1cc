#pragma once
// Small helpers shared by the unit tests: fixture paths, temporary folders,
// and packs built in code for matcher tests.

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/content_loader.hpp"

namespace test {

inline std::filesystem::path source_dir() {
    return KIOSK_SOURCE_DIR;
}
inline std::filesystem::path fixture(const std::string& name) {
    return source_dir() / "tests" / "fixtures" / name;
}

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
  public:
    TempDir() {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() /
                ("kiosk-test-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

// A copy of the small fixture pack in a temp folder, with one file changed.
inline void copy_small_pack(const TempDir& dir) {
    for (const char* name : {"pack.toml", "questionnaire.toml", "texts.toml", "courses.csv"}) {
        std::filesystem::copy_file(fixture("pack_small") / name, dir / name);
    }
}

inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos)
        throw std::runtime_error("fixture text not found: " + from);
    return text.replace(at, from.size(), to);
}

inline bool has_issue(const kiosk::Issues& issues, const std::string& formatted_prefix) {
    for (const auto& issue : issues.all()) {
        if (kiosk::format_issue(issue).starts_with(formatted_prefix))
            return true;
    }
    return false;
}

inline std::string all_issues(const kiosk::Issues& issues) {
    std::string out;
    for (const auto& issue : issues.all())
        out += kiosk::format_issue(issue) + "\n";
    return out;
}

}  // namespace test
