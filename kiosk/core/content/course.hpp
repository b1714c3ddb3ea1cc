#pragma once
// A course as the catalogue describes it, and the enumerations that matching
// reasons about. Texts are per language; everything else is language-free.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// Qualification level of the course itself (NLQF order). `unknown` comes from an
// import whose source did not say; a pack may refuse it (pack.level_required).
enum class Level : std::uint8_t { none, mbo1, mbo2, mbo3, mbo4, ad, hbo, wo, unknown };
// Education a visitor completed, or a course needs to start. mbo4 and havo give
// the same entry (to hbo), so they share a rank.
enum class Education : std::uint8_t {
    none,
    primary,
    vmbo,
    mbo1,
    mbo2,
    mbo3,
    mbo4,
    havo,
    vwo,
    hbo,
    wo
};
enum class DutchLevel : std::uint8_t { none, A1, A2, B1, B2, C1 };
enum class Mode : std::uint8_t { onsite, online, blended };
// Bit flags: a course may run at several times.
enum ScheduleBit : std::uint8_t { schedule_day = 1, schedule_evening = 2, schedule_weekend = 4 };

std::optional<Level> parse_level(std::string_view text);
std::optional<Education> parse_education(std::string_view text);
std::optional<DutchLevel> parse_dutch_level(std::string_view text);
std::optional<Mode> parse_mode(std::string_view text);
std::optional<std::uint8_t> parse_schedule_bit(std::string_view text);
int education_rank(Education e);  // mbo4 and havo rank equal

std::string_view to_string(Level level);
std::string_view to_string(Education education);
std::string_view to_string(DutchLevel level);
std::string_view to_string(Mode mode);
std::string schedule_to_string(std::uint8_t bits);  // "day;evening"

// The texts of a course in one language.
struct CourseText {
    std::string title;
    std::string description;
    std::string bring;  // what to bring to the first lesson; may be empty
};

struct Course {
    std::string id;
    std::map<std::string, CourseText> text;  // by language code
    std::string provider;
    std::string url;
    Level level = Level::none;
    Education entry_level = Education::none;
    DutchLevel dutch_level = DutchLevel::none;
    std::vector<std::string> sectors;
    std::vector<std::string> interests;
    std::vector<std::string> topics;
    std::vector<std::string> skills;
    std::vector<std::string> target_groups;
    Mode mode = Mode::onsite;
    std::uint8_t schedule = 0;
    double hours_per_week = 0;
    int duration_weeks = 0;
    double cost_eur = 0;
    std::vector<std::string> funding;
    std::string place;
    std::string postcode;
    std::optional<double> lat;
    std::optional<double> lon;
    std::string language;
    bool continuous_start = false;
    std::vector<std::string> start_dates;  // ISO dates, sorted
    std::string contact;
    // How to enrol and where to go, for the page behind the QR code; all optional.
    std::string address;    // street and number, e.g. "Bongerd 19"
    std::string enrol_url;  // https:// page to sign up, when not the course's `url`
    std::string phone;
    std::string email;

    // The texts in `lang`, each one missing there in Dutch.
    CourseText text_in(const std::string& lang) const;
    // True when `field` is given in `lang` (false: it shows in Dutch).
    bool has_text(const std::string& lang, std::string CourseText::*field) const;
};

// What courses.csv accepts: anything outside is a mistake in the catalogue.
inline constexpr double max_hours_per_week = 60;
inline constexpr int max_duration_weeks = 520;
inline constexpr double max_course_cost_eur = 100000;

// The columns of courses.csv that do not depend on the pack's languages.
// Per-language columns are "title_<lang>", "description_<lang>" and "bring_<lang>".
inline constexpr std::array<std::string_view, 28> course_columns = {"id",
                                                                    "provider",
                                                                    "url",
                                                                    "level",
                                                                    "entry_level",
                                                                    "dutch_level",
                                                                    "sectors",
                                                                    "interests",
                                                                    "topics",
                                                                    "skills",
                                                                    "target_groups",
                                                                    "mode",
                                                                    "schedule",
                                                                    "hours_per_week",
                                                                    "duration_weeks",
                                                                    "cost_eur",
                                                                    "funding",
                                                                    "place",
                                                                    "postcode",
                                                                    "lat",
                                                                    "lon",
                                                                    "language",
                                                                    "start_dates",
                                                                    "contact",
                                                                    "address",
                                                                    "enrol_url",
                                                                    "phone",
                                                                    "email"};

}  // namespace kiosk
