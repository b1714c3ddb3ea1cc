#include "kiosk/core/ooapi/ooapi_course.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/content/course.hpp"
#include "kiosk/core/ooapi/ooapi_join.hpp"
#include "kiosk/core/ooapi/ooapi_json.hpp"
#include "kiosk/core/ooapi/ooapi_mapping.hpp"
#include "kiosk/core/ooapi/ooapi_place_cost.hpp"
#include "kiosk/core/ooapi/ooapi_record.hpp"

namespace kiosk::ooapi {

using nlohmann::json;

namespace {

// Hours a week when the catalogue gives no study load: a typical part-time course.
constexpr double default_hours_per_week = 4;

// The offerings people can start, with their start dates ("continuous" when one has a
// flexible entry period: people join any day in it). Later steps use only these.
Offerings startable_offerings(const CourseSource& source, CourseRecord& record,
                              std::string& start_dates) {
    Offerings offerings;
    std::set<std::string> dates;
    bool continuous = false;
    for (const OfferingSource& offering : source.offerings) {
        const auto start = iso_date(text_member(*offering.offering, "startDate"));
        const bool flexible = member(*offering.offering, "flexibleEntryPeriodStart") != nullptr;
        if (!start && !flexible) {
            record.warning(offering.label + ": startDate: missing or not a date; left out");
            continue;
        }
        if (start)
            dates.insert(*start);
        continuous = continuous || flexible;
        offerings.push_back(offering.offering);
    }
    if (source.offerings.empty()) {
        record.warning("offerings: none; start_dates set to continuous (start on request)");
        start_dates = "continuous";
        return offerings;
    }
    if (offerings.empty())
        record.error("offerings: none has a startDate");
    start_dates = continuous ? "continuous" : join_list(std::vector(dates.begin(), dates.end()));
    return offerings;
}

// A value of the course, else of its first offering that has it.
std::string course_or_offering(const json& course, const Offerings& offerings, const char* key) {
    std::string value = text_member(course, key);
    for (const json* offering : offerings) {
        if (value.empty())
            value = text_member(*offering, key);
    }
    return value;
}

// The course's own modeOfDelivery, else what its offerings say together.
std::optional<Mode> mode_of(const json& course, const Offerings& offerings, CourseRecord& record) {
    std::vector<std::string> values = texts_of(member(course, "modeOfDelivery"));
    if (values.empty()) {
        for (const json* offering : offerings) {
            for (auto& value : texts_of(member(*offering, "modeOfDelivery")))
                values.push_back(value);
        }
    }
    // OOAPI lets servers add values of their own, named "x-...": no reason to refuse.
    std::erase_if(values, [&](const std::string& value) {
        if (!value.starts_with("x-"))
            return false;
        record.warning("modeOfDelivery: '" + value + "' is an extension value; left out");
        return true;
    });
    if (values.empty()) {
        record.warning("modeOfDelivery: missing; taken as onsite");
        return Mode::onsite;
    }
    std::optional<Mode> mode;
    for (const std::string& value : values) {
        const auto one = delivery_mode(value);
        if (!one) {
            record.error("modeOfDelivery: '" + value + "' is not a mode we know (online, " +
                         "distance-learning, on campus, situated, hybrid)");
        } else {
            mode = mode ? combine_modes(*mode, *one) : *one;
        }
    }
    return mode;
}

// `weeks` when courses.csv accepts it in duration_weeks (1 to 520), else an error
// about `what` and nullopt.
std::optional<int> accepted_weeks(int weeks, const std::string& what, CourseRecord& record) {
    if (weeks >= 1 && weeks <= max_duration_weeks)
        return weeks;
    record.error(what + " is more than the " + std::to_string(max_duration_weeks) +
                 " weeks courses.csv accepts in duration_weeks");
    return std::nullopt;
}

// The course's duration, else the span of its first offering with an end date.
std::optional<int> weeks_of(const json& course, const Offerings& offerings, CourseRecord& record) {
    if (const auto weeks = duration_weeks(text_member(course, "duration"))) {
        return accepted_weeks(*weeks, "duration: '" + text_member(course, "duration") + "'",
                              record);
    }
    if (member(course, "duration") != nullptr) {
        record.warning("duration: '" + text_member(course, "duration") +
                       "' is not an ISO 8601 duration such as P10W");
    }
    for (const json* offering : offerings) {
        const auto start = iso_date(text_member(*offering, "startDate"));
        const auto end = iso_date(text_member(*offering, "endDate"));
        if (!start || !end || *end < *start)
            continue;
        const int weeks =
            std::max(1, static_cast<int>(std::lround((days_between(*start, *end) + 1) / 7.0)));
        return accepted_weeks(weeks, "offerings: startDate " + *start + " to endDate " + *end,
                              record);
    }
    record.error("duration: missing, and no offering has an endDate");
    return std::nullopt;
}

// The study load spread over the weeks, to the half hour; nullopt (with an error) when
// that is more than courses.csv accepts.
std::optional<double> hours_per_week(const json& course, std::optional<int> weeks,
                                     CourseRecord& record) {
    std::optional<double> total;
    if (const json* load = member(course, "studyLoad")) {
        const json* value = member(*load, "value");
        total = study_load_hours(text_member(*load, "studyLoadUnit"),
                                 value != nullptr && value->is_number() ? value->get<double>() : 0);
    } else if (const json* ects = member(course, "ects"); ects != nullptr && ects->is_number()) {
        total = study_load_hours("ects", ects->get<double>());
    }
    if (total && weeks) {
        const double hours = std::max(0.5, std::round(*total / *weeks * 2) / 2);
        if (hours <= max_hours_per_week)
            return hours;
        record.error("studyLoad: " + shown(*total) + " hours over " + std::to_string(*weeks) +
                     " weeks is " + shown(hours) + " hours a week; courses.csv accepts 0 to " +
                     shown(max_hours_per_week) + " in hours_per_week");
        return std::nullopt;
    }
    const json* load = member(course, "studyLoad");
    const std::string unit = load != nullptr ? text_member(*load, "studyLoadUnit") : "";
    record.warning((unit.empty() ? std::string("studyLoad: missing or in an unknown unit")
                                 : "studyLoad: missing or in an unknown unit ('" + unit + "')") +
                   "; hours_per_week set to " + shown(default_hours_per_week));
    return default_hours_per_week;
}

// OOAPI has no field for the time of day, so "ext": {"schedule": "evening"} (or a list)
// says it outright; else a time named in the Dutch names ("avond", "zaterdag"); else day.
std::uint8_t schedule_of(const json& course, const Offerings& offerings,
                         const std::string& title_nl) {
    std::uint8_t said = 0;
    std::uint8_t named = schedule_in_words(title_nl);
    Offerings objects = offerings;
    objects.push_back(&course);
    for (const json* object : objects) {
        const json* ext = member(*object, "ext");
        for (const auto& word : texts_of(ext != nullptr ? member(*ext, "schedule") : nullptr)) {
            said |= schedule_bit(word);
        }
        if (object != &course)
            named |= schedule_in_words(in_language(member(*object, "name"), "nl", true));
    }
    if (said != 0)
        return said;
    return named != 0 ? named : static_cast<std::uint8_t>(schedule_day);
}

// Titles and descriptions. Dutch is required; other languages may stay empty (the
// pack falls back to Dutch).
void texts_of(const json& course, const std::vector<std::string>& languages, CourseRecord& record,
              std::map<std::string, std::string>& cells) {
    for (const std::string& lang : languages) {
        cells["title_" + lang] = in_language(member(course, "name"), lang);
        cells["description_" + lang] = in_language(member(course, "description"), lang);
    }
    if (cells["title_nl"].empty())
        record.error("name: no Dutch name");
    if (cells["description_nl"].empty())
        record.error("description: no Dutch description");
}

// Our level; `unknown`, with a warning, when the course does not say or says what we
// cannot map (an extension value "x-..." too), so the region can fill it in.
Level level_of(const std::string& level_text, CourseRecord& record) {
    const auto level = course_level(level_text);
    if (level)
        return *level;
    if (level_text.empty()) {
        record.warning("level: missing; set to unknown, fill it in if you know it");
    } else if (level_text.starts_with("x-")) {
        record.warning("level: '" + level_text +
                       "' is an extension value; set to unknown, fill it in if you know it");
    } else {
        record.warning("level: '" + level_text +
                       "' is not a level we can map (secondary vocational education 1-4, "
                       "associate degree, bachelor, master, undefined, nt2-...); set to unknown");
    }
    return Level::unknown;
}

}  // namespace

std::optional<std::map<std::string, std::string>> convert_course(const CourseSource& source,
                                                                 CatalogueContext& context,
                                                                 Issues& issues) {
    const json& course = *source.course;
    CourseRecord record(source);
    std::map<std::string, std::string> cells;

    texts_of(course, context.languages, record, cells);

    const Offerings offerings = startable_offerings(source, record, cells["start_dates"]);

    const std::string teaching = course_or_offering(course, offerings, "teachingLanguage");
    const auto language = language_code(teaching);
    if (teaching.empty())
        record.error("teachingLanguage: missing");
    else if (!language)
        record.error("teachingLanguage: '" + teaching + "' is not a language we know");

    const std::string level_text = text_member(course, "level");
    const auto level = level_of(level_text, record);

    // Sectors from ISCED-F; a course that teaches a language asks no Dutch to start.
    std::vector<std::string> sectors;
    bool teaches_language = is_nt2_level(level_text);
    const auto fields = texts_of(member(course, "fieldsOfStudy"));
    for (const std::string& field : fields) {
        teaches_language = teaches_language || field.starts_with("0231");
        const auto sector = sector_for_field(field);
        if (!sector)
            record.warning("fieldsOfStudy: '" + field + "' has no sector in our table");
        else if (std::find(sectors.begin(), sectors.end(), *sector) == sectors.end()) {
            sectors.emplace_back(*sector);
        }
    }
    if (fields.empty())
        record.warning("fieldsOfStudy: missing; the course gets no sector");

    const auto mode = mode_of(course, offerings, record);
    const auto weeks = weeks_of(course, offerings, record);
    const auto hours = hours_per_week(course, weeks, record);
    const double cost = cost_of(source, offerings, record);
    place_of(course, offerings, mode, record, cells);

    std::string problem;
    const std::string provider = provider_for(course, offerings, context, problem);
    if (provider.empty())
        record.error(problem);
    const std::string link = course_or_offering(course, offerings, "link");
    if (link.empty())
        record.error("link: missing; the kiosk needs the provider's page");
    else if (!link.starts_with("https://")) {
        record.error("link: '" + link + "' does not start with https://");
    }

    if (!record.usable()) {
        ++context.skipped[record.reason()];
        record.report(issues);
        return std::nullopt;
    }

    // The id comes last, so that skipped courses do not take one.
    const json* primary = member(course, "primaryCode");
    std::string code = primary != nullptr && primary->is_object() ? text_member(*primary, "code")
                                                                  : text_of(primary);
    if (code.empty())
        code = text_member(course, "courseId");
    cells["id"] = course_id(code, context.ids);
    if (context.ids.contains(course_id(code, {}))) {
        record.warning("primaryCode: '" + code + "' is used by an earlier course; this one is " +
                       cells["id"]);
    }
    context.ids.insert(cells["id"]);

    cells["provider"] = provider;
    cells["url"] = link;
    cells["level"] = to_string(level);
    cells["entry_level"] = to_string(entry_level_for(level));
    cells["dutch_level"] = to_string(dutch_level_for(level, language == "nl", teaches_language));
    cells["sectors"] = join_list(sectors);
    cells["mode"] = to_string(*mode);
    cells["schedule"] = schedule_to_string(schedule_of(course, offerings, cells["title_nl"]));
    // A usable course has all three within the limits of courses.csv, so all can be written.
    cells["hours_per_week"] = format_number(hours.value(), 1).value();
    cells["duration_weeks"] = std::to_string(weeks.value());
    cells["cost_eur"] = format_number(cost, 2).value();
    cells["language"] = *language;
    record.report(issues);
    return cells;
}

}  // namespace kiosk::ooapi
