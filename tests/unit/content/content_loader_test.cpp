#include "kiosk/core/content/content_loader.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "kiosk/core/content/pack_texts.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

// Loads the small pack with `file` changed by replacing `from` with `to`.
Issues load_changed(const std::string& file, const std::string& from, const std::string& to) {
    test::TempDir dir;
    test::copy_small_pack(dir);
    test::write_text(dir / file, test::replace_once(test::read_text(dir / file), from, to));
    Issues issues;
    load_content_dir(dir.path(), issues);
    return issues;
}

}  // namespace

TEST_CASE("the small fixture pack loads without problems") {
    Issues issues;
    const auto source = load_content_dir(test::fixture("pack_small"), issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    CHECK(source.pack.info.languages == std::vector<std::string>{"nl", "en"});
    CHECK(source.pack.questionnaire.questions.size() == 4);
    REQUIRE(source.courses.size() == 5);
    CHECK(source.courses.front().id == "CARE-1");  // sorted by id
    const Course& care = source.courses.front();
    CHECK(care.text_in("en").title == "Care assistant");
    CHECK(care.text.at("nl").description == "Leer helpen in de zorg, met stage.");
    CHECK(care.start_dates == std::vector<std::string>{"2027-01-15", "2027-08-30"});
    CHECK(care.schedule == schedule_day);
    const auto& dutch = source.pack.questionnaire.questions[1];
    REQUIRE(dutch.show_if.size() == 1);
    CHECK(dutch.show_if[0].options == std::vector<std::string>{"newcomer", "skipped"});
    CHECK(source.pack.matching.relax == std::vector<ConstraintKind>{ConstraintKind::start,
                                                                    ConstraintKind::schedule,
                                                                    ConstraintKind::distance});
}

TEST_CASE("the bundled default pack is valid, bilingual and large enough") {
    Issues issues;
    const auto source = load_content_dir(test::source_dir() / "content", issues);
    INFO(test::all_issues(issues));
    CHECK_FALSE(issues.has_errors());
    // Its only warnings are sentences longer than plain language wants, left
    // for the region's editors: rewriting them would strand their translations.
    for (const auto& issue : issues.all())
        CHECK(issue.message.find("plain language keeps sentences to 15") != std::string::npos);
    const auto questions = source.pack.questionnaire.questions.size();
    CHECK(questions >= 8);
    // A visitor sees at most 12 of them: tests/matching/questionnaire_length_test.cpp.
    CHECK(questions <= 16);
    CHECK(source.courses.size() >= 150);
    CHECK(source.pack.info.sample_data);
}

TEST_CASE("a condition naming an unknown option is reported with its line") {
    auto issues = load_changed("questionnaire.toml", R"(["newcomer", "skipped"])",
                               R"(["newcommer", "skipped"])");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(
        issues, "questionnaire.toml:30: question.dutch.show_if: unknown option id 'newcommer'"));
}

TEST_CASE("a condition may only name an earlier question") {
    auto issues =
        load_changed("questionnaire.toml", R"(show_if = { situation)", R"(show_if = { time)");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(
        issues,
        "questionnaire.toml:30: question.dutch.show_if: 'time' is not a question asked before"));
}

TEST_CASE("a duplicate course id names both lines") {
    auto issues = load_changed("courses.csv", "\nCARE-2,", "\nCARE-1,");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues,
                          "courses.csv:3: id: duplicate course id 'CARE-1' (first on line 2)"));
}

TEST_CASE("a level that is not in the list is reported with file, line and field") {
    auto issues = load_changed("courses.csv",
                               "Care evening,Zorg in de avond.,Care in the evening.,,,,,,,School "
                               "Zuid,https://school-zuid.example.nl/zorg-avond,mbo2",
                               "Care evening,Zorg in de avond.,Care in the evening.,,,,,,,School "
                               "Zuid,https://school-zuid.example.nl/zorg-avond,mbo5");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "courses.csv:3: level: 'mbo5' is not in the list"));
}

