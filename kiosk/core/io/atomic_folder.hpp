#pragma once
// A folder of files that readers must never see half written (the published
// site behind the QR code): written complete into a new folder beside the
// target, flushed, and swapped in for the old one in one rename.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/result.hpp"

namespace kiosk {

struct FolderFile {
    std::string name;  // a plain file name: no '/', not "." or ".."
    std::string bytes;
};

// Makes `dir` hold exactly `files`. A web server or browser reading `dir`
// meanwhile sees the old folder or the new one, never a mix: on Linux the two
// are exchanged with renameat2(RENAME_EXCHANGE); where the file system cannot,
// the old folder is renamed aside first, so `dir` is briefly absent, but never
// partial. An existing `dir` is replaced only when it is empty or holds a
// file named `marker`, so a mistyped path never wipes someone's folder.
Result<bool> write_folder_atomically(const std::filesystem::path& dir,
                                     const std::vector<FolderFile>& files, std::string_view marker);

}  // namespace kiosk
