#pragma once
// The content pack in memory: what the region says, language by language.
// Loaded from text files (content_loader) or from a compiled pack (catalogue).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/base/bidi_text.hpp"
#include "kiosk/core/content/course.hpp"

namespace kiosk {

// Text per language code; Dutch is always present in a valid pack.
using Texts = std::map<std::string, std::string>;

// `lang` if present, else Dutch, else empty.
const std::string& text_in(const Texts& texts, const std::string& lang);

// A word of one of the pack's word lists (sector, target group, funding).
struct Term {
    std::string id;
    Texts text;
    std::string pictogram;
    // Funding only: the answers ("question=option") for which it pays the whole
    // course, so that the course is free for that visitor, and what the visitor
    // is told then ("Free for you: UWV pays").
    std::vector<std::string> free_for = {};
    Texts paid = {};
};

// The hard constraints; `ConstraintKind` numbers the bits of a course's
// "fails these" mask, and the order of relaxation names them.
enum class ConstraintKind : std::uint8_t {
    education,
    dutch,
    start,
    distance,
    schedule,
    hours,
    cost,
    mode,
    language,
};
inline constexpr int constraint_kind_count = 9;
std::optional<ConstraintKind> parse_constraint_kind(std::string_view text);
std::string_view to_string(ConstraintKind kind);
// Education and Dutch keep visitors from courses they cannot follow.
bool is_relaxable(ConstraintKind kind);

// What one answer, or all answers together, rule out.
struct Constraints {
    std::optional<Education> education;
    std::optional<DutchLevel> dutch;
    std::optional<std::uint8_t> schedule;  // ScheduleBit flags allowed
    std::optional<std::uint8_t> modes;     // bit (1 << Mode) allowed
    std::optional<double> max_hours;
    std::optional<double> max_distance_km;
    std::optional<double> max_cost;
    std::optional<std::vector<std::string>> languages;

    // Combines answers to different questions: lowest value, intersection of sets.
    void tighten_with(const Constraints& other);
    // Combines several answers to one question (choose_up_to): each allows what it
    // allows, so the highest value and the union of sets; a limit one of them does
    // not set is no limit.
    void widen_with(const Constraints& other);
};

struct TagWeight {
    std::string tag;  // "sector:care"
    double weight = 0;
};

struct Option {
    std::string id;
    std::string pictogram;
    Texts text;
    Texts reason;
    std::vector<TagWeight> weights;
    Constraints constraints;
    // The reason is shown only on a course that carries all tags of one of these
    // ("schedule:evening", "topic:reading&mode:onsite"), so that it is true of the
    // course it stands on. Empty: wherever the option added to the score.
    std::vector<std::string> reason_if;
    // Courses with any of these tags are not shown to a visitor who gave this
    // answer ("I read Dutch well": no course for beginners in Dutch), unless
    // their answer to a focus question (matching.focus) weighs the tag up.
    std::vector<std::string> rules_out;
    // On a question with choose_up_to > 1: choosing this one ("I don't know",
    // "any time") clears the others and goes on at once.
    bool alone = false;
};

// Shown only when the answer to `question` is one of `options`
// ("skipped" stands for skipped or not shown).
struct Condition {
    std::string question;
    std::vector<std::string> options;
};

struct Question {
    std::string id;
    std::string pictogram;
    Texts text;
    Texts help;
    std::vector<Condition> show_if;
    std::vector<Option> options;
    int choose_up_to = 1;  // more than 1: the visitor may tick several, then goes on

    int option_index(const std::string& option_id) const;  // -1 if unknown
};

inline constexpr const char* skipped_option = "skipped";
// A visit keeps each question's answers as bits; a screen shows a few dozen at most.
inline constexpr std::size_t max_options = 32;
inline constexpr int max_choices = 4;  // choose_up_to: more is a list, not a choice

struct Questionnaire {
    std::vector<Question> questions;
    int question_index(const std::string& question_id) const;  // -1 if unknown
};

struct AgendaSector {
    std::string sector;
    double weight = 0;
    Texts reason;
};

struct MatchingSettings {
    int results = 5;
    int min_results = 3;
    int max_per_provider = 2;
    int start_within_days = 180;
    std::vector<ConstraintKind> relax;
    std::map<ConstraintKind, Texts> relax_text;
    // A few words on each course that misses a relaxed wish ("If someone helps pay
    // {amount}"); none for a constraint without one.
    std::map<ConstraintKind, Texts> relax_flag;
    Texts fits_text;  // the reason shown when no single answer stood out
    // Questions whose answer says what the visitor is after (their interest, their
    // goal): courses outside it come after those inside it, and the region's agenda
    // lifts only courses inside it.
    std::vector<std::string> focus;
    Texts outside_text;  // on a course shown although it is outside the focus
    Texts broad_text;    // on each course of the broad mix shown when nothing was answered
};

struct Location {
    std::string place;
    double lat = 0;
    double lon = 0;
};

// Which way a language is written (TextDirection, kiosk/core/base/bidi_text):
// the screens and the page behind the QR code lay out right-to-left languages
// mirrored.
std::string_view to_string(TextDirection direction);  // "ltr", "rtl"
std::optional<TextDirection> parse_text_direction(std::string_view text);
// Arabic, Persian, Hebrew, Urdu, Pashto, Yiddish, Dhivehi: the direction a
// pack gets for a language whose [language.xx] does not say.
bool is_right_to_left(const std::string& language);

struct PackInfo {
    std::string id;
    Texts name;
    std::string region;
    std::string version;
    std::string date;  // ISO date
    bool sample_data = false;
    bool level_required = false;                        // courses.csv may not say level = unknown
    std::vector<std::string> languages;                 // "nl" first
    std::map<std::string, std::string> language_names;  // in their own script
    std::map<std::string, TextDirection> language_directions;
    std::string results_url;
    Location location;

    // `[language.xx] direction` of pack.toml, kept in the compiled pack's
    // `language` table; for a language the pack does not list, what
    // is_right_to_left says.
    TextDirection direction(const std::string& lang) const;
};

struct ContentPack {
    PackInfo info;
    std::vector<Term> sectors;
    std::vector<Term> targets;
    std::vector<Term> funding;
    std::vector<AgendaSector> agenda;
    MatchingSettings matching;
    Questionnaire questionnaire;
    std::map<std::string, Texts> texts;  // texts.toml: "receipt.heading" -> per language
};

// The answer "question=option" names, if the questionnaire has it.
std::optional<std::pair<int, int>> find_answer(const Questionnaire& questionnaire,
                                               std::string_view answer);

// The kiosk's own words (texts.toml) that every pack must give in Dutch.
const std::vector<std::string>& required_texts();

// A text of texts.toml in `lang` (Dutch if missing), with each "{name}" replaced.
std::string pack_text(const ContentPack& pack, const std::string& key, const std::string& lang,
                      const std::map<std::string, std::string>& values = {});
// `text` with each "{name}" replaced by its value.
std::string fill_in(std::string text, const std::map<std::string, std::string>& values);

}  // namespace kiosk
