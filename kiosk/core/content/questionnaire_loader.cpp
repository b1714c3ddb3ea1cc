#include "kiosk/core/content/questionnaire_loader.hpp"

#include <algorithm>
#include <set>

#include "kiosk/core/base/ids.hpp"
#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/content/pictograms.hpp"
#include "kiosk/core/content/toml_reader.hpp"

namespace kiosk {
namespace {

bool has_term(const std::vector<Term>& terms, std::string_view id) {
    return std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.id == id; });
}

// Why `tag` cannot be a tag, or empty when it can.
std::string check_tag(const ContentPack& pack, std::string_view tag) {
    const auto colon = tag.find(':');
    if (colon == std::string_view::npos) {
        return "'" + std::string(tag) + "' is not namespace:value (e.g. \"sector:care\")";
    }
    const auto ns = tag.substr(0, colon);
    const auto value = tag.substr(colon + 1);
    const auto quoted = "'" + std::string(value) + "'";
    if (ns == "sector") {
        return has_term(pack.sectors, value) ? "" : quoted + " is not a sector of pack.toml";
    }
    if (ns == "target") {
        return has_term(pack.targets, value) ? "" : quoted + " is not a target group of pack.toml";
    }
    if (ns == "funding") {
        return has_term(pack.funding, value) ? "" : quoted + " is not a funding of pack.toml";
    }
    if (ns == "interest") {
        const auto& ids = riasec_ids();
        return std::find(ids.begin(), ids.end(), value) != ids.end()
                   ? ""
                   : quoted +
                         " is not a RIASEC interest (realistic, investigative, artistic, "
                         "social, enterprising, conventional)";
    }
    if (ns == "level")
        return parse_level(value) ? "" : quoted + " is not a level";
    if (ns == "mode")
        return parse_mode(value) ? "" : quoted + " is not onsite, online or blended";
    if (ns == "schedule") {
        return parse_schedule_bit(value) ? "" : quoted + " is not day, evening or weekend";
    }
    if (ns == "language") {
        return is_language_code(value) ? "" : quoted + " is not a two-letter language code";
    }
    if (ns == "topic")
        return is_plain_id(value) ? "" : quoted + " is not a topic id";
    if (ns == "cost")
        return value == "free" ? "" : "the only cost tag is \"cost:free\"";
    if (ns == "entry")
        return parse_education(value) ? "" : quoted + " is not an education";
    if (ns == "hours") {
        return value == "up_to_4" || value == "up_to_8" || value == "up_to_16"
                   ? ""
                   : quoted + " is not up_to_4, up_to_8 or up_to_16";
    }
    return "'" + std::string(ns) +
           "' is not a tag namespace (sector, interest, target, funding, level, entry, mode, "
           "schedule, hours, language, topic, cost)";
}

// Every answer is a button, and every button of the kiosk shows a pictogram
// beside its words, for visitors who read little Dutch or none.
std::string read_pictogram(TomlReader& reader, const toml::table& t, const std::string& field,
                           std::string_view what) {
    const auto name = join_field(field, "pictogram");
    auto id = reader.string(t, "pictogram", field, false);
    if (!id) {
        if (!t.contains("pictogram")) {
            reader.warning(&t, name,
                           "missing: every " + std::string(what) +
                               " shows a pictogram beside its words (content/README.md, "
                               "\"Pictograms\")");
        }
        return {};
    }
    if (!is_pictogram_id(*id)) {
        reader.error(t.get("pictogram"), name,
                     "'" + *id + "' is not a pictogram id (a-z, 0-9, '-')");
    } else if (!is_known_pictogram(*id)) {
        reader.error(
            t.get("pictogram"), name,
            "'" + *id + "' is not a pictogram the kiosk can draw (" + known_pictogram_list() + ")");
    }
    return *id;
}

