#include "kiosk/core/ooapi/ooapi_import.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <limits>

#include "kiosk/core/io/csv.hpp"
#include "kiosk/core/ooapi/ooapi_mapping.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

std::string ooapi_fixture(const std::string& name) {
    const auto path = test::fixture("ooapi") / name;
    REQUIRE(std::filesystem::exists(path));
    return test::read_text(path);
}

// The imported catalogue with its issues, and a way to read a cell by column name.
struct Imported {
    OoapiImport result;
    Issues issues;

    explicit Imported(std::string_view json, std::vector<std::string> languages = {"nl", "en"}) {
        result = import_ooapi(json, "catalogue.json", languages, issues);
    }
    const std::vector<std::string>* row(const std::string& id) const {
        const auto found = std::find_if(result.rows.begin(), result.rows.end(),
                                        [&](const auto& r) { return r.at(0) == id; });
        return found == result.rows.end() ? nullptr : &*found;
    }
    std::string cell(const std::string& id, const std::string& column) const {
        const auto* r = row(id);
        REQUIRE(r != nullptr);
        const auto at = std::find(result.header.begin(), result.header.end(), column);
        REQUIRE(at != result.header.end());
        return r->at(static_cast<std::size_t>(at - result.header.begin()));
    }
    std::vector<Issue> about(const std::string& text, Severity severity) const {
        std::vector<Issue> out;
        for (const Issue& issue : issues.all()) {
            if (issue.severity == severity && format_issue(issue).find(text) != std::string::npos) {
                out.push_back(issue);
            }
        }
        return out;
    }
};

std::string replaced(std::string text, const std::string& mark, const std::string& with) {
    for (auto at = text.find(mark); at != std::string::npos;
         at = text.find(mark, at + with.size())) {
        text.replace(at, mark.size(), with);
    }
    return text;
}

// A small usable OOAPI course; tests change one thing at a time. `more_offerings`
// continues the list of offerings after the first.
std::string course(const std::string& code, const std::string& more_offerings = "") {
    const std::string course = R"j({"courseId": "@CODE@",
      "primaryCode": {"codeType": "identifier", "code": "@CODE@"},
      "name": [{"language": "nl-NL", "value": "Cursus @CODE@"}],
      "description": [{"language": "nl-NL", "value": "Een cursus."}],
      "teachingLanguage": "nl-NL", "level": "secondary vocational education 2",
      "modeOfDelivery": ["online"], "fieldsOfStudy": "0611", "duration": "P10W",
      "studyLoad": {"studyLoadUnit": "hour", "value": 60},
      "link": "https://school.example.nl/@CODE@",
      "organization": {"organizationId": "o1",
                       "name": [{"language": "nl-NL", "value": "School (voorbeeld)"}]},
      "offerings": {"items": [
        {"offeringId": "x", "startDate": "2027-03-01", "endDate": "2027-05-07",
         "priceInformation": [{"costType": "total costs", "amount": "100", "currency": "EUR"}]}
        @MORE@]}})j";
    return replaced(replaced(course, "@CODE@", code), "@MORE@", more_offerings);
}

}  // namespace

TEST_CASE("turns the catalogue fixture into rows of courses.csv, leaving out what it cannot use") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    INFO(test::all_issues(catalogue.issues));

    CHECK(csv_line(catalogue.result.header) ==
          "id,title_nl,description_nl,title_en,description_en,provider,url,level,entry_level,"
          "dutch_level,sectors,interests,topics,skills,target_groups,mode,schedule,"
          "hours_per_week,duration_weeks,cost_eur,funding,place,postcode,lat,lon,language,"
          "start_dates,contact,address,enrol_url,phone,email\n");
    REQUIRE(catalogue.result.rows.size() == 6);
    CHECK(catalogue.issues.error_count() == 3);
    for (const auto& row : catalogue.result.rows)
        CHECK(row.size() == catalogue.result.header.size());

    CHECK(catalogue.cell("HZW-2", "title_nl") == "Helpende Zorg en Welzijn");
    CHECK(catalogue.cell("HZW-2", "title_en") == "Care and welfare assistant");
    CHECK(catalogue.cell("HZW-2", "description_nl") ==
          "U leert mensen helpen bij wassen, eten en bewegen. U loopt stage in een verpleeghuis.");
    CHECK(catalogue.cell("HZW-2", "provider") == "ROC Zuidrand (voorbeeld)");
    CHECK(catalogue.cell("HZW-2", "url") ==
          "https://roc-zuidrand.example.nl/opleidingen/helpende-zorg-en-welzijn");
    CHECK(catalogue.cell("HZW-2", "duration_weeks") == "52");
    CHECK(catalogue.cell("HZW-2", "hours_per_week") == "15");
    CHECK(catalogue.cell("HZW-2", "interests").empty());
    CHECK(catalogue.cell("HZW-2", "contact").empty());
}

