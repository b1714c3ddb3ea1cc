#include "kiosk/core/matching/matcher.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "kiosk/core/matching/match_index.hpp"

using namespace kiosk;

namespace {

const std::int32_t today = days_from_civil(2026, 12, 1);
constexpr double heerlen_lat = 50.8882, heerlen_lon = 5.9795;

Course course(std::string id, std::string provider = "School A") {
    Course c;
    c.id = std::move(id);
    c.text["nl"] = {"Cursus " + c.id, "Beschrijving", ""};
    c.provider = std::move(provider);
    c.url = "https://school.example.nl/" + c.id;
    c.level = Level::mbo2;
    c.mode = Mode::onsite;
    c.schedule = schedule_day;
    c.hours_per_week = 4;
    c.duration_weeks = 10;
    c.place = "Heerlen";
    c.lat = heerlen_lat;
    c.lon = heerlen_lon;
    c.language = "nl";
    c.start_dates = {"2027-01-15"};
    return c;
}

Option option(std::string id, Constraints constraints = {}, std::vector<TagWeight> weights = {}) {
    Option o;
    o.id = std::move(id);
    o.text["nl"] = o.id;
    o.reason["nl"] = "reden " + o.id;
    o.constraints = std::move(constraints);
    o.weights = std::move(weights);
    return o;
}

// A pack with one question per option list given; no relaxation unless asked.
ContentPack pack_asking(std::vector<std::vector<Option>> questions) {
    ContentPack pack;
    pack.info.languages = {"nl"};
    pack.matching.results = 5;
    pack.matching.min_results = 1;
    pack.matching.max_per_provider = 5;
    pack.matching.fits_text["nl"] = "past";
    int n = 0;
    for (auto& options : questions) {
        Question q;
        q.id = "q" + std::to_string(n++);
        q.text["nl"] = q.id;
        q.options = std::move(options);
        pack.questionnaire.questions.push_back(std::move(q));
    }
    return pack;
}

struct Run {
    ContentPack pack;
    std::vector<Course> courses;