Constraints read_constraints(TomlReader& reader, const toml::table& t, const std::string& field) {
    Constraints c;
    if (auto v = reader.string(t, "education", field, false)) {
        if (auto e = parse_education(*v)) {
            c.education = e;
        } else {
            reader.error(t.get("education"), join_field(field, "education"),
                         "'" + *v + "' is not an education (none, primary, vmbo, mbo1 ... wo)");
        }
    }
    if (auto v = reader.string(t, "dutch", field, false)) {
        if (auto d = parse_dutch_level(*v)) {
            c.dutch = d;
        } else {
            reader.error(t.get("dutch"), join_field(field, "dutch"),
                         "'" + *v + "' is not a Dutch level (none, A1, A2, B1, B2, C1)");
        }
    }
    if (auto list = reader.strings(t, "schedule", field, false)) {
        std::uint8_t bits = 0;
        for (const auto& s : *list) {
            if (auto bit = parse_schedule_bit(s)) {
                bits |= *bit;
            } else {
                reader.error(t.get("schedule"), join_field(field, "schedule"),
                             "'" + s + "' is not day, evening or weekend");
            }
        }
        c.schedule = bits;
    }
    if (auto list = reader.strings(t, "mode", field, false)) {
        std::uint8_t bits = 0;
        for (const auto& s : *list) {
            if (auto mode = parse_mode(s)) {
                bits |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(*mode));
            } else {
                reader.error(t.get("mode"), join_field(field, "mode"),
                             "'" + s + "' is not onsite, online or blended");
            }
        }
        c.modes = bits;
    }
    auto positive = [&](std::string_view key, bool allow_zero) -> std::optional<double> {
        auto v = reader.number(t, key, field, false);
        if (v && (*v < 0 || (!allow_zero && *v == 0))) {
            reader.error(t.get(key), join_field(field, key),
                         allow_zero ? "must not be negative" : "must be more than 0");
            return std::nullopt;
        }
        return v;
    };
    c.max_hours = positive("max_hours", false);
    c.max_distance_km = positive("max_distance_km", false);
    c.max_cost = positive("max_cost", true);
    c.languages = reader.strings(t, "language", field, false);
    return c;
}

Option read_option(TomlReader& reader, const toml::table& t, const std::string& parent,
                   const ContentPack& pack) {
    const auto& languages = pack.info.languages;
    const auto id = t["id"].value<std::string>();
    const std::string field = parent + "." + (id && !id->empty() ? *id : "?");
    reader.reject_unknown_keys(t, field,
                               {"id", "pictogram", "text", "reason", "reason_if", "weights",
                                "education", "dutch", "schedule", "mode", "max_hours",
                                "max_distance_km", "max_cost", "language", "alone", "rules_out"});
    Option option;
    option.id = reader.string(t, "id", parent, true).value_or("");
    if (!option.id.empty() && !is_plain_id(option.id)) {
        reader.error(t.get("id"), join_field(field, "id"),
                     "'" + option.id + "' must be lower-case letters, digits or '_'");
    }
    if (option.id == skipped_option) {
        reader.error(t.get("id"), join_field(field, "id"),
                     "\"skipped\" is reserved for conditions; choose another id");
    }
    option.pictogram = read_pictogram(reader, t, field, "answer");
    option.alone = reader.boolean(t, "alone", field).value_or(false);
    option.text = reader.texts(t, "text", field, languages, true);
    option.reason = reader.texts(t, "reason", field, languages, false);
    option.reason_if =
        reader.strings(t, "reason_if", field, false).value_or(std::vector<std::string>{});
    for (const std::string& alternative : option.reason_if) {
        for (const std::string& tag : split_list(alternative, '&')) {
            if (auto why = check_tag(pack, tag); !why.empty())
                reader.error(t.get("reason_if"), join_field(field, "reason_if"), why);
        }
    }
    option.rules_out =
        reader.strings(t, "rules_out", field, false).value_or(std::vector<std::string>{});
    for (const std::string& tag : option.rules_out) {
        if (auto why = check_tag(pack, tag); !why.empty())
            reader.error(t.get("rules_out"), join_field(field, "rules_out"), why);
    }
    if (const toml::table* weights = reader.table(t, "weights", field, false)) {
        for (auto&& [tag, value] : *weights) {
            const auto wfield = join_field(field, "weights");
            if (auto why = check_tag(pack, tag.str()); !why.empty()) {
                reader.error(&value, wfield, why);
                continue;
            }
            if (!value.is_number()) {
                reader.error(&value, wfield,
                             "the weight of " + std::string(tag.str()) + " must be a number");
                continue;
            }
            option.weights.push_back({std::string(tag.str()), *value.value<double>()});
        }
    }
    const bool adds = std::any_of(option.weights.begin(), option.weights.end(),
                                  [](const TagWeight& w) { return w.weight > 0; });
    if (adds && option.reason.empty()) {
        reader.warning(&t, join_field(field, "reason"),
                       "missing: results cannot say why this answer made a course fit");
    }
    for (const auto& lang :
         reader.strings(t, "language", field, false).value_or(std::vector<std::string>{})) {
        if (!is_language_code(lang)) {
            reader.error(t.get("language"), join_field(field, "language"),
                         "'" + lang + "' is not a two-letter language code");
        }
    }
    option.constraints = read_constraints(reader, t, field);
    return option;
}