TEST_CASE("an unknown level is accepted, unless the pack requires a level") {
    const std::string known = "https://school-zuid.example.nl/zorg-avond,mbo2";
    const std::string unknown = "https://school-zuid.example.nl/zorg-avond,unknown";
    test::TempDir dir;
    test::copy_small_pack(dir);
    test::write_text(dir / "courses.csv",
                     test::replace_once(test::read_text(dir / "courses.csv"), known, unknown));
    Issues issues;
    const auto source = load_content_dir(dir.path(), issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    const auto care = std::find_if(source.courses.begin(), source.courses.end(),
                                   [](const Course& c) { return c.id == "CARE-2"; });
    REQUIRE(care != source.courses.end());
    CHECK(care->level == Level::unknown);

    test::write_text(dir / "pack.toml",
                     test::replace_once(test::read_text(dir / "pack.toml"), "sample_data = true",
                                        "sample_data = true\nlevel_required = true"));
    Issues required;
    load_content_dir(dir.path(), required);
    INFO(test::all_issues(required));
    CHECK(test::has_issue(required, "courses.csv:3: level: 'unknown' is not allowed"));
}

TEST_CASE("a course URL that is not a web address is rejected") {
    auto issues = load_changed("courses.csv", "https://bieb.example.nl/ict", "bieb ict");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "courses.csv:4: url: 'bieb ict' is not a web address"));
}

TEST_CASE("a question without Dutch text is rejected") {
    auto issues = load_changed("questionnaire.toml", "text.nl = \"Wanneer kunt u leren?\"\n", "");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "questionnaire.toml:"));
    CHECK(test::all_issues(issues).find("question.time.text.nl: missing Dutch text") !=
          std::string::npos);
}

TEST_CASE("a missing English text is no problem: it is counted and shown in Dutch") {
    test::TempDir dir;
    test::copy_small_pack(dir);
    test::write_text(dir / "questionnaire.toml",
                     test::replace_once(test::read_text(dir / "questionnaire.toml"),
                                        "text.en = \"When can you learn?\"\n", ""));
    Issues issues;
    auto source = load_content_dir(dir.path(), issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    const auto& time = source.pack.questionnaire.questions.back();
    CHECK(text_in(time.text, "en") == "Wanneer kunt u leren?");
    const auto coverage = language_coverage(source);
    REQUIRE(coverage.size() == 1);
    CHECK(coverage[0].language == "en");
    CHECK(coverage[0].missing == 1);
}

TEST_CASE("malformed CSV quoting is reported on its line") {
    auto issues = load_changed("courses.csv", "\"Leer helpen in de zorg, met stage.\"",
                               "Leer \"helpen\" in de zorg");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "courses.csv:2: a double quote in the middle of field"));
}

TEST_CASE("an unclosed quote is reported where the record starts") {
    auto issues = load_changed("courses.csv", "\"Leer helpen in de zorg, met stage.\"",
                               "\"Leer helpen in de zorg, met stage.");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "courses.csv:2: a quoted field is never closed"));
}

TEST_CASE("a CSV that is not UTF-8 is rejected with the line of the bad byte") {
    auto issues = load_changed("courses.csv", "Eerste stappen", "Eerste stapp\xe9n");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "courses.csv:5: not valid UTF-8"));
}

TEST_CASE("an empty questionnaire is rejected") {
    test::TempDir dir;
    test::copy_small_pack(dir);
    test::write_text(dir / "questionnaire.toml", "# nothing yet\n");
    Issues issues;
    load_content_dir(dir.path(), issues);
    CHECK(test::has_issue(issues, "questionnaire.toml:1: question: the questionnaire is empty"));
}

TEST_CASE("an unknown column is rejected") {
    auto issues = load_changed("courses.csv", ",contact\n", ",contakt\n");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "courses.csv:1: contakt: unknown column"));
}

