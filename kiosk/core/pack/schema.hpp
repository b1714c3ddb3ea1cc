#pragma once
// The tables of a compiled content pack, shared by its writer and its reader.

namespace kiosk {

// Bumped whenever the tables change; kept in PRAGMA user_version.
inline constexpr int content_schema_version = 4;

inline constexpr const char* content_schema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE text(key TEXT NOT NULL, lang TEXT NOT NULL, value TEXT NOT NULL,
                  PRIMARY KEY(key, lang));
CREATE TABLE language(position INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL,
                      name TEXT NOT NULL, direction TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')));
CREATE TABLE term(kind TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL,
                  pictogram TEXT NOT NULL, PRIMARY KEY(kind, id));
CREATE TABLE agenda(sector TEXT PRIMARY KEY, weight REAL NOT NULL);
CREATE TABLE relax(position INTEGER PRIMARY KEY, constraint_kind TEXT NOT NULL);
CREATE TABLE question(position INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL,
                      pictogram TEXT NOT NULL, choose_up_to INTEGER NOT NULL);
CREATE TABLE condition(question TEXT NOT NULL, on_question TEXT NOT NULL, option TEXT NOT NULL);
CREATE TABLE option(question TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL,
                    pictogram TEXT NOT NULL, alone INTEGER NOT NULL, PRIMARY KEY(question, id));
CREATE TABLE option_weight(question TEXT NOT NULL, option TEXT NOT NULL, tag TEXT NOT NULL,
                           weight REAL NOT NULL);
CREATE TABLE option_constraint(question TEXT NOT NULL, option TEXT NOT NULL,
                               kind TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE course(idx INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, provider TEXT NOT NULL,
                    url TEXT NOT NULL, level TEXT NOT NULL, entry_level TEXT NOT NULL,
                    dutch_level TEXT NOT NULL, sectors TEXT NOT NULL, interests TEXT NOT NULL,
                    topics TEXT NOT NULL, skills TEXT NOT NULL, target_groups TEXT NOT NULL,
                    mode TEXT NOT NULL, schedule TEXT NOT NULL, hours_per_week REAL NOT NULL,
                    duration_weeks INTEGER NOT NULL, cost_eur REAL NOT NULL,
                    funding TEXT NOT NULL, place TEXT NOT NULL, postcode TEXT NOT NULL,
                    lat REAL, lon REAL, language TEXT NOT NULL, start_dates TEXT NOT NULL,
                    contact TEXT NOT NULL, address TEXT NOT NULL, enrol_url TEXT NOT NULL,
                    phone TEXT NOT NULL, email TEXT NOT NULL);
CREATE TABLE course_text(course_idx INTEGER NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL,
                         description TEXT NOT NULL, bring TEXT NOT NULL,
                         PRIMARY KEY(course_idx, lang));
CREATE TABLE match_index(id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL);
)sql";

}  // namespace kiosk
