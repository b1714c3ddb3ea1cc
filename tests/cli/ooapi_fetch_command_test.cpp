// `kiosk content import ooapi --url` against a real HTTP server on 127.0.0.1 that
// serves pages, a slow page, errors, a login page and paging that never ends.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "kiosk/platform/http_client.hpp"
#include "tests/support/cli_support.hpp"
#include "tests/support/ooapi_server.hpp"

using test::quoted;
using test::run;

namespace {

// What the server was asked: [{"path", "agent", "time"}].
nlohmann::json server_log(const test::OoapiServer& server) {
    kiosk::platform::HttpClient client({});
    const auto answer = client.get(server.log_url());
    REQUIRE(answer.status == 200);
    return nlohmann::json::parse(answer.body);
}

bool says(const test::Output& out, const std::string& text) {
    return out.text.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("a catalogue fetched page by page imports to a pack that validates and builds") {
    test::OoapiServer server;
    test::TempDir dir;
    test::copy_small_pack(dir);
    const auto out = run("content import ooapi --url " + server.url("ok") + " --wait 0.2 -o " +
                         quoted(dir / "courses.csv"));
    INFO(out.text);
    REQUIRE(out.status == 0);
    CHECK(says(out,
               "4 courses read, 3 imported, 1 skipped (by the field that stopped them: "
               "name 1)"));
    CHECK(says(out, server.url("ok") + ": 4 pages in 7 requests"));
    const std::string csv = test::read_text(dir / "courses.csv");
    // c-0002's offerings came from /courses/c-0002/offerings without a course reference.
    CHECK(csv.find("2027-02-01;2027-09-06") != std::string::npos);
    CHECK(csv.find("Volksuniversiteit Noord (voorbeeld)") != std::string::npos);

    const auto log = server_log(server);
    REQUIRE(log.size() == 7);
    CHECK(log[1]["path"] == "/ok/courses?pageSize=100&pageNumber=2");
    CHECK(log[6]["path"] == "/ok/organizations/org-noord");
    for (std::size_t i = 0; i < log.size(); ++i) {
        CHECK(log[i]["agent"].get<std::string>().starts_with("kiosk-ooapi-import/"));
        if (i > 0)  // the polite pause between two requests
            CHECK(log[i]["time"].get<double>() - log[i - 1]["time"].get<double>() >= 0.19);
    }

    const auto validated = run("content validate " + quoted(dir.path()));
    INFO(validated.text);
    CHECK(validated.status == 0);
    const auto built =
        run("content build " + quoted(dir.path()) + " -o " + quoted(dir / "content.db"));
    INFO(built.text);
    CHECK(built.status == 0);
}

TEST_CASE("a busy server is asked again after its Retry-After, and the import goes on") {
    test::OoapiServer server;
    test::TempDir dir;
    const auto out = run("content import ooapi --url " + server.url("flaky") +
                         " --wait 0 --retries 2 --provider VU -o " + quoted(dir / "c.csv"));
    INFO(out.text);
    CHECK(out.status == 0);
    CHECK(says(out, "3 imported"));
    const auto log = server_log(server);
    REQUIRE(log.size() == 8);  // the seven, and page 2 asked again
    CHECK(log[1]["path"] == log[2]["path"]);
    CHECK(log[2]["time"].get<double>() - log[1]["time"].get<double>() >= 0.99);
}

TEST_CASE("a server error is retried, then reported, and nothing is written") {
    test::OoapiServer server;
    test::TempDir dir;
    const auto out = run("content import ooapi --url " + server.url("broken") +
                         " --wait 0 --retries 1 -o " + quoted(dir / "c.csv"));
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(says(out, "GET " + server.url("broken") +
                        "?pageSize=100&pageNumber=1: HTTP 500 (asked 2 "
                        "times): \"{ \"status\": 500, \"title\": \"Internal Server Error\" }\""));
    CHECK(says(out, "the fetch stopped; nothing was written"));
    CHECK(server_log(server).size() == 2);
    CHECK_FALSE(std::filesystem::exists(dir / "c.csv"));
}

TEST_CASE("a page slower than the timeout stops the import with the time waited") {
    test::OoapiServer server;
    test::TempDir dir;
    const auto out = run("content import ooapi --url " + server.url("slow") +
                         " --timeout 1 --retries 0 -o " + quoted(dir / "c.csv"));
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(says(out, "?pageSize=100&pageNumber=1: no answer within 1 s"));
    CHECK_FALSE(std::filesystem::exists(dir / "c.csv"));
}

TEST_CASE("paging that would never end is stopped, whether pages repeat or pageNumber is ignored") {
    test::OoapiServer server;
    test::TempDir dir;
    const auto stuck = run("content import ooapi --url " + server.url("stuck") + " --wait 0 -o " +
                           quoted(dir / "c.csv"));
    INFO(stuck.text);
    CHECK(stuck.status == 1);
    CHECK(says(stuck, "asked for page 2, the server answered page 1"));
    const auto circle = run("content import ooapi --url " + server.url("circle") + " --wait 0 -o " +
                            quoted(dir / "c.csv"));
    INFO(circle.text);
    CHECK(circle.status == 1);
    CHECK(says(circle, "page 2 repeats page 1; the paging goes round"));
    CHECK_FALSE(std::filesystem::exists(dir / "c.csv"));
}

TEST_CASE("a web page instead of JSON is named with what it starts with") {
    test::OoapiServer server;
    test::TempDir dir;
    const auto out =
        run("content import ooapi --url " + server.url("html") + " -o " + quoted(dir / "c.csv"));
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(says(out,
               "the answer is not JSON (text/html): \"<!DOCTYPE html><html><body>Please log "
               "in</body></html>\""));
}

TEST_CASE("the address takes only a /courses list, and not together with files") {
    const auto offerings =
        run("content import ooapi --url https://api.example.nl/v5/offerings -o /tmp/never.csv");
    CHECK(offerings.status == 2);
    CHECK(says(offerings, "--url must name an OOAPI /courses list"));
    const auto both =
        run("content import ooapi some.json --url https://api.example.nl/courses "
            "-o /tmp/never.csv");
    CHECK(both.status == 2);
    CHECK(says(both, "usage:"));
    const auto timeout =
        run("content import ooapi --url https://api.example.nl/courses "
            "--timeout soon -o /tmp/never.csv");
    CHECK(timeout.status == 2);
    CHECK(says(timeout, "--timeout and --wait take seconds"));
}
