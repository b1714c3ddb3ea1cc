// Minisign verification against keys and signatures made by Debian's
// minisign 0.11 (tests/fixtures/minisign/make.sh).

#include "kiosk/core/pack/minisign.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

const std::string fixtures = KIOSK_SOURCE_DIR "/tests/fixtures/minisign/";

std::string fixture(const std::string& name) {
    auto text = read_whole_file(fixtures + name);
    REQUIRE(text);
    return *text;
}

MinisignKey key(const std::string& name) {
    auto parsed = parse_minisign_key(fixture(name));
    REQUIRE(parsed);
    return *parsed;
}

MinisignSignature signature(const std::string& text) {
    auto parsed = parse_minisign_signature(text);
    REQUIRE(parsed);
    return *parsed;
}

}  // namespace

TEST_CASE("a prehashed minisign signature verifies, trusted comment and all", "[minisign]") {
    const auto sig = signature(fixture("data.txt.minisig"));
    CHECK(sig.algorithm == "ED");
    CHECK(sig.trusted_comment == "pack=limburg version=2026.11.1 region=Limburg");
    const auto result = verify_minisign({key("first.pub")}, sig, fixture("data.txt"));
    CHECK(result.ok());
    CHECK(result.message.empty());
}

TEST_CASE("the key id reads as minisign prints it", "[minisign]") {
    // first.pub's untrusted comment says "minisign public key <ID>".
    const std::string pub = fixture("first.pub");
    const auto id = key_id_text(key("first.pub").key_id);
    CHECK(pub.find("minisign public key " + id) != std::string::npos);
}

TEST_CASE("a public key is read from its line alone or from the whole .pub file", "[minisign]") {
    const std::string pub = fixture("first.pub");
    const std::string line = pub.substr(pub.find('\n') + 1, 56);
    auto from_line = parse_minisign_key(line);
    REQUIRE(from_line);
    CHECK(from_line->key == key("first.pub").key);
    CHECK_FALSE(parse_minisign_key("RWQnot-base64!"));
    // A signature line is base64 too, but not 42 bytes starting "Ed".
    const std::string sig = fixture("data.txt.minisig");
    CHECK_FALSE(parse_minisign_key(sig.substr(sig.find('\n') + 1, 100)));
}

TEST_CASE("a file changed by one byte is refused as tampered", "[minisign]") {
    std::string data = fixture("data.txt");
    data[3] ^= 0x01;
    const auto result =
        verify_minisign({key("first.pub")}, signature(fixture("data.txt.minisig")), data);
    CHECK(result.fault == SignatureFault::tampered);
    CHECK(result.message.starts_with("tampered"));
    // Cut short is no better.
    const std::string cut = fixture("data.txt").substr(0, 10);
    CHECK(verify_minisign({key("first.pub")}, signature(fixture("data.txt.minisig")), cut).fault ==
          SignatureFault::tampered);
}

TEST_CASE("a trusted comment changed after signing is refused", "[minisign]") {
    auto sig = signature(fixture("data.txt.minisig"));
    sig.trusted_comment = "pack=limburg version=2099.1.1 region=Limburg";
    const auto result = verify_minisign({key("first.pub")}, sig, fixture("data.txt"));
    CHECK(result.fault == SignatureFault::comment_forged);
    CHECK(result.message.find("trusted comment") != std::string::npos);
}

TEST_CASE("a signature by another key is refused as the wrong key, naming its id", "[minisign]") {
    const auto sig = signature(fixture("data.txt.second.minisig"));
    const auto result = verify_minisign({key("first.pub")}, sig, fixture("data.txt"));
    CHECK(result.fault == SignatureFault::wrong_key);
    CHECK(result.message.find(key_id_text(key("second.pub").key_id)) != std::string::npos);
    // With both keys trusted, the one it names is used.
    CHECK(verify_minisign({key("first.pub"), key("second.pub")}, sig, fixture("data.txt")).ok());
    CHECK(verify_minisign({}, sig, fixture("data.txt")).fault == SignatureFault::wrong_key);
}

TEST_CASE("a legacy signature (minisign -l) is refused and says so", "[minisign]") {
    const auto sig = signature(fixture("data.txt.legacy.minisig"));
    CHECK(sig.algorithm == "Ed");
    const auto result = verify_minisign({key("first.pub")}, sig, fixture("data.txt"));
    CHECK(result.fault == SignatureFault::legacy);
    CHECK(result.message.find("-l") != std::string::npos);
}

TEST_CASE("a signature file that is cut short or not a signature says where", "[minisign]") {
    const std::string text = fixture("data.txt.minisig");
    auto two_lines = parse_minisign_signature(text.substr(0, text.find("trusted comment")));
    REQUIRE_FALSE(two_lines);
    CHECK(two_lines.error().find("cut short") != std::string::npos);
    auto no_global = parse_minisign_signature(text.substr(0, text.size() - 20));
    REQUIRE_FALSE(no_global);
    CHECK(no_global.error().starts_with("line 4"));
    auto not_one = parse_minisign_signature("hello\nworld\nthree\nfour\n");
    REQUIRE_FALSE(not_one);
    CHECK(not_one.error().starts_with("line 1"));
}
