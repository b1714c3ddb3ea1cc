#pragma once
// The adviser's PIN, kept only as a salted slow hash (libsodium's Argon2id):
// the configuration file travels in deployment images and backups, and a
// plain PIN there would open adviser mode on every kiosk of the region.
//
// A 4-digit PIN is found by brute force from its hash in hours whatever the
// cost, so the hash only buys time; what keeps a visitor out is the keypad's
// lockout (pin_lockout.hpp) and the file's permissions.

#include <future>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/base/result.hpp"

namespace kiosk {

// The keypad shows up to max_pin_digits and enables "OK" from min_pin_digits.
inline constexpr std::size_t min_pin_digits = 4;
inline constexpr std::size_t max_pin_digits = 8;

// Why `pin` breaks the PIN rules (4 to 8 digits 0-9, nothing else), or
// nullopt when it keeps them.
std::optional<std::string> pin_rule_problem(std::string_view pin);

// A fresh salt each time, so two hashes of the same PIN differ.
// "$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>" (crypto_pwhash_str with
// libsodium's INTERACTIVE limits: 2 passes over 64 MiB). Not MODERATE: its
// 256 MiB would double the kiosk's memory at every adviser login, and the
// keypad's lockout, not the hash, is what stops a visitor guessing.
Result<std::string> hash_pin(std::string_view pin);

// Takes as long as hash_pin: about 0.1 s on the development machine,
// more on a small kiosk PC: the keypad checks on the UI thread, one frame
// late; PinCheck runs it beside the UI where that is too slow.
// Constant-time in the PIN (libsodium); false for a PIN that breaks the rules
// or a hash that is not an Argon2id string, without hashing anything.
bool verify_pin(std::string_view hash, std::string_view pin);

// One verification on a thread of its own, so the keypad keeps drawing
// ("checking...") and the frame loop keeps its pace. Poll result() once a
// frame; keep drawing frames while it is nullopt. Destroying a check that is
// still running waits for it to finish (at most one verify_pin).
class PinCheck {
  public:
    PinCheck(std::string hash, std::string pin);
    std::optional<bool> result();  // nullopt while running; never blocks

  private:
    std::future<bool> running_;
    std::optional<bool> result_;
};

enum class PinHashQuality {
    ok,              // made by hash_pin
    other_settings,  // a valid Argon2id string, but with other costs than hash_pin's
    not_argon2id,    // does not start with "$argon2id$"
    malformed,       // starts right, but libsodium cannot read it
};

// Cheap: reads the string, hashes nothing. For checking the configuration.
PinHashQuality pin_hash_quality(std::string_view hash);

}  // namespace kiosk
