#include "kiosk/core/publish/site_data.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

namespace kiosk {
namespace {

using nlohmann::json;

// Words of texts.toml the page uses besides its own `page.*`: the kiosk
// already says these on screen and on paper, so the page says them alike.
constexpr std::array<std::string_view, 15> shared_words = {
    "receipt.dutch_label",    "receipt.free", "receipt.cost", "receipt.start",   "receipt.online",
    "receipt.start_any_time", "screen.where", "screen.when",  "screen.duration", "screen.weeks",
    "screen.one_week",        "screen.cost",  "screen.day",   "screen.evening",  "screen.weekend"};

json words(const ContentPack& pack, const std::string& language) {
    json out = json::object();
    for (const auto& [key, texts] : pack.texts) {
        if (key.starts_with("page.") ||
            std::find(shared_words.begin(), shared_words.end(), key) != shared_words.end())
            out[key] = text_in(texts, language);
    }
    return out;
}

// A word list in the pack's order, as [id, text] pairs.
json terms(const std::vector<Term>& list, const std::string& language) {
    json out = json::array();
    for (const auto& term : list)
        out.push_back({term.id, text_in(term.text, language)});
    return out;
}

void put_if(json& object, const char* key, const std::string& value) {
    if (!value.empty())
        object[key] = value;
}

json course_json(const Course& c, const std::string& language) {
    const CourseText& text = c.text_in(language);
    json out = {{"id", c.id},
                {"title", text.title},
                {"description", text.description},
                {"provider", c.provider},
                {"url", c.url},
                {"mode", std::string(to_string(c.mode))},
                {"hours", c.hours_per_week},
                {"weeks", c.duration_weeks},
                {"cost", c.cost_eur},
                {"funding", c.funding},
                {"sectors", c.sectors},
                {"starts", c.start_dates},
                {"language", c.language}};
    // The page marks a text that fell back to Dutch with lang="nl", so a
    // screen reader pronounces it as Dutch; each text falls back on its own.
    // `text_lang` is the title's, and the others' unless they say otherwise.
    if (language != "nl") {
        const bool title_dutch = !c.has_text(language, &CourseText::title);
        if (title_dutch)
            out["text_lang"] = "nl";
        const bool description_dutch = !c.has_text(language, &CourseText::description);
        if (description_dutch != title_dutch)
            out["description_lang"] = description_dutch ? "nl" : language;
        const bool bring_dutch = !c.has_text(language, &CourseText::bring);
        if (!text.bring.empty() && bring_dutch != title_dutch)
            out["bring_lang"] = bring_dutch ? "nl" : language;
    }
    json schedule = json::array();
    for (const auto& [bit, name] :
         {std::pair{schedule_day, "day"}, std::pair{schedule_evening, "evening"},
          std::pair{schedule_weekend, "weekend"}}) {
        if ((c.schedule & bit) != 0)
            schedule.push_back(name);
    }
    out["schedule"] = schedule;
    if (c.continuous_start)
        out["any_time"] = true;
    const std::string& dutch_title = c.text_in("nl").title;
    if (language != "nl" && dutch_title != text.title)
        out["title_nl"] = dutch_title;
    put_if(out, "bring", text.bring);
    put_if(out, "place", c.mode == Mode::online ? std::string() : c.place);
    put_if(out, "postcode", c.postcode);
    put_if(out, "address", c.address);
    put_if(out, "enrol_url", c.enrol_url);
    put_if(out, "phone", c.phone);
    put_if(out, "email", c.email);
    // `contact` predates phone and e-mail; the page shows it only when it
    // says something they do not.
    if (c.contact != c.phone && c.contact != c.email)
        put_if(out, "contact", c.contact);
    if (c.lat && c.lon && c.mode != Mode::online) {
        out["lat"] = *c.lat;
        out["lon"] = *c.lon;
    }
    return out;
}

}  // namespace

std::string site_data_script(const ContentPack& pack, const std::vector<Course>& courses,
                             const std::string& language) {
    json languages = json::array();
    for (const auto& code : pack.info.languages) {
        auto name = pack.info.language_names.find(code);
        languages.push_back({code, name == pack.info.language_names.end() ? code : name->second});
    }
    json course_list = json::array();
    for (const auto& course : courses)
        course_list.push_back(course_json(course, language));
    const json site = {{"language", language},
                       {"dir", std::string(to_string(pack.info.direction(language)))},
                       {"pack",
                        {{"id", pack.info.id},
                         {"name", text_in(pack.info.name, language)},
                         {"region", pack.info.region},
                         {"version", pack.info.version},
                         {"sample", pack.info.sample_data},
                         {"languages", languages}}},
                       {"words", words(pack, language)},
                       {"sectors", terms(pack.sectors, language)},
                       {"funding", terms(pack.funding, language)},
                       {"courses", course_list}};
    std::string out = "window.KIOSK_SITE = ";
    out += site.dump(-1, ' ', false, json::error_handler_t::replace);
    out += ";\n";
    return out;
}

}  // namespace kiosk