void read_conditions(TomlReader& reader, const toml::table& t, const std::string& field,
                     Question& question, const Questionnaire& earlier) {
    const toml::table* show_if = reader.table(t, "show_if", field, false);
    if (!show_if)
        return;
    const auto cfield = join_field(field, "show_if");
    for (auto&& [key, value] : *show_if) {
        Condition condition;
        condition.question = std::string(key.str());
        const int index = earlier.question_index(condition.question);
        if (index < 0) {
            reader.error(&value, cfield,
                         "'" + condition.question + "' is not a question asked before this one");
            continue;
        }
        const toml::array* options = value.as_array();
        if (!options || options->empty()) {
            reader.error(&value, cfield,
                         "must list option ids, e.g. { " + condition.question + " = [\"...\"] }");
            continue;
        }
        const Question& target = earlier.questions[static_cast<std::size_t>(index)];
        for (const toml::node& option : *options) {
            auto id = option.value<std::string>();
            if (!id) {
                reader.error(&option, cfield, "option ids must be text in double quotes");
                continue;
            }
            if (*id != skipped_option && target.option_index(*id) < 0) {
                reader.error(&option, cfield,
                             "unknown option id '" + *id + "' of question '" + target.id + "'");
                continue;
            }
            condition.options.push_back(*id);
        }
        question.show_if.push_back(std::move(condition));
    }
}

}  // namespace

const std::vector<std::string>& riasec_ids() {
    static const std::vector<std::string> ids = {"realistic", "investigative", "artistic",
                                                 "social",    "enterprising",  "conventional"};
    return ids;
}

void load_questionnaire_toml(std::string_view text, const std::string& file_name, ContentPack& pack,
                             Issues& issues) {
    TomlReader reader(file_name, issues);
    auto root = reader.parse(text);
    if (!root)
        return;
    reader.reject_unknown_keys(*root, "", {"question"});
    const toml::array* questions = (*root)["question"].as_array();
    if (!questions || questions->empty()) {
        issues.error(file_name, 1, "question",
                     "the questionnaire is empty: add [[question]] tables");
        return;
    }
    Questionnaire& q = pack.questionnaire;
    for (const toml::node& node : *questions) {
        const toml::table* t = node.as_table();
        if (!t) {
            reader.error(&node, "question", "must be a [[question]] table");
            continue;
        }
        Question question;
        question.id = reader.string(*t, "id", "question", true).value_or("");
        const std::string field = "question." + (question.id.empty() ? "?" : question.id);
        reader.reject_unknown_keys(
            *t, field, {"id", "pictogram", "text", "help", "show_if", "choose_up_to", "option"});
        if (!question.id.empty() && !is_plain_id(question.id)) {
            reader.error(t->get("id"), field, "id must be lower-case letters, digits or '_'");
        }
        if (q.question_index(question.id) >= 0) {
            reader.error(t->get("id"), field, "question id '" + question.id + "' is used twice");
        }
        question.pictogram = read_pictogram(reader, *t, field, "question");
        question.text = reader.texts(*t, "text", field, pack.info.languages, true);
        question.help = reader.texts(*t, "help", field, pack.info.languages, false);
        read_conditions(reader, *t, field, question, q);
        if (const auto up_to = reader.number(*t, "choose_up_to", field, false)) {
            question.choose_up_to = static_cast<int>(*up_to);
            if (*up_to != question.choose_up_to || question.choose_up_to < 1 ||
                question.choose_up_to > max_choices) {
                reader.error(t->get("choose_up_to"), join_field(field, "choose_up_to"),
                             "must be a whole number from 1 to " + std::to_string(max_choices));
                question.choose_up_to = 1;
            }
        }
        const toml::array* options = (*t)["option"].as_array();
        if (!options || options->empty()) {
            reader.error(t, field, "has no [[question.option]]");
        } else {
            std::set<std::string> ids;
            for (const toml::node& o : *options) {
                const toml::table* ot = o.as_table();
                if (!ot) {
                    reader.error(&o, field, "option must be a [[question.option]] table");
                    continue;
                }
                Option option = read_option(reader, *ot, field + ".option", pack);
                if (!option.id.empty() && !ids.insert(option.id).second) {
                    reader.error(ot->get("id"), field + ".option",
                                 "option id '" + option.id + "' is used twice");
                }
                if (option.alone && question.choose_up_to == 1) {
                    reader.error(ot->get("alone"), field + ".option." + option.id + ".alone",
                                 "only means something on a question with choose_up_to above 1");
                }
                question.options.push_back(std::move(option));
            }
            if (options->size() > max_options) {
                reader.error(t, field,
                             "has " + std::to_string(options->size()) + " options; at most " +
                                 std::to_string(max_options) + " fit on a screen");
            }
        }
        q.questions.push_back(std::move(question));
    }
}

}  // namespace kiosk
