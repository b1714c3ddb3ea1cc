#include "kiosk/platform/system_info.hpp"

#include <sys/statvfs.h>

namespace kiosk::platform {

std::int64_t free_disk_bytes(const std::string& path) {
    struct statvfs fs {};
    if (statvfs(path.c_str(), &fs) != 0)
        return -1;
    return static_cast<std::int64_t>(fs.f_bavail) * static_cast<std::int64_t>(fs.f_frsize);
}

}  // namespace kiosk::platform
