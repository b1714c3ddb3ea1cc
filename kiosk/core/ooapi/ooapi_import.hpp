#pragma once
// Turns a catalogue from the Dutch Open Education API (OOAPI v5) into rows of our
// courses.csv, so a region can start its pack from what the schools publish.
//
// The document is a list of courses, either paginated ({"items": [...]}) or a bare
// array. Each course carries its offerings as {"offerings": {"items": [...]}}, or
// the document lists them in a top-level "offerings" array (or {"items": [...]})
// whose entries name their course with "courseId" or "course".
//
// Where the columns come from (the tables are in ooapi_mapping.hpp, the steps in
// ooapi_course.cpp):
//   id               primaryCode.code, else courseId (cleaned, shortened, unique)
//   title_<lang>     name in that language (LanguageTypedString "nl-NL", "nl", ...)
//   description_<l>  description in that language, on one line
//   provider         organization: its name (or shortName), expanded in the course
//                    or an offering, or looked up in a top-level "organizations" list
//   url              link of the course, else of an offering (must be https://)
//   level            level;  language: teachingLanguage ("nl-NL", "nld", "en-GB", "eng")
//   mode             modeOfDelivery of the course, else of its offerings together
//   sectors          fieldsOfStudy (ISCED-F); unknown codes give a warning
//   duration_weeks   duration (ISO 8601), else the first offering's startDate..endDate
//   hours_per_week   studyLoad (or ects) spread over the weeks; else 4, with a warning
//   start_dates      the offerings' startDate, sorted; "continuous" when an offering
//                    has a flexible entry period
//   cost_eur         the lowest "total costs" (else tuition) in EUR over the offerings;
//                    0 with a warning when none has a price
//   place, postcode, lat, lon  the first address with a geolocation: teaching before
//                    visiting before other addresses, offerings' before the course's
//   schedule         ext.schedule of offerings or course ("evening", or a list), else
//                    times named in the Dutch names ("avond", "zaterdag"); else "day"
// With no OOAPI source: entry_level and dutch_level follow from the level (see
// ooapi_mapping.hpp); interests, topics, skills, target_groups, funding and contact
// stay empty for the region to fill in.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"

namespace kiosk {

struct OoapiImport {
    std::vector<std::string> header;             // our column order
    std::vector<std::vector<std::string>> rows;  // one per usable course, in document order
};

// `languages` are the pack's languages ("nl" first; added when missing). Records that
// cannot be used are reported in `issues` (file `file_name`, the line where the record
// starts, the record named as `courses[3] (courseId "abc")`) and left out; values that
// had to be guessed are warnings. Invalid JSON gives one error with its line.
OoapiImport import_ooapi(std::string_view json_text, const std::string& file_name,
                         const std::vector<std::string>& languages, Issues& issues);

// The header and the rows as courses.csv text.
std::string to_csv(const OoapiImport& import);

}  // namespace kiosk
