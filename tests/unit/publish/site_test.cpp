#include "kiosk/core/publish/site.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/publish/site_data.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

const ContentSource& small() {
    static const ContentSource source = [] {
        Issues issues;
        auto loaded = load_content_dir(test::fixture("pack_small"), issues);
        REQUIRE_FALSE(issues.has_errors());
        return loaded;
    }();
    return source;
}

// The JSON inside `window.KIOSK_SITE = ...;`.
nlohmann::json data(const std::string& script) {
    const std::string prefix = "window.KIOSK_SITE = ";
    REQUIRE(script.starts_with(prefix));
    REQUIRE(script.ends_with(";\n"));
    return nlohmann::json::parse(script.substr(prefix.size(), script.size() - prefix.size() - 2));
}

const nlohmann::json& course(const nlohmann::json& site, const std::string& id) {
    for (const auto& c : site["courses"]) {
        if (c["id"] == id)
            return c;
    }
    FAIL("no course " << id);
    throw;
}

const SiteAssets assets = {{"index.html", "<html data-l=\"{{languages}}\"><title>{{pack}}</title>"},
                           {"site.css", "body{}"},
                           {"site.js", "// {{languages}} stays in scripts"},
                           {"calendar.js", "//"},
                           {"README.txt", "{{pack}}: {{languages}}"}};

}  // namespace

TEST_CASE("the English data gives English texts with the Dutch title beside, and how to enrol") {
    const auto site = data(site_data_script(small().pack, small().courses, "en"));
    CHECK(site["language"] == "en");
    CHECK(site["dir"] == "ltr");
    const auto& care = course(site, "CARE-1");
    CHECK(care["title"] == "Care assistant");
    CHECK(care["title_nl"] == "Helpende zorg");
    CHECK(care["bring"] == "Your ID and diploma.");
    CHECK(care["address"] == "Stationsplein 5");
    CHECK(care["enrol_url"] == "https://school-zuid.example.nl/zorg/aanmelden");
    CHECK(care["phone"] == "+31 45 123 4567");
    CHECK(care["email"] == "zorg@school-zuid.example.nl");
    CHECK(care["contact"] == "045-1234567");  // says something phone and e-mail do not
    CHECK(care["starts"] == nlohmann::json{"2027-01-15", "2027-08-30"});
    CHECK(care["schedule"] == nlohmann::json{"day"});
    CHECK(care["lat"] == 50.8882);
    CHECK_FALSE(care.contains("text_lang"));
    CHECK(site["words"]["page.title"] == "Your courses");
    CHECK(site["words"]["receipt.free"] == "Free");
    CHECK_FALSE(site["words"].contains("adviser.pin"));  // the page needs none of the adviser's
    CHECK(site["pack"]["languages"][1] == nlohmann::json{"en", "English"});
}

TEST_CASE("the Dutch data carries no second Dutch title") {
    const auto site = data(site_data_script(small().pack, small().courses, "nl"));
    const auto& care = course(site, "CARE-1");
    CHECK(care["title"] == "Helpende zorg");
    CHECK_FALSE(care.contains("title_nl"));
    CHECK(care["bring"] == "Uw identiteitsbewijs en diploma.");
}

TEST_CASE("a course without texts in the language is marked as Dutch for screen readers") {
    auto courses = small().courses;
    courses.front().text.erase("en");
    const auto site = data(site_data_script(small().pack, courses, "en"));
    const auto& care = course(site, "CARE-1");
    CHECK(care["title"] == "Helpende zorg");
    CHECK(care["text_lang"] == "nl");
    CHECK_FALSE(care.contains("title_nl"));
}

TEST_CASE("right-to-left languages are marked for dir=rtl") {
    CHECK(is_right_to_left("ar"));
    CHECK(is_right_to_left("fa"));
    CHECK_FALSE(is_right_to_left("nl"));
    CHECK_FALSE(is_right_to_left("uk"));
    CHECK(data(site_data_script(small().pack, small().courses, "ar"))["dir"] == "rtl");
}

TEST_CASE("the site is the assets with the pack filled in, and one data script per language") {
    auto files = make_site(small().pack, small().courses, assets);
    REQUIRE(files.ok());
    std::vector<std::string> names;
    for (const auto& f : *files)
        names.push_back(f.name);
    CHECK(names == std::vector<std::string>{"README.txt", "calendar.js", "data-en.js", "data-nl.js",
                                            "index.html", "site.css", "site.js"});
    CHECK((*files)[4].bytes == "<html data-l=\"nl en\"><title>Testpakket</title>");
    CHECK((*files)[6].bytes == "// {{languages}} stays in scripts");
    // The same pack gives the same bytes.
    auto again = make_site(small().pack, small().courses, assets);
    REQUIRE(again.ok());
    for (std::size_t i = 0; i < files->size(); ++i)
        CHECK((*files)[i].bytes == (*again)[i].bytes);
}

TEST_CASE("a site without its page cannot be made") {
    SiteAssets missing = assets;
    missing.erase("site.js");
    auto files = make_site(small().pack, small().courses, missing);
    REQUIRE_FALSE(files.ok());
    CHECK(files.error() == "the site's asset site.js is missing");
}
