#include "kiosk/core/adviser/adviser_pin.hpp"

#include <sodium.h>

#include <algorithm>

namespace kiosk {
namespace {

constexpr std::string_view argon2id_prefix = "$argon2id$";
constexpr unsigned long long opslimit = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
constexpr std::size_t memlimit = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;

// sodium_init is idempotent and thread-safe; the static only spares the
// repeated call and keeps its answer.
bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// libsodium reads hash strings up to their NUL; one inside would cut it short.
bool fits_hash_buffer(std::string_view hash) {
    return hash.size() < crypto_pwhash_STRBYTES && hash.find('\0') == std::string_view::npos;
}

}  // namespace

std::optional<std::string> pin_rule_problem(std::string_view pin) {
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "the PIN must be digits only (0 to 9)";
    if (pin.size() < min_pin_digits || pin.size() > max_pin_digits)
        return "the PIN must be " + std::to_string(min_pin_digits) + " to " +
               std::to_string(max_pin_digits) + " digits long, not " + std::to_string(pin.size());
    return std::nullopt;
}

Result<std::string> hash_pin(std::string_view pin) {
    if (auto problem = pin_rule_problem(pin))
        return Error{*problem};
    if (!sodium_ready())
        return Error{"libsodium could not start"};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_argon2id_str(out, pin.data(), pin.size(), opslimit, memlimit) != 0)
        return Error{"not enough memory to hash the PIN (Argon2id needs " +
                     std::to_string(memlimit / (1024 * 1024)) + " MiB)"};
    return std::string(out);
}

bool verify_pin(std::string_view hash, std::string_view pin) {
    if (pin_rule_problem(pin) || !hash.starts_with(argon2id_prefix) || !fits_hash_buffer(hash) ||
        !sodium_ready())
        return false;
    const std::string terminated(hash);
    return crypto_pwhash_argon2id_str_verify(terminated.c_str(), pin.data(), pin.size()) == 0;
}

PinCheck::PinCheck(std::string hash, std::string pin)
    : running_(
          std::async(std::launch::async, [hash = std::move(hash), pin = std::move(pin)]() mutable {
              const bool right = verify_pin(hash, pin);
              // The PIN is not left behind in freed memory.
              sodium_memzero(pin.data(), pin.size());
              return right;
          })) {}

std::optional<bool> PinCheck::result() {
    if (!result_ && running_.valid() &&
        running_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        result_ = running_.get();
    return result_;
}

PinHashQuality pin_hash_quality(std::string_view hash) {
    if (!hash.starts_with(argon2id_prefix))
        return PinHashQuality::not_argon2id;
    if (!fits_hash_buffer(hash) || !sodium_ready())
        return PinHashQuality::malformed;
    const std::string terminated(hash);
    switch (crypto_pwhash_argon2id_str_needs_rehash(terminated.c_str(), opslimit, memlimit)) {
        case 0:
            return PinHashQuality::ok;
        case 1:
            return PinHashQuality::other_settings;
        default:
            return PinHashQuality::malformed;
    }
}

}  // namespace kiosk
