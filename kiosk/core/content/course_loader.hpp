#pragma once
// Reads courses.csv: the course catalogue, one course a row.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/course.hpp"

namespace kiosk {

std::vector<Course> load_courses_csv(std::string_view text, const std::string& file_name,
                                     const ContentPack& pack, Issues& issues);

}  // namespace kiosk
