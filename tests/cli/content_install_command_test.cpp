// kiosk content install / rollback: signed packs into the state folder, every
// refusal with its own message, and the installed pack left alone by each.

#include <catch2/catch.hpp>
#include <string>

#include "kiosk/core/pack/catalogue.hpp"
#include "tests/support/cli_support.hpp"
#include "tests/support/signed_pack_support.hpp"
#include "tests/support/test_support.hpp"

using test::quoted;
using test::run;

namespace {

// Two signed versions of the small pack, a trusting configuration and an empty state folder.
struct SignedPacks {
    test::TempDir dir;
    std::filesystem::path v1 = dir / "v1.db", v2 = dir / "v2.db", config = dir / "kiosk.toml",
                          state = dir / "state";
    std::string key;

    SignedPacks() {
        key = test::make_minisign_key(dir, "first");
        test::build_small_pack("1.0", v1);
        test::build_small_pack("1.2", v2);
        test::minisign_file(v1, dir / "first.key");
        test::minisign_file(v2, dir / "first.key");
        test::write_content_config(config, "\"" + key + "\"");
        std::filesystem::create_directory(state);
    }
    test::Output install(const std::filesystem::path& pack, const std::string& extra = "") const {
        return run("content install " + quoted(pack) + " --config " + quoted(config) + " --state " +
                   quoted(state) + " " + extra);
    }
    test::Output rollback() const {
        return run("content rollback --config " + quoted(config) + " --state " + quoted(state));
    }
    std::string installed_version(const std::string& name = "content.db") const {
        auto catalogue = kiosk::Catalogue::open(state / name);
        INFO((catalogue ? "" : catalogue.error()));
        REQUIRE(catalogue);
        return catalogue->pack().info.version;
    }
    // A copy of v2 (and its signature) under another name, to spoil.
    std::filesystem::path copy_of_v2(const std::string& name) const {
        std::filesystem::copy_file(v2, dir / name);
        std::filesystem::copy_file(v2.string() + ".minisig", dir / (name + ".minisig"));
        return dir / name;
    }
};

// Installs v2 (the current pack from then on) and requires that `attempt`
// is refused with `first_words`, the state folder left as it was.
void require_refused(const SignedPacks& s, const test::Output& attempt,
                     const std::string& first_words) {
    INFO(attempt.text);
    CHECK(attempt.status == 1);
    CHECK(attempt.text.starts_with("kiosk content install: " + first_words));
    CHECK(attempt.text.find("the kiosk keeps its current pack") != std::string::npos);
    // One line.
    CHECK(attempt.text.find('\n') == attempt.text.size() - 1);
    CHECK(s.installed_version() == "1.2");
    CHECK(test::read_text(s.state / "content.db") == test::read_text(s.v2));
    CHECK(s.installed_version("content.previous.db") == "1.0");
}

}  // namespace

TEST_CASE(
    "content install puts a signed pack in place, keeps the previous one, and rollback "
    "goes back one",
    "[install]") {
    SignedPacks s;
    const auto first = s.install(s.v1);
    INFO(first.text);
    CHECK(first.status == 0);
    CHECK(first.text.starts_with("installed: test-small 1.0 (Testregio)\n"));
    CHECK(s.installed_version() == "1.0");
    CHECK_FALSE(std::filesystem::exists(s.state / "content.previous.db"));

    const auto second = s.install(s.v2);
    INFO(second.text);
    CHECK(second.status == 0);
    CHECK(second.text.starts_with("installed: test-small 1.2 (Testregio), previous 1.0 kept\n"));
    CHECK(s.installed_version() == "1.2");
    CHECK(s.installed_version("content.previous.db") == "1.0");

    // The same pack again changes nothing and is no error (a roll-out run twice).
    const auto again = s.install(s.v2);
    INFO(again.text);
    CHECK(again.status == 0);
    CHECK(again.text == "already installed: test-small 1.2; nothing changed\n");
    CHECK(s.installed_version("content.previous.db") == "1.0");

    const auto back = s.rollback();
    INFO(back.text);
    CHECK(back.status == 0);
    CHECK(back.text.starts_with("rolled back: test-small 1.0 is installed again\n"));
    CHECK(s.installed_version() == "1.0");
    CHECK(s.installed_version("content.rolled-back.db") == "1.2");
    CHECK_FALSE(std::filesystem::exists(s.state / "content.previous.db"));

    const auto none = s.rollback();
    INFO(none.text);
    CHECK(none.status == 1);
    CHECK(none.text.find("nothing to roll back to") != std::string::npos);
    CHECK(s.installed_version() == "1.0");
    // No temporary file is left behind.
    for (const auto& entry : std::filesystem::directory_iterator(s.state))
        CHECK_FALSE(entry.path().filename().string().starts_with(".content.db"));
}

