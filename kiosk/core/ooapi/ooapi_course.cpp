#include "kiosk/core/ooapi/ooapi_course.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/content/course.hpp"
#include "kiosk/core/ooapi/ooapi_join.hpp"
#include "kiosk/core/ooapi/ooapi_json.hpp"
#include "kiosk/core/ooapi/ooapi_mapping.hpp"

namespace kiosk::ooapi {

using nlohmann::json;

namespace {

// Hours a week when the catalogue gives no study load: a typical part-time course.
constexpr double default_hours_per_week = 4;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// A number for messages: "15.5", "100000"; "1e+300" when it is too long to write out.
std::string shown(double value) {
    if (const auto text = format_number(value, 2); text && text->size() <= 20)
        return *text;
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc{} ? std::string(buffer.data(), end) : std::string("?");
}

// What went wrong with one course, kept until we know whether the course is used.
class CourseRecord {
  public:
    explicit CourseRecord(const CourseSource& source) : source_(source) {}
    void error(std::string message) { add(std::move(message), Severity::error); }
    void warning(std::string message) { add(std::move(message), Severity::warning); }
    bool usable() const {
        return std::none_of(found_.begin(), found_.end(),
                            [](const Issue& i) { return i.severity == Severity::error; });
    }
    // The field of the first error ("name", "addresses"), the same for every course.
    std::string reason() const {
        for (const Issue& issue : found_) {
            if (issue.severity != Severity::error)
                continue;
            std::string_view message = issue.message;
            if (message.starts_with("offerings[")) {
                message.remove_prefix(std::min(message.size(), message.find("]: ") + 3));
            }
            return std::string(message.substr(0, message.find(':')));
        }
        return "";
    }
    void report(Issues& issues) const {
        for (const Issue& issue : found_) {
            if (issue.severity == Severity::error || usable())
                issues.add(issue);
        }
    }

