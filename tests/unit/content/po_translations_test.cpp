// Translations in po/<lang>.po: which are used, which are not and why, and
// what a visitor sees where one is missing.

#include "kiosk/core/content/po_translations.hpp"

#include <catch2/catch.hpp>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/content/pack_texts.hpp"
#include "kiosk/core/content/plain_language.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

// The small pack with Polish and Arabic added to its languages, and po/pl.po as given.
void small_pack_in_four_languages(const test::TempDir& dir, const std::string& pl_po) {
    test::copy_small_pack(dir);
    auto pack = test::read_text(dir / "pack.toml");
    pack = test::replace_once(pack, "languages = [\"nl\", \"en\"]",
                              "languages = [\"nl\", \"en\", \"pl\", \"ar\"]");
    pack = test::replace_once(pack, "[language.en]\nname = \"English\"\n",
                              "[language.en]\nname = \"English\"\n[language.pl]\nname = "
                              "\"Polski\"\n[language.ar]\nname = \"العربية\"\n");
    test::write_text(dir / "pack.toml", pack);
    std::filesystem::create_directories(dir / "po");
    test::write_text(dir / "po" / "pl.po", pl_po);
}

const std::string header = "msgid \"\"\nmsgstr \"\"\n\"Language: pl\\n\"\n\n";

const Question& question(const ContentSource& source, const std::string& id) {
    const int i = source.pack.questionnaire.question_index(id);
    REQUIRE(i >= 0);
    return source.pack.questionnaire.questions[static_cast<std::size_t>(i)];
}

const Course& course(const ContentSource& source, const std::string& id) {
    for (const auto& c : source.courses) {
        if (c.id == id)
            return c;
    }
    FAIL("no course " + id);
    throw;
}

}  // namespace

