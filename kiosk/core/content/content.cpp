#include "kiosk/core/content/content.hpp"

#include <algorithm>
#include <array>

namespace kiosk {
namespace {

constexpr std::array<std::string_view, constraint_kind_count> constraint_names = {
    "education", "dutch", "start", "distance", "schedule", "hours", "cost", "mode", "language"};

template <typename T>
void keep_lowest(std::optional<T>& mine, const std::optional<T>& theirs) {
    if (theirs && (!mine || *theirs < *mine))
        mine = theirs;
}

void keep_common_bits(std::optional<std::uint8_t>& mine,
                      const std::optional<std::uint8_t>& theirs) {
    if (!theirs)
        return;
    mine = mine ? static_cast<std::uint8_t>(*mine & *theirs) : *theirs;
}

}  // namespace

const std::string& text_in(const Texts& texts, const std::string& lang) {
    static const std::string empty;
    if (auto it = texts.find(lang); it != texts.end() && !it->second.empty())
        return it->second;
    if (auto it = texts.find("nl"); it != texts.end())
        return it->second;
    return empty;
}

std::optional<ConstraintKind> parse_constraint_kind(std::string_view text) {
    for (std::size_t i = 0; i < constraint_names.size(); ++i) {
        if (constraint_names[i] == text)
            return static_cast<ConstraintKind>(i);
    }
    return std::nullopt;
}

std::string_view to_string(ConstraintKind kind) {
    return constraint_names[static_cast<std::size_t>(kind)];
}

bool is_relaxable(ConstraintKind kind) {
    return kind != ConstraintKind::education && kind != ConstraintKind::dutch;
}

void Constraints::tighten_with(const Constraints& other) {
    if (other.education &&
        (!education || education_rank(*other.education) < education_rank(*education))) {
        education = other.education;
    }
    keep_lowest(dutch, other.dutch);
    keep_common_bits(schedule, other.schedule);
    keep_common_bits(modes, other.modes);
    keep_lowest(max_hours, other.max_hours);
    keep_lowest(max_distance_km, other.max_distance_km);
    keep_lowest(max_cost, other.max_cost);
    if (other.languages) {
        if (!languages) {
            languages = other.languages;
        } else {
            std::vector<std::string> common;
            for (const auto& l : *languages) {
                if (std::find(other.languages->begin(), other.languages->end(), l) !=
                    other.languages->end()) {
                    common.push_back(l);
                }
            }
            languages = std::move(common);
        }
    }
}

void Constraints::widen_with(const Constraints& other) {
    // Every field: set only when both set it, then the looser of the two.
    const auto widest = [](auto& mine, const auto& theirs, auto looser) {
        if (!mine || !theirs)
            mine.reset();
        else
            mine = looser(*mine, *theirs);
    };
    const auto higher = [](auto a, auto b) { return std::max(a, b); };
    widest(education, other.education,
           [](Education a, Education b) { return education_rank(a) > education_rank(b) ? a : b; });
    widest(dutch, other.dutch, higher);
    widest(schedule, other.schedule,
           [](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(a | b); });
    widest(modes, other.modes,
           [](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(a | b); });
    widest(max_hours, other.max_hours, higher);
    widest(max_distance_km, other.max_distance_km, higher);
    widest(max_cost, other.max_cost, higher);
    widest(languages, other.languages,
           [](std::vector<std::string> a, const std::vector<std::string>& b) {
               for (const auto& l : b) {
                   if (std::find(a.begin(), a.end(), l) == a.end())
                       a.push_back(l);
               }
               return a;
           });
}

const std::vector<std::string>& required_texts() {
    static const std::vector<std::string> keys = {
        "receipt.heading", "receipt.scan_hint", "receipt.dutch_label", "receipt.contact_heading",
        "receipt.free", "receipt.cost", "receipt.blended", "receipt.start",
        "receipt.start_any_time", "receipt.test_title", "receipt.online",
        // The touch screens.
        "screen.start", "screen.attract_title", "screen.attract_hint", "screen.language_title",
        "screen.back", "screen.skip", "screen.progress", "screen.results_title",
        "screen.results_hint", "screen.no_results", "screen.why", "screen.take_away",
        "screen.take_away_title", "screen.scan_list", "screen.scan_course", "screen.print",
        "screen.show_only", "screen.no_receipt", "screen.printing", "screen.printed",
        "screen.print_failed", "screen.printer_fault", "screen.done", "screen.still_there",
        "screen.still_there_hint", "screen.continue", "screen.thanks_title", "screen.thanks_hint",
        "screen.new_visit", "screen.contrast", "screen.larger_text", "screen.dutch_beside",
        "screen.where", "screen.when", "screen.duration", "screen.weeks", "screen.one_week",
        "screen.cost", "screen.level", "screen.provider", "screen.day", "screen.evening",
        "screen.weekend", "screen.read_aloud", "screen.stop_reading", "screen.results_count",
        "screen.also_in", "screen.also_more", "screen.why_not_quite", "screen.next",
        "screen.choose_up_to",
        // Adviser mode.
        "adviser.title", "adviser.pin", "adviser.wrong_pin", "adviser.locked", "adviser.enter",
        "adviser.erase", "adviser.cancel", "adviser.close", "adviser.answers", "adviser.no_answers",
        "adviser.matches", "adviser.health", "adviser.today", "adviser.reprint", "adviser.leave",
        "adviser.language", "adviser.version", "adviser.configuration", "adviser.pack",
        "adviser.courses", "adviser.printer", "adviser.last_fault", "adviser.uptime",
        "adviser.disk", "adviser.speech",
        // The page behind the QR code (kiosk content publish).
        "page.title", "page.intro", "page.privacy", "page.gone_title", "page.gone",
        "page.catalogue_title", "page.catalogue_intro", "page.sector", "page.place", "page.all",
        "page.count", "page.none_found", "page.map", "page.map_app", "page.no_dates", "page.starts",
        "page.who_pays", "page.bring", "page.enrol", "page.enrol_link", "page.course_page",
        "page.call", "page.mail", "page.calendar", "page.course_details", "page.other_language",
        "page.all_courses", "page.sample"};
    return keys;
}

std::string pack_text(const ContentPack& pack, const std::string& key, const std::string& lang,
                      const std::map<std::string, std::string>& values) {
    auto it = pack.texts.find(key);
    return fill_in(it == pack.texts.end() ? key : text_in(it->second, lang), values);
}

std::string fill_in(std::string text, const std::map<std::string, std::string>& values) {
    for (const auto& [name, value] : values) {
        const std::string placeholder = "{" + name + "}";
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size())) {
            text.replace(at, placeholder.size(), value);
        }
    }
    return text;
}

