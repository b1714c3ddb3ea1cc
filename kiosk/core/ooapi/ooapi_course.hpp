#pragma once
// The course half of the OOAPI importer: one OOAPI course with its offerings becomes
// one row of courses.csv. ooapi_import.cpp finds the courses in the document; this
// file decides, field by field, what each becomes (see the table in ooapi_import.hpp).

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/base/issue.hpp"

namespace kiosk::ooapi {

// What a course needs from the rest of the document.
struct CatalogueContext {
    std::vector<std::string> languages;  // "nl" first
    std::string provider;                // the provider's name when no organization gives one
    std::map<std::string, const nlohmann::json*> organizations;  // by organizationId
    std::set<std::string> ids;                                   // course ids given so far
    std::map<std::string, int> skipped;  // courses left out, by the field that stopped them
};

struct OfferingSource {
    const nlohmann::json* offering;
    std::string label;  // "offerings[2]", as the author finds it in the document
};

struct CourseSource {
    const nlohmann::json* course;
    std::string label;  // "courses[3] (courseId \"abc\")"
    int line = 0;       // where the course starts in the document; 0 when unknown
    std::vector<OfferingSource> offerings;  // embedded ones and those listed separately
    std::string file;                       // the file the course is in
};

// The cells of the row by column name, or nullopt when the course cannot be used.
// Either way its problems are added to `issues` under the course's label; a course
// that is left out reports only why, and counts in context.skipped.
std::optional<std::map<std::string, std::string>> convert_course(const CourseSource& source,
                                                                 CatalogueContext& context,
                                                                 Issues& issues);

}  // namespace kiosk::ooapi
