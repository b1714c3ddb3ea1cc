// `kiosk content import ooapi` with several pages, and the pack it makes.

#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/support/cli_support.hpp"

using test::quoted;
using test::run;

namespace {

std::string ooapi_files(std::initializer_list<const char*> names) {
    std::string out;
    for (const char* name : names)
        out += quoted(test::fixture("ooapi") / name) + " ";
    return out;
}

}  // namespace

TEST_CASE(
    "pages of courses, offerings and organizations import to a pack that validates and "
    "builds") {
    test::TempDir dir;
    test::copy_small_pack(dir);
    const auto out =
        run("content import ooapi " +
            ooapi_files({"courses_page1.json", "courses_page2.json", "course_offerings.json",
                         "offerings_expanded.json", "organizations.json"}) +
            "--provider 'Leerhuis Zuid' -o " + quoted(dir / "courses.csv"));
    INFO(out.text);
    REQUIRE(out.status == 0);
    CHECK(out.text.find("5 courses read, 4 imported, 1 skipped (by the field that stopped "
                        "them: name 1)") != std::string::npos);
    CHECK(out.text.find(R"(courses_page2.json:21: courses[1] (courseId "c-0004"): name: no )"
                        "Dutch name") != std::string::npos);
    CHECK(out.text.find(R"(courseId "c-not-read" is not a course in the files read)") !=
          std::string::npos);
    const std::string csv = test::read_text(dir / "courses.csv");
    CHECK(csv.find("ZORG-AVOND,") != std::string::npos);
    CHECK(csv.find("2027-02-01;2027-09-06") != std::string::npos);
    CHECK(csv.find("Leerhuis Zuid") != std::string::npos);

    const auto validated = run("content validate " + quoted(dir.path()));
    INFO(validated.text);
    CHECK(validated.status == 0);
    CHECK(validated.text.find(", 4 courses") != std::string::npos);
    const auto built =
        run("content build " + quoted(dir.path()) + " -o " + quoted(dir / "content.db"));
    INFO(built.text);
    CHECK(built.status == 0);
    CHECK(built.text.find(" 4 courses, ") != std::string::npos);
}

TEST_CASE("a /courses page alone names the organization it cannot resolve and writes nothing") {
    test::TempDir dir;
    const auto out = run("content import ooapi " + ooapi_files({"courses_page1.json"}) + "-o " +
                         quoted(dir / "courses.csv"));
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(out.text.find(R"("org-noord" is in no organizations page read)") != std::string::npos);
    CHECK(out.text.find("2 courses read, 0 imported, 2 skipped") != std::string::npos);
    CHECK(out.text.find("nothing was written") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "courses.csv"));
}

TEST_CASE("import without a file is a usage error") {
    const auto out = run("content import ooapi -o /tmp/never.csv");
    CHECK(out.status == 2);
    CHECK(out.text.find("usage:") != std::string::npos);
}
