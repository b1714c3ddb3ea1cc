#include "kiosk/core/io/atomic_folder.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc 2.28+)
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "kiosk/core/io/atomic_file.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

void flush_folder(const fs::path& dir) {
    if (const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool is_plain_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
           name.find('\0') == std::string::npos;
}

Result<bool> may_replace(const fs::path& dir, std::string_view marker) {
    std::error_code ec;
    if (!fs::exists(dir, ec))
        return true;
    if (!fs::is_directory(dir, ec))
        return Error{dir.string() + " exists and is not a folder"};
    if (fs::is_empty(dir, ec) || fs::exists(dir / marker, ec))
        return true;
    return Error{dir.string() + " is a folder with other files in it (no " + std::string(marker) +
                 "); give a new or empty folder, or one this command wrote before"};
}

// Puts the complete `fresh` folder where `dir` is; `fresh` ends up removed.
Result<bool> swap_in(const fs::path& fresh, const fs::path& dir) {
    std::error_code ec;
    const bool existed = fs::exists(dir, ec);
    if (existed &&
        ::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(fresh, ec);  // now the old site
        return true;
    }
    if (existed && !fs::is_empty(dir, ec)) {
        const fs::path old = temporary_beside(dir);
        fs::rename(dir, old, ec);
        if (ec)
            return Error{"cannot move the old " + dir.string() + " aside: " + ec.message()};
        fs::rename(fresh, dir, ec);
        if (ec) {
            std::error_code back;
            fs::rename(old, dir, back);
            return Error{"cannot rename " + fresh.string() + " to " + dir.string() + ": " +
                         ec.message()};
        }
        fs::remove_all(old, ec);
        return true;
    }
    fs::rename(fresh, dir, ec);  // replaces an empty folder too
    if (ec)
        return Error{"cannot rename " + fresh.string() + " to " + dir.string() + ": " +
                     ec.message()};
    return true;
}

}  // namespace

Result<bool> write_folder_atomically(const fs::path& dir, const std::vector<FolderFile>& files,
                                     std::string_view marker) {
    if (auto allowed = may_replace(dir, marker); !allowed)
        return allowed;
    for (const auto& file : files) {
        if (!is_plain_name(file.name))
            return Error{"'" + file.name + "' is not a plain file name"};
    }
    const fs::path target = dir.has_filename() ? dir : dir.parent_path();
    const fs::path fresh = temporary_beside(target);
    std::error_code ec;
    if (!fs::create_directory(fresh, ec) || ec)
        return Error{"cannot create " + fresh.string() + ": " + ec.message()};
    // Readable by the web server that will serve it, whatever our umask.
    constexpr auto readable = fs::perms::owner_read | fs::perms::owner_write |
                              fs::perms::group_read | fs::perms::others_read;
    constexpr auto searchable =
        fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec;
    fs::permissions(fresh, readable | searchable, ec);
    for (const auto& file : files) {
        if (auto written = write_new_file_durably(fresh / file.name, file.bytes); !written) {
            fs::remove_all(fresh, ec);
            return written;
        }
        fs::permissions(fresh / file.name, readable, ec);
    }
    flush_folder(fresh);
    if (auto swapped = swap_in(fresh, target); !swapped) {
        fs::remove_all(fresh, ec);
        return swapped;
    }
    flush_folder(target.parent_path().empty() ? fs::path(".") : target.parent_path());
    return true;
}

}  // namespace kiosk
