#include "kiosk/core/io/atomic_file.hpp"

#include <catch2/catch.hpp>

#include "tests/support/test_support.hpp"

using namespace kiosk;

TEST_CASE("a file written atomically replaces the old one whole and leaves nothing beside it") {
    test::TempDir dir;
    test::write_text(dir / "courses.csv", "old");
    REQUIRE(write_file_atomically(dir / "courses.csv", "new contents").ok());
    CHECK(test::read_text(dir / "courses.csv") == "new contents");
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        (void)entry;
        ++files;
    }
    CHECK(files == 1);
}

TEST_CASE("a file that cannot be written is named and the old one is kept") {
    test::TempDir dir;
    const auto result = write_file_atomically(dir / "missing-folder" / "x.csv", "data");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().find("missing-folder") != std::string::npos);
}

TEST_CASE("two temporary names beside one target differ") {
    test::TempDir dir;
    CHECK(temporary_beside(dir / "a.db") != temporary_beside(dir / "a.db"));
}