TEST_CASE(
    "content install refuses each kind of bad pack with its own message and keeps the "
    "current pack",
    "[install]") {
    SignedPacks s;
    REQUIRE(s.install(s.v1).status == 0);
    REQUIRE(s.install(s.v2).status == 0);

    SECTION("tampered: one byte changed") {
        const auto pack = s.copy_of_v2("tampered.db");
        std::string bytes = test::read_text(pack);
        bytes[bytes.size() / 2] ^= 0x20;
        test::write_text(pack, bytes);
        require_refused(s, s.install(pack), "tampered: ");
    }
    SECTION("tampered: the trusted comment changed") {
        const auto pack = s.copy_of_v2("comment.db");
        const std::string sig = test::read_text(pack.string() + ".minisig");
        test::write_text(pack.string() + ".minisig",
                         test::replace_once(sig, "version=1.2", "version=9.9"));
        require_refused(s, s.install(pack), "tampered: ");
    }
    SECTION("truncated: cut short") {
        const auto pack = s.copy_of_v2("truncated.db");
        const std::string bytes = test::read_text(pack);
        test::write_text(pack, bytes.substr(0, bytes.size() / 2));
        require_refused(s, s.install(pack), "truncated: ");
    }
    SECTION("truncated: the signature cut short") {
        const auto pack = s.copy_of_v2("sigcut.db");
        const std::string sig = test::read_text(pack.string() + ".minisig");
        test::write_text(pack.string() + ".minisig", sig.substr(0, sig.find("trusted")));
        require_refused(s, s.install(pack), "truncated: ");
    }
    SECTION("unsigned") {
        const auto pack = s.dir / "unsigned.db";
        test::build_small_pack("2.0", pack);
        require_refused(s, s.install(pack), "unsigned: there is no signature ");
    }
    SECTION("wrong key") {
        test::make_minisign_key(s.dir, "second");
        const auto pack = s.dir / "other.db";
        test::build_small_pack("2.0", pack);
        test::minisign_file(pack, s.dir / "second.key");
        require_refused(s, s.install(pack), "wrong key: ");
    }
    SECTION("legacy signature (minisign -l)") {
        const auto pack = s.dir / "legacy.db";
        test::build_small_pack("2.0", pack);
        test::minisign_file(pack, s.dir / "first.key", "", "-l");
        require_refused(s, s.install(pack), "legacy signature: ");
    }
    SECTION("wrong region") {
        const auto pack = s.dir / "elsewhere.db";
        test::build_small_pack("2.0", pack, "Drenthe");
        test::minisign_file(pack, s.dir / "first.key");
        const auto out = s.install(pack);
        require_refused(s, out,
                        "wrong region: the pack is for Drenthe, this kiosk is in testregio");
    }
    SECTION("older, unless --allow-downgrade") {
        require_refused(s, s.install(s.v1),
                        "older: the pack is version 1.0, not newer than the installed "
                        "test-small 1.2");
        const auto forced = s.install(s.v1, "--allow-downgrade");
        INFO(forced.text);
        CHECK(forced.status == 0);
        CHECK(s.installed_version() == "1.0");
        CHECK(s.installed_version("content.previous.db") == "1.2");
    }
    SECTION("not a valid pack: signed, but not a pack") {
        const auto pack = s.dir / "notes.db";
        test::write_text(pack, "these are not courses\n");
        test::minisign_file(pack, s.dir / "first.key",
                            "pack=test-small version=3.0 region=Testregio");
        require_refused(s, s.install(pack), "not a valid pack: ");
    }
    SECTION("not a valid pack: the trusted comment names another version") {
        const auto pack = s.dir / "mislabelled.db";
        test::build_small_pack("2.0", pack);
        test::minisign_file(pack, s.dir / "first.key",
                            "pack=test-small version=3.0 region=Testregio");
        require_refused(s, s.install(pack),
                        "not a valid pack: the signature's trusted comment says");
    }
}

TEST_CASE("content install without a file or with an unknown option is a usage error",
          "[install]") {
    SignedPacks s;
    CHECK(run("content install --config " + quoted(s.config)).status == 2);
    CHECK(s.install(s.v1, "--frobnicate").status == 2);
}

TEST_CASE("content comment prints the trusted comment a pack is signed with", "[install]") {
    test::TempDir dir;
    test::build_small_pack("2026.12.1", dir / "p.db", "Zuid Limburg");
    const auto out = run("content comment " + quoted(dir / "p.db"));
    CHECK(out.status == 0);
    CHECK(out.text == "pack=test-small version=2026.12.1 region=Zuid%20Limburg\n");
}

TEST_CASE("config check reads [content] and names a bad public key or fetch address",
          "[install][config]") {
    test::TempDir dir;
    const auto config = dir / "kiosk.toml";
    test::write_text(config,
                     "[kiosk]\nname = \"Loket\"\n[content]\npublic_keys = [\"RWQnotakey\"]\n"
                     "region = \"limburg\"\nfetch_url = \"ftp://packs.example.nl/pack.db\"\n");
    const auto out = run("config check " + quoted(config));
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(out.text.find(config.string() + ":4: content.public_keys: ") != std::string::npos);
    CHECK(out.text.find(config.string() + ":6: content.fetch_url: 'ftp://") != std::string::npos);
}