TEST_CASE("maps teachingLanguage nld to nl") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    CHECK(catalogue.cell("NT2-A2-AVOND", "language") == "nl");
    // Only the offerings say "nld" here; the course has no teachingLanguage of its own.
    CHECK(catalogue.cell("PV-MONTEUR-3", "language") == "nl");
    CHECK(ooapi::language_code("nld") == "nl");
    CHECK(ooapi::language_code("dut") == "nl");
    CHECK(ooapi::language_code("nl-NL") == "nl");
    CHECK(ooapi::language_code("eng") == "en");
    CHECK_FALSE(ooapi::language_code("xyz"));
}

TEST_CASE("maps teachingLanguage en-GB to en, and asks no Dutch for a course taught in English") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    const auto id = ooapi::course_id("DATA-ANALYTICS-AD-2027", {});
    CHECK(catalogue.cell(id, "language") == "en");
    CHECK(catalogue.cell(id, "dutch_level") == "none");
    CHECK(catalogue.cell(id, "level") == "ad");
    CHECK(catalogue.cell(id, "entry_level") == "mbo4");
}

TEST_CASE("reports a record without a Dutch name and keeps the others") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    const auto errors = catalogue.about("name: no Dutch name", Severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == R"(courses[6] (courseId "5d0c1e9a-0007-4c1a-9a00-000000000007"))");
    CHECK(errors[0].line == 204);
    CHECK(catalogue.row("VERKOOP-2") == nullptr);
    // A course that is left out says only why, not what else it lacks (here a price).
    CHECK(catalogue.about("courses[6]", Severity::warning).empty());
    CHECK(catalogue.row("HZW-2") != nullptr);
    CHECK(catalogue.row("RECREATIE-2") != nullptr);
}

TEST_CASE(
    "reports an on-site course without offerings or address, and an unknown "
    "modeOfDelivery") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    // Without offerings the course starts on request, but on site it still needs a place.
    CHECK(catalogue.about("courses[7]", Severity::error).size() == 1);
    CHECK(catalogue
              .about(R"(courses[7] (courseId "5d0c1e9a-0008-4c1a-9a00-000000000008"): )"
                     "addresses: none with a geolocation",
                     Severity::error)
              .size() == 1);
    CHECK(catalogue.about("courses[8]", Severity::error).size() == 1);
    CHECK(catalogue.about("modeOfDelivery: 'on the job'", Severity::error).size() == 1);
    CHECK(catalogue.row("KOK-2") == nullptr);
    CHECK(catalogue.row("ADMIN-3") == nullptr);
}

TEST_CASE("merges embedded and separately listed offerings into sorted, unique start dates") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    CHECK(catalogue.cell("HZW-2", "start_dates") == "2027-02-01;2027-08-30");
    CHECK(catalogue.cell("NT2-A2-AVOND", "start_dates") == "2027-01-12;2027-04-13");
    const auto unknown = catalogue.about("is not a course in the files read", Severity::warning);
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].field == R"(offerings[6] (offeringId "off-lasser-2027-05"))");
    CHECK(unknown[0].line == 365);
}

TEST_CASE("maps levels to level, entry_level and dutch_level") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    CHECK(catalogue.cell("HZW-2", "level") == "mbo2");
    CHECK(catalogue.cell("HZW-2", "entry_level") == "vmbo");
    CHECK(catalogue.cell("HZW-2", "dutch_level") == "B1");
    CHECK(catalogue.cell("HEFTRUCK-1", "level") == "mbo1");
    CHECK(catalogue.cell("HEFTRUCK-1", "entry_level") == "none");
    CHECK(catalogue.cell("HEFTRUCK-1", "dutch_level") == "A2");
    // A course that teaches Dutch cannot ask for Dutch to start.
    CHECK(catalogue.cell("NT2-A2-AVOND", "level") == "none");
    CHECK(catalogue.cell("NT2-A2-AVOND", "dutch_level") == "none");
    CHECK(ooapi::course_level("bachelor") == Level::hbo);
    CHECK(ooapi::course_level("master") == Level::wo);
    CHECK(ooapi::course_level("undefined") == Level::none);
    CHECK_FALSE(ooapi::course_level("secondary vocational education"));
    CHECK(ooapi::entry_level_for(Level::wo) == Education::vwo);
}