    Ranking rank(std::vector<Answer> answers) const {
        std::vector<Course> sorted = courses;
        std::sort(sorted.begin(), sorted.end(),
                  [](const Course& a, const Course& b) { return a.id < b.id; });
        const MatchIndex index = MatchIndex::build(sorted);
        const Matcher matcher(pack, index);
        Ranking r = matcher.rank(answers, {today, heerlen_lat, heerlen_lon});
        ids.clear();
        for (const auto& result : r.results)
            ids.push_back(index.course_ids[static_cast<std::size_t>(result.course)]);
        return r;
    }
    mutable std::vector<std::string> ids = {};
};

std::vector<std::string> ranked(const Run& run, std::vector<Answer> answers) {
    run.rank(std::move(answers));
    return run.ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("rules out courses that need more education than the visitor has") {
    Constraints vmbo;
    vmbo.education = Education::vmbo;
    Run run{pack_asking({{option("vmbo", vmbo)}}), {course("A"), course("B")}};
    run.courses[0].entry_level = Education::mbo4;
    run.courses[1].entry_level = Education::vmbo;
    CHECK(ranked(run, {{0, 0}}) == Ids{"B"});
}

TEST_CASE("havo and mbo 4 give the same entry") {
    Constraints havo;
    havo.education = Education::havo;
    Run run{pack_asking({{option("havo", havo)}}), {course("HBO")}};
    run.courses[0].entry_level = Education::mbo4;
    CHECK(ranked(run, {{0, 0}}) == Ids{"HBO"});
}

TEST_CASE("rules out courses that need more Dutch than the visitor reads") {
    Constraints a2;
    a2.dutch = DutchLevel::A2;
    Run run{pack_asking({{option("a2", a2)}}), {course("A"), course("B")}};
    run.courses[0].dutch_level = DutchLevel::B1;
    run.courses[1].dutch_level = DutchLevel::A1;
    CHECK(ranked(run, {{0, 0}}) == Ids{"B"});
}

TEST_CASE("rules out courses that start too late, and courses that have all started") {
    Run run{pack_asking({{option("x")}}),
            {course("SOON"), course("LATE"), course("PAST"), course("ANY")}};
    run.pack.matching.start_within_days = 90;
    run.courses[1].start_dates = {"2027-06-01"};
    run.courses[2].start_dates = {"2026-09-01"};
    run.courses[3].start_dates = {};
    run.courses[3].continuous_start = true;
    CHECK(ranked(run, {{0, 0}}) == Ids{"ANY", "SOON"});
}

TEST_CASE("rules out on-site courses beyond the travel distance but keeps online ones") {
    Constraints near;
    near.max_distance_km = 15;
    Run run{pack_asking({{option("near", near)}}),
            {course("HEERLEN"), course("VENLO"), course("ONLINE")}};
    run.courses[1].lat = 51.3704;  // Venlo, about 60 km
    run.courses[1].lon = 6.1724;
    run.courses[2].mode = Mode::online;
    run.courses[2].lat.reset();
    run.courses[2].lon.reset();
    CHECK(ranked(run, {{0, 0}}) == Ids{"HEERLEN", "ONLINE"});
}

TEST_CASE("rules out courses outside the chosen times") {
    Constraints evening;
    evening.schedule = schedule_evening;
    Run run{pack_asking({{option("evening", evening)}}),
            {course("DAY"), course("EVE"), course("BOTH")}};
    run.courses[1].schedule = schedule_evening;
    run.courses[2].schedule = schedule_day | schedule_evening;
    CHECK(ranked(run, {{0, 0}}) == Ids{"BOTH", "EVE"});
}

TEST_CASE("rules out courses with more hours a week than the visitor has") {
    Constraints few;
    few.max_hours = 4;
    Run run{pack_asking({{option("few", few)}}), {course("LIGHT"), course("HEAVY")}};
    run.courses[1].hours_per_week = 16;
    CHECK(ranked(run, {{0, 0}}) == Ids{"LIGHT"});
}

TEST_CASE("rules out courses that cost more than the visitor can pay") {
    Constraints free;
    free.max_cost = 0;
    Run run{pack_asking({{option("free", free)}}), {course("FREE"), course("PAID")}};
    run.courses[1].cost_eur = 250;
    CHECK(ranked(run, {{0, 0}}) == Ids{"FREE"});
}

TEST_CASE("rules out courses not given in the chosen way") {
    Constraints online;
    online.modes = static_cast<std::uint8_t>((1u << static_cast<unsigned>(Mode::online)) |
                                             (1u << static_cast<unsigned>(Mode::blended)));
    Run run{pack_asking({{option("online", online)}}),
            {course("SITE"), course("NET"), course("MIX")}};
    run.courses[1].mode = Mode::online;
    run.courses[2].mode = Mode::blended;
    CHECK(ranked(run, {{0, 0}}) == Ids{"MIX", "NET"});
}

TEST_CASE("rules out courses taught in another language") {
    Constraints english;
    english.languages = std::vector<std::string>{"en"};
    Run run{pack_asking({{option("en", english)}}), {course("NL"), course("EN")}};
    run.courses[1].language = "en";
    CHECK(ranked(run, {{0, 0}}) == Ids{"EN"});
}

TEST_CASE("answers together take the strictest limit") {
    Constraints eight, four;
    eight.max_hours = 8;
    four.max_hours = 4;
    Run run{pack_asking({{option("eight", eight)}, {option("four", four)}}),
            {course("FOUR"), course("SIX")}};
    run.courses[1].hours_per_week = 6;
    CHECK(ranked(run, {{0, 0}, {1, 0}}) == Ids{"FOUR"});
}

TEST_CASE(
    "relaxes the schedule filter when nothing matches, says so, and shows fitting courses first") {
    Constraints evening;
    evening.schedule = schedule_evening;
    Run run{pack_asking({{option("evening", evening)}}),
            {course("DAY1"), course("DAY2"), course("EVE")}};
    run.pack.matching.min_results = 3;
    run.pack.matching.relax = {ConstraintKind::distance, ConstraintKind::schedule,
                               ConstraintKind::cost};
    run.pack.matching.relax_text[ConstraintKind::schedule]["nl"] = "ook andere tijden";
    run.courses[2].schedule = schedule_evening;
    run.courses[0].cost_eur = 10;
    const Ranking r = run.rank({{0, 0}});
    CHECK(run.ids == Ids{"EVE", "DAY1", "DAY2"});
    // Distance was relaxed on the way, but no shown course is further away: only
    // the schedule is named.
    CHECK(r.relaxed == std::vector<ConstraintKind>{ConstraintKind::schedule});
    CHECK(r.results[0].missed == 0);
    const auto& day = r.results[1];
    REQUIRE_FALSE(day.reasons.empty());
    CHECK(day.reasons.back().kind == Reason::Kind::relaxed);
    CHECK(day.reasons.back().constraint == ConstraintKind::schedule);
    CHECK(reason_text(run.pack, day.reasons.back(), "nl") == "ook andere tijden");
}

TEST_CASE("does not relax when enough courses fit") {
    Constraints evening;
    evening.schedule = schedule_evening;
    Run run{pack_asking({{option("evening", evening)}}), {course("DAY"), course("EVE")}};
    run.pack.matching.min_results = 1;
    run.pack.matching.relax = {ConstraintKind::schedule};
    run.courses[1].schedule = schedule_evening;
    const Ranking r = run.rank({{0, 0}});
    CHECK(run.ids == Ids{"EVE"});
    CHECK(r.relaxed.empty());
}

TEST_CASE("never offers a course the visitor cannot follow, even when nothing else exists") {
    Constraints none;
    none.education = Education::none;
    none.dutch = DutchLevel::none;
    Run run{pack_asking({{option("none", none)}}), {course("HBO")}};
    run.pack.matching.min_results = 3;
    run.pack.matching.relax = {ConstraintKind::start,    ConstraintKind::distance,
                               ConstraintKind::schedule, ConstraintKind::hours,
                               ConstraintKind::cost,     ConstraintKind::mode,
                               ConstraintKind::language};
    run.courses[0].entry_level = Education::mbo4;
    run.courses[0].dutch_level = DutchLevel::B2;
    const Ranking r = run.rank({{0, 0}});
    CHECK(r.results.empty());
    CHECK(r.candidates == 0);
}

TEST_CASE("shows at most two courses of one provider in the results") {
    Run run{pack_asking({{option("care", {}, {{"sector:care", 1}})}}), {}};
    run.pack.matching.max_per_provider = 2;
    for (int i = 0; i < 5; ++i) {
        run.courses.push_back(course("A" + std::to_string(i), "Big School"));
        run.courses.back().sectors = {"care"};
    }
    run.courses.push_back(course("B1", "Small School"));
    run.courses.push_back(course("C1", "Third School"));
    CHECK(ranked(run, {{0, 0}}) == Ids{"A0", "A1", "B1", "C1"});
}

TEST_CASE("weights from the pack decide the order, and ties go by course id") {
    Run run{pack_asking({{option("x", {}, {{"sector:care", 2}, {"sector:ict", 1}})}}),
            {course("ICT"), course("CARE"), course("TIE-B"), course("TIE-A")}};
    run.courses[0].sectors = {"ict"};
    run.courses[1].sectors = {"care"};
    CHECK(ranked(run, {{0, 0}}) == Ids{"CARE", "ICT", "TIE-A", "TIE-B"});
    run.pack.questionnaire.questions[0].options[0].weights = {{"sector:care", 1},
                                                              {"sector:ict", 2}};
    CHECK(ranked(run, {{0, 0}}) == Ids{"ICT", "CARE", "TIE-A", "TIE-B"});
}

TEST_CASE("negative weights push courses down") {
    Run run{pack_asking({{option("no-care", {}, {{"sector:care", -2}})}}),
            {course("CARE"), course("OTHER")}};
    run.courses[0].sectors = {"care"};
    CHECK(ranked(run, {{0, 0}}) == Ids{"OTHER", "CARE"});
}

TEST_CASE("every result says why it fits, strongest reason first") {
    Run run{pack_asking({{option("care", {}, {{"sector:care", 3}})},
                         {option("jobseeker", {}, {{"target:jobseeker", 1}})}}),
            {course("CARE")}};
    run.courses[0].sectors = {"care"};
    run.courses[0].target_groups = {"jobseeker"};
    const Ranking r = run.rank({{1, 0}, {0, 0}});
    REQUIRE(r.results.size() == 1);
    const auto& reasons = r.results[0].reasons;
    REQUIRE(reasons.size() == 2);
    CHECK(reason_text(run.pack, reasons[0], "nl") == "reden care");
    CHECK(reasons[0].weight == 3);
    CHECK(reason_text(run.pack, reasons[1], "nl") == "reden jobseeker");
}

TEST_CASE("a course with no standing-out answer still carries a reason") {
    Run run{pack_asking({{option("x")}}), {course("PLAIN")}};
    const Ranking r = run.rank({{0, 0}});
    REQUIRE(r.results.size() == 1);
    REQUIRE(r.results[0].reasons.size() == 1);
    CHECK(r.results[0].reasons[0].kind == Reason::Kind::fits);
    CHECK(reason_text(run.pack, r.results[0].reasons[0], "nl") == "past");
}

TEST_CASE("the region's agenda lifts fitting courses in its sectors and says so") {
    Run run{pack_asking({{option("people", {}, {{"interest:social", 1}})}}),
            {course("CARE"), course("SHOP"), course("COLD")}};
    run.pack.matching.focus = {"q0"};
    run.pack.agenda.push_back({"care", 5, {{"nl", "veel vraag in de zorg"}}});
    run.courses[0].sectors = {"care"};
    run.courses[0].interests = {"social"};
    run.courses[1].interests = {"social", "enterprising"};
    run.courses[2].sectors = {"care"};  // no interest match: the agenda alone does not lift it
    const Ranking r = run.rank({{0, 0}});
    CHECK(run.ids == Ids{"CARE", "SHOP", "COLD"});
    CHECK(r.results[0].score == Approx(6));
    CHECK(r.results[2].score == Approx(0));
    const auto& reasons = r.results[0].reasons;
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[1].kind == Reason::Kind::agenda);
    CHECK(reason_text(run.pack, reasons[1], "nl") == "veel vraag in de zorg");
}

TEST_CASE("a course in two agenda sectors is lifted once, by the larger weight") {
    Run run{pack_asking({{option("people", {}, {{"interest:social", 1}})}}), {course("BOTH")}};
    run.pack.matching.focus = {"q0"};
    run.pack.agenda.push_back({"care", 2, {{"nl", "zorg"}}});
    run.pack.agenda.push_back({"education", 3, {{"nl", "onderwijs"}}});
    run.courses[0].sectors = {"care", "education"};
    run.courses[0].interests = {"social"};
    const Ranking r = run.rank({{0, 0}});
    REQUIRE(r.results.size() == 1);
    CHECK(r.results[0].score == Approx(4));
    REQUIRE(r.results[0].reasons.size() == 2);
    CHECK(reason_text(run.pack, r.results[0].reasons[1], "nl") == "onderwijs");
}

TEST_CASE("among courses that miss a relaxed wish, the better fit comes first") {
    Constraints evening_near;
    evening_near.schedule = schedule_evening;
    evening_near.max_distance_km = 10;
    Run run{pack_asking({{option("evening-near", evening_near, {{"topic:dutch", 5}})}}),
            {course("FIT"), course("DAY-FAR-DUTCH"), course("DAY-NEAR")}};
    run.pack.matching.min_results = 3;
    run.pack.matching.relax = {ConstraintKind::schedule, ConstraintKind::distance};
    run.courses[0].schedule = schedule_evening;
    run.courses[1].topics = {"dutch"};
    run.courses[1].lat = 50.9983;  // Sittard, 15 km away
    run.courses[1].lon = 5.8694;
    run.rank({{0, 0}});
    CHECK(run.ids == Ids{"FIT", "DAY-FAR-DUTCH", "DAY-NEAR"});
}

TEST_CASE("equal fits go nearest to the kiosk first, online ones after those in town") {
    Run run{pack_asking({{option("x")}}),
            {course("A-VENLO"), course("B-HEERLEN"), course("C-ONLINE")}};
    run.courses[0].lat = 51.3704;
    run.courses[0].lon = 6.1724;
    run.courses[1].lat = 50.8900;  // a few hundred metres from the kiosk
    run.courses[2].mode = Mode::online;
    run.courses[2].lat.reset();
    run.courses[2].lon.reset();
    CHECK(ranked(run, {{0, 0}}) == Ids{"B-HEERLEN", "C-ONLINE", "A-VENLO"});
}

TEST_CASE("relaxes further when the provider cap leaves too few courses to show") {
    Constraints evening;
    evening.schedule = schedule_evening;
    Run run{pack_asking({{option("evening", evening)}}),
            {course("EVE1", "Big"), course("EVE2", "Big"), course("EVE3", "Big"),
             course("DAY", "Other")}};
    run.pack.matching.min_results = 3;
    run.pack.matching.max_per_provider = 2;
    run.pack.matching.relax = {ConstraintKind::schedule};
    for (int i = 0; i < 3; ++i)
        run.courses[static_cast<std::size_t>(i)].schedule = schedule_evening;
    const Ranking r = run.rank({{0, 0}});
    // Three evening courses fit, but only two of one provider may be shown.
    CHECK(run.ids == Ids{"EVE1", "EVE2", "DAY"});
    CHECK(r.relaxed == std::vector<ConstraintKind>{ConstraintKind::schedule});
}

TEST_CASE("the provider cap reaches past the first sorted courses, in id order") {
    Run run{pack_asking({{option("x")}}), {}};
    run.pack.matching.max_per_provider = 2;
    for (int i = 0; i < 100; ++i) {
        char id[8];
        std::snprintf(id, sizeof id, "A%03d", i);
        run.courses.push_back(course(id, "Big School"));
    }
    for (int i = 0; i < 5; ++i)
        run.courses.push_back(course("B" + std::to_string(i), "School " + std::to_string(i)));
    // All tie; the matcher sorts a head of 64 first and must look beyond it.
    CHECK(ranked(run, {{0, 0}}) == Ids{"A000", "A001", "B0", "B1", "B2"});
}

TEST_CASE("a chosen interest comes before courses that suit the other answers better") {
    // q0 is the interest (the focus), q1 the visitor's situation.
    Run run{
        pack_asking({{option("ict", {}, {{"sector:ict", 2.5}})},
                     {option("working", {}, {{"target:employed", 1.5}, {"topic:workplace", 3}})}}),
        {course("CARE-REFRESHER"), course("EXCEL"), course("PYTHON")}};
    run.pack.matching.focus = {"q0"};
    run.courses[0].sectors = {"care"};
    run.courses[0].target_groups = {"employed"};
    run.courses[0].topics = {"workplace"};
    run.courses[1].sectors = {"ict"};
    run.courses[2].sectors = {"ict"};
    run.courses[2].target_groups = {"employed"};
    const Ranking r = run.rank({{0, 0}, {1, 0}});
    CHECK(run.ids == Ids{"PYTHON", "EXCEL", "CARE-REFRESHER"});
    CHECK_FALSE(r.results[0].outside_focus);
    // The care course only fills the list, and says that it is something else.
    CHECK(r.results[2].outside_focus);
    REQUIRE_FALSE(r.results[2].reasons.empty());
    CHECK(r.results[2].reasons[0].kind == Reason::Kind::outside);
}

TEST_CASE("wishes relax until enough courses of the chosen interest can be shown") {
    Constraints evening;
    evening.schedule = schedule_evening;
    Run run{pack_asking({{option("ict", {}, {{"sector:ict", 2.5}})}, {option("eve", evening)}}),
            {course("CARE-EVE"), course("HOSP-EVE"), course("ICT-DAY")}};
    run.pack.matching.focus = {"q0"};
    run.pack.matching.min_results = 1;
    run.pack.matching.relax = {ConstraintKind::schedule};
    run.courses[0].schedule = schedule_evening;
    run.courses[1].schedule = schedule_evening;
    run.courses[2].sectors = {"ict"};
    const Ranking r = run.rank({{0, 0}, {1, 0}});
    // Two evening courses meet every wish, but neither is ICT: the schedule relaxes.
    CHECK(run.ids.front() == "ICT-DAY");
    CHECK(r.relaxed == std::vector<ConstraintKind>{ConstraintKind::schedule});
}

TEST_CASE("the agenda lifts nothing when the visitor chose no interest or goal") {
    Run run{pack_asking({{option("people", {}, {{"interest:social", 1}})}, {option("x")}}),
            {course("CARE")}};
    run.pack.matching.focus = {"q1"};  // answered without a weight
    run.pack.agenda.push_back({"care", 5, {{"nl", "veel vraag in de zorg"}}});
    run.courses[0].sectors = {"care"};
    run.courses[0].interests = {"social"};
    const Ranking r = run.rank({{0, 0}, {1, 0}});
    CHECK(r.results[0].score == Approx(1));
    CHECK(std::none_of(r.results[0].reasons.begin(), r.results[0].reasons.end(),
                       [](const Reason& reason) { return reason.kind == Reason::Kind::agenda; }));
}

TEST_CASE("with nothing answered the list is a broad mix: one per sector, none needing a diploma") {
    Run run{
        pack_asking({{option("x")}}),
        {course("CARE-1"), course("CARE-2"), course("ICT-1"), course("HBO-1"), course("SHOP-1")}};
    run.pack.matching.broad_text["nl"] = "een greep uit het aanbod";
    for (auto* c : {&run.courses[0], &run.courses[1]})
        c->sectors = {"care"};
    run.courses[2].sectors = {"ict"};
    run.courses[3].sectors = {"education"};
    run.courses[3].entry_level = Education::havo;
    run.courses[4].sectors = {"retail"};
    const Ranking r = run.rank({});
    CHECK(r.broad);
    CHECK(run.ids == Ids{"CARE-1", "ICT-1", "SHOP-1", "HBO-1"});
    CHECK(r.results[3].outside_focus);  // needs havo: after those anyone can start
    CHECK(reason_text(run.pack, r.results[0].reasons[0], "nl") == "een greep uit het aanbod");
}

TEST_CASE("a relaxed distance and a relaxed budget bend only so far") {
    Constraints near_and_free;
    near_and_free.max_distance_km = 5;
    near_and_free.max_cost = 0;
    Run run{pack_asking({{option("x", near_and_free)}}),
            {course("SITTARD"), course("VENLO"), course("SMALL-FEE"), course("DEAR")}};
    run.pack.matching.min_results = 4;
    run.pack.matching.relax = {ConstraintKind::distance, ConstraintKind::cost};
    run.courses[0].lat = 50.9983;  // 15 km: within twice 5 km plus 15
    run.courses[0].lon = 5.8694;
    run.courses[1].lat = 51.3704;  // 55 km: beyond it
    run.courses[1].lon = 6.1724;
    run.courses[2].cost_eur = 45;   // a little help pays it
    run.courses[3].cost_eur = 650;  // no help at the counter pays that
    run.rank({{0, 0}});
    std::sort(run.ids.begin(), run.ids.end());
    CHECK(run.ids == Ids{"SITTARD", "SMALL-FEE"});
}

namespace {

// One course of `provider` with `title`, given in `place` at (lat, lon).
Course place_of(std::string id, std::string title, std::string place, double lat, double lon,
                std::string provider = "School A") {
    Course c = course(std::move(id), std::move(provider));
    c.text["nl"].title = std::move(title);
    c.place = std::move(place);
    c.lat = lat;
    c.lon = lon;
    return c;
}

}  // namespace

TEST_CASE(
    "the same course in three towns is one result: the nearest place, the others nearest "
    "first") {
    Run run{pack_asking({{option("x")}}),
            {place_of("WELD-MT", "Lassen", "Maastricht", 50.8514, 5.6910),
             place_of("WELD-HL", "Lassen", "Heerlen", heerlen_lat, heerlen_lon),
             place_of("WELD-ST", "Lassen", "Sittard", 50.9983, 5.8697), course("COOK"),
             course("PAINT")}};
    const Ranking r = run.rank({{0, 0}});
    CHECK(run.ids == Ids{"COOK", "PAINT", "WELD-HL"});
    const auto index = MatchIndex::build([&] {
        auto sorted = run.courses;
        std::sort(sorted.begin(), sorted.end(),
                  [](const Course& a, const Course& b) { return a.id < b.id; });
        return sorted;
    }());
    const auto& weld = r.results[2];
    std::vector<std::string> also;
    for (int c : weld.also)
        also.push_back(index.course_ids[static_cast<std::size_t>(c)]);
    CHECK(also == Ids{"WELD-ST", "WELD-MT"});  // Sittard is nearer to Heerlen than Maastricht
    CHECK(r.results[0].also.empty());
}

TEST_CASE("the same title at another provider is another course") {
    Run run{pack_asking({{option("x")}}),
            {place_of("A-WELD", "Lassen", "Heerlen", heerlen_lat, heerlen_lon, "School A"),
             place_of("B-WELD", "Lassen", "Heerlen", heerlen_lat, heerlen_lon, "School B")}};
    const Ranking r = run.rank({{0, 0}});
    CHECK(run.ids == Ids{"A-WELD", "B-WELD"});
    CHECK(r.results[0].also.empty());
}

TEST_CASE("the provider cap counts courses, not the places they are given in") {
    Run run{pack_asking({{option("x")}}),
            {place_of("X-WELD-1", "Lassen", "Heerlen", heerlen_lat, heerlen_lon, "X"),
             place_of("X-WELD-2", "Lassen", "Sittard", 50.9983, 5.8697, "X"),
             place_of("X-WELD-3", "Lassen", "Maastricht", 50.8514, 5.6910, "X"),
             place_of("X-PAINT", "Schilderen", "Heerlen", heerlen_lat, heerlen_lon, "X"),
             place_of("Y-COOK", "Koken", "Heerlen", heerlen_lat, heerlen_lon, "Y")}};
    run.pack.matching.max_per_provider = 2;
    const Ranking r = run.rank({{0, 0}});
    CHECK(run.ids == Ids{"X-PAINT", "X-WELD-1", "Y-COOK"});
    CHECK(r.results[1].also.size() == 2);
}

TEST_CASE("a course in several places counts once when deciding whether to relax") {
    Constraints near;
    near.max_distance_km = 5;
    // Three places of one course close by, two other courses 13 km away.
    Run run{pack_asking({{option("near", near)}}),
            {place_of("WELD-1", "Lassen", "Heerlen", heerlen_lat, heerlen_lon),
             place_of("WELD-2", "Lassen", "Heerlen", heerlen_lat + 0.001, heerlen_lon),
             place_of("WELD-3", "Lassen", "Heerlen", heerlen_lat, heerlen_lon + 0.001),
             place_of("COOK", "Koken", "Sittard", 50.9983, 5.8697, "School B"),
             place_of("PAINT", "Schilderen", "Sittard", 50.9983, 5.8697, "School C")}};
    run.pack.matching.min_results = 3;
    run.pack.matching.relax = {ConstraintKind::distance};
    const Ranking r = run.rank({{0, 0}});
    CHECK(run.ids == Ids{"WELD-1", "COOK", "PAINT"});
    CHECK(r.relaxed == std::vector<ConstraintKind>{ConstraintKind::distance});
}

TEST_CASE(
    "a course a funding pays for the visitor's situation is free for them, and says who "
    "pays") {
    Constraints free;
    free.max_cost = 0;
    Run run{pack_asking({{option("looking"), option("working")}, {option("free", free)}}),
            {course("VCA"), course("CHEAP")}};
    Term uwv;
    uwv.id = "uwv";
    uwv.free_for = {"q0=looking"};
    run.pack.funding = {uwv};
    run.courses[0].cost_eur = 650;
    run.courses[0].funding = {"uwv"};
    run.courses[1].cost_eur = 0;
    const Ranking looking = run.rank({{0, 0}, {1, 0}});
    CHECK(run.ids == Ids{"CHEAP", "VCA"});
    CHECK(looking.results[0].paid_by.empty());  // it costs nothing anyway
    CHECK(looking.results[1].paid_by == "uwv");
    // Someone with a job pays the course themselves: it is not free for them.
    run.rank({{0, 1}, {1, 0}});
    CHECK(run.ids == Ids{"CHEAP"});
}
