#pragma once
// Minisign signatures (the format of minisign 0.11), verified with libsodium:
// a public key's second line, and a .minisig file's four lines. Only the
// prehashed "ED" algorithm (Ed25519 over the file's BLAKE2b-512), minisign's
// default, is accepted; a legacy "Ed" signature (minisign -l) is refused with
// a message that says so. Both the file's signature and the global signature
// over the trusted comment are checked.

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/result.hpp"

namespace kiosk {

struct MinisignKey {
    std::array<std::uint8_t, 8> key_id{};
    std::array<std::uint8_t, 32> key{};
};

struct MinisignSignature {
    std::string algorithm;  // "ED" (prehashed) or "Ed" (legacy)
    std::array<std::uint8_t, 8> key_id{};
    std::array<std::uint8_t, 64> signature{};
    std::string trusted_comment;  // without "trusted comment: "
    std::array<std::uint8_t, 64> global_signature{};
};

// The key id as minisign prints it ("Key ID: ..."): 16 upper-case hex digits,
// the id's bytes read as a little-endian number.
std::string key_id_text(const std::array<std::uint8_t, 8>& key_id);

// "RWQ..." (line 2 of a .pub file), or the whole .pub file's text.
Result<MinisignKey> parse_minisign_key(std::string_view text);
// A .minisig file's text; says what is wrong with its form (not whether it verifies).
Result<MinisignSignature> parse_minisign_signature(std::string_view text);

// Why a signature does not verify.
enum class SignatureFault {
    none,
    wrong_key,       // made with a key that is not among the trusted ones
    legacy,          // "Ed": minisign -l
    tampered,        // the file's signature does not match its content
    comment_forged,  // the trusted comment was changed after signing
};

struct Verification {
    SignatureFault fault = SignatureFault::none;
    std::string message;  // empty when it verifies
    bool ok() const { return fault == SignatureFault::none; }
};

// Checks `signature` over `content` against the first of `keys` whose id it names.
Verification verify_minisign(const std::vector<MinisignKey>& keys,
                             const MinisignSignature& signature, std::string_view content);

// Reads a whole file; the message names the file when it cannot.
Result<std::string> read_whole_file(const std::filesystem::path& path);

}  // namespace kiosk