TEST_CASE("maps ISCED-F fields of study to sectors, warning about codes it does not know") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    CHECK(catalogue.cell("HZW-2", "sectors") == "care");
    CHECK(catalogue.cell("NT2-A2-AVOND", "sectors") == "language_basic");
    CHECK(catalogue.cell("HEFTRUCK-1", "sectors") == "logistics");
    CHECK(catalogue.cell("PV-MONTEUR-3", "sectors") == "installation_energy");
    CHECK(catalogue.cell("RECREATIE-2", "sectors").empty());
    CHECK(catalogue.about("fieldsOfStudy: '1015' has no sector", Severity::warning).size() == 1);
    CHECK(ooapi::sector_for_field("0731") == "technology");
    CHECK(ooapi::sector_for_field("0413") == "office");
    CHECK(ooapi::sector_for_field("0416") == "retail");
    CHECK(ooapi::sector_for_field("1013") == "hospitality");
    CHECK(ooapi::sector_for_field("09") == "care");
    CHECK(ooapi::sector_for_field("0114") == "education");
    CHECK(ooapi::sector_for_field("0811") == "green");
    CHECK_FALSE(ooapi::sector_for_field("04"));
    CHECK_FALSE(ooapi::sector_for_field("care"));
}

TEST_CASE("maps modeOfDelivery to onsite, online or blended") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    CHECK(catalogue.cell("HZW-2", "mode") == "onsite");
    CHECK(catalogue.cell("HEFTRUCK-1", "mode") == "onsite");
    CHECK(catalogue.cell("NT2-A2-AVOND", "mode") == "blended");
    // One offering on campus and one online: together blended.
    CHECK(catalogue.cell("PV-MONTEUR-3", "mode") == "blended");
    CHECK(ooapi::delivery_mode("distance-learning") == Mode::online);
    CHECK(ooapi::delivery_mode("oncampus") == Mode::onsite);
    CHECK_FALSE(ooapi::delivery_mode("on the job"));
}

TEST_CASE("converts ISO 8601 durations to whole weeks") {
    CHECK(ooapi::duration_weeks("P10W") == 10);
    CHECK(ooapi::duration_weeks("P6M") == 26);
    CHECK(ooapi::duration_weeks("P1Y") == 52);
    CHECK(ooapi::duration_weeks("P1Y6M") == 78);
    CHECK(ooapi::duration_weeks("P3D") == 1);
    CHECK(ooapi::duration_weeks("PT40H") == 1);
    CHECK_FALSE(ooapi::duration_weeks("10 weeks"));
    CHECK_FALSE(ooapi::duration_weeks("P"));
    CHECK_FALSE(ooapi::duration_weeks("P0W"));
    CHECK_FALSE(ooapi::duration_weeks("P10X"));
}

TEST_CASE("takes the duration from the offering dates when the course gives none") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    CHECK(catalogue.cell("PV-MONTEUR-3", "duration_weeks") == "17");  // 2027-03-01 .. 06-25
    CHECK(catalogue.cell("PV-MONTEUR-3", "hours_per_week") == "8");   // 136 hours over 17 weeks
}

TEST_CASE("hours per week come from the study load, else a default with a warning") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    CHECK(catalogue.cell("NT2-A2-AVOND", "hours_per_week") == "4");  // 80 contact hours, 20 weeks
    const auto id = ooapi::course_id("DATA-ANALYTICS-AD-2027", {});
    CHECK(catalogue.cell(id, "hours_per_week") == "16");  // 15 EC of 28 hours over 26 weeks
    CHECK(catalogue.cell("HEFTRUCK-1", "hours_per_week") == "4");
    const auto warnings = catalogue.about("studyLoad: missing", Severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].field.find("5d0c1e9a-0004") != std::string::npos);
}

