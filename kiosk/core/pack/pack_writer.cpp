#include "kiosk/core/pack/pack_writer.hpp"

#include <charconv>

#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/io/atomic_file.hpp"
#include "kiosk/core/io/sqlite.hpp"
#include "kiosk/core/matching/match_index.hpp"
#include "kiosk/core/pack/schema.hpp"

namespace kiosk {
namespace {

// The shortest text that reads back as the same double: weights and
// coordinates must not lose digits on their way into the pack.
std::string format_number(double value) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc{} ? std::string(buffer, end) : std::string("0");
}

// Collects errors of many inserts so the builder reads straight.
class Writer {
  public:
    explicit Writer(sqlite::Database& db) : db_(db) {}

    void run(std::string_view sql, std::initializer_list<std::string_view> values) {
        if (failed())
            return;
        auto stmt = db_.prepare(sql);
        if (!stmt) {
            error_ = stmt.error();
            return;
        }
        int i = 1;
        for (auto v : values)
            stmt->bind(i++, v);
        if (stmt->step() != SQLITE_DONE)
            error_ = db_.last_error();
    }
    void texts(const std::string& key, const Texts& texts) {
        for (const auto& [lang, value] : texts) {
            run("INSERT INTO text VALUES(?,?,?)", {key, lang, value});
        }
    }
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }
    void fail(std::string message) {
        if (!failed())
            error_ = std::move(message);
    }

  private:
    sqlite::Database& db_;
    std::string error_;
};

void write_pack(Writer& w, const ContentPack& pack) {
    const PackInfo& info = pack.info;
    const std::pair<std::string, std::string> meta[] = {
        {"id", info.id},
        {"region", info.region},
        {"version", info.version},
        {"date", info.date},
        {"sample_data", info.sample_data ? "1" : "0"},
        {"results_url", info.results_url},
        {"location.place", info.location.place},
        {"location.lat", format_number(info.location.lat)},
        {"location.lon", format_number(info.location.lon)},
        {"matching.results", std::to_string(pack.matching.results)},
        {"matching.min_results", std::to_string(pack.matching.min_results)},
        {"matching.max_per_provider", std::to_string(pack.matching.max_per_provider)},
        {"matching.start_within_days", std::to_string(pack.matching.start_within_days)},
        {"matching.focus", join_list(pack.matching.focus)},
    };
    for (const auto& [key, value] : meta)
        w.run("INSERT INTO meta VALUES(?,?)", {key, value});
    w.texts("pack.name", info.name);
    w.texts("matching.fits_reason", pack.matching.fits_text);
    w.texts("matching.outside_reason", pack.matching.outside_text);
    w.texts("matching.broad_reason", pack.matching.broad_text);
    for (const auto& [key, texts] : pack.texts)
        w.texts("ui." + key, texts);
    for (std::size_t i = 0; i < info.languages.size(); ++i) {
        const auto& code = info.languages[i];
        const auto name = info.language_names.contains(code) ? info.language_names.at(code) : code;
        w.run("INSERT INTO language VALUES(?,?,?,?)",
              {std::to_string(i), code, name, to_string(info.direction(code))});
    }
    const std::pair<const char*, const std::vector<Term>*> kinds[] = {
        {"sector", &pack.sectors}, {"target", &pack.targets}, {"funding", &pack.funding}};
    for (const auto& [kind, terms] : kinds) {
        for (std::size_t i = 0; i < terms->size(); ++i) {
            const Term& t = (*terms)[i];
            w.run("INSERT INTO term VALUES(?,?,?,?)", {kind, t.id, std::to_string(i), t.pictogram});
            w.texts(std::string(kind) + "." + t.id, t.text);
            if (!t.free_for.empty()) {
                std::string answers;
                for (const auto& a : t.free_for)
                    answers += (answers.empty() ? "" : ";") + a;
                w.run("INSERT INTO meta VALUES(?,?)",
                      {std::string(kind) + "." + t.id + ".free_for", answers});
                w.texts(std::string(kind) + "_paid." + t.id, t.paid);
            }
        }
    }
    for (const auto& a : pack.agenda) {
        w.run("INSERT INTO agenda VALUES(?,?)", {a.sector, format_number(a.weight)});
        w.texts("agenda." + a.sector, a.reason);
    }
    for (std::size_t i = 0; i < pack.matching.relax.size(); ++i) {
        const auto kind = pack.matching.relax[i];
        w.run("INSERT INTO relax VALUES(?,?)", {std::to_string(i), to_string(kind)});
        if (auto it = pack.matching.relax_text.find(kind); it != pack.matching.relax_text.end()) {
            w.texts("relax." + std::string(to_string(kind)), it->second);
        }
        if (auto it = pack.matching.relax_flag.find(kind); it != pack.matching.relax_flag.end()) {
            w.texts("relax_flag." + std::string(to_string(kind)), it->second);
        }
    }
}

