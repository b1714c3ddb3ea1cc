#pragma once
// Files that readers must never see half written (content packs, previews,
// imported catalogues): written beside the target, flushed to disk, renamed
// over it, and the rename itself flushed, so a power cut leaves the old file
// or the new one, never a mix.

#include <filesystem>
#include <string_view>

#include "kiosk/core/base/result.hpp"

namespace kiosk {

// Writes `bytes` to `path` atomically and durably.
Result<bool> write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// Creates `path`, which must not exist, with `bytes`, flushed to disk: the
// step before a rename makes it visible.
Result<bool> write_new_file_durably(const std::filesystem::path& path, std::string_view bytes);

// Renames a complete, already flushed `from` over `to` and flushes the folder.
Result<bool> replace_file_durably(const std::filesystem::path& from,
                                  const std::filesystem::path& to);

// A name beside `target` that no other writer uses at the same time.
std::filesystem::path temporary_beside(const std::filesystem::path& target);

}  // namespace kiosk
