#include "kiosk/core/matching/match_index.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <type_traits>

namespace kiosk {
namespace {

constexpr std::string_view magic = "KMI2";
// Before courses had groups; each course is then a group of its own.
constexpr std::string_view magic_without_groups = "KMI1";
static_assert(std::is_trivially_copyable_v<CourseKey>);
static_assert(sizeof(CourseKey) == 40, "the blob layout depends on CourseKey's size");

template <typename T>
void put(std::string& out, const T& value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
void put_array(std::string& out, const std::vector<T>& values) {
    put(out, static_cast<std::uint64_t>(values.size()));
    out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

void put_strings(std::string& out, const std::vector<std::string>& values) {
    put(out, static_cast<std::uint64_t>(values.size()));
    for (const auto& s : values) {
        put(out, static_cast<std::uint32_t>(s.size()));
        out += s;
    }
}

// Reads what put() wrote, refusing to run past the end of a damaged blob.
class BlobReader {
  public:
    explicit BlobReader(std::string_view blob) : blob_(blob) {}
    bool failed() const { return failed_; }

    template <typename T>
    T get() {
        T value{};
        if (!take(sizeof value))
            return value;
        std::memcpy(&value, blob_.data() + pos_ - sizeof value, sizeof value);
        return value;
    }
    template <typename T>
    std::vector<T> get_array() {
        const auto n = get<std::uint64_t>();
        std::vector<T> out;
        if (failed_ || n > (blob_.size() - pos_) / sizeof(T)) {
            failed_ = true;
            return out;
        }
        out.resize(n);
        std::memcpy(out.data(), blob_.data() + pos_, n * sizeof(T));
        pos_ += n * sizeof(T);
        return out;
    }
    std::vector<std::string> get_strings() {
        const auto n = get<std::uint64_t>();
        std::vector<std::string> out;
        if (failed_ || n > blob_.size() - pos_) {
            failed_ = true;
            return out;
        }
        out.reserve(n);
        for (std::uint64_t i = 0; i < n && !failed_; ++i) {
            const auto len = get<std::uint32_t>();
            if (!take(len))
                break;
            out.emplace_back(blob_.substr(pos_ - len, len));
        }
        return out;
    }
    bool at_end() const { return pos_ == blob_.size(); }

  private:
    bool take(std::size_t n) {
        if (failed_ || n > blob_.size() - pos_) {
            failed_ = true;
            return false;
        }
        pos_ += n;
        return true;
    }
    std::string_view blob_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

template <typename Index>
std::uint16_t intern(std::map<std::string, Index>& table, const std::string& value) {
    auto [it, fresh] = table.emplace(value, static_cast<Index>(table.size()));
    return static_cast<std::uint16_t>(it->second);
}

}  // namespace

std::vector<std::string> course_tags(const Course& c) {
    std::vector<std::string> tags;
    for (const auto& s : c.sectors)
        tags.push_back("sector:" + s);
    for (const auto& s : c.interests)
        tags.push_back("interest:" + s);
    for (const auto& s : c.target_groups)
        tags.push_back("target:" + s);
    for (const auto& s : c.funding)
        tags.push_back("funding:" + s);
    for (const auto& s : c.topics)
        tags.push_back("topic:" + s);
    tags.push_back("level:" + std::string(to_string(c.level)));
    tags.push_back("entry:" + std::string(to_string(c.entry_level)));
    for (const int hours : {4, 8, 16}) {
        if (c.hours_per_week <= hours)
            tags.push_back("hours:up_to_" + std::to_string(hours));
    }
    tags.push_back("mode:" + std::string(to_string(c.mode)));
    for (std::uint8_t bit : {schedule_day, schedule_evening, schedule_weekend}) {
        if (c.schedule & bit)
            tags.push_back("schedule:" + schedule_to_string(bit));
    }
    tags.push_back("language:" + c.language);
    if (c.cost_eur == 0)
        tags.push_back("cost:free");
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    return tags;
}

MatchIndex MatchIndex::build(const std::vector<Course>& courses) {
    MatchIndex index;
    std::vector<std::vector<std::string>> per_course;
    per_course.reserve(courses.size());
    std::map<std::string, std::uint32_t> tag_table;
    for (const auto& c : courses) {
        per_course.push_back(course_tags(c));
        for (const auto& t : per_course.back())
            tag_table.emplace(t, 0);
    }
    std::uint32_t next = 0;
    for (auto& [name, id] : tag_table) {
        id = next++;
        index.tag_names.push_back(name);
    }
    std::map<std::string, std::uint32_t> providers, languages, groups;
    for (std::size_t i = 0; i < courses.size(); ++i) {
        const Course& c = courses[i];
        const auto group = groups.emplace(c.provider + '\n' + c.text_in("nl").title,
                                          static_cast<std::uint32_t>(groups.size()));
        index.groups.push_back(group.first->second);
        CourseKey key;
        key.first_tag = static_cast<std::uint32_t>(index.tags.size());
        for (const auto& t : per_course[i]) {
            index.tags.push_back(static_cast<std::uint16_t>(tag_table[t]));
        }
        key.tag_count = static_cast<std::uint16_t>(per_course[i].size());
        key.first_start = static_cast<std::uint32_t>(index.start_days.size());
        for (const auto& d : c.start_dates) {
            if (auto day = parse_day(d))
                index.start_days.push_back(*day);
        }
        key.start_count = static_cast<std::uint16_t>(index.start_days.size() - key.first_start);
        key.provider = intern(providers, c.provider);
        key.language = intern(languages, c.language);
        key.entry_rank = static_cast<std::uint8_t>(education_rank(c.entry_level));
        key.dutch = static_cast<std::uint8_t>(c.dutch_level);
        key.mode = static_cast<std::uint8_t>(c.mode);
        key.schedule = c.schedule;
        key.continuous = c.continuous_start ? 1 : 0;
        key.hours = static_cast<float>(c.hours_per_week);
        key.cost = static_cast<float>(c.cost_eur);
        const float nan = std::numeric_limits<float>::quiet_NaN();
        key.lat = c.lat ? static_cast<float>(*c.lat) : nan;
        key.lon = c.lon ? static_cast<float>(*c.lon) : nan;
        index.courses.push_back(key);
        index.course_ids.push_back(c.id);
    }
    index.providers.resize(providers.size());
    for (const auto& [name, id] : providers)
        index.providers[id] = name;
    index.languages.resize(languages.size());
    for (const auto& [name, id] : languages)
        index.languages[id] = name;
    return index;
}

int MatchIndex::tag_index(std::string_view tag) const {
    auto it = std::lower_bound(tag_names.begin(), tag_names.end(), tag);
    if (it == tag_names.end() || *it != tag)
        return -1;
    return static_cast<int>(it - tag_names.begin());
}

std::string MatchIndex::serialize() const {
    std::string out(magic);
    put_array(out, courses);
    put_array(out, tags);
    put_array(out, start_days);
    put_strings(out, tag_names);
    put_strings(out, providers);
    put_strings(out, languages);
    put_strings(out, course_ids);
    put_array(out, groups);
    return out;
}

Result<MatchIndex> MatchIndex::deserialize(std::string_view blob) {
    const bool with_groups = blob.starts_with(magic);
    if (!with_groups && !blob.starts_with(magic_without_groups))
        return Error{"the match index has an unknown format"};
    BlobReader in(blob.substr(magic.size()));
    MatchIndex index;
    index.courses = in.get_array<CourseKey>();
    index.tags = in.get_array<std::uint16_t>();
    index.start_days = in.get_array<std::int32_t>();
    index.tag_names = in.get_strings();
    index.providers = in.get_strings();
    index.languages = in.get_strings();
    index.course_ids = in.get_strings();
    if (with_groups) {
        index.groups = in.get_array<std::uint32_t>();
    } else {
        for (std::uint32_t i = 0; i < index.course_ids.size(); ++i)
            index.groups.push_back(i);
    }
    if (in.failed() || !in.at_end())
        return Error{"the match index is damaged (wrong size)"};
    if (index.course_ids.size() != index.courses.size() ||
        index.groups.size() != index.courses.size()) {
        return Error{"the match index is damaged (course count)"};
    }
    for (auto g : index.groups) {
        if (g >= index.courses.size())
            return Error{"the match index is damaged (group)"};
    }
    for (const auto& key : index.courses) {
        if (std::size_t{key.first_tag} + key.tag_count > index.tags.size() ||
            std::size_t{key.first_start} + key.start_count > index.start_days.size() ||
            key.provider >= index.providers.size() || key.language >= index.languages.size()) {
            return Error{"the match index is damaged (offsets out of range)"};
        }
    }
    for (auto t : index.tags) {
        if (t >= index.tag_names.size())
            return Error{"the match index is damaged (tag)"};
    }
    // The matcher indexes by these values and searches these lists by halves:
    // out-of-range or unsorted data would be undefined behaviour, not a wrong answer.
    for (const auto& key : index.courses) {
        const auto* tags = index.tags.data() + key.first_tag;
        const auto* starts = index.start_days.data() + key.first_start;
        if (key.mode > static_cast<std::uint8_t>(Mode::blended) || key.schedule > 7 ||
            key.dutch > static_cast<std::uint8_t>(DutchLevel::C1) ||
            key.entry_rank > education_rank(Education::wo) || key.continuous > 1 ||
            !std::is_sorted(tags, tags + key.tag_count) ||
            !std::is_sorted(starts, starts + key.start_count) || !std::isfinite(key.hours) ||
            !std::isfinite(key.cost)) {
            return Error{"the match index is damaged (course values out of range)"};
        }
    }
    if (!std::is_sorted(index.tag_names.begin(), index.tag_names.end()) ||
        !std::is_sorted(index.course_ids.begin(), index.course_ids.end())) {
        return Error{"the match index is damaged (not sorted)"};
    }
    return index;
}

}  // namespace kiosk
