#pragma once
// Installing a signed content pack into the kiosk's state folder, and going
// back one. The folder holds:
//   content.db              the pack the kiosk shows (--content)
//   content.previous.db     the one before it, kept by each install
//   content.rolled-back.db  the one a rollback left (never shown again by itself)
// Every change is a rename in that folder after the new file is written and
// fsynced, and the folder is fsynced after each rename: a power cut at any
// moment leaves content.db either the old pack or the new one.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/pack/minisign.hpp"

namespace kiosk {

inline constexpr const char* installed_pack_name = "content.db";
inline constexpr const char* previous_pack_name = "content.previous.db";
inline constexpr const char* rolled_back_pack_name = "content.rolled-back.db";

// The trusted comment of a pack's signature: `pack=<id> version=<v> region=<r>`,
// words separated by spaces; a value with a space or '%' writes it as %20 or %25.
struct PackComment {
    std::string id, version, region;
};
Result<PackComment> parse_pack_comment(std::string_view text);
std::string format_pack_comment(const PackComment& comment);

// Dotted versions ("2026.11.1"): number by number, a part that is not a
// number compared as text. <0, 0, >0 like strcmp.
int compare_versions(std::string_view a, std::string_view b);

// Why an install was refused: each has its own first word in the message.
enum class Refusal {
    none,
    unsigned_pack,  // "unsigned"
    truncated,      // "truncated"
    tampered,       // "tampered"
    wrong_key,      // "wrong key"
    wrong_region,   // "wrong region"
    older,          // "older"
    invalid,        // "not a valid pack"
    failed,         // the state folder could not be written
};

struct InstallRequest {
    std::filesystem::path pack;
    std::filesystem::path signature;  // empty: pack + ".minisig"
    std::filesystem::path state;      // the state folder
    std::vector<MinisignKey> keys;
    std::string region;  // empty: any region
    bool allow_downgrade = false;
};

struct InstallOutcome {
    Refusal refusal = Refusal::none;
    std::string message;   // one line: what was installed, or why not
    bool changed = false;  // content.db now holds a different pack
    bool ok() const { return refusal == Refusal::none; }
};

InstallOutcome install_pack(const InstallRequest& request);

// content.previous.db becomes content.db again; the pack it replaces is kept as
// content.rolled-back.db. Refused when there is no previous pack or it cannot
// be opened.
InstallOutcome roll_back_pack(const std::filesystem::path& state);

// Whether a file is shorter than the SQLite database its header describes.
bool is_cut_short_sqlite(std::string_view bytes);

// The pack the kiosk opens at start: `installed`, or when that cannot be
// opened the previous pack beside it, then the bundled one.
struct PackChoice {
    std::filesystem::path path;
    std::string source;  // "installed", "previous" or "bundled"
    std::string reason;  // empty for "installed": why the others could not be used
};
Result<PackChoice> choose_pack(const std::filesystem::path& installed,
                               const std::filesystem::path& bundled);

}  // namespace kiosk
