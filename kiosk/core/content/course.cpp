#include "kiosk/core/content/course.hpp"

#include <utility>

namespace kiosk {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<std::string_view, E>, N>& table,
                        std::string_view text) {
    for (const auto& [name, value] : table) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<std::string_view, E>, N>& table, E value) {
    for (const auto& [name, v] : table) {
        if (v == value)
            return name;
    }
    return "?";
}

constexpr std::array<std::pair<std::string_view, Level>, 9> levels{{{"none", Level::none},
                                                                    {"mbo1", Level::mbo1},
                                                                    {"mbo2", Level::mbo2},
                                                                    {"mbo3", Level::mbo3},
                                                                    {"mbo4", Level::mbo4},
                                                                    {"ad", Level::ad},
                                                                    {"hbo", Level::hbo},
                                                                    {"wo", Level::wo},
                                                                    {"unknown", Level::unknown}}};
constexpr std::array<std::pair<std::string_view, Education>, 11> educations{
    {{"none", Education::none},
     {"primary", Education::primary},
     {"vmbo", Education::vmbo},
     {"mbo1", Education::mbo1},
     {"mbo2", Education::mbo2},
     {"mbo3", Education::mbo3},
     {"mbo4", Education::mbo4},
     {"havo", Education::havo},
     {"vwo", Education::vwo},
     {"hbo", Education::hbo},
     {"wo", Education::wo}}};
constexpr std::array<std::pair<std::string_view, DutchLevel>, 6> dutch_levels{
    {{"none", DutchLevel::none},
     {"A1", DutchLevel::A1},
     {"A2", DutchLevel::A2},
     {"B1", DutchLevel::B1},
     {"B2", DutchLevel::B2},
     {"C1", DutchLevel::C1}}};
constexpr std::array<std::pair<std::string_view, Mode>, 3> modes{
    {{"onsite", Mode::onsite}, {"online", Mode::online}, {"blended", Mode::blended}}};
constexpr std::array<std::pair<std::string_view, std::uint8_t>, 3> schedules{
    {{"day", schedule_day}, {"evening", schedule_evening}, {"weekend", schedule_weekend}}};

}  // namespace

std::optional<Level> parse_level(std::string_view text) {
    return lookup(levels, text);
}
std::optional<Education> parse_education(std::string_view text) {
    return lookup(educations, text);
}
std::optional<DutchLevel> parse_dutch_level(std::string_view text) {
    return lookup(dutch_levels, text);
}
std::optional<Mode> parse_mode(std::string_view text) {
    return lookup(modes, text);
}
std::optional<std::uint8_t> parse_schedule_bit(std::string_view text) {
    return lookup(schedules, text);
}

int education_rank(Education e) {
    const int raw = static_cast<int>(e);
    // havo sits at mbo4's rank; everything above it moves down one.
    return raw >= static_cast<int>(Education::havo) ? raw - 1 : raw;
}

std::string_view to_string(Level level) {
    return name_of(levels, level);
}
std::string_view to_string(Education education) {
    return name_of(educations, education);
}
std::string_view to_string(DutchLevel level) {
    return name_of(dutch_levels, level);
}
std::string_view to_string(Mode mode) {
    return name_of(modes, mode);
}

std::string schedule_to_string(std::uint8_t bits) {
    std::string out;
    for (const auto& [name, bit] : schedules) {
        if (bits & bit) {
            if (!out.empty())
                out += ';';
            out += name;
        }
    }
    return out;
}

CourseText Course::text_in(const std::string& lang) const {
    CourseText out;
    const auto dutch = text.find("nl");
    if (auto it = text.find(lang); it != text.end())
        out = it->second;
    if (dutch != text.end()) {
        // Each text falls back on its own: a title may be translated before
        // its description is.
        for (auto field : {&CourseText::title, &CourseText::description, &CourseText::bring}) {
            if ((out.*field).empty())
                out.*field = dutch->second.*field;
        }
    }
    return out;
}

bool Course::has_text(const std::string& lang, std::string CourseText::*field) const {
    auto it = text.find(lang);
    return it != text.end() && !(it->second.*field).empty();
}

}  // namespace kiosk