TEST_CASE("the schedule is day unless the offerings say otherwise") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    CHECK(catalogue.cell("HZW-2", "schedule") == "day");
    CHECK(catalogue.cell("NT2-A2-AVOND", "schedule") == "evening");          // "avondgroep"
    CHECK(catalogue.cell("HEFTRUCK-1", "schedule") == "weekend");            // "zaterdaggroep"
    CHECK(catalogue.cell("PV-MONTEUR-3", "schedule") == "evening;weekend");  // ext.schedule
}

TEST_CASE("the cost is the lowest total costs in EUR, else tuition, else 0 with a warning") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    CHECK(catalogue.cell("HZW-2", "cost_eur") == "0");
    CHECK(catalogue.cell("NT2-A2-AVOND", "cost_eur") == "120");
    CHECK(catalogue.cell(ooapi::course_id("DATA-ANALYTICS-AD-2027", {}), "cost_eur") == "1250");
    CHECK(catalogue.cell("PV-MONTEUR-3", "cost_eur") == "495");
    CHECK(catalogue.cell("RECREATIE-2", "cost_eur") == "0");
    CHECK(catalogue.about("priceInformation: no \"total costs\"", Severity::warning).size() == 1);
}

TEST_CASE("place and coordinates come from the first address with a geolocation") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    CHECK(catalogue.cell("HZW-2", "place") == "Heerlen");
    CHECK(catalogue.cell("HZW-2", "postcode") == "6411 AB");
    CHECK(catalogue.cell("HZW-2", "lat") == "50.8882");
    CHECK(catalogue.cell("HZW-2", "lon") == "5.9795");
    CHECK(catalogue.cell("NT2-A2-AVOND", "postcode") == "6461 AB");
    CHECK(catalogue.cell("NT2-A2-AVOND", "address") == "Marktstraat 5");
    // The teaching address wins over the postal one listed before it.
    CHECK(catalogue.cell("HEFTRUCK-1", "place") == "Venlo-Trade Port");
    // The course's own address, given with "zip".
    CHECK(catalogue.cell("PV-MONTEUR-3", "place") == "Venlo");
    CHECK(catalogue.cell("PV-MONTEUR-3", "postcode") == "5911 AA");
    CHECK(catalogue.cell(ooapi::course_id("DATA-ANALYTICS-AD-2027", {}), "place").empty());
}

TEST_CASE("derives ids from the primary code: upper case, valid characters, short and unique") {
    CHECK(ooapi::course_id("nt2_a2_avond", {}) == "NT2-A2-AVOND");
    CHECK(ooapi::course_id("hzw 2 (bol)", {}) == "HZW-2-BOL");
    const auto long_id = ooapi::course_id("DATA-ANALYTICS-AD-2027", {});
    CHECK(long_id.size() == 12);
    CHECK(long_id.starts_with("DATA-AN-"));
    CHECK(long_id == ooapi::course_id("DATA-ANALYTICS-AD-2027", {}));  // stable
    CHECK(long_id != ooapi::course_id("DATA-ANALYTICS-AD-2028", {}));
    const auto second = ooapi::course_id("HZW-2", {"HZW-2"});
    CHECK(second != "HZW-2");
    CHECK(second.starts_with("HZW-2-"));
    CHECK(ooapi::course_id("???", {}).starts_with("C-"));

    // Two courses (two courseIds) with the same primary code; one courseId read twice is
    // one course (see ooapi_pages_test.cpp).
    const Imported twice(
        "[" + course("DUP-1") + "," +
        test::replace_once(course("DUP-1"), R"("courseId": "DUP-1")", R"("courseId": "DUP-1-B")") +
        "]");
    INFO(test::all_issues(twice.issues));
    REQUIRE(twice.result.rows.size() == 2);
    CHECK(twice.result.rows[0][0] == "DUP-1");
    CHECK(twice.result.rows[1][0] == ooapi::course_id("DUP-1", {"DUP-1"}));
    CHECK(twice.about("is used by an earlier course", Severity::warning).size() == 1);
}

TEST_CASE("accepts a bare array of courses as well as a paginated list") {
    const Imported bare("[" + course("A-1") + "]");
    const Imported paged(R"({"pageNumber": 1, "items": [)" + course("A-1") + "]}");
    INFO(test::all_issues(bare.issues) + test::all_issues(paged.issues));
    CHECK(bare.result.rows.size() == 1);
    CHECK(bare.result.rows == paged.result.rows);
    CHECK_FALSE(bare.issues.has_errors());
}

