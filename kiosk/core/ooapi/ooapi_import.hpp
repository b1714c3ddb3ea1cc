#pragma once
// Turns a catalogue from the Dutch Open Education API (OOAPI v5) into rows of our
// courses.csv, so a region can start its pack from what the schools publish.
//
// An import reads one or more files, each a page the API returned: /courses,
// /courses/{id}/offerings (or any list of offerings, with `course` expanded or only its
// id), /organizations, or one object; a page object ({"pageSize", ..., "items": [...]})
// or a bare array. A course may also carry its offerings as {"offerings": {"items":
// [...]}}, and a catalogue may list "offerings" and "organizations" beside its items.
// The pages are joined by id (ooapi_join.hpp): offerings to their course by courseId
// or `course`, courses to their provider by `organization`.
//
// Where the columns come from (the tables are in ooapi_mapping.hpp, the steps in
// ooapi_course.cpp):
//   id               primaryCode.code, else courseId (cleaned, shortened, unique)
//   title_<lang>     name in that language (LanguageTypedString "nl-NL", "nl", ...)
//   description_<l>  description in that language, on one line
//   provider         organization: its name (or shortName), expanded in the course
//                    or an offering, or looked up by id in the organizations read;
//                    else OoapiOptions::provider
//   url              link of the course, else of an offering (must be https://)
//   level            level;  language: teachingLanguage ("nl-NL", "nld", "en-GB", "eng")
//   mode             modeOfDelivery of the course, else of its offerings together
//   sectors          fieldsOfStudy (ISCED-F); unknown codes give a warning
//   duration_weeks   duration (ISO 8601), else the first offering's startDate..endDate
//   hours_per_week   studyLoad (or ects) spread over the weeks; else 4, with a warning
//   start_dates      the offerings' startDate, sorted; "continuous" when an offering
//                    has a flexible entry period, or (with a warning) when the course
//                    has no offering at all: it starts on request
//   cost_eur         the lowest "total costs" (else tuition) in EUR over the offerings;
//                    0 with a warning when none has a price
//   place, postcode, lat, lon, address  the first address with a geolocation
//                    (address: street and streetNumber): teaching before visiting
//                    before other addresses, offerings' before the course's
//   schedule         ext.schedule of offerings or course ("evening", or a list), else
//                    times named in the Dutch names ("avond", "zaterdag"); else "day"
// With no OOAPI source: entry_level and dutch_level follow from the level (see
// ooapi_mapping.hpp); interests, topics, skills, target_groups, funding and contact
// stay empty for the region to fill in.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"

namespace kiosk {

struct OoapiImport {
    std::vector<std::string> header;             // our column order
    std::vector<std::vector<std::string>> rows;  // one per usable course, in document order
    std::size_t read = 0;                        // courses found in the files
    std::map<std::string, int> skipped;          // courses left out, by the field that stopped them
};

struct OoapiFile {
    std::string name;  // as messages name it
    std::string text;
};

struct OoapiOptions {
    std::vector<std::string> languages{"nl", "en"};
    std::string provider;  // the provider's name for courses whose organization has none
};

// Imports the files together (see the top of this header). Every course that is left
// out is reported with its id and why; so are offerings and references that do not
// resolve.
OoapiImport import_ooapi(const std::vector<OoapiFile>& files, const OoapiOptions& options,
                         Issues& issues);

// `languages` are the pack's languages ("nl" first; added when missing). Records that
// cannot be used are reported in `issues` (file `file_name`, the line where the record
// starts, the record named as `courses[3] (courseId "abc")`) and left out; values that
// had to be guessed are warnings. Invalid JSON gives one error with its line.
OoapiImport import_ooapi(std::string_view json_text, const std::string& file_name,
                         const std::vector<std::string>& languages, Issues& issues);

// "9 courses read, 6 imported, 3 skipped (by the field that stopped them: name 1, ...)".
std::string summary(const OoapiImport& import);

// The header and the rows as courses.csv text.
std::string to_csv(const OoapiImport& import);

}  // namespace kiosk
