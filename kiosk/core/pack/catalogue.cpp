#include "kiosk/core/pack/catalogue.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/io/sqlite.hpp"
#include "kiosk/core/pack/schema.hpp"

namespace kiosk {
namespace {

double to_double(const std::string& text) {
    double v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

// Reads the pack's tables back into a ContentPack. A query that fails leaves
// `error` set; the caller reports it once.
class PackReader {
  public:
    explicit PackReader(sqlite::Database& db) : db_(db) {}

    template <typename Row>
    void each(std::string_view sql, Row row) {
        if (!error.empty())
            return;
        auto stmt = db_.prepare(sql);
        if (!stmt) {
            error = stmt.error();
            return;
        }
        int rc;
        while ((rc = stmt->step()) == SQLITE_ROW)
            row(*stmt);
        if (rc != SQLITE_DONE)
            error = db_.last_error();
    }

    void load_texts() {
        each("SELECT key, lang, value FROM text",
             [&](sqlite::Statement& s) { texts_[s.text(0)][s.text(1)] = s.text(2); });
    }
    // Every text whose key starts with `prefix`, keyed without it.
    std::map<std::string, Texts> texts_under(const std::string& prefix) const {
        std::map<std::string, Texts> out;
        for (auto it = texts_.lower_bound(prefix);
             it != texts_.end() && it->first.starts_with(prefix); ++it) {
            out.emplace(it->first.substr(prefix.size()), it->second);
        }
        return out;
    }
    Texts texts(const std::string& key) const {
        auto it = texts_.find(key);
        return it == texts_.end() ? Texts{} : it->second;
    }

    std::string error;

  private:
    sqlite::Database& db_;
    std::map<std::string, Texts> texts_;
};

void apply_constraint(Constraints& c, const std::string& kind, const std::string& value) {
    if (kind == "education")
        c.education = parse_education(value);
    if (kind == "dutch")
        c.dutch = parse_dutch_level(value);
    if (kind == "schedule") {
        std::uint8_t bits = 0;
        for (const auto& s : split_list(value))
            bits |= parse_schedule_bit(s).value_or(0);
        c.schedule = bits;
    }
    if (kind == "mode") {
        std::uint8_t bits = 0;
        for (const auto& m : split_list(value)) {
            if (auto mode = parse_mode(m))
                bits |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(*mode));
        }
        c.modes = bits;
    }
    if (kind == "max_hours")
        c.max_hours = to_double(value);
    if (kind == "max_distance_km")
        c.max_distance_km = to_double(value);
    if (kind == "max_cost")
        c.max_cost = to_double(value);
    if (kind == "language")
        c.languages = split_list(value);
}

// The pack's identity, its matching settings and its languages.
void read_info(PackReader& r, ContentPack& pack) {
    std::map<std::string, std::string> meta;
    r.each("SELECT key, value FROM meta",
           [&](sqlite::Statement& s) { meta[s.text(0)] = s.text(1); });
    PackInfo& info = pack.info;
    info.id = meta["id"];
    info.name = r.texts("pack.name");
    info.region = meta["region"];
    info.version = meta["version"];
    info.date = meta["date"];
    info.sample_data = meta["sample_data"] == "1";
    info.results_url = meta["results_url"];
    info.location = {meta["location.place"], to_double(meta["location.lat"]),
                     to_double(meta["location.lon"])};
    pack.matching.results = static_cast<int>(to_double(meta["matching.results"]));
    pack.matching.min_results = static_cast<int>(to_double(meta["matching.min_results"]));
    pack.matching.max_per_provider = static_cast<int>(to_double(meta["matching.max_per_provider"]));
    pack.matching.start_within_days =
        static_cast<int>(to_double(meta["matching.start_within_days"]));
    pack.matching.fits_text = r.texts("matching.fits_reason");
    pack.matching.focus = split_list(meta["matching.focus"]);
    pack.matching.outside_text = r.texts("matching.outside_reason");
    pack.matching.broad_text = r.texts("matching.broad_reason");
    pack.texts = r.texts_under("ui.");
    r.each("SELECT code, name, direction FROM language ORDER BY position",
           [&](sqlite::Statement& s) {
               info.languages.push_back(s.text(0));
               info.language_names[s.text(0)] = s.text(1);
               info.language_directions[s.text(0)] =
                   parse_text_direction(s.text(2)).value_or(TextDirection::left_to_right);
           });
}

// The word lists, the region's agenda and the order in which wishes relax.
void read_terms(PackReader& r, ContentPack& pack) {
    r.each("SELECT kind, id, pictogram FROM term ORDER BY kind, position",
           [&](sqlite::Statement& s) {
               const auto kind = s.text(0);
               Term term{s.text(1), r.texts(kind + "." + s.text(1)), s.text(2)};
               if (kind == "funding")
                   term.paid = r.texts("funding_paid." + term.id);
               (kind == "sector"   ? pack.sectors
                : kind == "target" ? pack.targets
                                   : pack.funding)
                   .push_back(std::move(term));
           });
    r.each("SELECT key, value FROM meta WHERE key LIKE 'funding.%.free_for'",
           [&](sqlite::Statement& s) {
               const std::string key = s.text(0);
               const std::string id = key.substr(8, key.size() - 8 - 9);  // funding.ID.free_for
               for (Term& term : pack.funding) {
                   if (term.id == id)
                       term.free_for = split_list(s.text(1), ';');
               }
           });
    r.each("SELECT sector, weight FROM agenda ORDER BY sector", [&](sqlite::Statement& s) {
        pack.agenda.push_back({s.text(0), s.real(1), r.texts("agenda." + s.text(0))});
    });
    r.each("SELECT constraint_kind FROM relax ORDER BY position", [&](sqlite::Statement& s) {
        if (auto kind = parse_constraint_kind(s.text(0))) {
            pack.matching.relax.push_back(*kind);
            pack.matching.relax_text[*kind] = r.texts("relax." + s.text(0));
            if (Texts flag = r.texts("relax_flag." + s.text(0)); !flag.empty())
                pack.matching.relax_flag[*kind] = std::move(flag);
        }
    });
}

Question* question_of(Questionnaire& q, const std::string& id) {
    const int i = q.question_index(id);
    return i < 0 ? nullptr : &q.questions[static_cast<std::size_t>(i)];
}

Option* option_of(Questionnaire& q, const std::string& qid, const std::string& oid) {
    Question* question = question_of(q, qid);
    const int i = question ? question->option_index(oid) : -1;
    return i < 0 ? nullptr : &question->options[static_cast<std::size_t>(i)];
}

void read_questions(PackReader& r, Questionnaire& q) {
    r.each("SELECT id, pictogram, choose_up_to FROM question ORDER BY position",
           [&](sqlite::Statement& s) {
               Question question;
               question.id = s.text(0);
               question.pictogram = s.text(1);
               question.choose_up_to = static_cast<int>(s.integer(2));
               question.text = r.texts("question." + question.id);
               question.help = r.texts("question." + question.id + ".help");
               q.questions.push_back(std::move(question));
           });
    r.each("SELECT question, id, pictogram, alone FROM option ORDER BY question, position",
           [&](sqlite::Statement& s) {
               if (Question* question = question_of(q, s.text(0))) {
                   Option option;
                   option.id = s.text(1);
                   option.pictogram = s.text(2);
                   option.alone = s.integer(3) != 0;
                   const auto key = "option." + question->id + "." + option.id;
                   option.text = r.texts(key);
                   option.reason = r.texts(key + ".reason");
                   question->options.push_back(std::move(option));
               }
           });
}

// A compiled pack is trusted no more than its source: a condition on a
// later question or an unknown option would send the visit astray. Sets
// `damaged` to what does not fit.
void read_conditions(PackReader& r, Questionnaire& q, std::string& damaged) {
    r.each("SELECT question, on_question, option FROM condition ORDER BY rowid",
           [&](sqlite::Statement& s) {
               const int at = q.question_index(s.text(0));
               const int on = q.question_index(s.text(1));
               const auto option = s.text(2);
               if (at < 0 || on < 0 || on >= at ||
                   (option != skipped_option &&
                    q.questions[static_cast<std::size_t>(on)].option_index(option) < 0)) {
                   damaged = "condition of question '" + s.text(0) + "' on '" + s.text(1) + "=" +
                             option + "' does not fit the questionnaire";
                   return;
               }
               Question& question = q.questions[static_cast<std::size_t>(at)];
               const auto on_id = s.text(1);
               auto it = std::find_if(question.show_if.begin(), question.show_if.end(),
                                      [&](const Condition& c) { return c.question == on_id; });
               if (it == question.show_if.end()) {
                   question.show_if.push_back({on_id, {}});
                   it = question.show_if.end() - 1;
               }
               it->options.push_back(option);
           });
}

// What each option weighs and asks; sets `damaged` when one names no option.
void read_option_rules(PackReader& r, Questionnaire& q, std::string& damaged) {
    r.each("SELECT question, option, tag, weight FROM option_weight ORDER BY rowid",
           [&](sqlite::Statement& s) {
               if (Option* o = option_of(q, s.text(0), s.text(1))) {
                   o->weights.push_back({s.text(2), s.real(3)});
               } else {
                   damaged = "a weight names the unknown option " + s.text(0) + "." + s.text(1);
               }
           });
    r.each("SELECT question, option, kind, value FROM option_constraint ORDER BY rowid",
           [&](sqlite::Statement& s) {
               if (Option* o = option_of(q, s.text(0), s.text(1))) {
                   if (s.text(2) == "reason_if")
                       o->reason_if = split_list(s.text(3));
                   else if (s.text(2) == "rules_out")
                       o->rules_out = split_list(s.text(3));
                   else
                       apply_constraint(o->constraints, s.text(2), s.text(3));
               } else {
                   damaged = "a constraint names the unknown option " + s.text(0) + "." + s.text(1);
               }
           });
}

std::string read_pack(PackReader& r, ContentPack& pack) {
    r.load_texts();
    read_info(r, pack);
    read_terms(r, pack);
    Questionnaire& q = pack.questionnaire;
    read_questions(r, q);
    std::string damaged;
    read_conditions(r, q, damaged);
    read_option_rules(r, q, damaged);
    if (r.error.empty() && !damaged.empty())
        return "damaged: " + damaged;
    if (r.error.empty() && pack.info.languages.empty())
        return "the pack has no languages";
    if (r.error.empty() && q.questions.empty())
        return "the pack has no questions";
    return r.error;
}

}  // namespace

Catalogue::Catalogue() = default;
Catalogue::Catalogue(Catalogue&&) noexcept = default;
Catalogue::~Catalogue() = default;

Result<Catalogue> Catalogue::open(const std::filesystem::path& path) {
    if (!std::filesystem::is_regular_file(path)) {
        return Error{path.string() + ": no such content pack file"};
    }
    auto db = sqlite::Database::open(path.string(), SQLITE_OPEN_READONLY);
    if (!db)
        return Error{db.error()};
    auto version = db->query_int("PRAGMA user_version");
    if (!version)
        return Error{path.string() + ": not a content pack (" + version.error() + ")"};
    if (*version != content_schema_version) {
        return Error{path.string() + ": content pack schema " + std::to_string(*version) +
                     ", this kiosk reads schema " + std::to_string(content_schema_version) +
                     " (rebuild it with 'kiosk content build')"};
    }
    Catalogue catalogue;
    catalogue.db_ = std::make_unique<sqlite::Database>(std::move(*db));
    catalogue.pack_ = std::make_unique<ContentPack>();
    PackReader reader(*catalogue.db_);
    if (auto error = read_pack(reader, *catalogue.pack_); !error.empty()) {
        return Error{path.string() + ": " + error};
    }
    auto stmt = catalogue.db_->prepare("SELECT data FROM match_index WHERE id = 1");
    if (!stmt || stmt->step() != SQLITE_ROW) {
        return Error{path.string() + ": the match index is missing"};
    }
    auto index = MatchIndex::deserialize(stmt->blob(0));
    if (!index)
        return Error{path.string() + ": " + index.error()};
    catalogue.index_ = std::make_unique<MatchIndex>(std::move(*index));
    return catalogue;
}

const std::string& Catalogue::course_id(int course) const {
    return index_->course_ids.at(static_cast<std::size_t>(course));
}

int Catalogue::course_index(std::string_view id) const {
    const auto& ids = index_->course_ids;
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    return it != ids.end() && *it == id ? static_cast<int>(it - ids.begin()) : -1;
}

Result<Course> Catalogue::course(int index) const {
    auto stmt = db_->prepare(
        "SELECT id, provider, url, level, entry_level, dutch_level, sectors, interests, topics, "
        "skills, target_groups, mode, schedule, hours_per_week, duration_weeks, cost_eur, "
        "funding, place, postcode, lat, lon, language, start_dates, contact, address, enrol_url, "
        "phone, email "
        "FROM course WHERE idx = ?");
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, index);
    if (stmt->step() != SQLITE_ROW) {
        return Error{db_->path() + ": no course number " + std::to_string(index)};
    }
    auto& s = *stmt;
    Course c;
    c.id = s.text(0);
    c.provider = s.text(1);
    c.url = s.text(2);
    c.level = parse_level(s.text(3)).value_or(Level::none);
    c.entry_level = parse_education(s.text(4)).value_or(Education::none);
    c.dutch_level = parse_dutch_level(s.text(5)).value_or(DutchLevel::none);
    c.sectors = split_list(s.text(6));
    c.interests = split_list(s.text(7));
    c.topics = split_list(s.text(8));
    c.skills = split_list(s.text(9));
    c.target_groups = split_list(s.text(10));
    c.mode = parse_mode(s.text(11)).value_or(Mode::onsite);
    for (const auto& bit : split_list(s.text(12)))
        c.schedule |= parse_schedule_bit(bit).value_or(0);
    c.hours_per_week = s.real(13);
    c.duration_weeks = static_cast<int>(s.integer(14));
    c.cost_eur = s.real(15);
    c.funding = split_list(s.text(16));
    c.place = s.text(17);
    c.postcode = s.text(18);
    if (!s.is_null(19))
        c.lat = s.real(19);
    if (!s.is_null(20))
        c.lon = s.real(20);
    c.language = s.text(21);
    for (const auto& start : split_list(s.text(22))) {
        if (start == "continuous") {
            c.continuous_start = true;
        } else {
            c.start_dates.push_back(start);
        }
    }
    c.contact = s.text(23);
    c.address = s.text(24);
    c.enrol_url = s.text(25);
    c.phone = s.text(26);
    c.email = s.text(27);
    auto texts = db_->prepare(
        "SELECT lang, title, description, bring FROM course_text WHERE course_idx = ?");
    if (!texts)
        return Error{texts.error()};
    texts->bind(1, index);
    while (texts->step() == SQLITE_ROW) {
        c.text[texts->text(0)] = {texts->text(1), texts->text(2), texts->text(3)};
    }
    return c;
}

void Catalogue::for_each_course_text(const std::function<void(std::string_view)>& each) const {
    // Errors here only mean fewer letters counted: the pack was checked when opened.
    if (auto texts = db_->prepare("SELECT title, description, bring FROM course_text")) {
        while (texts->step() == SQLITE_ROW) {
            for (int column = 0; column < 3; ++column)
                each(texts->text(column));
        }
    }
    if (auto courses = db_->prepare("SELECT DISTINCT provider, place FROM course")) {
        while (courses->step() == SQLITE_ROW) {
            each(courses->text(0));
            each(courses->text(1));
        }
    }
}

}  // namespace kiosk
