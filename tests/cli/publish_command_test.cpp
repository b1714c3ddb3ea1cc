// kiosk content publish: the static site behind the QR code, from a pack's
// source folder or its compiled file, written whole or not at all.

#include <catch2/catch.hpp>
#include <map>

#include "tests/support/cli_support.hpp"
#include "tests/support/test_support.hpp"

namespace {

using test::quoted;
using test::run;

namespace fs = std::filesystem;

// Every file of a folder, by name.
std::map<std::string, std::string> files_of(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir))
        files[entry.path().filename().string()] = test::read_text(entry.path());
    return files;
}

test::Output publish(const fs::path& pack, const fs::path& site) {
    return run("content publish " + quoted(pack) + " -o " + quoted(site));
}

}  // namespace

TEST_CASE(
    "publish writes the page, its style and script, the data per language and a hosting note") {
    test::TempDir dir;
    const auto out = publish(test::source_dir() / "content", dir / "site");
    INFO(out.text);
    REQUIRE(out.status == 0);
    const auto files = files_of(dir / "site");
    std::vector<std::string> names;
    for (const auto& [name, bytes] : files)
        names.push_back(name);
    CHECK(names == std::vector<std::string>{"README.txt", "calendar.js", "data-ar.js", "data-en.js",
                                            "data-nl.js", "data-pl.js", "data-tr.js", "data-uk.js",
                                            "index.html", "site.css", "site.js"});
    CHECK(files.at("index.html")
              .find("<meta name=\"kiosk-languages\" content=\"nl en pl tr uk ar\">") !=
          std::string::npos);
    CHECK(files.at("data-ar.js").find("\"dir\":\"rtl\"") != std::string::npos);
    CHECK(files.at("data-pl.js").find("\"dir\":\"ltr\"") != std::string::npos);
    CHECK(files.at("index.html").find("{{") == std::string::npos);
    CHECK(files.at("data-en.js").starts_with("window.KIOSK_SITE = {"));
    CHECK(files.at("README.txt").find("Hosting") != std::string::npos);
    // Nothing beside the site: the temporary folder is gone.
    for (const auto& entry : fs::directory_iterator(dir.path()))
        CHECK(entry.path().filename() == "site");
}

TEST_CASE(
    "publishing the same pack twice, from its folder or its compiled file, gives the same bytes") {
    test::TempDir dir;
    REQUIRE(publish(test::source_dir() / "content", dir / "a").status == 0);
    REQUIRE(publish(test::source_dir() / "content", dir / "b").status == 0);
    REQUIRE(publish(test::bundled_pack(), dir / "c").status == 0);
    CHECK(files_of(dir / "a") == files_of(dir / "b"));
    CHECK(files_of(dir / "a") == files_of(dir / "c"));
}

TEST_CASE("publishing again replaces an earlier site whole") {
    test::TempDir dir;
    REQUIRE(publish(test::fixture("pack_small"), dir / "site").status == 0);
    test::write_text(dir / "site" / "stale.html", "left from before");
    const auto out = publish(test::source_dir() / "content", dir / "site");
    INFO(out.text);
    REQUIRE(out.status == 0);
    CHECK_FALSE(fs::exists(dir / "site" / "stale.html"));
    CHECK(test::read_text(dir / "site" / "data-nl.js").find("\"id\":\"limburg\"") !=
          std::string::npos);
}

TEST_CASE("a pack with errors publishes nothing and leaves the earlier site untouched") {
    test::TempDir dir;
    REQUIRE(publish(test::fixture("pack_small"), dir / "site").status == 0);
    const auto before = files_of(dir / "site");
    test::TempDir broken;
    test::copy_small_pack(broken);
    test::write_text(broken / "courses.csv",
                     test::replace_once(test::read_text(broken / "courses.csv"),
                                        "zorg@school-zuid.example.nl", "zorg at school"));
    const auto out = publish(broken.path(), dir / "site");
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(out.text.find("courses.csv:2: email: 'zorg at school' is not an e-mail address") !=
          std::string::npos);
    CHECK(files_of(dir / "site") == before);
}

TEST_CASE("publish refuses to replace a folder it did not write") {
    test::TempDir dir;
    fs::create_directories(dir / "documents");
    test::write_text(dir / "documents" / "letter.txt", "keep me");
    const auto out = publish(test::source_dir() / "content", dir / "documents");
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(out.text.find("is a folder with other files in it") != std::string::npos);
    CHECK(test::read_text(dir / "documents" / "letter.txt") == "keep me");
    CHECK(files_of(dir / "documents").size() == 1);
}

TEST_CASE("publish without an output folder prints its usage") {
    const auto out = run("content publish " + quoted(test::source_dir() / "content"));
    CHECK(out.status == 2);
    CHECK(out.text.find("kiosk content publish DIR|FILE.db -o SITE_DIR") != std::string::npos);
}
