// Fetching a catalogue from an OOAPI server: what is asked, in what order, and when
// the crawl stops. The server here is a map of answers; tests/cli has a real one.

#include "kiosk/core/ooapi/ooapi_crawl.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "tests/support/test_support.hpp"

using namespace kiosk;
using namespace kiosk::ooapi;

namespace {

const std::string root = "https://api.example.nl/v5";

std::string page(const std::string& items, int number, bool more) {
    return R"({"pageSize": 100, "pageNumber": )" + std::to_string(number) + R"(, "hasNextPage": )" +
           (more ? "true" : "false") + R"(, "items": [)" + items + "]}";
}

std::string course(const std::string& id, const std::string& extra = "") {
    return R"({"courseId": ")" + id + R"(", "organization": "org-1")" + extra + "}";
}

// A server that answers from a map and remembers what it was asked.
struct Server {
    std::map<std::string, HttpAnswer> answers;
    std::vector<std::string> asked;

    void json(const std::string& path, std::string body) {
        answers[root + path] = {200, std::move(body), "application/json", ""};
    }
    Fetcher fetcher() {
        return [this](const std::string& url) {
            asked.push_back(url.substr(root.size()));
            const auto found = answers.find(url);
            return found != answers.end() ? found->second
                                          : HttpAnswer{404, R"({"status": 404})", "", ""};
        };
    }
    Crawl crawl(Issues& issues, const std::string& list = "/courses") {
        return crawl_courses(*parse_courses_url(root + list), fetcher(), {}, issues);
    }
};

constexpr const char* page1 = "/courses?pageSize=100&pageNumber=1";
constexpr const char* page2 = "/courses?pageSize=100&pageNumber=2";

}  // namespace

TEST_CASE("follows the paging, then asks each course's offerings and its organization once") {
    Server server;
    server.json(page1, page(course("c-1") + "," + course("c-2"), 1, true));
    server.json(page2, page(course("c-3"), 2, false));
    server.json("/courses/c-1/offerings?pageSize=100&pageNumber=1",
                page(R"({"offeringId": "o-1", "startDate": "2027-02-01"})", 1, false));
    server.json("/organizations/org-1", R"({"organizationId": "org-1", "name": "VU"})");
    Issues issues;
    const Crawl crawl = server.crawl(issues);
    INFO(test::all_issues(issues));
    CHECK_FALSE(crawl.failure);
    CHECK(server.asked ==
          std::vector<std::string>{page1, page2, "/courses/c-1/offerings?pageSize=100&pageNumber=1",
                                   "/courses/c-2/offerings?pageSize=100&pageNumber=1",
                                   "/courses/c-3/offerings?pageSize=100&pageNumber=1",
                                   "/organizations/org-1"});
    CHECK(crawl.requests == 6);
    // c-2 and c-3 have no offerings list at all (404): said, not fatal.
    CHECK(issues.all().size() == 2);
    CHECK(test::has_issue(issues, root + "/courses/c-2/offerings?pageSize=100&pageNumber=1: "
                                         "offerings of course c-2: warning: the server has none"));
    REQUIRE(crawl.pages.size() == 4);
    CHECK(crawl.pages[0].name == root + page1);
    CHECK(crawl.pages[3].name == root + "/organizations/org-1");
}

TEST_CASE("the fetched pages import like saved files, offerings joined to their course") {
    Server server;
    const std::string fields =
        R"(, "name": [{"language": "nl-NL", "value": "Lassen"}],)"
        R"( "description": [{"language": "nl", "value": "U leert lassen."}],)"
        R"( "teachingLanguage": "nld", "level": "secondary vocational education 2",)"
        R"( "modeOfDelivery": ["online"], "duration": "P10W",)"
        R"( "link": "https://school.example.nl/lassen")";
    server.json(page1, page(course("c-1", fields), 1, false));
    // The offerings of /courses/{id}/offerings need not name their course.
    server.json("/courses/c-1/offerings?pageSize=100&pageNumber=1",
                page(R"({"offeringId": "o-1", "startDate": "2027-02-01", "endDate":
                "2027-04-01"}, {"offeringId": "o-2", "startDate": "2027-09-01", "endDate":
                "2027-11-01"})",
                     1, false));
    server.json("/organizations/org-1",
                R"({"organizationId": "org-1", "name": [{"language": "nl", "value": "ROC"}]})");
    Issues issues;
    const Crawl crawl = server.crawl(issues);
    REQUIRE_FALSE(crawl.failure);
    const OoapiImport imported = import_ooapi(crawl.pages, {{"nl"}, ""}, issues);
    INFO(test::all_issues(issues));
    REQUIRE(imported.rows.size() == 1);
    const auto cell = [&](const std::string& column) {
        const auto at = std::find(imported.header.begin(), imported.header.end(), column);
        return imported.rows[0][static_cast<std::size_t>(at - imported.header.begin())];
    };
    CHECK(cell("provider") == "ROC");
    CHECK(cell("start_dates") == "2027-02-01;2027-09-01");
}

TEST_CASE("a course with its offerings inside, or an organization expanded, asks no more") {
    Server server;
    server.json(page1, page(R"({"courseId": "c-1", "organization": {"organizationId": "o",
        "name": "ROC"}, "offerings": {"items": []}})",
                            1, false));
    Issues issues;
    const Crawl crawl = server.crawl(issues);
    CHECK_FALSE(crawl.failure);
    CHECK(server.asked == std::vector<std::string>{page1});
}