TEST_CASE("a TOML syntax error names its line") {
    auto issues = load_changed("pack.toml", "region = \"Testregio\"", "region = Testregio");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "pack.toml:6: "));
    // The other files depend on pack.toml: no flood of follow-up errors.
    CHECK(issues.error_count() == 1);
}

TEST_CASE("a weight on an unknown sector is rejected") {
    auto issues =
        load_changed("questionnaire.toml", "\"sector:ict\" = 3.0", "\"sector:itc\" = 3.0");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "questionnaire.toml:"));
    CHECK(test::all_issues(issues).find(
              "question.interest.option.ict.weights: 'itc' is not a sector") != std::string::npos);
}

TEST_CASE("education cannot be relaxed") {
    auto issues =
        load_changed("pack.toml", "relax = [\"start\",", "relax = [\"education\", \"start\",");
    INFO(test::all_issues(issues));
    CHECK(test::all_issues(issues).find("matching.relax: 'education' cannot be relaxed") !=
          std::string::npos);
}

TEST_CASE("an on-site course needs a place and coordinates") {
    auto issues = load_changed("courses.csv", "Maastricht,6211 AA,50.8514,5.6910", ",,,");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "courses.csv:5: place: missing for a course that is not online"));
    CHECK(test::has_issue(issues, "courses.csv:5: lat: lat and lon are needed"));
}

TEST_CASE("a start date that does not exist is rejected") {
    auto issues = load_changed("courses.csv", "2027-02-01", "2027-02-30");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "courses.csv:3: start_dates: '2027-02-30' is not a date"));
}

TEST_CASE("a misspelt key is an error, not silently ignored") {
    auto issues =
        load_changed("questionnaire.toml", "schedule = [\"evening\"]", "shedule = [\"evening\"]");
    INFO(test::all_issues(issues));
    CHECK(test::all_issues(issues).find("question.time.option.evening.shedule: unknown key") !=
          std::string::npos);
}

TEST_CASE("every problem is reported, not just the first") {
    auto issues = load_changed("courses.csv", "mbo2,vmbo,B1,care,social,diploma",
                               "mbo9,vmbo,Z9,care,social,diploma");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "courses.csv:2: level:"));
    CHECK(test::has_issue(issues, "courses.csv:2: dutch_level:"));
    CHECK(issues.error_count() == 2);
}

TEST_CASE("the kiosk's own words must exist in Dutch") {
    auto issues = load_changed("texts.toml", "free.nl = \"Gratis\"\n", "");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "texts.toml:10: receipt.free.nl: missing Dutch text"));
}

TEST_CASE("a text of the kiosk fills in its placeholders") {
    Issues issues;
    const auto source = load_content_dir(test::fixture("pack_small"), issues);
    CHECK(pack_text(source.pack, "receipt.start", "en", {{"date", "12 January"}}) ==
          "Starts 12 January");
    CHECK(pack_text(source.pack, "receipt.start", "nl", {{"date", "12 januari"}}) ==
          "Start 12 januari");
}

TEST_CASE("a text the kiosk needs that is missing altogether is named") {
    auto issues = load_changed("texts.toml", "free.nl = \"Gratis\"\nfree.en = \"Free\"\n", "");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "texts.toml: receipt.free.nl: missing Dutch text"));
}

TEST_CASE("nan, inf and absurd numbers are refused, not compiled") {
    auto issues =
        load_changed("courses.csv", "day,16,52,0,municipality", "day,nan,1e12,inf,municipality");
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "courses.csv:2: hours_per_week: 'nan' is not a number"));
    CHECK(test::has_issue(issues, "courses.csv:2: duration_weeks: must be a whole number"));
    CHECK(test::has_issue(issues, "courses.csv:2: cost_eur: 'inf' is not a number"));
    auto toml = load_changed("pack.toml", "lat = 50.8882", "lat = nan");
    INFO(test::all_issues(toml));
    CHECK(test::has_issue(toml, "pack.toml:15: pack.location.lat: must be a number"));
}

