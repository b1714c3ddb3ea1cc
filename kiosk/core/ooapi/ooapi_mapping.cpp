#include "kiosk/core/ooapi/ooapi_mapping.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/core/base/ids.hpp"

namespace kiosk::ooapi {

namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// clang-format off
// ISO 639-2/3 codes that OOAPI offerings use ("nld"), for the languages a Dutch
// counter meets, including the regional ones (Frisian, Limburgish).
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> three_letter = {{
    {"nld", "nl"}, {"dut", "nl"}, {"eng", "en"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"},
    {"fre", "fr"}, {"spa", "es"}, {"por", "pt"}, {"ita", "it"}, {"pol", "pl"}, {"tur", "tr"},
    {"ara", "ar"}, {"ukr", "uk"}, {"rus", "ru"}, {"ron", "ro"}, {"rum", "ro"}, {"bul", "bg"},
    {"fas", "fa"}, {"per", "fa"}, {"tir", "ti"}, {"som", "so"}, {"fry", "fy"}, {"lim", "li"},
    {"zho", "zh"}, {"chi", "zh"}, {"hin", "hi"}, {"amh", "am"}, {"prs", "fa"}, {"pus", "ps"},
}};
// clang-format on

// clang-format off
constexpr std::array<std::pair<std::string_view, Level>, 18> levels = {{
    {"secondary vocational education 1", Level::mbo1},
    {"secondary vocational education 2", Level::mbo2},
    {"secondary vocational education 3", Level::mbo3},
    {"secondary vocational education 4", Level::mbo4},
    {"associate degree", Level::ad},
    {"bachelor", Level::hbo},
    {"master", Level::wo},
    {"doctoral", Level::wo},
    {"undivided", Level::wo},  // "ongedeeld": the old single university programmes
    {"undefined", Level::none},
    // Our own words, for catalogues that were edited by hand.
    {"none", Level::none}, {"mbo1", Level::mbo1}, {"mbo2", Level::mbo2}, {"mbo3", Level::mbo3},
    {"mbo4", Level::mbo4}, {"ad", Level::ad}, {"hbo", Level::hbo}, {"wo", Level::wo},
}};

constexpr std::array<std::pair<std::string_view, Mode>, 15> modes = {{
    {"online", Mode::online}, {"distance-learning", Mode::online},
    {"distance learning", Mode::online}, {"afstandsleren", Mode::online},
    {"on campus", Mode::onsite}, {"oncampus", Mode::onsite}, {"on-campus", Mode::onsite},
    {"situated", Mode::onsite}, {"onsite", Mode::onsite}, {"on site", Mode::onsite},
    {"on-site", Mode::onsite}, {"op locatie", Mode::onsite},
    {"hybrid", Mode::blended}, {"hybride", Mode::blended}, {"blended", Mode::blended},
}};

// Most specific codes first: the first prefix that matches wins.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> fields = {{
    {"0713", "installation_energy"},  // electricity and energy
    {"1041", "logistics"},            // transport services
    {"1013", "hospitality"},          // hotel, restaurants and catering
    {"0416", "retail"},               // wholesale and retail sales
    {"0231", "language_basic"},       // language acquisition
    {"041", "office"},                // business and administration
    {"09", "care"},                   // health and welfare
    {"07", "technology"},             // engineering, manufacturing and construction
    {"06", "ict"},                    // information and communication technologies
    {"01", "education"},              // education
    {"08", "green"},                  // agriculture, forestry, fisheries, veterinary
}};

// Words in Dutch and English course names that say when a group meets.
constexpr std::array<std::pair<std::string_view, std::uint8_t>, 10> schedule_words = {{
    {"avond", schedule_evening}, {"evening", schedule_evening},
    {"weekend", schedule_weekend}, {"zaterdag", schedule_weekend}, {"zondag", schedule_weekend},
    {"saturday", schedule_weekend}, {"sunday", schedule_weekend},
    {"overdag", schedule_day}, {"daytime", schedule_day}, {"ochtend", schedule_day},
}};
// clang-format on

}  // namespace

