#include "kiosk/core/pack/catalogue.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/matching/match_index.hpp"
#include "kiosk/core/pack/pack_writer.hpp"
#include "kiosk/core/pack/schema.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

ContentSource small_source() {
    Issues issues;
    auto source = load_content_dir(test::fixture("pack_small"), issues);
    REQUIRE_FALSE(issues.has_errors());
    return source;
}

// Builds the small pack, changes it behind the builder's back with `sql`, and
// opens it again: how a damaged or tampered file looks to the kiosk.
Result<Catalogue> open_tampered(const test::TempDir& dir, const char* sql) {
    REQUIRE(build_content_db(small_source(), dir / "pack.db").ok());
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "pack.db").c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    return Catalogue::open(dir / "pack.db");
}

}  // namespace

TEST_CASE("a built pack opens with the same questionnaire, settings and courses") {
    test::TempDir dir;
    const auto source = small_source();
    auto summary = build_content_db(source, dir / "pack.db");
    REQUIRE(summary.ok());
    CHECK(summary->courses == 5);
    CHECK(summary->questions == 4);

    auto catalogue = Catalogue::open(dir / "pack.db");
    REQUIRE(catalogue.ok());
    const ContentPack& pack = catalogue->pack();
    CHECK(pack.info.id == "test-small");
    CHECK(pack.info.date == "2026-11-28");
    CHECK(pack.info.languages == source.pack.info.languages);
    CHECK(pack.info.language_names.at("en") == "English");
    CHECK(pack.info.location.lat == Approx(50.8882));
    CHECK(pack.matching.relax == source.pack.matching.relax);
    CHECK(pack.matching.relax_text == source.pack.matching.relax_text);
    CHECK(pack.matching.relax_flag == source.pack.matching.relax_flag);
    CHECK_FALSE(pack.matching.relax_flag.empty());
    REQUIRE(pack.funding.size() == source.pack.funding.size());
    CHECK(pack.funding[0].free_for == std::vector<std::string>{"situation=newcomer"});
    CHECK(pack.funding[0].paid == source.pack.funding[0].paid);
    CHECK(pack.matching.fits_text == source.pack.matching.fits_text);
    CHECK(pack.texts == source.pack.texts);
    CHECK(pack.texts.size() == required_texts().size());
    REQUIRE(pack.agenda.size() == 1);
    CHECK(pack.agenda[0].weight == 2.0);

    REQUIRE(pack.questionnaire.questions.size() == source.pack.questionnaire.questions.size());
    for (std::size_t q = 0; q < pack.questionnaire.questions.size(); ++q) {
        const Question& got = pack.questionnaire.questions[q];
        const Question& want = source.pack.questionnaire.questions[q];
        CHECK(got.id == want.id);
        CHECK(got.text == want.text);
        CHECK(got.help == want.help);
        REQUIRE(got.show_if.size() == want.show_if.size());
        for (std::size_t c = 0; c < got.show_if.size(); ++c) {
            CHECK(got.show_if[c].question == want.show_if[c].question);
            CHECK(got.show_if[c].options == want.show_if[c].options);
        }
        REQUIRE(got.options.size() == want.options.size());
        for (std::size_t o = 0; o < got.options.size(); ++o) {
            CHECK(got.options[o].id == want.options[o].id);
            CHECK(got.options[o].reason == want.options[o].reason);
            REQUIRE(got.options[o].weights.size() == want.options[o].weights.size());
            CHECK(got.options[o].constraints.schedule == want.options[o].constraints.schedule);
            CHECK(got.options[o].constraints.dutch == want.options[o].constraints.dutch);
        }
    }

    CHECK(catalogue->course_count() == 5);
    const int index = catalogue->course_index("CARE-1");
    REQUIRE(index >= 0);
    auto course = catalogue->course(index);
    REQUIRE(course.ok());
    const Course& want = source.courses[0];
    CHECK(course->id == want.id);
    CHECK(course->text_in("en").title == "Care assistant");
    CHECK(course->start_dates == want.start_dates);
    CHECK(course->skills == want.skills);
    CHECK(course->postcode == "6411 AB");
    CHECK(course->lat == want.lat);
    CHECK(catalogue->course_index("NOPE") == -1);
}

TEST_CASE("the pack records its schema version") {
    test::TempDir dir;
    REQUIRE(build_content_db(small_source(), dir / "pack.db").ok());
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2((dir / "pack.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(sqlite3_column_int(stmt, 0) == content_schema_version);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST_CASE("a file that is not a content pack is refused with its name") {
    test::TempDir dir;
    test::write_text(dir / "notes.db", "this is not SQLite");
    auto opened = Catalogue::open(dir / "notes.db");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().find("notes.db") != std::string::npos);
    CHECK_FALSE(Catalogue::open(dir / "missing.db").ok());
}

TEST_CASE("a pack of another schema version is refused") {
    test::TempDir dir;
    auto opened = open_tampered(dir, "PRAGMA user_version=99");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().find("schema 99") != std::string::npos);
}