TEST_CASE("a course says how to enrol and what to bring, each in the column the page needs") {
    Issues issues;
    const auto source = load_content_dir(test::fixture("pack_small"), issues);
    REQUIRE_FALSE(issues.has_errors());
    const Course& care = source.courses.front();
    CHECK(care.address == "Stationsplein 5");
    CHECK(care.enrol_url == "https://school-zuid.example.nl/zorg/aanmelden");
    CHECK(care.phone == "+31 45 123 4567");
    CHECK(care.email == "zorg@school-zuid.example.nl");
    CHECK(care.text_in("en").bring == "Your ID and diploma.");
    CHECK(care.text_in("nl").bring == "Uw identiteitsbewijs en diploma.");
    // All four are optional: the other courses leave them empty.
    CHECK(source.courses.back().enrol_url.empty());
    CHECK(source.courses.back().phone.empty());
}

TEST_CASE("an enrolment link, phone number or e-mail address that is not one is named by line") {
    const std::string good =
        "https://school-zuid.example.nl/zorg/aanmelden,+31 45 123 4567,"
        "zorg@school-zuid.example.nl";
    struct Case {
        std::string bad;
        std::string expected;
    };
    for (const auto& [bad, expected] :
         {Case{"http://school-zuid.example.nl/zorg/aanmelden,+31 45 123 "
               "4567,zorg@school-zuid.example.nl",
               "courses.csv:2: enrol_url: 'http://school-zuid.example.nl/zorg/aanmelden' is not a "
               "web address starting with https://"},
          Case{
              "https://school zuid/x,+31 45 123 4567,zorg@school-zuid.example.nl",
              "courses.csv:2: enrol_url: 'https://school zuid/x' is not a well-formed web address"},
          Case{"https://school-zuid.example.nl/zorg/aanmelden,call us,zorg@school-zuid.example.nl",
               "courses.csv:2: phone: 'call us' is not a phone number"},
          Case{"https://school-zuid.example.nl/zorg/aanmelden,045 12+3,zorg@school-zuid.example.nl",
               "courses.csv:2: phone: '045 12+3' is not a phone number"},
          Case{"https://school-zuid.example.nl/zorg/aanmelden,+31 45 123 4567,zorg at school",
               "courses.csv:2: email: 'zorg at school' is not an e-mail address"},
          Case{"https://school-zuid.example.nl/zorg/aanmelden,+31 45 123 4567,zorg@localhost",
               "courses.csv:2: email: 'zorg@localhost' is not an e-mail address"}}) {
        auto issues = load_changed("courses.csv", good, bad);
        INFO(test::all_issues(issues));
        CHECK(test::has_issue(issues, expected));
        CHECK(issues.error_count() == 1);
    }
}

TEST_CASE("a funding that pays for an answer the questionnaire does not have is an error") {
    auto issues = load_changed("pack.toml", R"(free_for = ["situation=newcomer"])",
                               R"(free_for = ["situation=newcomr", "status=newcomer"])");
    CHECK(test::has_issue(issues,
                          "pack.toml: funding.municipality.free_for: 'situation=newcomr' "
                          "is not QUESTION=OPTION of questionnaire.toml"));
    CHECK(test::has_issue(issues,
                          "pack.toml: funding.municipality.free_for: 'status=newcomer' "
                          "is not QUESTION=OPTION of questionnaire.toml"));
}

TEST_CASE("a funding that pays whole courses must say so to the visitor in Dutch") {
    auto issues =
        load_changed("pack.toml", R"(paid.nl = "Gratis voor u: de gemeente betaalt")", "");
    CHECK(
        test::has_issue(issues, "pack.toml:47: funding.municipality.paid.nl: missing Dutch text"));
}