TEST_CASE("a translation in po/pl.po is shown; a missing one falls back to Dutch", "[po]") {
    test::TempDir dir;
    small_pack_in_four_languages(
        dir, header +
                 "msgctxt \"questionnaire.toml: question time: text\"\n"
                 "msgid \"Wanneer kunt u leren?\"\nmsgstr \"Kiedy możesz się uczyć?\"\n\n"
                 "msgctxt \"courses.csv: CARE-1: title\"\n"
                 "msgid \"Helpende zorg\"\nmsgstr \"Asystent opieki\"\n\n"
                 "msgctxt \"texts.toml: screen.start\"\nmsgid \"Beginnen\"\nmsgstr \"\"\n");
    Issues issues;
    auto source = load_content_dir(dir.path(), issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    CHECK(text_in(question(source, "time").text, "pl") == "Kiedy możesz się uczyć?");
    CHECK(text_in(question(source, "interest").text, "pl") == "Welk werk vindt u leuk?");
    CHECK(pack_text(source.pack, "screen.start", "pl") == "Beginnen");
    CHECK(pack_text(source.pack, "screen.start", "ar") == "Beginnen");
    // A course's title may be translated before its description: each falls back alone.
    const CourseText care = course(source, "CARE-1").text_in("pl");
    CHECK(care.title == "Asystent opieki");
    CHECK(care.description == "Leer helpen in de zorg, met stage.");
    CHECK(care.bring == "Uw identiteitsbewijs en diploma.");
    CHECK(course(source, "CARE-1").text_in("ar").title == "Helpende zorg");

    const auto coverage = language_coverage(source);
    REQUIRE(coverage.size() == 3);
    CHECK(coverage[0].language == "en");
    CHECK(coverage[0].missing == 0);
    CHECK(coverage[1].language == "pl");
    CHECK(coverage[1].missing == coverage[1].texts - 2);
    CHECK(coverage[2].language == "ar");
    CHECK(coverage[2].missing == coverage[2].texts);
    CHECK(coverage[2].texts > 100);
}

TEST_CASE("stale, unknown and fuzzy entries are not used, each named by its line", "[po]") {
    test::TempDir dir;
    small_pack_in_four_languages(
        dir, header +
                 "msgctxt \"questionnaire.toml: question time: text\"\n"  // line 5
                 "msgid \"Wanneer wilt u leren?\"\nmsgstr \"Kiedy chcesz się uczyć?\"\n\n"
                 "msgctxt \"courses.csv: GONE-1: title\"\n"  // line 9
                 "msgid \"Weg\"\nmsgstr \"Precz\"\n\n"
                 "#, fuzzy\n"
                 "msgctxt \"texts.toml: screen.start\"\n"  // line 14
                 "msgid \"Beginnen\"\nmsgstr \"Start\"\n\n"
                 "msgid \"Terug\"\nmsgstr \"Wstecz\"\n");  // line 18
    Issues issues;
    auto source = load_content_dir(dir.path(), issues);
    INFO(test::all_issues(issues));
    CHECK_FALSE(issues.has_errors());
    CHECK(test::has_issue(issues,
                          "po/pl.po:5: msgid: warning: stale: the Dutch text is now "
                          "\"Wanneer kunt u leren?\"; the text shows in Dutch"));
    CHECK(test::has_issue(issues,
                          "po/pl.po:9: msgctxt: warning: 'courses.csv: GONE-1: title' is "
                          "no text of this pack"));
    CHECK(test::has_issue(issues, "po/pl.po:14: msgstr: warning: marked fuzzy, so not used"));
    CHECK(test::has_issue(issues, "po/pl.po:18: msgctxt: warning: missing"));
    CHECK(text_in(question(source, "time").text, "pl") == "Wanneer kunt u leren?");
    CHECK(pack_text(source.pack, "screen.start", "pl") == "Beginnen");
}

TEST_CASE("a text given in the pack's own files wins over the PO file", "[po]") {
    test::TempDir dir;
    small_pack_in_four_languages(dir, header +
                                          "msgctxt \"questionnaire.toml: question time: text\"\n"
                                          "msgid \"Wanneer kunt u leren?\"\nmsgstr \"Z PO\"\n");
    auto q = test::read_text(dir / "questionnaire.toml");
    test::write_text(
        dir / "questionnaire.toml",
        test::replace_once(q, "text.en = \"When can you learn?\"\n",
                           "text.en = \"When can you learn?\"\ntext.pl = \"Inline\"\n"));
    Issues issues;
    auto source = load_content_dir(dir.path(), issues);
    INFO(test::all_issues(issues));
    CHECK(text_in(question(source, "time").text, "pl") == "Inline");
    CHECK(test::has_issue(issues,
                          "po/pl.po:5: msgstr: warning: questionnaire.toml gives this text "
                          "in 'pl' itself; that one is shown"));
}

TEST_CASE(
    "a malformed PO file is an error naming its line; a PO file of another language is "
    "not used",
    "[po]") {
    test::TempDir dir;
    small_pack_in_four_languages(dir, header +
                                          "msgctxt \"texts.toml: screen.start\"\n"
                                          "msgid \"Beginnen\"\nmsgstr \"Start\n");
    test::write_text(dir / "po" / "de.po", header);
    Issues issues;
    load_content_dir(dir.path(), issues);
    INFO(test::all_issues(issues));
    CHECK(issues.has_errors());
    CHECK(test::has_issue(issues, "po/pl.po:7: msgstr: the text has no closing double quote"));
    CHECK(test::has_issue(issues, "po/de.po: warning: 'de' is not in pack.languages"));
}

TEST_CASE("export shows each text with its translation; import takes what fits", "[po]") {
    test::TempDir dir;
    small_pack_in_four_languages(dir, header +
                                          "msgctxt \"questionnaire.toml: question time: text\"\n"
                                          "msgid \"Wanneer kunt u leren?\"\nmsgstr \"Kiedy?\"\n");
    Issues issues;
    auto source = load_content_dir(dir.path(), issues, false);
    REQUIRE_FALSE(issues.has_errors());
    Issues po_issues;
    const PoFile existing = parse_po(test::read_text(dir / "po" / "pl.po"), "po/pl.po", po_issues);
    const PoFile exported = translations_po(source, "pl", existing, true);
    REQUIRE(exported.header);
    CHECK(po_header_field(*exported.header, "Plural-Forms")->starts_with("nplurals=3;"));
    CHECK(exported.entries.size() == pack_texts(source).size());
    const auto time = std::find_if(
        exported.entries.begin(), exported.entries.end(),
        [](const PoEntry& e) { return e.context == "questionnaire.toml: question time: text"; });
    REQUIRE(time != exported.entries.end());
    CHECK(time->str == "Kiedy?");
    CHECK(time->extracted_comments == std::vector<std::string>{"en: \"When can you learn?\""});

    // A translator fills in two texts, one of them for a Dutch text that changed meanwhile.
    PoFile translated = exported;
    for (auto& e : translated.entries) {
        if (e.context == "texts.toml: screen.start")
            e.str = "Zacznij";
        if (e.context == "texts.toml: screen.back") {
            e.id = "Ga terug";
            e.str = "Wróć";
        }
    }
    Issues import_issues;
    const PoFile file = parse_po(write_po(translated), "pl-done.po", import_issues);
    const PoImport result = import_po(source, "pl", existing, file, "pl-done.po", import_issues);
    INFO(test::all_issues(import_issues));
    CHECK(result.taken == 2);  // "Kiedy?" again and "Zacznij"
    CHECK(result.changed == 1);
    CHECK(result.unusable == 1);
    CHECK(test::has_issue(import_issues, "pl-done.po:"));
    CHECK(test::all_issues(import_issues)
              .find(": msgid: warning: stale: the Dutch text is now \"Terug\"") !=
          std::string::npos);
    const std::string written = write_po(result.merged);
    CHECK(written.find("msgctxt \"texts.toml: screen.start\"\nmsgid \"Beginnen\"\nmsgstr "
                       "\"Zacznij\"\n") != std::string::npos);
    CHECK(written.find("msgstr \"Kiedy?\"") != std::string::npos);
}

TEST_CASE("sentences of more than 15 words are counted", "[po]") {
    CHECK(long_sentences("Kies één antwoord.").empty());
    CHECK(long_sentences("Een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien "
                         "veertien vijftien zestien. Kort.") == std::vector<int>{16});
    // A dash is no word, and "2.5" or an address ends no sentence.
    CHECK(long_sentences("Een – twee drie vier vijf zes zeven acht negen tien elf twaalf dertien "
                         "veertien vijftien.")
              .empty());
    CHECK(long_sentences("Zie www.example.nl voor 2.5 uur een twee drie vier vijf zes zeven acht "
                         "negen tien elf twaalf") == std::vector<int>{17});
    CHECK(long_sentence_message(19) ==
          "a sentence of 19 words; plain language keeps sentences to 15");
}

TEST_CASE("a long Dutch or English sentence is a warning with its file, line and field", "[po]") {
    test::TempDir dir;
    test::copy_small_pack(dir);
    const std::string long_nl =
        "Wanneer kunt u leren, overdag of in de avond of in het weekend "
        "of op een heel ander moment?";
    test::write_text(dir / "questionnaire.toml",
                     test::replace_once(test::read_text(dir / "questionnaire.toml"),
                                        "\"Wanneer kunt u leren?\"", "\"" + long_nl + "\""));
    test::write_text(
        dir / "courses.csv",
        test::replace_once(test::read_text(dir / "courses.csv"), "Learn to help in care.",
                           "You learn to help in care with many people and a placement at a home "
                           "for the elderly nearby."));
    Issues issues;
    load_content_dir(dir.path(), issues);
    INFO(test::all_issues(issues));
    CHECK_FALSE(issues.has_errors());
    CHECK(test::has_issue(issues,
                          "questionnaire.toml:75: question.time.text.nl: warning: a "
                          "sentence of 19 words; plain language keeps sentences to 15"));
    CHECK(
        test::has_issue(issues, "courses.csv:2: description_en: warning: a sentence of 19 words"));
}

TEST_CASE("every answer needs a pictogram the kiosk can draw", "[po]") {
    test::TempDir dir;
    test::copy_small_pack(dir);
    auto q = test::read_text(dir / "questionnaire.toml");
    q = test::replace_once(q, "  pictogram = \"moon\"\n", "");
    q = test::replace_once(q, "pictogram = \"laptop\"", "pictogram = \"rocket\"");
    test::write_text(dir / "questionnaire.toml", q);
    Issues issues;
    load_content_dir(dir.path(), issues);
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues,
                          "questionnaire.toml:78: question.time.option.evening.pictogram: "
                          "warning: missing: every answer shows a pictogram"));
    CHECK(test::has_issue(issues,
                          "questionnaire.toml:65: question.interest.option.ict.pictogram: "
                          "'rocket' is not a pictogram the kiosk can draw (bicycle, bolt"));
}

