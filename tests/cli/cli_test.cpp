// The command line end to end: the real binary, real files, a real QR decoder.

#include <catch2/catch.hpp>

#include "kiosk/core/io/png.hpp"
#include "tests/support/cli_support.hpp"
#include "tests/support/test_support.hpp"
#include "tests/support/zbar_decode.hpp"

namespace {

using test::line_starting;
using test::quoted;
using test::run;

const std::filesystem::path& default_pack() {
    return test::bundled_pack();
}

}  // namespace

TEST_CASE("content build compiles the default pack with its questionnaire and courses") {
    test::TempDir dir;
    const auto out = run("content build " + quoted(test::source_dir() / "content") + " -o " +
                         quoted(dir / "x.db"));
    INFO(out.text);
    CHECK(out.status == 0);
    CHECK(std::filesystem::exists(dir / "x.db"));
    CHECK(out.text.find(" courses") != std::string::npos);
}

TEST_CASE("content validate of a broken pack names file and line, fails, and writes nothing") {
    test::TempDir dir;
    test::copy_small_pack(dir);
    const auto csv = test::read_text(dir / "courses.csv");
    test::write_text(dir / "courses.csv",
                     test::replace_once(test::replace_once(csv, ",mbo2,vmbo,B1,care,social,diploma",
                                                           ",mbo7,vmbo,B1,care,social,diploma"),
                                        "https://bieb.example.nl/ict", "ftp://bieb"));
    const auto out = run("content validate " + quoted(dir.path()));
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(out.text.find("courses.csv:2: level: 'mbo7' is not in the list") != std::string::npos);
    CHECK(out.text.find("courses.csv:4: url: 'ftp://bieb' is not a web address") !=
          std::string::npos);
    CHECK(out.text.find("2 errors") != std::string::npos);
}

TEST_CASE("a failed build leaves the previous pack in place, untouched") {
    test::TempDir dir;
    test::copy_small_pack(dir);
    const auto pack = dir / "pack.db";
    REQUIRE(run("content build " + quoted(dir.path()) + " -o " + quoted(pack)).status == 0);
    const auto good = test::read_text(pack);
    test::write_text(dir / "questionnaire.toml", "[[question]]\nid = \"broken\"\n");
    const auto out = run("content build " + quoted(dir.path()) + " -o " + quoted(pack));
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(out.text.find("nothing was written") != std::string::npos);
    CHECK(test::read_text(pack) == good);
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        files += e.path().extension() != ".toml" && e.path().extension() != ".csv";
    CHECK(files == 1);
}

TEST_CASE("match explains its results and writes a QR code that decodes to the payload") {
    test::TempDir dir;
    const auto out = run("match --content " + quoted(default_pack()) +
                         " --answers 'situation=newcomer,dutch=none,schedule=evening,cost=free'"
                         " --today 2026-11-28 --qr " +
                         quoted(dir / "q.png"));
    INFO(out.text);
    REQUIRE(out.status == 0);
    const auto payload = line_starting(out.text, "QR payload: ");
    CHECK(payload.starts_with("https://leren.example.nl/limburg/kiosk#"));
    CHECK(out.text.find("   - ") != std::string::npos);  // reasons
    auto image = kiosk::read_png_gray((dir / "q.png").string());
    REQUIRE(image.ok());
    CHECK(test::decode_qr_codes(*image) == std::vector<std::string>{payload});
}

TEST_CASE("match speaks the visitor's language") {
    const auto nl = run("match --content " + quoted(default_pack()) +
                        " --answers 'interest=care' --today 2026-11-28");
    const auto en = run("match --content " + quoted(default_pack()) +
                        " --answers 'interest=care' --today 2026-11-28 --lang en");
    REQUIRE(nl.status == 0);
    REQUIRE(en.status == 0);
    CHECK(nl.text != en.text);
    // The same courses; the English code says so before the ids, the Dutch one says nothing.
    std::string english = line_starting(nl.text, "QR payload: ");
    REQUIRE(english.find('#') != std::string::npos);
    english.replace(english.find('#'), 1, "#en.");
    CHECK(line_starting(en.text, "QR payload: ") == english);
}

TEST_CASE("match names an unknown option and lists the known ones") {
    const auto out =
        run("match --content " + quoted(default_pack()) + " --answers 'interest=astronaut'");
    CHECK(out.status == 2);
    CHECK(out.text.find("question 'interest' has no option 'astronaut' (options: care") !=
          std::string::npos);
}

TEST_CASE("a terminal visit goes from language to results and a QR code") {
    test::TempDir dir;
    std::string keys;
    for (int i = 0; i < 14; ++i)
        keys += "s\n";
    test::write_text(dir / "input.txt", "en\n2\n" + keys);
    const auto out = run("visit --content " + quoted(default_pack()) + " --today 2026-11-28 < " +
                         quoted(dir / "input.txt"));
    INFO(out.text);
    CHECK(out.status == 0);
    CHECK(out.text.find("results;") != std::string::npos);
    CHECK(out.text.find("https://leren.example.nl/limburg/kiosk#") != std::string::npos);
}

