// The matching quality suite: the visitors of profiles.toml ranked against the
// bundled pack. Prints each profile's top five with a verdict per course and the
// top-3 precision over all profiles; fails on any absurd course in a top five.

#include <toml++/toml.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <iostream>
#include <numbers>
#include <sstream>

#include "kiosk/core/base/calendar.hpp"
#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/visit/replay.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

struct Profile {
    std::string name;
    std::string answers;
    std::vector<std::string> acceptable;
    std::vector<std::string> absurd;
};

std::vector<Profile> read_profiles() {
    const auto table =
        toml::parse_file((test::source_dir() / "tests/matching/profiles.toml").string());
    std::vector<Profile> profiles;
    const auto strings = [](const toml::node_view<const toml::node>& node) {
        std::vector<std::string> out;
        if (const auto* array = node.as_array()) {
            for (const auto& item : *array)
                out.push_back(item.value_or(std::string{}));
        }
        return out;
    };
    for (const auto& node : *table["profile"].as_array()) {
        const auto& p = *node.as_table();
        profiles.push_back({p["name"].value_or(std::string{}), p["answers"].value_or(std::string{}),
                            strings(p["acceptable"]), strings(p["absurd"])});
    }
    return profiles;
}

// The fundings that pay whole courses for a visitor with these answers, as the
// pack says (funding.ID.free_for): such a course costs the visitor nothing.
std::vector<std::string> paying_for(const ContentPack& pack, const std::string& answers) {
    std::vector<std::string> paying;
    const auto given = split_list(answers, ',');
    for (const Term& funding : pack.funding) {
        if (std::any_of(funding.free_for.begin(), funding.free_for.end(), [&](const auto& a) {
                return std::find(given.begin(), given.end(), a) != given.end();
            }))
            paying.push_back(funding.id);
    }
    return paying;
}

struct Judge {
    const ContentSource& source;
    std::vector<std::string> paying;  // fundings that pay whole courses for this visitor

    // What the course costs the visitor ("cost>250" speaks of this).
    double visitor_cost(const Course& c) const {
        for (const auto& f : c.funding) {
            if (std::find(paying.begin(), paying.end(), f) != paying.end())
                return 0;
        }
        return c.cost_eur;
    }

    double km_from_kiosk(const Course& c) const {
        if (!c.lat || !c.lon || c.mode == Mode::online)
            return 0;
        const auto& origin = source.pack.info.location;
        constexpr double km_per_degree = 6371.0 * std::numbers::pi / 180.0;
        const double dy = (*c.lat - origin.lat) * km_per_degree;
        const double dx =
            (*c.lon - origin.lon) * km_per_degree * std::cos(origin.lat * std::numbers::pi / 180.0);
        return std::sqrt(dx * dx + dy * dy);
    }

    // One condition of profiles.toml (see its header).
    bool meets_one(const Course& c, const std::string& condition) const {
        for (const char op : {'>', '<'}) {
            const auto at = condition.find(op);
            if (at == std::string::npos)
                continue;
            const std::string field = condition.substr(0, at);
            const std::string value = condition.substr(at + 1);
            const auto compare = [&](double a, double b) { return op == '>' ? a > b : a < b; };
            if (field == "entry") {
                const auto limit = parse_education(value);
                REQUIRE(limit);
                return compare(education_rank(c.entry_level), education_rank(*limit));
            }
            const double number = std::stod(value);
            if (field == "km")
                return compare(km_from_kiosk(c), number);
            if (field == "hours")
                return compare(c.hours_per_week, number);
            if (field == "cost")
                return compare(visitor_cost(c), number);
            FAIL("unknown field in condition " << condition);
        }
        const auto tags = course_tags(c);
        return std::find(tags.begin(), tags.end(), condition) != tags.end();
    }

    bool meets_any(const Course& c, const std::vector<std::string>& conditions) const {
        return std::any_of(conditions.begin(), conditions.end(), [&](const std::string& any) {
            const auto all = split_list(any, '&');
            return std::all_of(all.begin(), all.end(),
                               [&](const std::string& one) { return meets_one(c, one); });
        });
    }
};

}  // namespace

TEST_CASE("no visitor of the quality suite sees an absurd course in their top five", "[quality]") {
    Issues issues;
    const ContentSource source = load_content_dir(test::source_dir() / "content", issues);
    REQUIRE_FALSE(issues.has_errors());
    const MatchIndex index = MatchIndex::build(source.courses);
    const Matcher matcher(source.pack, index);
    const MatchContext context{*parse_day("2026-12-01"), source.pack.info.location.lat,
                               source.pack.info.location.lon};

    const auto profiles = read_profiles();
    REQUIRE(profiles.size() >= 12);
    int top3 = 0, top3_acceptable = 0;
    std::ostringstream report;
    std::vector<std::string> absurd;
    for (const Profile& profile : profiles) {
        Visit visit(source.pack.questionnaire, source.pack.info.languages, "en");
        const auto specs = parse_answer_list(profile.answers);
        REQUIRE(specs);
        const auto replayed = replay(visit, source.pack.questionnaire, *specs);
        INFO(profile.name);
        REQUIRE(replayed);
        const Ranking ranking = matcher.rank(visit.answers(), context);
        const Judge judge{source, paying_for(source.pack, profile.answers)};
        report << "\n" << profile.name << "\n";
        for (std::size_t i = 0; i < ranking.results.size(); ++i) {
            const Course& c = source.courses[static_cast<std::size_t>(ranking.results[i].course)];
            const bool ok = judge.meets_any(c, profile.acceptable);
            const bool bad = judge.meets_any(c, profile.absurd);
            if (i < 3) {
                ++top3;
                top3_acceptable += ok ? 1 : 0;
            }
            if (bad)
                absurd.push_back(profile.name + ": #" + std::to_string(i + 1) + " " + c.id);
            report << "  " << i + 1 << ". "
                   << (bad  ? "ABSURD "
                       : ok ? "ok     "
                            : "-      ")
                   << c.id << "  " << c.text_in("en").title << "\n";
        }
    }
    const double precision = top3 == 0 ? 0 : static_cast<double>(top3_acceptable) / top3;
    std::cout << report.str() << "\ntop-3 precision over " << profiles.size()
              << " profiles: " << top3_acceptable << "/" << top3 << " = "
              << std::round(precision * 1000) / 10 << " %\n";
    std::string list;
    for (const auto& line : absurd)
        list += "\n  " + line;
    INFO("absurd courses in a top five:" << list);
    CHECK(absurd.empty());
}
