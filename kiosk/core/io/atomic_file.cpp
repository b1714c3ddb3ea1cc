#include "kiosk/core/io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

namespace kiosk {
namespace {

std::string errno_text() {
    return std::strerror(errno);
}

}  // namespace

std::filesystem::path temporary_beside(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    return target.string() + ".tmp-" + std::to_string(::getpid()) + "-" +
           std::to_string(counter.fetch_add(1));
}

Result<bool> replace_file_durably(const std::filesystem::path& from,
                                  const std::filesystem::path& to) {
    std::error_code ec;
    std::filesystem::rename(from, to, ec);
    if (ec) {
        return Error{"cannot rename " + from.string() + " to " + to.string() + ": " + ec.message()};
    }
    auto dir = to.parent_path();
    if (dir.empty())
        dir = ".";
    if (const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    return true;
}

Result<bool> write_new_file_durably(const std::filesystem::path& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error{"cannot create " + path.string() + ": " + errno_text()};
    auto fail = [&](const std::string& what) -> Result<bool> {
        const std::string reason = errno_text();
        ::close(fd);
        return Error{"cannot " + what + " " + path.string() + ": " + reason};
    };
    for (std::size_t written = 0; written < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail("write");
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0)
        return fail("flush to disk");
    if (::close(fd) != 0)
        return Error{"cannot close " + path.string() + ": " + errno_text()};
    return true;
}

Result<bool> write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    const auto temp = temporary_beside(path);
    if (auto written = write_new_file_durably(temp, bytes); !written) {
        std::error_code ec;
        std::filesystem::remove(temp, ec);
        return Error{written.error() + " (for " + path.string() + ")"};
    }
    if (auto moved = replace_file_durably(temp, path); !moved) {
        std::filesystem::remove(temp);
        return moved;
    }
    return true;
}

}  // namespace kiosk