TEST_CASE("an offering without a start date is left out with a warning") {
    const Imported imported(
        "[" + course("A-1", R"(, {"offeringId": "y", "endDate": "2027-06-01"})") + "]");
    INFO(test::all_issues(imported.issues));
    CHECK(imported.cell("A-1", "start_dates") == "2027-03-01");
    CHECK(imported.about(R"(offerings[1] (offeringId "y"): startDate: missing)", Severity::warning)
              .size() == 1);
}

TEST_CASE("a link that is not https is reported") {
    std::string json = "[" + course("A-1") + "]";
    json = test::replace_once(json, "https://", "http://");
    const Imported imported(json);
    CHECK(imported.result.rows.empty());
    CHECK(imported.about("does not start with https://", Severity::error).size() == 1);
}

TEST_CASE("an on-site course without a located address is reported") {
    std::string json = "[" + course("A-1") + "]";
    json = test::replace_once(json, R"(["online"])", R"(["situated"])");
    const Imported imported(json);
    CHECK(imported.result.rows.empty());
    CHECK(imported.about("addresses: none with a geolocation", Severity::error).size() == 1);
}

TEST_CASE("an absurd price is reported, not written as garbage") {
    std::string json = "[" + course("A-1") + "," + course("B-1") + "]";
    json = test::replace_once(json, R"("amount": "100")", R"("amount": "1e300")");
    const Imported imported(json);
    INFO(test::all_issues(imported.issues));
    const auto errors = imported.about(
        "amount '1e300' is more than the 100000 euros courses.csv "
        "accepts in cost_eur",
        Severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == R"(courses[0] (courseId "A-1"))");
    CHECK(imported.row("A-1") == nullptr);
    CHECK(imported.cell("B-1", "cost_eur") == "100");
    CHECK(to_csv(imported.result).find('\0') == std::string::npos);

    // Just over the limit is as wrong; the limit itself is a price.
    std::string over = "[" + course("A-1") + "]";
    over = test::replace_once(over, R"("amount": "100")", R"("amount": "100000.01")");
    CHECK(Imported(over).about("is more than the 100000 euros", Severity::error).size() == 1);
    std::string limit = "[" + course("A-1") + "]";
    limit = test::replace_once(limit, R"("amount": "100")", R"("amount": "100000")");
    CHECK(Imported(limit).cell("A-1", "cost_eur") == "100000");

    CHECK_FALSE(ooapi::format_number(1e300, 2));
    CHECK_FALSE(ooapi::format_number(std::numeric_limits<double>::infinity(), 2));
    CHECK_FALSE(ooapi::format_number(std::numeric_limits<double>::quiet_NaN(), 2));
    CHECK(ooapi::format_number(15.5, 1) == "15.5");
    CHECK(ooapi::format_number(120, 2) == "120");
    CHECK_FALSE(ooapi::parse_amount("inf"));
    CHECK_FALSE(ooapi::parse_amount("nan"));
}

TEST_CASE("a huge study load is reported") {
    std::string json = "[" + course("A-1") + "," + course("B-1") + "]";
    json = test::replace_once(json, R"("value": 60)", R"("value": 1e300)");
    const Imported imported(json);
    INFO(test::all_issues(imported.issues));
    const auto errors = imported.about(
        "studyLoad: 1e+300 hours over 10 weeks is 1e+299 hours a week; courses.csv accepts 0 to "
        "60 in hours_per_week",
        Severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == R"(courses[0] (courseId "A-1"))");
    CHECK(imported.row("A-1") == nullptr);
    CHECK(imported.cell("B-1", "hours_per_week") == "6");
    CHECK(to_csv(imported.result).find('\0') == std::string::npos);

    // 600 hours over 10 weeks is the most courses.csv takes; 610 is too much.
    std::string limit = "[" + course("A-1") + "]";
    limit = test::replace_once(limit, R"("value": 60)", R"("value": 600)");
    CHECK(Imported(limit).cell("A-1", "hours_per_week") == "60");
    std::string over = "[" + course("A-1") + "]";
    over = test::replace_once(over, R"("value": 60)", R"("value": 610)");
    CHECK(Imported(over).about("61 hours a week", Severity::error).size() == 1);

    // A study load too large for a double is no study load at all.
    CHECK_FALSE(ooapi::study_load_hours("ects", 1e308));
    CHECK_FALSE(ooapi::study_load_hours("hour", std::numeric_limits<double>::infinity()));
}

