// The parts of installing a pack that need no signature: the trusted
// comment, versions, cut-short files, and which pack the kiosk opens at start.

#include "kiosk/core/pack/pack_install.hpp"

#include <catch2/catch.hpp>

#include "tests/support/pack_support.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

TEST_CASE("the trusted comment reads pack, version and region, with %20 for a space",
          "[pack_install]") {
    auto c = parse_pack_comment("pack=limburg version=2026.11.1 region=Zuid%20Limburg");
    REQUIRE(c);
    CHECK(c->id == "limburg");
    CHECK(c->version == "2026.11.1");
    CHECK(c->region == "Zuid Limburg");
    CHECK(format_pack_comment(*c) == "pack=limburg version=2026.11.1 region=Zuid%20Limburg");
    // minisign's own default comment has none of them.
    auto plain = parse_pack_comment("timestamp:1796000000\tfile:pack.db\thashed");
    REQUIRE_FALSE(plain);
    CHECK(plain.error().find("pack=<id> version=<version> region=<region>") != std::string::npos);
    CHECK_FALSE(parse_pack_comment("pack=limburg version= region=Limburg"));
}

TEST_CASE("versions compare number by number", "[pack_install]") {
    CHECK(compare_versions("2026.11.1", "2026.11.1") == 0);
    CHECK(compare_versions("2026.11.2", "2026.11.10") < 0);
    CHECK(compare_versions("2026.12.1", "2026.11.9") > 0);
    CHECK(compare_versions("2026.11", "2026.11.1") < 0);
    CHECK(compare_versions("1.0", "1.2") < 0);
    CHECK(compare_versions("2027.1.1", "2026.12.31") > 0);
}

TEST_CASE("a file shorter than its SQLite header says is cut short", "[pack_install]") {
    test::TempDir dir;
    test::compiled_fixture("pack_small", dir);
    const std::string whole = test::read_text(dir / "pack.db");
    CHECK_FALSE(is_cut_short_sqlite(whole));
    CHECK(is_cut_short_sqlite(whole.substr(0, whole.size() - 4096)));
    CHECK(is_cut_short_sqlite(whole.substr(0, 50)));
    CHECK(is_cut_short_sqlite(""));
    CHECK_FALSE(is_cut_short_sqlite("just some text that is not a database at all"));
}

TEST_CASE("at start the installed pack, else the previous one, else the bundled one",
          "[pack_install]") {
    test::TempDir dir;
    test::compiled_fixture("pack_small", dir);
    const auto good = test::read_text(dir / "pack.db");
    const auto installed = dir / "content.db";
    const auto previous = dir / "content.previous.db";
    const auto bundled = dir / "bundled.db";
    test::write_text(installed, good);
    test::write_text(previous, good);
    test::write_text(bundled, good);

    auto choice = choose_pack(installed, bundled);
    REQUIRE(choice);
    CHECK(choice->source == "installed");
    CHECK(choice->reason.empty());

    test::write_text(installed, good.substr(0, good.size() / 2));
    choice = choose_pack(installed, bundled);
    REQUIRE(choice);
    CHECK(choice->source == "previous");
    CHECK(choice->path == previous);
    CHECK(choice->reason.find(installed.string()) != std::string::npos);

    test::write_text(previous, "not a pack");
    choice = choose_pack(installed, bundled);
    REQUIRE(choice);
    CHECK(choice->source == "bundled");
    CHECK(choice->path == bundled);
    CHECK(choice->reason.find(previous.string()) != std::string::npos);

    std::filesystem::remove(bundled);
    choice = choose_pack(installed, bundled);
    REQUIRE_FALSE(choice);
    CHECK(choice.error().find(bundled.string()) != std::string::npos);
}