std::optional<std::string> language_code(std::string_view tag) {
    const std::string lower = lower_ascii(trim(tag));
    const std::string primary = lower.substr(0, lower.find_first_of("-_"));
    if (!std::all_of(primary.begin(), primary.end(), is_alpha))
        return std::nullopt;
    if (is_language_code(primary))
        return primary;
    for (const auto& [code, two] : three_letter) {
        if (code == primary)
            return std::string(two);
    }
    return std::nullopt;
}

std::optional<Level> course_level(std::string_view ooapi_level) {
    const std::string lower = lower_ascii(trim(ooapi_level));
    if (is_nt2_level(lower))
        return Level::none;
    for (const auto& [name, level] : levels) {
        if (name == lower)
            return level;
    }
    return std::nullopt;
}

bool is_nt2_level(std::string_view ooapi_level) {
    return lower_ascii(trim(ooapi_level)).starts_with("nt2");
}

Education entry_level_for(Level level) {
    switch (level) {
        case Level::none:
        case Level::mbo1:
        case Level::unknown:
            return Education::none;
        case Level::mbo2:
        case Level::mbo3:
        case Level::mbo4:
            return Education::vmbo;
        case Level::ad:
        case Level::hbo:
            return Education::mbo4;
        case Level::wo:
            return Education::vwo;
    }
    return Education::none;
}

DutchLevel dutch_level_for(Level level, bool taught_in_dutch, bool teaches_language) {
    if (!taught_in_dutch || teaches_language)
        return DutchLevel::none;
    return level == Level::none || level == Level::mbo1 ? DutchLevel::A2 : DutchLevel::B1;
}

std::optional<Mode> delivery_mode(std::string_view value) {
    const std::string lower = lower_ascii(trim(value));
    for (const auto& [name, mode] : modes) {
        if (name == lower)
            return mode;
    }
    return std::nullopt;
}

Mode combine_modes(Mode a, Mode b) {
    return a == b ? a : Mode::blended;
}

std::optional<std::string_view> sector_for_field(std::string_view isced) {
    const std::string_view code = trim(isced);
    if (code.size() < 2 || code.size() > 4 || !std::all_of(code.begin(), code.end(), is_digit)) {
        return std::nullopt;
    }
    for (const auto& [prefix, sector] : fields) {
        if (code.starts_with(prefix))
            return sector;
    }
    return std::nullopt;
}

std::optional<int> duration_weeks(std::string_view iso) {
    std::string_view rest = trim(iso);
    if (rest.size() < 3 || (rest[0] != 'P' && rest[0] != 'p'))
        return std::nullopt;
    rest.remove_prefix(1);
    bool in_time = false;
    double weeks = 0;
    while (!rest.empty()) {
        if (rest[0] == 'T' || rest[0] == 't') {
            in_time = true;
            rest.remove_prefix(1);
            continue;
        }
        std::size_t n = 0;
        while (n < rest.size() && (is_digit(rest[n]) || rest[n] == '.' || rest[n] == ','))
            ++n;
        if (n == 0 || n == rest.size())
            return std::nullopt;
        std::string number(rest.substr(0, n));
        std::replace(number.begin(), number.end(), ',', '.');
        const auto amount = parse_amount(number);
        if (!amount)
            return std::nullopt;
        const char unit = static_cast<char>(rest[n] & ~0x20);  // upper case
        if (!in_time && unit == 'Y')
            weeks += *amount * 52.1775;
        else if (!in_time && unit == 'M')
            weeks += *amount * 4.348125;
        else if (!in_time && unit == 'W')
            weeks += *amount;
        else if (!in_time && unit == 'D')
            weeks += *amount / 7;
        else if (in_time && unit == 'H')
            weeks += *amount / (7 * 24);
        else if (in_time && unit == 'M')
            weeks += *amount / (7 * 24 * 60);
        else if (in_time && unit == 'S')
            weeks += *amount / (7 * 24 * 3600);
        else
            return std::nullopt;
        rest.remove_prefix(n + 1);
    }
    if (!(weeks > 0) || !std::isfinite(weeks))
        return std::nullopt;
    // Capped so that an absurd duration stays absurd instead of overflowing an int.
    return std::max(1, static_cast<int>(std::lround(std::min(weeks, 100000.0))));
}

