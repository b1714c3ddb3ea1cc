// kiosk content po export|import: translators' PO files out of a pack and back in.

#include <catch2/catch.hpp>
#include <map>

#include "tests/support/cli_support.hpp"
#include "tests/support/test_support.hpp"

namespace {

using test::quoted;
using test::run;

namespace fs = std::filesystem;

// Every file under `dir`, by its path inside it.
std::map<std::string, std::string> files_under(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file())
            files[fs::relative(entry.path(), dir).string()] = test::read_text(entry.path());
    }
    return files;
}

// The small pack with Polish added to its languages.
void small_pack_with_polish(const test::TempDir& dir) {
    test::copy_small_pack(dir);
    auto pack = test::read_text(dir / "pack.toml");
    pack = test::replace_once(pack, "languages = [\"nl\", \"en\"]",
                              "languages = [\"nl\", \"en\", \"pl\"]");
    pack =
        test::replace_once(pack, "[language.en]\nname = \"English\"\n",
                           "[language.en]\nname = \"English\"\n[language.pl]\nname = \"Polski\"\n");
    test::write_text(dir / "pack.toml", pack);
}

}  // namespace

TEST_CASE("po export writes every text of the bundled pack in a file msgfmt --check accepts") {
    test::TempDir dir;
    for (const std::string lang : {"pl", "ar", "en"}) {
        const auto file = dir / (lang + ".po");
        const auto out = run("content po export " + quoted(test::source_dir() / "content") +
                             " --lang " + lang + " -o " + quoted(file));
        INFO(out.text);
        REQUIRE(out.status == 0);
        CHECK(out.text.find(" texts of pack limburg in '" + lang + "'") != std::string::npos);
        const auto po = test::read_text(file);
        CHECK(po.find("\"Language: " + lang + "\\n\"") != std::string::npos);
        CHECK(po.find("\"Content-Type: text/plain; charset=UTF-8\\n\"") != std::string::npos);
        CHECK(po.find("\"Plural-Forms: nplurals=") != std::string::npos);
        CHECK(po.find("msgctxt \"questionnaire.toml: question situation: option working: text\"\n"
                      "msgid \"Ik heb werk\"\n") != std::string::npos);
        CHECK(po.find("msgctxt \"courses.csv: MT-NT2-A1-D: title\"\n") != std::string::npos);
        CHECK(po.find("msgctxt \"texts.toml: page.title\"\n") != std::string::npos);
        const auto check = test::run_shell("msgfmt --check -o /dev/null " + quoted(file) + " 2>&1");
        INFO(check.text);
        CHECK(check.status == 0);
    }
    // English is given in the pack's own files: its export says so and is complete.
    const auto en = test::read_text(dir / "en.po");
    CHECK(en.find("msgid \"Ik heb werk\"\nmsgstr \"I have a job\"\n") != std::string::npos);
    CHECK(en.find("#. Given in questionnaire.toml itself: change it there") != std::string::npos);
}

// Exports each language, imports the file as it is, and requires every file
// of the pack to keep its bytes.
void check_round_trip(const fs::path& pack, const std::vector<std::string>& languages) {
    const auto before = files_under(pack);
    for (const auto& lang : languages) {
        const auto file = pack.parent_path() / (lang + "-round-trip.po");
        REQUIRE(run("content po export " + quoted(pack) + " --lang " + lang + " -o " + quoted(file))
                    .status == 0);
        const auto out = run("content po import " + quoted(pack) + " " + quoted(file));
        INFO(out.text);
        CHECK(out.status == 0);
        CHECK(out.text.find("0 of them new or changed") != std::string::npos);
        CHECK(out.text.find("unchanged") != std::string::npos);
    }
    CHECK(files_under(pack) == before);
}

TEST_CASE("exporting and importing a language unchanged changes no byte of the pack") {
    test::TempDir dir;
    fs::create_directories(dir / "pack");
    {
        test::TempDir small;
        small_pack_with_polish(small);
        fs::copy(small.path(), dir / "pack", fs::copy_options::recursive);
    }
    check_round_trip(dir / "pack", {"pl", "en"});  // no po/pl.po yet
    // With translations in po/pl.po, a stale one among them.
    auto po =
        run("content po export " + quoted(dir / "pack") + " --lang pl -o " + quoted(dir / "pl.po"));
    REQUIRE(po.status == 0);
    auto text = test::read_text(dir / "pl.po");
    text = test::replace_once(text, "msgid \"Beginnen\"\nmsgstr \"\"",
                              "msgid \"Beginnen\"\nmsgstr \"Zacznij\"");
    text = test::replace_once(text, "msgid \"Terug\"\nmsgstr \"\"",
                              "msgid \"Terug\"\nmsgstr \"Wstecz\"");
    test::write_text(dir / "pl.po", text);
    REQUIRE(run("content po import " + quoted(dir / "pack") + " " + quoted(dir / "pl.po")).status ==
            0);
    test::write_text(dir / "pack" / "texts.toml",
                     test::replace_once(test::read_text(dir / "pack" / "texts.toml"),
                                        "back.nl = \"Terug\"", "back.nl = \"Ga terug\""));
    check_round_trip(dir / "pack", {"pl", "en"});
}

