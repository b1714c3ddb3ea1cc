#pragma once
// Reads pack.toml: the pack's name, region, languages, word lists and matching weights.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/course.hpp"

namespace kiosk {

// False when the file could not be parsed at all.
bool load_pack_toml(std::string_view text, const std::string& file_name, ContentPack& pack,
                    Issues& issues);

}  // namespace kiosk
