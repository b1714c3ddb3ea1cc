// Importing the pages the OOAPI returns, several files at once, joined by their ids.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "kiosk/core/ooapi/ooapi_import.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

// The named fixtures of tests/fixtures/ooapi imported together.
struct Pages {
    OoapiImport result;
    Issues issues;

    explicit Pages(const std::vector<std::string>& names, const std::string& provider = "") {
        std::vector<OoapiFile> files;
        for (const std::string& name : names) {
            const auto path = test::fixture("ooapi") / name;
            REQUIRE(std::filesystem::exists(path));
            files.push_back({name, test::read_text(path)});
        }
        result = import_ooapi(files, {{"nl", "en"}, provider}, issues);
    }
    std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& row : result.rows)
            out.push_back(row.at(0));
        return out;
    }
    std::string cell(const std::string& id, const std::string& column) const {
        const auto row = std::find_if(result.rows.begin(), result.rows.end(),
                                      [&](const auto& r) { return r.at(0) == id; });
        REQUIRE(row != result.rows.end());
        const auto at = std::find(result.header.begin(), result.header.end(), column);
        REQUIRE(at != result.header.end());
        return row->at(static_cast<std::size_t>(at - result.header.begin()));
    }
    // The issues of `severity` whose "file:line: field: message" contains `text`.
    std::vector<std::string> about(const std::string& text, Severity severity) const {
        std::vector<std::string> out;
        for (const Issue& issue : issues.all()) {
            const std::string line = format_issue(issue);
            if (issue.severity == severity && line.find(text) != std::string::npos)
                out.push_back(line);
        }
        return out;
    }
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a /courses page without offerings names its provider from an organizations page") {
    const Pages pages({"courses_page1.json", "organizations.json"});
    INFO(test::all_issues(pages.issues));
    CHECK(pages.ids() == Ids{"DIGI-BASIS", "ZORG-AVOND"});
    CHECK_FALSE(pages.issues.has_errors());
    CHECK(pages.cell("DIGI-BASIS", "provider") == "Volksuniversiteit Noord (voorbeeld)");
    // No offering: the course starts on request, for as long as it says it lasts.
    CHECK(pages.cell("DIGI-BASIS", "start_dates") == "continuous");
    CHECK(pages.cell("DIGI-BASIS", "duration_weeks") == "8");
    CHECK(pages.cell("DIGI-BASIS", "hours_per_week") == "3");
    CHECK(pages
              .about(R"(courses_page1.json:7: courses[0] (courseId "c-0001"): warning: )"
                     "offerings: none; "
                     "start_dates set to continuous",
                     Severity::warning)
              .size() == 1);
    CHECK(pages.cell("ZORG-AVOND", "place") == "Heerlen");
}

TEST_CASE("an organization that no page resolves is reported per course, unless --provider") {
    const Pages alone({"courses_page1.json"});
    CHECK(alone.result.rows.empty());
    CHECK(alone.result.read == 2);
    CHECK(alone.result.skipped == std::map<std::string, int>{{"organization", 2}});
    CHECK(alone
              .about(R"(courses[1] (courseId "c-0002"): organization: "org-noord" is in no )"
                     "organizations page read",
                     Severity::error)
              .size() == 1);

    const Pages named({"courses_page1.json"}, "VU Noord");
    INFO(test::all_issues(named.issues));
    CHECK(named.ids() == Ids{"DIGI-BASIS", "ZORG-AVOND"});
    CHECK(named.cell("ZORG-AVOND", "provider") == "VU Noord");
    // A name from the organizations page wins over --provider.
    const Pages both({"courses_page1.json", "organizations.json"}, "VU Noord");
    CHECK(both.cell("ZORG-AVOND", "provider") == "Volksuniversiteit Noord (voorbeeld)");
}

TEST_CASE("a /courses/{id}/offerings page joins its course by id and keeps every start date") {
    const Pages pages({"courses_page1.json", "course_offerings.json", "organizations.json"});
    INFO(test::all_issues(pages.issues));
    CHECK(pages.cell("ZORG-AVOND", "start_dates") == "2027-02-01;2027-09-06");
    CHECK(pages.cell("ZORG-AVOND", "cost_eur") == "95");
    CHECK(pages.cell("ZORG-AVOND", "schedule") == "evening");
    CHECK(pages.cell("DIGI-BASIS", "start_dates") == "continuous");
    const auto unresolved = pages.about("is not a course in the files read", Severity::warning);
    REQUIRE(unresolved.size() == 1);
    CHECK(unresolved[0].starts_with(
        R"(course_offerings.json:23: offerings[2] (offeringId "o-9999"): warning: courseId "c-not-read")"));
}