std::string_view to_string(TextDirection direction) {
    return direction == TextDirection::right_to_left ? "rtl" : "ltr";
}

std::optional<TextDirection> parse_text_direction(std::string_view text) {
    if (text == "ltr")
        return TextDirection::left_to_right;
    if (text == "rtl")
        return TextDirection::right_to_left;
    return std::nullopt;
}

bool is_right_to_left(const std::string& language) {
    static const std::array<const char*, 7> rtl = {"ar", "fa", "he", "ur", "ps", "yi", "dv"};
    return std::find_if(rtl.begin(), rtl.end(), [&](auto l) { return language == l; }) != rtl.end();
}

TextDirection PackInfo::direction(const std::string& lang) const {
    auto it = language_directions.find(lang);
    if (it != language_directions.end())
        return it->second;
    return is_right_to_left(lang) ? TextDirection::right_to_left : TextDirection::left_to_right;
}

std::optional<std::pair<int, int>> find_answer(const Questionnaire& questionnaire,
                                               std::string_view answer) {
    const auto equals = answer.find('=');
    if (equals == std::string_view::npos)
        return std::nullopt;
    const int question = questionnaire.question_index(std::string(answer.substr(0, equals)));
    if (question < 0)
        return std::nullopt;
    const int option = questionnaire.questions[static_cast<std::size_t>(question)].option_index(
        std::string(answer.substr(equals + 1)));
    if (option < 0)
        return std::nullopt;
    return std::pair{question, option};
}

int Question::option_index(const std::string& option_id) const {
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (options[i].id == option_id)
            return static_cast<int>(i);
    }
    return -1;
}

int Questionnaire::question_index(const std::string& question_id) const {
    for (std::size_t i = 0; i < questions.size(); ++i) {
        if (questions[i].id == question_id)
            return static_cast<int>(i);
    }
    return -1;
}

}  // namespace kiosk
