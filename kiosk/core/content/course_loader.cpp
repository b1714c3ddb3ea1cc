#include "kiosk/core/content/course_loader.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/core/base/ids.hpp"
#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/content/contact_fields.hpp"
#include "kiosk/core/content/plain_language.hpp"
#include "kiosk/core/content/questionnaire_loader.hpp"
#include "kiosk/core/content/toml_reader.hpp"
#include "kiosk/core/io/csv.hpp"

namespace kiosk {
namespace {

std::optional<double> parse_number(std::string_view text) {
    std::string s(text);
    // Dutch spreadsheets write 2,5 for two and a half.
    std::replace(s.begin(), s.end(), ',', '.');
    double value = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || p != s.data() + s.size() || s.empty() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// Reads one row; problems go to `issues` under the row's line.
class RowReader {
  public:
    RowReader(const std::map<std::string, std::size_t>& columns, const CsvRecord& record,
              const std::string& file, Issues& issues)
        : columns_(columns), record_(record), file_(file), issues_(issues) {}

    std::string_view get(std::string_view column) const {
        auto it = columns_.find(std::string(column));
        if (it == columns_.end())
            return {};
        return record_.fields[it->second];
    }
    std::string_view required(std::string_view column) {
        auto value = get(column);
        if (value.empty())
            error(column, "missing");
        return value;
    }
    void error(std::string_view column, std::string message) {
        issues_.error(file_, record_.line, std::string(column), std::move(message));
    }
    void warning(std::string_view column, std::string message) {
        issues_.warning(file_, record_.line, std::string(column), std::move(message));
    }
    template <typename T, typename Parse>
    T parsed(std::string_view column, Parse parse, std::string_view allowed, T fallback) {
        auto text = required(column);
        if (text.empty())
            return fallback;
        if (auto v = parse(text))
            return *v;
        error(column,
              "'" + std::string(text) + "' is not in the list (" + std::string(allowed) + ")");
        return fallback;
    }
    std::optional<double> number(std::string_view column, bool required_field) {
        auto text = required_field ? required(column) : get(column);
        if (text.empty())
            return std::nullopt;
        auto v = parse_number(text);
        if (!v)
            error(column, "'" + std::string(text) + "' is not a number");
        return v;
    }
    std::vector<std::string> terms(std::string_view column, const std::vector<Term>& known) {
        auto items = split_list(get(column));
        for (const auto& item : items) {
            if (std::none_of(known.begin(), known.end(),
                             [&](const Term& t) { return t.id == item; })) {
                error(column, "'" + item + "' is not listed in pack.toml");
            }
        }
        return items;
    }
    int line() const { return record_.line; }

  private:
    const std::map<std::string, std::size_t>& columns_;
    const CsvRecord& record_;
    const std::string& file_;
    Issues& issues_;
};

// The id and the title and description in each of the pack's languages.
void read_id_and_texts(RowReader& row, const ContentPack& pack, Course& c) {
    c.id = std::string(row.required("id"));
    if (!c.id.empty() && !is_course_id(c.id)) {
        row.error("id", "'" + c.id + "' must be 1-12 characters A-Z, 0-9 or '-'");
    }
    for (const auto& lang : pack.info.languages) {
        CourseText text{std::string(row.get("title_" + lang)),
                        std::string(row.get("description_" + lang)),
                        std::string(row.get("bring_" + lang))};
        if (lang == "nl") {
            if (text.title.empty())
                row.error("title_nl", "missing Dutch title");
            if (text.description.empty())
                row.error("description_nl", "missing Dutch description");
        }
        // Other languages may come from po/<lang>.po; `content validate`
        // counts what is missing per language once all are read.
        if (lang == "nl" || lang == "en") {
            const std::pair<const char*, const std::string*> fields[] = {
                {"title_", &text.title},
                {"description_", &text.description},
                {"bring_", &text.bring}};
            for (const auto& [column, value] : fields) {
                for (int words : long_sentences(*value))
                    row.warning(column + lang, long_sentence_message(words));
            }
        }
        if (!text.title.empty() || !text.description.empty() || !text.bring.empty())
            c.text[lang] = std::move(text);
    }
}

// Who gives the course, at what level, for whom, how and when in the week.
void read_kind(RowReader& row, const PackInfo& pack, Course& c) {
    c.provider = std::string(row.required("provider"));
    c.url = std::string(row.required("url"));
    if (!c.url.empty() && !is_http_url(c.url)) {
        row.error("url", "'" + c.url + "' is not a web address starting with https://");
    }
    c.level = row.parsed("level", parse_level, "none, mbo1, mbo2, mbo3, mbo4, ad, hbo, wo, unknown",
                         Level::none);
    if (c.level == Level::unknown && pack.level_required) {
        row.error("level", "'unknown' is not allowed: pack.toml sets level_required = true");
    }
    c.entry_level = row.parsed("entry_level", parse_education,
                               "none, primary, vmbo, mbo1, mbo2, mbo3, mbo4, havo, vwo, hbo, wo",
                               Education::none);
    c.dutch_level =
        row.parsed("dutch_level", parse_dutch_level, "none, A1, A2, B1, B2, C1", DutchLevel::none);
    c.mode = row.parsed("mode", parse_mode, "onsite, online, blended", Mode::onsite);
    for (const auto& s : split_list(row.required("schedule"))) {
        if (auto bit = parse_schedule_bit(s)) {
            c.schedule |= *bit;
        } else {
            row.error("schedule", "'" + s + "' is not day, evening or weekend");
        }
    }
}

// What the matcher looks at beyond the kind: sectors, groups, funding,
// interests, topics and skills, each checked against its list.
void read_tags(RowReader& row, const ContentPack& pack, Course& c) {
    c.sectors = row.terms("sectors", pack.sectors);
    c.target_groups = row.terms("target_groups", pack.targets);
    c.funding = row.terms("funding", pack.funding);
    c.interests = split_list(row.get("interests"));
    for (const auto& i : c.interests) {
        const auto& ids = riasec_ids();
        if (std::find(ids.begin(), ids.end(), i) == ids.end()) {
            row.error("interests", "'" + i + "' is not a RIASEC interest");
        }
    }
    c.topics = split_list(row.get("topics"));
    for (const auto& t : c.topics) {
        if (!is_plain_id(t))
            row.error("topics", "'" + t + "' is not a topic id (a-z, 0-9, _)");
    }
    c.skills = split_list(row.get("skills"));
    for (const auto& s : c.skills) {
        if (!s.starts_with("http://data.europa.eu/esco/")) {
            row.error("skills", "'" + s + "' is not an ESCO URI (http://data.europa.eu/esco/...)");
        }
    }
}

void read_hours_and_cost(RowReader& row, Course& c) {
    c.hours_per_week = row.number("hours_per_week", true).value_or(0);
    if (c.hours_per_week < 0 || c.hours_per_week > max_hours_per_week) {
        row.error("hours_per_week", "must be between 0 and 60");
    }
    auto weeks = row.number("duration_weeks", true);
    if (weeks && (*weeks < 1 || *weeks > max_duration_weeks || *weeks != std::floor(*weeks))) {
        row.error("duration_weeks", "must be a whole number of weeks from 1 to 520");
    }
    c.duration_weeks =
        weeks && *weeks >= 1 && *weeks <= max_duration_weeks ? static_cast<int>(*weeks) : 0;
    c.cost_eur = row.number("cost_eur", true).value_or(0);
    if (c.cost_eur < 0 || c.cost_eur > max_course_cost_eur)
        row.error("cost_eur", "must be between 0 and 100000 euros");
}

// Where it is given: a place with coordinates, unless it is online.
void read_place(RowReader& row, Course& c) {
    c.place = std::string(row.get("place"));
    c.postcode = std::string(row.get("postcode"));
    c.lat = row.number("lat", false);
    c.lon = row.number("lon", false);
    if (c.mode != Mode::online) {
        if (c.place.empty())
            row.error("place", "missing for a course that is not online");
        if (!c.lat || !c.lon)
            row.error("lat", "lat and lon are needed for a course that is not online");
    }
    if ((c.lat && std::abs(*c.lat) > 90) || (c.lon && std::abs(*c.lon) > 180)) {
        row.error("lat", "lat must be within ±90 and lon within ±180");
    }
}

void read_language_and_starts(RowReader& row, Course& c) {
    c.language = std::string(row.required("language"));
    if (!c.language.empty() && !is_language_code(c.language)) {
        row.error("language", "'" + c.language + "' is not a two-letter language code");
    }
    const auto starts = split_list(row.required("start_dates"));
    for (const auto& s : starts) {
        if (s == "continuous") {
            c.continuous_start = true;
        } else if (parse_day(s)) {
            c.start_dates.push_back(s);
        } else {
            row.error("start_dates", "'" + s + "' is not a date like 2027-01-15 or 'continuous'");
        }
    }
    std::sort(c.start_dates.begin(), c.start_dates.end());
    c.start_dates.erase(std::unique(c.start_dates.begin(), c.start_dates.end()),
                        c.start_dates.end());
}

// How to enrol and the street address: optional, but each must be usable as
// the link the page behind the QR code makes of it.
void read_enrolment(RowReader& row, Course& c) {
    c.contact = std::string(row.get("contact"));
    c.address = std::string(row.get("address"));
    c.enrol_url = std::string(row.get("enrol_url"));
    if (!c.enrol_url.empty() && !c.enrol_url.starts_with("https://")) {
        row.error("enrol_url", "'" + c.enrol_url + "' is not a web address starting with https://");
    } else if (!c.enrol_url.empty() && !is_http_url(c.enrol_url)) {
        row.error("enrol_url", "'" + c.enrol_url + "' is not a well-formed web address");
    }
    c.phone = std::string(row.get("phone"));
    if (!c.phone.empty() && !is_phone_number(c.phone)) {
        row.error("phone", "'" + c.phone +
                               "' is not a phone number (6-15 digits, spaces, '-', a leading '+')");
    }
    c.email = std::string(row.get("email"));
    if (!c.email.empty() && !is_email_address(c.email))
        row.error("email", "'" + c.email + "' is not an e-mail address");
}

Course read_course(RowReader& row, const ContentPack& pack) {
    Course c;
    read_id_and_texts(row, pack, c);
    read_kind(row, pack.info, c);
    read_tags(row, pack, c);
    read_hours_and_cost(row, c);
    read_place(row, c);
    read_language_and_starts(row, c);
    read_enrolment(row, c);
    return c;
}

}  // namespace

std::vector<Course> load_courses_csv(std::string_view text, const std::string& file_name,
                                     const ContentPack& pack, Issues& issues) {
    std::vector<Course> courses;
    CsvTable table = parse_csv(text, file_name, issues);
    if (table.header.empty())
        return courses;

    std::set<std::string> known(course_columns.begin(), course_columns.end());
    for (const auto& lang : pack.info.languages) {
        known.insert("title_" + lang);
        known.insert("description_" + lang);
        known.insert("bring_" + lang);
    }
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const auto& name = table.header[i];
        if (!known.contains(name)) {
            issues.error(file_name, 1, name, "unknown column");
        } else if (!columns.emplace(name, i).second) {
            issues.error(file_name, 1, name, "column appears twice");
        }
    }
    for (std::string_view required :
         {"id", "title_nl", "description_nl", "provider", "url", "level", "entry_level",
          "dutch_level", "mode", "schedule", "hours_per_week", "duration_weeks", "cost_eur",
          "language", "start_dates"}) {
        if (!columns.contains(std::string(required))) {
            issues.error(file_name, 1, std::string(required), "required column is missing");
        }
    }
    if (table.records.empty()) {
        issues.error(file_name, 1, "", "the catalogue has no courses");
    }

    std::map<std::string, int> first_line_of;
    for (const auto& record : table.records) {
        RowReader row(columns, record, file_name, issues);
        Course course = read_course(row, pack);
        if (!course.id.empty()) {
            auto [it, fresh] = first_line_of.emplace(course.id, record.line);
            if (!fresh) {
                row.error("id", "duplicate course id '" + course.id + "' (first on line " +
                                    std::to_string(it->second) + ")");
                continue;
            }
        }
        courses.push_back(std::move(course));
    }
    std::sort(courses.begin(), courses.end(),
              [](const Course& a, const Course& b) { return a.id < b.id; });
    return courses;
}

}  // namespace kiosk
