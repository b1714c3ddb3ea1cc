#include "kiosk/core/io/atomic_folder.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "tests/support/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("a new folder is written whole, with nothing left beside it") {
    test::TempDir dir;
    auto written = write_folder_atomically(dir / "site", {{"a.txt", "A"}, {"b.txt", "B"}}, "a.txt");
    REQUIRE(written.ok());
    CHECK(names_in(dir / "site") == std::vector<std::string>{"a.txt", "b.txt"});
    CHECK(test::read_text(dir / "site" / "b.txt") == "B");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"site"});
}

TEST_CASE("a folder holding the marker is replaced by exactly the new files") {
    test::TempDir dir;
    REQUIRE(
        write_folder_atomically(dir / "site", {{"a.txt", "old"}, {"gone.txt", "x"}}, "a.txt").ok());
    REQUIRE(write_folder_atomically(dir / "site", {{"a.txt", "new"}}, "a.txt").ok());
    CHECK(names_in(dir / "site") == std::vector<std::string>{"a.txt"});
    CHECK(test::read_text(dir / "site" / "a.txt") == "new");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"site"});
}

TEST_CASE("an empty folder is filled, a folder of someone else's files is refused") {
    test::TempDir dir;
    fs::create_directories(dir / "empty");
    REQUIRE(write_folder_atomically(dir / "empty", {{"a.txt", "A"}}, "a.txt").ok());
    CHECK(names_in(dir / "empty") == std::vector<std::string>{"a.txt"});

    fs::create_directories(dir / "home");
    test::write_text(dir / "home" / "letter.txt", "mine");
    auto refused = write_folder_atomically(dir / "home", {{"a.txt", "A"}}, "a.txt");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().find("home is a folder with other files in it (no a.txt)") !=
          std::string::npos);
    CHECK(names_in(dir / "home") == std::vector<std::string>{"letter.txt"});
}

TEST_CASE("a file name that would leave the folder is refused before anything is written") {
    test::TempDir dir;
    auto refused = write_folder_atomically(dir / "site", {{"../escape.txt", "x"}}, "a.txt");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error() == "'../escape.txt' is not a plain file name");
    CHECK(names_in(dir.path()).empty());
}

TEST_CASE("the folder and its files are readable by a web server whatever the umask") {
    test::TempDir dir;
    const mode_t before = ::umask(077);
    auto written = write_folder_atomically(dir / "site", {{"a.txt", "A"}}, "a.txt");
    ::umask(before);
    REQUIRE(written.ok());
    const auto others = fs::perms::others_read;
    CHECK((fs::status(dir / "site").permissions() & others) == others);
    CHECK((fs::status(dir / "site").permissions() & fs::perms::others_exec) ==
          fs::perms::others_exec);
    CHECK((fs::status(dir / "site" / "a.txt").permissions() & others) == others);
}