void write_constraints(Writer& w, const std::string& q, const std::string& o,
                       const Constraints& c) {
    auto put = [&](std::string_view kind, const std::string& value) {
        w.run("INSERT INTO option_constraint VALUES(?,?,?,?)", {q, o, kind, value});
    };
    if (c.education)
        put("education", std::string(to_string(*c.education)));
    if (c.dutch)
        put("dutch", std::string(to_string(*c.dutch)));
    if (c.schedule)
        put("schedule", schedule_to_string(*c.schedule));
    if (c.modes) {
        std::vector<std::string> modes;
        for (Mode m : {Mode::onsite, Mode::online, Mode::blended}) {
            if ((*c.modes >> static_cast<unsigned>(m)) & 1u)
                modes.emplace_back(to_string(m));
        }
        put("mode", join_list(modes));
    }
    if (c.max_hours)
        put("max_hours", format_number(*c.max_hours));
    if (c.max_distance_km)
        put("max_distance_km", format_number(*c.max_distance_km));
    if (c.max_cost)
        put("max_cost", format_number(*c.max_cost));
    if (c.languages)
        put("language", join_list(*c.languages));
}

void write_questionnaire(Writer& w, const Questionnaire& questionnaire) {
    for (std::size_t qi = 0; qi < questionnaire.questions.size(); ++qi) {
        const Question& q = questionnaire.questions[qi];
        w.run("INSERT INTO question VALUES(?,?,?,?)",
              {std::to_string(qi), q.id, q.pictogram, std::to_string(q.choose_up_to)});
        w.texts("question." + q.id, q.text);
        w.texts("question." + q.id + ".help", q.help);
        for (const auto& condition : q.show_if) {
            for (const auto& option : condition.options) {
                w.run("INSERT INTO condition VALUES(?,?,?)", {q.id, condition.question, option});
            }
        }
        for (std::size_t oi = 0; oi < q.options.size(); ++oi) {
            const Option& o = q.options[oi];
            w.run("INSERT INTO option VALUES(?,?,?,?,?)",
                  {q.id, std::to_string(oi), o.id, o.pictogram, o.alone ? "1" : "0"});
            const std::string key = "option." + q.id + "." + o.id;
            w.texts(key, o.text);
            w.texts(key + ".reason", o.reason);
            for (const auto& weight : o.weights) {
                w.run("INSERT INTO option_weight VALUES(?,?,?,?)",
                      {q.id, o.id, weight.tag, format_number(weight.weight)});
            }
            write_constraints(w, q.id, o.id, o.constraints);
            if (!o.reason_if.empty()) {
                w.run("INSERT INTO option_constraint VALUES(?,?,?,?)",
                      {q.id, o.id, "reason_if", join_list(o.reason_if)});
            }
            if (!o.rules_out.empty()) {
                w.run("INSERT INTO option_constraint VALUES(?,?,?,?)",
                      {q.id, o.id, "rules_out", join_list(o.rules_out)});
            }
        }
    }
}