std::optional<double> study_load_hours(std::string_view unit, double value) {
    if (!(value > 0) || !std::isfinite(value))
        return std::nullopt;
    const std::string lower = lower_ascii(trim(unit));
    if (lower == "hour" || lower == "hours" || lower == "contacttime" || lower == "contact_time" ||
        lower == "sbu") {
        return value;
    }
    // One EC (and one Dutch studiepunt) is 28 hours of study.
    if ((lower == "ects" || lower == "sp") && std::isfinite(value * 28))
        return value * 28;
    return std::nullopt;
}

std::optional<std::string> iso_date(std::string_view text) {
    text = trim(text);
    if (text.size() > 10 && text[10] != 'T' && text[10] != 't' && text[10] != ' ') {
        return std::nullopt;
    }
    const std::string_view date = text.substr(0, 10);
    if (!parse_day(date))
        return std::nullopt;
    return std::string(date);
}

int days_between(std::string_view from, std::string_view to) {
    return *parse_day(to) - *parse_day(from);
}

std::uint8_t schedule_in_words(std::string_view text) {
    const std::string lower = lower_ascii(text);
    std::uint8_t bits = 0;
    for (const auto& [word, bit] : schedule_words) {
        if (lower.find(word) != std::string::npos)
            bits |= bit;
    }
    return bits;
}

std::uint8_t schedule_bit(std::string_view id) {
    return parse_schedule_bit(lower_ascii(trim(id))).value_or(0);
}

std::optional<std::string> dutch_postcode(std::string_view text) {
    std::string compact;
    for (const char c : text) {
        if (c != ' ')
            compact += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    if (compact.size() != 6 || compact[0] == '0' ||
        !std::all_of(compact.begin(), compact.begin() + 4, is_digit) ||
        !std::all_of(compact.begin() + 4, compact.end(), is_alpha)) {
        return std::nullopt;
    }
    return compact.substr(0, 4) + ' ' + compact.substr(4);
}

std::optional<double> parse_amount(std::string_view text) {
    text = trim(text);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() ||
        !std::isfinite(value) || value < 0) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> format_number(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    if (!std::isfinite(rounded))
        return std::nullopt;
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), rounded,
                                         std::chars_format::fixed, decimals);
    if (ec != std::errc{})
        return std::nullopt;  // more digits than the buffer holds: 1e300 has 301
    std::string out(buffer.data(), end);
    if (out.find('.') != std::string::npos) {
        out.erase(out.find_last_not_of('0') + 1);
        if (out.back() == '.')
            out.pop_back();
    }
    return out == "-0" ? "0" : out;
}

std::string short_hash(std::string_view text) {
    std::uint32_t hash = 2166136261u;  // FNV-1a: tiny, and stable across platforms
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    constexpr std::string_view digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::string out(4, '0');
    for (auto& c : out) {
        c = digits[hash % 36];
        hash /= 36;
    }
    return out;
}

std::string course_id(std::string_view code, const std::set<std::string>& taken) {
    std::string clean;
    for (const char c : code) {
        char out = 0;
        if (is_digit(c) || (c >= 'A' && c <= 'Z'))
            out = c;
        else if (c >= 'a' && c <= 'z')
            out = static_cast<char>(c - 'a' + 'A');
        else if (c == '-' || c == '_' || c == '.' || c == '/' || c == ' ')
            out = '-';
        if (out == 0 || (out == '-' && (clean.empty() || clean.back() == '-')))
            continue;
        clean += out;
    }
    while (!clean.empty() && clean.back() == '-')
        clean.pop_back();
    if (is_course_id(clean) && !taken.contains(clean))
        return clean;

    std::string prefix = clean.substr(0, 7);
    while (!prefix.empty() && prefix.back() == '-')
        prefix.pop_back();
    if (prefix.empty())
        prefix = "C";
    for (int attempt = 0;; ++attempt) {
        const std::string salt =
            attempt == 0 ? std::string(code) : std::string(code) + '#' + std::to_string(attempt);
        std::string id = prefix + '-' + short_hash(salt);
        if (!taken.contains(id))
            return id;
    }
}

}  // namespace kiosk::ooapi