TEST_CASE("an OOAPI catalogue imports to courses that the validator accepts") {
    test::TempDir dir;
    for (const char* name : {"pack.toml", "questionnaire.toml", "texts.toml"}) {
        std::filesystem::copy_file(test::source_dir() / "content" / name, dir / name);
    }
    const auto out =
        run("content import ooapi " + quoted(test::fixture("ooapi") / "catalogue.json") + " -o " +
            quoted(dir / "courses.csv"));
    INFO(out.text);
    REQUIRE(out.status == 0);
    CHECK(out.text.find("6 courses imported, 3 records skipped") != std::string::npos);
    CHECK(out.text.find("catalogue.json:204: courses[6]") != std::string::npos);
    const auto validated = run("content validate " + quoted(dir.path()));
    INFO(validated.text);
    CHECK(validated.status == 0);
    CHECK(validated.text.find("valid: 13 questions, 6 courses") != std::string::npos);
}

TEST_CASE("malformed OOAPI JSON writes nothing and names the line") {
    test::TempDir dir;
    const auto out = run("content import ooapi " + quoted(test::fixture("ooapi") / "broken.json") +
                         " -o " + quoted(dir / "courses.csv"));
    CHECK(out.status == 1);
    CHECK(out.text.find("broken.json:6:") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "courses.csv"));
}

TEST_CASE("match shows terminal escapes in an answer escaped, and cuts an over-long one") {
    const auto escaped = run("match --content " + quoted(default_pack()) +
                             " --answers \"$(printf 'interest=\\033[31mred')\"");
    INFO(escaped.text);
    CHECK(escaped.status == 2);
    CHECK(escaped.text.find("no option '\\x1b[31mred'") != std::string::npos);
    CHECK(escaped.text.find('\x1b') == std::string::npos);
    const auto long_value = run("match --content " + quoted(default_pack()) +
                                " --answers interest=" + std::string(500, 'x'));
    CHECK(long_value.status == 2);
    CHECK(long_value.text.find("'" + std::string(60, 'x') + "'... (500 bytes)") !=
          std::string::npos);
    CHECK(long_value.text.find(std::string(61, 'x')) == std::string::npos);
}

TEST_CASE("match with no answers says that every question counts as skipped") {
    const auto out = run("match --content " + quoted(default_pack()) + " --answers ''");
    INFO(out.text);
    CHECK(out.status == 0);
    CHECK(out.text.find("note: no answers given: every question counts as skipped") !=
          std::string::npos);
}

TEST_CASE("match --explain breaks each course's score down by answer") {
    const auto out = run("match --content " + quoted(default_pack()) +
                         " --answers 'situation=working,interest=ict' --explain");
    INFO(out.text);
    REQUIRE(out.status == 0);
    const auto parts = out.text.find("Scores by answer:");
    REQUIRE(parts != std::string::npos);
    const std::string explained = out.text.substr(parts);
    CHECK(explained.find("1. ") != std::string::npos);
    CHECK(explained.find("+2.50  interest=ict") != std::string::npos);
    CHECK(explained.find("situation=working") != std::string::npos);
}

TEST_CASE("match refuses a half-written place or date instead of guessing") {
    for (const char* bad : {"--near 50.85", "--near 50.85abc,5.9", "--near nan,5.9",
                            "--today 2026-1x-2y", "--today 2026-02-30"}) {
        const auto out =
            run("match --content " + quoted(default_pack()) + " --answers 'interest=care' " + bad);
        INFO(bad << "\n" << out.text);
        CHECK(out.status == 2);
    }
}

TEST_CASE(
    "without a configured name the screens name the kiosk after the pack, in the visitor's "
    "language",
    "[cli]") {
    test::TempDir dir;
    test::write_text(dir / "visit.script", R"(tap "Beginnen"
expect text "Leren en werken in Limburg"
tap "English"
expect text "Learning and working in Limburg"
expect no text "Leren en werken in Limburg"
)");
    const auto out =
        test::run("--headless --size 1280x800 --content " + test::quoted(test::bundled_pack()) +
                  " --script " + test::quoted(dir / "visit.script"));
    INFO(out.text);
    CHECK(out.status == 0);
}

TEST_CASE("match takes several answers to a question that allows them, and no more") {
    const auto several = run("match --content " + quoted(default_pack()) +
                             " --answers 'interest=ict+technology' --today 2026-11-28 --explain");
    CHECK(several.status == 0);
    CHECK(several.text.find("interest=ict") != std::string::npos);
    CHECK(several.text.find("interest=technology") != std::string::npos);

    const auto four = run("match --content " + quoted(default_pack()) +
                          " --answers 'interest=ict+technology+care+green'");
    CHECK(four.status == 2);
    CHECK(four.text.find("question 'interest' takes at most 3 answers, not 4") !=
          std::string::npos);

    const auto one =
        run("match --content " + quoted(default_pack()) + " --answers 'situation=working+looking'");
    CHECK(one.status == 2);
    CHECK(one.text.find("question 'situation' takes at most 1 answer, not 2") != std::string::npos);

    const auto alone =
        run("match --content " + quoted(default_pack()) + " --answers 'interest=ict+dont_know'");
    CHECK(alone.status == 2);
    CHECK(alone.text.find("option 'dont_know' of question 'interest' stands alone") !=
          std::string::npos);
}
