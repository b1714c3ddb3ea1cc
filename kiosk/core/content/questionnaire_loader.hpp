#pragma once
// Reads questionnaire.toml: the questions, their options, conditions and weights.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/course.hpp"

namespace kiosk {

void load_questionnaire_toml(std::string_view text, const std::string& file_name, ContentPack& pack,
                             Issues& issues);

// The RIASEC interest ids a course or a weight may use.
const std::vector<std::string>& riasec_ids();

}  // namespace kiosk