TEST_CASE("a damaged match index is refused, not trusted") {
    test::TempDir dir;
    auto opened = open_tampered(dir, "UPDATE match_index SET data = substr(data, 1, 100)");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().find("match index") != std::string::npos);
}

TEST_CASE("rebuilding replaces the pack whole and leaves no temporary files") {
    test::TempDir dir;
    REQUIRE(build_content_db(small_source(), dir / "pack.db").ok());
    REQUIRE(build_content_db(small_source(), dir / "pack.db").ok());
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        (void)entry;
        ++files;
    }
    CHECK(files == 1);
}

TEST_CASE("a pack without languages is refused rather than trusted") {
    test::TempDir dir;
    auto opened = open_tampered(dir, "DELETE FROM language");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().find("no languages") != std::string::npos);
}

TEST_CASE("a compiled pack whose condition points at a later question is refused") {
    test::TempDir dir;
    auto opened =
        open_tampered(dir, "INSERT INTO condition VALUES('situation', 'situation', 'looking')");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().find("damaged: condition of question 'situation'") != std::string::npos);
}

TEST_CASE("a match index with values out of range is refused") {
    Issues issues;
    auto index = MatchIndex::build(load_content_dir(test::fixture("pack_small"), issues).courses);
    index.courses[0].mode = 200;
    auto read = MatchIndex::deserialize(index.serialize());
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().find("out of range") != std::string::npos);
    index.courses[0].mode = 0;
    std::swap(index.course_ids[0], index.course_ids[1]);
    CHECK_FALSE(MatchIndex::deserialize(index.serialize()).ok());
}

TEST_CASE("a match index keeps which courses are one course in several places") {
    Issues issues;
    auto courses = load_content_dir(test::fixture("pack_small"), issues).courses;
    REQUIRE(courses.size() >= 3);
    courses[2].provider = courses[0].provider;
    courses[2].text["nl"].title = courses[0].text["nl"].title;
    const auto index = MatchIndex::build(courses);
    CHECK(index.groups[2] == index.groups[0]);
    CHECK(index.groups[1] != index.groups[0]);
    auto read = MatchIndex::deserialize(index.serialize());
    REQUIRE(read.ok());
    CHECK(read->groups == index.groups);
    // An index written before groups: every course is a group of its own.
    std::string old = index.serialize();
    old.replace(0, 4, "KMI1");
    old.resize(old.size() - sizeof(std::uint64_t) - index.groups.size() * sizeof(std::uint32_t));
    auto before = MatchIndex::deserialize(old);
    REQUIRE(before.ok());
    CHECK(before->groups[2] != before->groups[0]);
    // A group beyond the courses is damage.
    auto bad = index;
    bad.groups[0] = static_cast<std::uint32_t>(bad.groups.size());
    CHECK_FALSE(MatchIndex::deserialize(bad.serialize()).ok());
}

TEST_CASE("weights and coordinates keep every digit in the compiled pack") {
    test::TempDir dir;
    auto source = small_source();
    source.pack.questionnaire.questions[0].options[0].weights[0].weight = 12345678.125;
    source.pack.info.location.lat = 50.88823456789;
    REQUIRE(build_content_db(source, dir / "pack.db").ok());
    auto catalogue = Catalogue::open(dir / "pack.db");
    REQUIRE(catalogue.ok());
    CHECK(catalogue->pack().questionnaire.questions[0].options[0].weights[0].weight ==
          12345678.125);
    CHECK(catalogue->pack().info.location.lat == 50.88823456789);
}

TEST_CASE("the compiled pack keeps each language's name, direction and translations") {
    test::TempDir dir;
    Issues issues;
    auto source = load_content_dir(test::source_dir() / "content", issues);
    REQUIRE_FALSE(issues.has_errors());
    REQUIRE(build_content_db(source, dir / "pack.db").ok());
    auto catalogue = Catalogue::open(dir / "pack.db");
    REQUIRE(catalogue.ok());
    const PackInfo& info = catalogue->pack().info;
    CHECK(info.languages == std::vector<std::string>{"nl", "en", "pl", "tr", "uk", "ar"});
    CHECK(info.language_names.at("uk") == "Українська");
    CHECK(info.language_names.at("ar") == "العربية");
    CHECK(info.direction("ar") == TextDirection::right_to_left);
    for (const char* lang : {"nl", "en", "pl", "tr", "uk"})
        CHECK(info.direction(lang) == TextDirection::left_to_right);
    // What po/<lang>.po gave is in the pack, and a text without it shows in Dutch.
    for (const char* lang : {"pl", "tr", "uk", "ar"}) {
        INFO(lang);
        CHECK(pack_text(catalogue->pack(), "page.title", lang) ==
              pack_text(source.pack, "page.title", lang));
        CHECK(pack_text(catalogue->pack(), "page.title", lang) != "Uw cursussen");
        auto course = catalogue->course(0);
        REQUIRE(course.ok());
        CHECK(course->text_in(lang).title == source.courses[0].text_in(lang).title);
        CHECK(course->text_in(lang).title != course->text_in("nl").title);
    }
}
