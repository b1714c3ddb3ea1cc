// kiosk config check and kiosk --version: what the service and an
// administrator run before the kiosk starts.

#include <catch2/catch.hpp>

#include "tests/support/cli_support.hpp"
#include "tests/support/test_support.hpp"

namespace {

using test::quoted;
using test::run;

std::filesystem::path example_config() {
    return test::source_dir() / "deploy" / "config" / "kiosk.example.toml";
}

}  // namespace

TEST_CASE("kiosk --version prints the program's version", "[config-check]") {
    const auto out = run("--version");
    INFO(out.text);
    CHECK(out.status == 0);
    CHECK(out.text == std::string("kiosk ") + KIOSK_VERSION_TEXT + "\n");
}

TEST_CASE("config check accepts the example configuration against the bundled pack",
          "[config-check]") {
    const auto out = run("config check " + quoted(example_config()) + " --content " +
                         quoted(test::bundled_pack()));
    INFO(out.text);
    CHECK(out.status == 0);
    CHECK(out.text.find(": valid for ") != std::string::npos);
}

TEST_CASE("config check names every problem by file, line and key and fails", "[config-check]") {
    test::TempDir dir;
    const auto file = dir / "kiosk.toml";
    test::write_text(file,
                     "[kiosk]\n"
                     "name = \"Loket\"\n"
                     "languages = [\"nl\", \"xx\"]\n"
                     "[timeouts]\n"
                     "idle_s = 3\n"
                     "[printer]\n"
                     "paper_mm = 57\n"
                     "[hours]\n"
                     "monday = \"9-17\"\n"
                     "[display]\n"
                     "renderer = \"gpu\"\n");
    const auto out =
        run("config check " + quoted(file) + " --content " + quoted(test::bundled_pack()));
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(out.text.find(file.string() + ":5: timeouts.idle_s: must be a whole number") !=
          std::string::npos);
    CHECK(out.text.find(file.string() + ":7: printer.paper_mm: must be 58 or 80") !=
          std::string::npos);
    CHECK(out.text.find("kiosk.languages: 'xx' is not one of the content pack's languages") !=
          std::string::npos);
    CHECK(out.text.find(file.string() + ":9: hours.monday: '9-17' is not a time span") !=
          std::string::npos);
    CHECK(out.text.find(file.string() +
                        ":11: display.renderer: 'gpu' is not one of auto, software, "
                        "accelerated") != std::string::npos);
    CHECK(out.text.find("5 errors") != std::string::npos);
}

TEST_CASE("config check without a file is a usage error", "[config-check]") {
    const auto out = run("config check");
    CHECK(out.status == 2);
    CHECK(out.text.find("usage: kiosk config check FILE") != std::string::npos);
}