TEST_CASE("a language's direction comes from pack.toml, right to left for Arabic by default",
          "[po]") {
    test::TempDir dir;
    small_pack_in_four_languages(dir, header);
    Issues issues;
    auto source = load_content_dir(dir.path(), issues);
    INFO(test::all_issues(issues));
    CHECK(source.pack.info.direction("ar") == TextDirection::right_to_left);
    CHECK(source.pack.info.direction("pl") == TextDirection::left_to_right);
    CHECK(source.pack.info.language_names.at("ar") == "العربية");
    test::write_text(dir / "pack.toml",
                     test::replace_once(test::read_text(dir / "pack.toml"), "name = \"Polski\"",
                                        "name = \"Polski\"\ndirection = \"sideways\""));
    Issues wrong;
    load_content_dir(dir.path(), wrong);
    INFO(test::all_issues(wrong));
    CHECK(test::has_issue(wrong, "pack.toml:24: language.pl.direction: 'sideways' is not \"ltr\""));
}

TEST_CASE("a translation that loses or adds a {placeholder} is not used", "[po]") {
    test::TempDir dir;
    small_pack_in_four_languages(
        dir, header +
                 "msgctxt \"texts.toml: receipt.start\"\n"
                 "msgid \"Start {date}\"\nmsgstr \"Początek\"\n\n"
                 "msgctxt \"texts.toml: receipt.cost\"\n"
                 "msgid \"€ {amount}\"\nmsgstr \"{amount} zł {extra}\"\n\n"
                 "msgctxt \"texts.toml: screen.progress\"\n"
                 "msgid \"Vraag {step} van {total}\"\nmsgstr \"Pytanie {step} z {total}\"\n");
    Issues issues;
    auto source = load_content_dir(dir.path(), issues);
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues,
                          "po/pl.po:5: msgstr: warning: the translation must keep the "
                          "Dutch text's {date}; the text shows in Dutch"));
    CHECK(test::has_issue(issues,
                          "po/pl.po:9: msgstr: warning: the translation must keep the "
                          "Dutch text's {amount}"));
    CHECK(pack_text(source.pack, "receipt.start", "pl", {{"date", "1 maja"}}) == "Start 1 maja");
    CHECK(pack_text(source.pack, "screen.progress", "pl", {{"step", "2"}, {"total", "9"}}) ==
          "Pytanie 2 z 9");
}
