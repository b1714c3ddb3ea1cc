#pragma once
// What the operating system says about the machine, for the adviser's
// health view.

#include <cstdint>
#include <string>

namespace kiosk::platform {

// Bytes free for an unprivileged writer on the file system holding `path`;
// -1 when it cannot be told.
std::int64_t free_disk_bytes(const std::string& path);

}  // namespace kiosk::platform