  private:
    void add(std::string message, Severity severity) {
        found_.push_back({source_.file, source_.line, source_.label, std::move(message), severity});
    }
    const CourseSource& source_;
    std::vector<Issue> found_;
};

// The participant's price of one offering: its "total costs", else its tuition.
std::optional<double> offering_price(const OfferingSource& offering, CourseRecord& record) {
    std::optional<double> total;
    std::optional<double> tuition;
    for (const json& price : array_member(*offering.offering, "priceInformation")) {
        const std::string type = lower(text_member(price, "costType"));
        const bool is_total = type == "total costs";
        if (!is_total && type.find("tuition") == std::string::npos)
            continue;
        const std::string currency = text_member(price, "currency");
        const auto amount = parse_amount(text_member(price, "amount"));
        if (!amount || (!currency.empty() && currency != "EUR")) {
            record.warning(offering.label + ": priceInformation: amount '" +
                           text_member(price, "amount") + "'" +
                           (currency.empty() ? "" : " in " + currency) +
                           " is not a price in EUR; left out");
            continue;
        }
        if (*amount > max_course_cost_eur) {
            record.error(offering.label + ": priceInformation: amount '" +
                         text_member(price, "amount") + "' is more than the " +
                         shown(max_course_cost_eur) + " euros courses.csv accepts in cost_eur");
            continue;
        }
        auto& slot = is_total ? total : tuition;
        slot = std::min(slot.value_or(*amount), *amount);
    }
    return total ? total : tuition;
}

// The first address with coordinates: where the teaching happens before the visiting
// address before any other; the offerings' addresses before the course's.
const json* first_located_address(const std::vector<const json*>& lists) {
    for (const std::string_view wanted : {"teaching", "visit", ""}) {
        for (const json* list : lists) {
            for (const json& address : *list) {
                if (!wanted.empty() && text_member(address, "addressType") != wanted)
                    continue;
                const json* geo = member(address, "geolocation");
                const json* lat = geo != nullptr ? member(*geo, "latitude") : nullptr;
                const json* lon = geo != nullptr ? member(*geo, "longitude") : nullptr;
                if (lat != nullptr && lon != nullptr && lat->is_number() && lon->is_number() &&
                    std::abs(lat->get<double>()) <= 90 && std::abs(lon->get<double>()) <= 180) {
                    return &address;
                }
            }
        }
    }
    return nullptr;
}

using Offerings = std::vector<const json*>;

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
    record.warning("studyLoad: missing or in an unknown unit; hours_per_week set to " +
                   shown(default_hours_per_week));
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

// The cheapest way in: the lowest price of all offerings.
double cost_of(const CourseSource& source, const Offerings& offerings, CourseRecord& record) {
    std::optional<double> cost;
    for (const OfferingSource& offering : source.offerings) {
        if (std::find(offerings.begin(), offerings.end(), offering.offering) == offerings.end()) {
            continue;
        }
        if (const auto price = offering_price(offering, record)) {
            cost = std::min(cost.value_or(*price), *price);
        }
    }
    if (!cost) {
        record.warning("priceInformation: no \"total costs\" in EUR; cost_eur set to 0, check it");
    }
    return cost.value_or(0);
}

// place, postcode, lat and lon from the first address with coordinates.
void place_of(const json& course, const Offerings& offerings, std::optional<Mode> mode,
              CourseRecord& record, std::map<std::string, std::string>& cells) {
    std::vector<const json*> lists;
    for (const json* offering : offerings)
        lists.push_back(&array_member(*offering, "addresses"));
    lists.push_back(&array_member(course, "addresses"));
    const json* address = first_located_address(lists);
    if (address == nullptr) {
        if (mode && *mode != Mode::online) {
            record.error("addresses: none with a geolocation, which a course on location needs");
        }
        return;
    }
    const json& geo = address->at("geolocation");
    cells["place"] = one_line(text_member(*address, "city"));
    // first_located_address checked both to be within +-90 and +-180, so both can be written.
    cells["lat"] = format_number(geo.at("latitude").get<double>(), 6).value_or("");
    cells["lon"] = format_number(geo.at("longitude").get<double>(), 6).value_or("");
    std::string postcode = text_member(*address, "postalCode");
    if (postcode.empty())
        postcode = text_member(*address, "zip");
    cells["postcode"] = dutch_postcode(postcode).value_or("");
    if (!postcode.empty() && cells["postcode"].empty()) {
        record.warning("addresses: '" + postcode + "' is not a Dutch postcode; left out");
    }
}

}  // namespace

std::optional<std::map<std::string, std::string>> convert_course(const CourseSource& source,
                                                                 CatalogueContext& context,
                                                                 Issues& issues) {
    const json& course = *source.course;
    CourseRecord record(source);
    std::map<std::string, std::string> cells;

    // Texts. Dutch is required; other languages may stay empty (the pack falls back).
    for (const std::string& lang : context.languages) {
        cells["title_" + lang] = in_language(member(course, "name"), lang);
        cells["description_" + lang] = in_language(member(course, "description"), lang);
    }
    if (cells["title_nl"].empty())
        record.error("name: no Dutch name");
    if (cells["description_nl"].empty())
        record.error("description: no Dutch description");

    const Offerings offerings = startable_offerings(source, record, cells["start_dates"]);

    const std::string teaching = course_or_offering(course, offerings, "teachingLanguage");
    const auto language = language_code(teaching);
    if (teaching.empty())
        record.error("teachingLanguage: missing");
    else if (!language)
        record.error("teachingLanguage: '" + teaching + "' is not a language we know");

    const std::string level_text = text_member(course, "level");
    const auto level = course_level(level_text);
    if (level_text.empty())
        record.error("level: missing");
    else if (!level && level_text.starts_with("x-")) {
        record.error("level: '" + level_text +
                     "' is an extension value, and courses.csv has no level for it");
    } else if (!level) {
        record.error(
            "level: '" + level_text + "' is not a level we can map (secondary " +
            "vocational education 1-4, associate degree, bachelor, master, undefined, nt2-...)");
    }

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
    cells["level"] = to_string(*level);
    cells["entry_level"] = to_string(entry_level_for(*level));
    cells["dutch_level"] = to_string(dutch_level_for(*level, language == "nl", teaches_language));
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