TEST_CASE("a server that ignores pageNumber stops the crawl instead of paging for ever") {
    Server server;
    server.json(page1, page(course("c-1"), 1, true));
    server.json(page2, page(course("c-1"), 1, true));
    Issues issues;
    const Crawl crawl = server.crawl(issues);
    REQUIRE(crawl.failure);
    CHECK(*crawl.failure == "GET " + root + page2 +
                                ": asked for page 2, the server answered page 1; it does not "
                                "page, so the paging would never end");
}

TEST_CASE("pages that come round again stop the crawl") {
    Server server;
    server.json(page1, page(course("c-1"), 1, true));
    server.json(page2, page(course("c-2"), 2, true));
    server.json("/courses?pageSize=100&pageNumber=3", page(course("c-1"), 3, true));
    Issues issues;
    const Crawl crawl = server.crawl(issues);
    REQUIRE(crawl.failure);
    CHECK(
        crawl.failure->ends_with("page 3 repeats page 1; the paging goes round, so it would "
                                 "never end"));
    CHECK(server.asked.size() == 3);  // no course's offerings are asked for
}

TEST_CASE("an empty page that says there is more stops the crawl") {
    Server server;
    server.json(page1, page("", 1, true));
    Issues issues;
    const Crawl crawl = server.crawl(issues);
    REQUIRE(crawl.failure);
    CHECK(crawl.failure->ends_with("page 1 is empty but says hasNextPage; stopped"));
}

TEST_CASE("an HTTP error, a failed request and an answer that is not JSON say which and where") {
    Server server;
    SECTION("HTTP 500") {
        server.answers[root + page1] = {500, "{\"title\": \"Internal\n error\"}", "", "", 4};
        Issues issues;
        const Crawl crawl = server.crawl(issues);
        REQUIRE(crawl.failure);
        CHECK(*crawl.failure == "GET " + root + page1 +
                                    ": HTTP 500 (asked 4 times): \"{\"title\": \"Internal "
                                    "error\"}\"");
    }
    SECTION("the list itself is missing") {
        Issues issues;
        const Crawl crawl = server.crawl(issues);
        REQUIRE(crawl.failure);
        CHECK(crawl.failure->starts_with("GET " + root + page1 + ": HTTP 404"));
    }
    SECTION("no answer") {
        server.answers[root + page1] = {0, "", "", "no answer within 30 s", 2};
        Issues issues;
        const Crawl crawl = server.crawl(issues);
        REQUIRE(crawl.failure);
        CHECK(*crawl.failure == "GET " + root + page1 + ": no answer within 30 s (asked 2 times)");
    }
    SECTION("a login page") {
        server.answers[root + page1] = {200, "<html><body>Log in</body></html>", "text/html", ""};
        Issues issues;
        const Crawl crawl = server.crawl(issues);
        REQUIRE(crawl.failure);
        CHECK(*crawl.failure == "GET " + root + page1 +
                                    ": the answer is not JSON (text/html): \"<html><body>Log "
                                    "in</body></html>\"");
    }
    SECTION("an offerings list that fails stops the crawl too") {
        server.json(page1, page(course("c-1"), 1, false));
        server.answers[root + "/courses/c-1/offerings?pageSize=100&pageNumber=1"] = {503, "", "",
                                                                                     ""};
        Issues issues;
        const Crawl crawl = server.crawl(issues);
        REQUIRE(crawl.failure);
        CHECK(
            crawl.failure->ends_with("/courses/c-1/offerings?pageSize=100&pageNumber=1: HTTP "
                                     "503"));
    }
}

TEST_CASE("a courses list under an organization and with its own query is paged the same way") {
    const auto url = parse_courses_url(root +
                                       "/organizations/org-1/courses?level=bachelor&"
                                       "pageNumber=7");
    REQUIRE(url);
    CHECK(url->root == root);
    CHECK(url->courses == root + "/organizations/org-1/courses?level=bachelor");
    Server server;
    server.json("/organizations/org-1/courses?level=bachelor&pageSize=100&pageNumber=1",
                page("", 1, false));
    Issues issues;
    CHECK_FALSE(crawl_courses(*url, server.fetcher(), {}, issues).failure);
}

TEST_CASE("only an http(s) address of a /courses list is taken") {
    CHECK_FALSE(parse_courses_url("ftp://api.example.nl/v5/courses"));
    CHECK_FALSE(parse_courses_url("https://api.example.nl/v5/offerings"));
    CHECK_FALSE(parse_courses_url("https://api.example.nl/v5/courses/c-1"));
    CHECK_FALSE(parse_courses_url("courses"));
    CHECK(parse_courses_url("https://api.example.nl/courses")->root == "https://api.example.nl");
}

TEST_CASE("offerings since a date are asked with since=") {
    Server server;
    server.json(page1, page(course("c-1"), 1, false));
    Issues issues;
    CrawlOptions options;
    options.offerings_since = "2027-01-01";
    crawl_courses(*parse_courses_url(root + "/courses"), server.fetcher(), options, issues);
    REQUIRE(server.asked.size() >= 2);
    CHECK(server.asked[1] == "/courses/c-1/offerings?since=2027-01-01&pageSize=100&pageNumber=1");
}

TEST_CASE("a page limit ends a paging that never stops by itself") {
    Server server;
    CrawlOptions options;
    options.max_pages = 3;
    for (int n = 1; n <= 4; ++n) {
        server.json("/courses?pageSize=100&pageNumber=" + std::to_string(n),
                    page(course("c-" + std::to_string(n)), n, true));
    }
    Issues issues;
    const Crawl crawl =
        crawl_courses(*parse_courses_url(root + "/courses"), server.fetcher(), options, issues);
    REQUIRE(crawl.failure);
    CHECK(*crawl.failure == root +
                                "/courses: more than 3 pages; stopped, as the paging seems "
                                "endless");
}