void write_courses(Writer& w, sqlite::Database& db, const std::vector<Course>& courses) {
    auto course = db.prepare(
        "INSERT INTO course VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    auto text = db.prepare("INSERT INTO course_text VALUES(?,?,?,?,?)");
    if (!course || !text) {
        w.fail(!course ? course.error() : text.error());
        return;
    }
    for (std::size_t i = 0; i < courses.size() && !w.failed(); ++i) {
        const Course& c = courses[i];
        auto& s = *course;
        s.bind(1, static_cast<std::int64_t>(i)).bind(2, c.id).bind(3, c.provider).bind(4, c.url);
        s.bind(5, to_string(c.level)).bind(6, to_string(c.entry_level));
        s.bind(7, to_string(c.dutch_level))
            .bind(8, join_list(c.sectors))
            .bind(9, join_list(c.interests));
        s.bind(10, join_list(c.topics))
            .bind(11, join_list(c.skills))
            .bind(12, join_list(c.target_groups));
        s.bind(13, to_string(c.mode)).bind(14, schedule_to_string(c.schedule));
        s.bind(15, c.hours_per_week).bind(16, c.duration_weeks).bind(17, c.cost_eur);
        s.bind(18, join_list(c.funding)).bind(19, c.place).bind(20, c.postcode);
        c.lat ? s.bind(21, *c.lat) : s.bind_null(21);
        c.lon ? s.bind(22, *c.lon) : s.bind_null(22);
        auto starts = c.start_dates;
        if (c.continuous_start)
            starts.insert(starts.begin(), "continuous");
        s.bind(23, c.language).bind(24, join_list(starts)).bind(25, c.contact);
        s.bind(26, c.address).bind(27, c.enrol_url).bind(28, c.phone).bind(29, c.email);
        if (s.step() != SQLITE_DONE)
            w.fail(db.last_error());
        s.reset();
        for (const auto& [lang, t] : c.text) {
            text->bind(1, static_cast<std::int64_t>(i)).bind(2, lang).bind(3, t.title);
            text->bind(4, t.description).bind(5, t.bring);
            if (text->step() != SQLITE_DONE)
                w.fail(db.last_error());
            text->reset();
        }
    }
}

}  // namespace

Result<BuildSummary> build_content_db(const ContentSource& source,
                                      const std::filesystem::path& out) {
    const MatchIndex index = MatchIndex::build(source.courses);
    if (index.providers.size() > 0xFFFF || index.tag_names.size() > 0xFFFF) {
        return Error{"the catalogue has more than 65535 providers or tags"};
    }
    const auto temp = temporary_beside(out);
    BuildSummary summary;
    {
        auto db = sqlite::Database::open(temp.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!db)
            return Error{db.error()};
        Writer w(*db);
        auto setup = db->exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=FULL; BEGIN;");
        if (!setup)
            w.fail(setup.error());
        if (auto made = db->exec(content_schema); !made)
            w.fail(made.error());
        write_pack(w, source.pack);
        write_questionnaire(w, source.pack.questionnaire);
        write_courses(w, *db, source.courses);
        if (!w.failed()) {
            auto stmt = db->prepare("INSERT INTO match_index VALUES(1, ?)");
            if (!stmt) {
                w.fail(stmt.error());
            } else {
                stmt->bind_blob(1, index.serialize());
                if (stmt->step() != SQLITE_DONE)
                    w.fail(db->last_error());
            }
        }
        if (!w.failed()) {
            auto done = db->exec("PRAGMA user_version=" + std::to_string(content_schema_version) +
                                 "; COMMIT;");
            if (!done)
                w.fail(done.error());
        }
        if (w.failed()) {
            db = Error{""};  // close before removing
            std::filesystem::remove(temp);
            return Error{w.error()};
        }
    }
    summary.questions = static_cast<int>(source.pack.questionnaire.questions.size());
    summary.courses = static_cast<int>(source.courses.size());
    summary.bytes = std::filesystem::file_size(temp);
    if (auto moved = replace_file_durably(temp, out); !moved) {
        std::filesystem::remove(temp);
        return Error{moved.error()};
    }
    return summary;
}

}  // namespace kiosk
