#include "kiosk/core/pack/minisign.hpp"

#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kiosk {
namespace {

constexpr std::string_view untrusted_prefix = "untrusted comment:";
constexpr std::string_view trusted_prefix = "trusted comment: ";

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string line(text.substr(start, end - start));
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// Standard base64 with padding; nullopt-like empty result on any error.
bool decode_base64(std::string_view text, std::vector<std::uint8_t>& out) {
    out.assign(text.size(), 0);
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return false;
    out.resize(length);
    return true;
}

}  // namespace

std::string key_id_text(const std::array<std::uint8_t, 8>& key_id) {
    std::string text;
    char digits[3];
    for (auto it = key_id.rbegin(); it != key_id.rend(); ++it) {
        std::snprintf(digits, sizeof digits, "%02X", *it);
        text += digits;
    }
    return text;
}

Result<MinisignKey> parse_minisign_key(std::string_view text) {
    // A whole .pub file: the key is the line after the untrusted comment.
    std::string line;
    for (const auto& l : split_lines(text)) {
        if (l.empty() || l.starts_with(untrusted_prefix))
            continue;
        line = l;
        break;
    }
    std::vector<std::uint8_t> bytes;
    if (line.empty() || !decode_base64(line, bytes))
        return Error{"'" + std::string(text.substr(0, 60)) +
                     "' is not a minisign public key (the second line of a .pub file, RWQ...)"};
    if (bytes.size() != 42 || bytes[0] != 'E' || bytes[1] != 'd')
        return Error{"'" + line + "' is not an Ed25519 minisign public key (42 bytes, \"Ed\")"};
    MinisignKey key;
    std::copy_n(bytes.begin() + 2, 8, key.key_id.begin());
    std::copy_n(bytes.begin() + 10, 32, key.key.begin());
    return key;
}

Result<MinisignSignature> parse_minisign_signature(std::string_view text) {
    const auto lines = split_lines(text);
    if (lines.size() < 4)
        return Error{"has " + std::to_string(lines.size()) +
                     " lines; a minisign signature has 4 (cut short?)"};
    if (!lines[0].starts_with(untrusted_prefix))
        return Error{
            "line 1: does not start with \"untrusted comment:\"; not a minisign signature"};
    std::vector<std::uint8_t> bytes;
    if (!decode_base64(lines[1], bytes) || bytes.size() != 74)
        return Error{"line 2: is not a base64 signature of 74 bytes"};
    MinisignSignature signature;
    signature.algorithm.assign(bytes.begin(), bytes.begin() + 2);
    if (signature.algorithm != "ED" && signature.algorithm != "Ed")
        return Error{"line 2: unknown algorithm '" + signature.algorithm + "'"};
    std::copy_n(bytes.begin() + 2, 8, signature.key_id.begin());
    std::copy_n(bytes.begin() + 10, 64, signature.signature.begin());
    if (!lines[2].starts_with(trusted_prefix))
        return Error{"line 3: does not start with \"trusted comment: \""};
    signature.trusted_comment = lines[2].substr(trusted_prefix.size());
    if (!decode_base64(lines[3], bytes) || bytes.size() != 64)
        return Error{"line 4: is not a base64 global signature of 64 bytes"};
    std::copy_n(bytes.begin(), 64, signature.global_signature.begin());
    for (std::size_t i = 4; i < lines.size(); ++i) {
        if (!lines[i].empty())
            return Error{"line " + std::to_string(i + 1) + ": unexpected text after the signature"};
    }
    return signature;
}

Verification verify_minisign(const std::vector<MinisignKey>& keys,
                             const MinisignSignature& signature, std::string_view content) {
    if (!sodium_ready())
        return {SignatureFault::tampered, "libsodium could not be initialised"};
    const auto key = std::find_if(keys.begin(), keys.end(), [&](const MinisignKey& k) {
        return k.key_id == signature.key_id;
    });
    if (key == keys.end())
        return {SignatureFault::wrong_key, "wrong key: signed with key " +
                                               key_id_text(signature.key_id) +
                                               ", which is not among content.public_keys"};
    if (signature.algorithm == "Ed")
        return {SignatureFault::legacy,
                "legacy signature: made with minisign -l; sign again without -l (prehashed)"};
    unsigned char hash[crypto_generichash_BYTES_MAX];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(content.data()),
                       content.size(), nullptr, 0);
    if (crypto_sign_verify_detached(signature.signature.data(), hash, sizeof hash,
                                    key->key.data()) != 0)
        return {SignatureFault::tampered,
                "tampered: the signature does not match the file's content"};
    std::vector<std::uint8_t> global(signature.signature.begin(), signature.signature.end());
    global.insert(global.end(), signature.trusted_comment.begin(), signature.trusted_comment.end());
    if (crypto_sign_verify_detached(signature.global_signature.data(), global.data(), global.size(),
                                    key->key.data()) != 0)
        return {SignatureFault::comment_forged,
                "tampered: the trusted comment was changed after signing"};
    return {};
}

Result<std::string> read_whole_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{path.string() + ": cannot be read: " + std::strerror(errno)};
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        return Error{path.string() + ": read error"};
    return text.str();
}

}  // namespace kiosk
