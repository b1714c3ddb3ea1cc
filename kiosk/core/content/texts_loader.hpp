#pragma once
// Reads texts.toml: the kiosk's own words, per language.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/course.hpp"

namespace kiosk {

void load_texts_toml(std::string_view text, const std::string& file_name, ContentPack& pack,
                     Issues& issues);

}  // namespace kiosk