TEST_CASE("exporting and importing the bundled pack's languages unchanged changes no byte of it") {
    test::TempDir dir;
    fs::copy(test::source_dir() / "content", dir / "pack", fs::copy_options::recursive);
    check_round_trip(dir / "pack", {"pl", "tr", "uk", "ar", "en"});
}

TEST_CASE("po import takes a translator's work into po/LANG.po, which validate then counts") {
    test::TempDir dir;
    small_pack_with_polish(dir);
    const auto exported = dir / "pl.po";
    REQUIRE(run("content po export " + quoted(dir.path()) + " --lang pl -o " + quoted(exported))
                .status == 0);
    const auto before = run("content validate " + quoted(dir.path()));
    INFO(before.text);
    const auto total = test::line_starting(before.text, "pl: ");
    REQUIRE_FALSE(total.empty());
    // The translator fills in two texts and edits one Dutch msgid by mistake.
    auto po = test::read_text(exported);
    po = test::replace_once(po, "msgid \"Beginnen\"\nmsgstr \"\"",
                            "msgid \"Beginnen\"\nmsgstr \"Zacznij\"");
    po = test::replace_once(po, "msgid \"Terug\"\nmsgstr \"\"",
                            "msgid \"Terug\"\nmsgstr \"Wstecz\"");
    po = test::replace_once(po, "msgid \"Overslaan\"\nmsgstr \"\"",
                            "msgid \"Overslaan!\"\nmsgstr \"Pomiń\"");
    test::write_text(exported, po);
    const auto out = run("content po import " + quoted(dir.path()) + " " + quoted(exported));
    INFO(out.text);
    REQUIRE(out.status == 0);
    CHECK(out.text.find("pl.po: 2 translations taken, 2 of them new or changed, 1 not used") !=
          std::string::npos);
    CHECK(out.text.find("msgid: warning: stale: the Dutch text is now \"Overslaan\"") !=
          std::string::npos);
    CHECK(out.text.find("po/pl.po: written") != std::string::npos);
    const auto pack_po = test::read_text(dir / "po" / "pl.po");
    CHECK(pack_po.find("msgid \"Beginnen\"\nmsgstr \"Zacznij\"") != std::string::npos);
    CHECK(test::run_shell("msgfmt --check -o /dev/null " + quoted(dir / "po" / "pl.po")).status ==
          0);
    // Nothing but po/pl.po is left beside the pack's files.
    CHECK(files_under(dir / "po").size() == 1);

    const auto after = run("content validate " + quoted(dir.path()));
    INFO(after.text);
    CHECK(after.status == 0);
    const int texts = std::stoi(total.substr(total.find(" of ") + 4));
    const int missing_before = std::stoi(total);
    CHECK(missing_before == texts);
    CHECK(after.text.find("pl: " + std::to_string(texts - 2) + " of " + std::to_string(texts) +
                          " texts missing (shown in Dutch)") != std::string::npos);
    CHECK(after.text.find("en: 0 of " + std::to_string(texts) + " texts missing\n") !=
          std::string::npos);
}

TEST_CASE("po import refuses a malformed file, a language the pack lacks and Dutch") {
    test::TempDir dir;
    small_pack_with_polish(dir);
    test::write_text(dir / "bad.po", "msgid \"Beginnen\"\nmsgstr \"Zacznij\n");
    auto out = run("content po import " + quoted(dir.path()) + " " + quoted(dir / "bad.po") +
                   " --lang pl");
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(out.text.find("bad.po:2: msgstr: the text has no closing double quote") !=
          std::string::npos);
    CHECK(out.text.find("nothing was taken") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "po"));

    test::write_text(dir / "de.po", "msgid \"\"\nmsgstr \"Language: de\\n\"\n");
    out = run("content po import " + quoted(dir.path()) + " " + quoted(dir / "de.po"));
    INFO(out.text);
    CHECK(out.status == 1);
    CHECK(out.text.find("'de' is not a language of the pack (nl, en, pl)") != std::string::npos);

    out = run("content po export " + quoted(dir.path()) + " --lang nl -o " + quoted(dir / "x.po"));
    CHECK(out.status == 1);
    CHECK(out.text.find("Dutch (nl) is the pack's own language") != std::string::npos);
}

TEST_CASE("po without its arguments says how to use it") {
    auto out = run("content po");
    CHECK(out.status == 2);
    CHECK(out.text.find("usage: kiosk content po export DIR --lang LANG -o FILE.po") !=
          std::string::npos);
    out = run("content po export " + quoted(test::source_dir() / "content") + " -o x.po");
    CHECK(out.status == 2);
    CHECK(out.text.find("export needs --lang LANG") != std::string::npos);
    out = run("content po import " + quoted(test::source_dir() / "content"));
    CHECK(out.status == 2);
    CHECK(out.text.find("import needs the pack's folder and the translated FILE.po") !=
          std::string::npos);
    out = run("content po export " + quoted(test::source_dir() / "content") +
              " --lang pl -o x.po --colour");
    CHECK(out.status == 2);
}