TEST_CASE("offerings with their course expanded give the course once, with all start dates") {
    const Pages pages({"offerings_expanded.json"}, "Leerhuis Zuid");
    INFO(test::all_issues(pages.issues));
    CHECK(pages.result.read == 1);
    CHECK(pages.ids() == Ids{"EXCEL-1"});
    CHECK(pages.cell("EXCEL-1", "start_dates") == "2027-04-12;2027-09-13");
    CHECK(pages.cell("EXCEL-1", "duration_weeks") == "10");
    CHECK(pages.cell("EXCEL-1", "provider") == "Leerhuis Zuid");
    CHECK(pages.cell("EXCEL-1", "level") == "mbo1");
}

TEST_CASE("several pages of courses import together, reporting what they cannot show") {
    const Pages pages({"courses_page1.json", "courses_page2.json", "organizations.json"});
    INFO(test::all_issues(pages.issues));
    CHECK(pages.ids() == Ids{"DIGI-BASIS", "ZORG-AVOND", "NT2-A2"});
    CHECK(pages.cell("NT2-A2", "dutch_level") == "none");
    CHECK(pages.cell("NT2-A2", "sectors") == "language_basic");
    const std::string welkom = R"(courses_page2.json:21: courses[1] (courseId "c-0004"): )";
    CHECK(pages.about(welkom + "name: no Dutch name", Severity::error).size() == 1);
    CHECK(pages.about(welkom + "link: missing", Severity::error).size() == 1);
    CHECK(summary(pages.result) ==
          "4 courses read, 3 imported, 1 skipped (by the field that stopped them: name 1)");
}

TEST_CASE("a course read twice, on two pages, is imported once") {
    const Pages pages({"courses_page1.json", "courses_page1.json", "organizations.json"});
    CHECK(pages.ids() == Ids{"DIGI-BASIS", "ZORG-AVOND"});
    CHECK(pages.about("courseId \"c-0001\" was read before", Severity::warning).size() == 1);
}

TEST_CASE(
    "an x- value in modeOfDelivery is a warning; an x- level becomes unknown, with its value") {
    const Pages pages({"x_values.json", "organizations.json"});
    INFO(test::all_issues(pages.issues));
    CHECK(pages.ids() == Ids{"WERKPLEK-1", "PRAKTIJK-1"});
    CHECK(pages.cell("WERKPLEK-1", "mode") == "online");
    CHECK(pages.about("modeOfDelivery: 'x-werkplekleren' is an extension value", Severity::warning)
              .size() == 1);
    CHECK(pages
              .about("studyLoad: missing or in an unknown unit ('x-werkuren'); hours_per_week "
                     "set to 4",
                     Severity::warning)
              .size() == 1);
    CHECK(pages.cell("WERKPLEK-1", "hours_per_week") == "4");
    CHECK(pages
              .about(R"(courses[1] (courseId "c-0202"): warning: level: 'x-praktijkverklaring')"
                     " is an extension value; set to unknown",
                     Severity::warning)
              .size() == 1);
    CHECK(pages.cell("PRAKTIJK-1", "level") == "unknown");
    CHECK(pages.cell("PRAKTIJK-1", "entry_level") == "none");
    CHECK(pages.result.skipped.empty());
}

TEST_CASE("one course object on its own is a page of one") {
    OoapiFile single{"one.json", test::read_text(test::fixture("ooapi") / "x_values.json")};
    const auto start = single.text.find("{\n      \"courseId\": \"c-0201\"");
    REQUIRE(start != std::string::npos);
    single.text = single.text.substr(start, single.text.find("\n    },", start) + 6 - start);
    Issues issues;
    const auto imported = import_ooapi({single}, {{"nl"}, "VU"}, issues);
    INFO(test::all_issues(issues));
    REQUIRE(imported.rows.size() == 1);
    CHECK(imported.rows[0][0] == "WERKPLEK-1");
    REQUIRE_FALSE(issues.all().empty());
    CHECK(issues.all()[0].line == 1);  // the object starts the file
    CHECK(issues.all()[0].field == R"(courses[0] (courseId "c-0201"))");
}

TEST_CASE("the catalogue fixture reports its counts") {
    const Pages pages({"catalogue.json"});
    CHECK(summary(pages.result).starts_with("9 courses read, 6 imported, 3 skipped"));
    CHECK(pages.result.skipped ==
          std::map<std::string, int>{{"addresses", 1}, {"modeOfDelivery", 1}, {"name", 1}});
}