TEST_CASE("a duration longer than courses.csv accepts is reported") {
    std::string json = "[" + course("A-1") + "]";
    json = test::replace_once(json, R"("P10W")", R"("P5000Y")");
    const Imported imported(json);
    INFO(test::all_issues(imported.issues));
    CHECK(imported
              .about("duration: 'P5000Y' is more than the 520 weeks courses.csv accepts in "
                     "duration_weeks",
                     Severity::error)
              .size() == 1);
    CHECK(imported.result.rows.empty());
    CHECK(ooapi::duration_weeks("P99999999999999999999Y") == 100000);

    // Without a duration, the offering's dates give it.
    std::string dates = "[" + course("A-1") + "]";
    dates = test::replace_once(dates, R"("duration": "P10W",)", "");
    dates = test::replace_once(dates, "2027-05-07", "2047-05-07");
    const Imported from_dates(dates);
    CHECK(from_dates
              .about("offerings: startDate 2027-03-01 to endDate 2047-05-07 is more than the "
                     "520 weeks",
                     Severity::error)
              .size() == 1);
    CHECK(from_dates.result.rows.empty());
}

TEST_CASE("reads dates as the matcher does, and counts the days between them") {
    CHECK(ooapi::iso_date("2027-01-11") == "2027-01-11");
    CHECK(ooapi::iso_date(" 2027-01-11T09:00:00+01:00") == "2027-01-11");
    CHECK(ooapi::iso_date("2028-02-29") == "2028-02-29");
    CHECK_FALSE(ooapi::iso_date("2027-02-29"));
    CHECK_FALSE(ooapi::iso_date("2027-1x-05"));
    CHECK_FALSE(ooapi::iso_date("-027-01-05"));
    CHECK_FALSE(ooapi::iso_date("2027-01-1"));
    CHECK_FALSE(ooapi::iso_date("2027-01-11X"));
    CHECK_FALSE(ooapi::iso_date("11-01-2027"));
    CHECK(ooapi::days_between("2027-03-01", "2027-06-25") == 116);
    CHECK(ooapi::days_between("2027-12-31", "2028-01-01") == 1);
    CHECK(ooapi::days_between("2028-03-01", "2028-02-28") == -2);
}

TEST_CASE("malformed JSON is reported with its line") {
    const Imported broken(ooapi_fixture("broken.json"));
    REQUIRE(broken.issues.all().size() == 1);
    const Issue& issue = broken.issues.all()[0];
    CHECK(issue.severity == Severity::error);
    CHECK(issue.line == 6);
    CHECK(issue.message.starts_with("not valid JSON at column 12 (byte 160): syntax error"));
    CHECK(broken.result.rows.empty());
    CHECK(broken.result.header.front() == "id");
}

TEST_CASE("a document that is not a list of courses is reported") {
    const Imported imported(R"({"course": "none"})");
    REQUIRE(imported.issues.all().size() == 1);
    CHECK(imported.issues.all()[0].message.find("expected a page of courses") != std::string::npos);
}

TEST_CASE("adds Dutch to the languages and writes a column pair for each") {
    const Imported imported("[" + course("A-1") + "]", {"en", "ar"});
    CHECK(std::vector<std::string>(imported.result.header.begin(),
                                   imported.result.header.begin() + 7) ==
          std::vector<std::string>{"id", "title_nl", "description_nl", "title_en", "description_en",
                                   "title_ar", "description_ar"});
    CHECK(imported.cell("A-1", "title_en").empty());
}

TEST_CASE("to_csv writes the header and rows that our CSV reader reads back") {
    const Imported catalogue(ooapi_fixture("catalogue.json"));
    const std::string text = to_csv(catalogue.result);
    Issues issues;
    const CsvTable table = parse_csv(text, "courses.csv", issues);
    INFO(test::all_issues(issues));
    CHECK_FALSE(issues.has_errors());
    CHECK(table.header == catalogue.result.header);
    REQUIRE(table.records.size() == catalogue.result.rows.size());
    for (std::size_t i = 0; i < table.records.size(); ++i) {
        CHECK(table.records[i].fields == catalogue.result.rows[i]);
    }
}
