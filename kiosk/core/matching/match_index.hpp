#pragma once
// What the matcher needs of every course, packed small and flat so that a
// visit can re-rank 100,000 courses between two frames. Built once when the
// pack is compiled and stored in it as one blob, so opening a pack is a copy,
// not 100,000 row reads.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/core/base/result.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/course.hpp"

namespace kiosk {

struct CourseKey {
    std::uint32_t first_tag = 0;    // into MatchIndex::tags
    std::uint32_t first_start = 0;  // into MatchIndex::start_days
    std::uint16_t tag_count = 0;
    std::uint16_t start_count = 0;
    std::uint16_t provider = 0;   // into MatchIndex::providers
    std::uint16_t language = 0;   // into MatchIndex::languages
    std::uint8_t entry_rank = 0;  // education_rank(entry_level)
    std::uint8_t dutch = 0;       // DutchLevel
    std::uint8_t mode = 0;        // Mode
    std::uint8_t schedule = 0;    // ScheduleBit flags
    std::uint8_t continuous = 0;  // starts any time
    std::uint8_t reserved[3] = {0, 0, 0};
    float hours = 0;
    float cost = 0;
    float lat = 0;  // NaN for online courses without a place
    float lon = 0;
};

struct MatchIndex {
    std::vector<CourseKey> courses;  // course index = position in id order
    std::vector<std::uint16_t> tags;
    std::vector<std::int32_t> start_days;  // days since 1970-01-01, sorted per course
    std::vector<std::string> tag_names;    // sorted
    std::vector<std::string> providers;
    std::vector<std::string> languages;
    std::vector<std::string> course_ids;
    // Per course: the same course offered in several places (one provider, one
    // title) shares a group, so that it is shown as one result.
    std::vector<std::uint32_t> groups;

    static MatchIndex build(const std::vector<Course>& courses);

    int tag_index(std::string_view tag) const;  // -1 when no course has it
    bool has_tag(const CourseKey& k, int tag) const {
        const auto* first = tags.data() + k.first_tag;
        return std::binary_search(first, first + k.tag_count, static_cast<std::uint16_t>(tag));
    }
    std::size_t size() const { return courses.size(); }

    std::string serialize() const;
    static Result<MatchIndex> deserialize(std::string_view blob);
};

// The tags a course carries ("sector:care", "mode:online", ...).
std::vector<std::string> course_tags(const Course& course);

}  // namespace kiosk
