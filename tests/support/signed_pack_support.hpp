#pragma once
// Signed packs for the install tests: the small fixture pack compiled at two
// versions, keys made with Debian's minisign (-G -W: no password), and a
// configuration that trusts the first key.

#include <filesystem>
#include <string>

#include "tests/support/cli_support.hpp"
#include "tests/support/test_support.hpp"

namespace test {

// Makes a minisign key pair NAME.pub / NAME.key in `dir`; the public key's line.
inline std::string make_minisign_key(const TempDir& dir, const std::string& name) {
    const auto out = run_shell("minisign -G -W -p " + quoted(dir / (name + ".pub")) + " -s " +
                               quoted(dir / (name + ".key")) + " 2>&1");
    INFO(out.text);
    REQUIRE(out.status == 0);
    const std::string pub = read_text(dir / (name + ".pub"));
    const auto start = pub.find('\n') + 1;
    return pub.substr(start, pub.find('\n', start) - start);
}

// Signs `file` as minisign does by default (prehashed) with the pack's own
// trusted comment (`kiosk content comment`), or `comment` when given.
inline void minisign_file(const std::filesystem::path& file, const std::filesystem::path& key,
                          const std::string& comment = "", const std::string& extra = "") {
    const std::string trusted = comment.empty() ? "\"$(" + std::string(KIOSK_BINARY) +
                                                      " content comment " + quoted(file) + ")\""
                                                : "'" + comment + "'";
    const auto out = run_shell("minisign -S " + extra + " -s " + quoted(key) + " -m " +
                               quoted(file) + " -t " + trusted + " 2>&1");
    INFO(out.text);
    REQUIRE(out.status == 0);
}

// The small fixture pack compiled with `version` (and `region`) as FILE.
inline void build_small_pack(const std::string& version, const std::filesystem::path& file,
                             const std::string& region = "Testregio") {
    TempDir source;
    copy_small_pack(source);
    std::string manifest = read_text(source / "pack.toml");
    manifest = replace_once(manifest, "version = \"1.0\"", "version = \"" + version + "\"");
    manifest = replace_once(manifest, "region = \"Testregio\"", "region = \"" + region + "\"");
    write_text(source / "pack.toml", manifest);
    const auto out = run("content build " + quoted(source.path()) + " -o " + quoted(file));
    INFO(out.text);
    REQUIRE(out.status == 0);
}

// A configuration that trusts `keys` (public key lines) for `region`.
inline void write_content_config(const std::filesystem::path& path, const std::string& keys,
                                 const std::string& region = "testregio") {
    write_text(path, "[kiosk]\nname = \"Testkiosk\"\n\n[content]\npublic_keys = [" + keys +
                         "]\nregion = \"" + region + "\"\n");
}

}  // namespace test
