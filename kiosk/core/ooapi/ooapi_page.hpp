#pragma once
// Reading the files of an OOAPI import: each is one page that the API returned
// (/courses, /courses/{id}/offerings, an offerings list, /organizations; a page object
// {"pageSize", "pageNumber", ..., "items": [...]}, a bare array, or one object), and
// each entry of a page is sorted by what it is: a course, an offering or an
// organization. ooapi_join.cpp then puts them together by their ids.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"

namespace kiosk::ooapi {

// One entry of a page, with where an author finds it.
struct Entry {
    const nlohmann::json* value = nullptr;
    std::string file;
    std::string label;  // "courses[3] (courseId \"abc\")"
    int line = 0;       // where the entry starts in its file; 0 when unknown
};

// The entries of all files by kind. The parsed documents live as long as this.
struct Pages {
    std::vector<std::unique_ptr<nlohmann::json>> documents;
    std::vector<Entry> courses;
    std::vector<Entry> offerings;
    std::vector<Entry> organizations;
};

// Parses `text` (named `file` in messages) and adds its entries to `pages`. Invalid
// JSON, and a file that is no page of courses, offerings or organizations, give an
// error; an entry that is none of the three gives an error naming it.
void read_page(std::string_view text, const std::string& file, Pages& pages, Issues& issues);

// `list[index]`, and the entry's id under `id_key` when it has one.
std::string labelled(const char* list, std::size_t index, const nlohmann::json& entry,
                     const char* id_key);

}  // namespace kiosk::ooapi
