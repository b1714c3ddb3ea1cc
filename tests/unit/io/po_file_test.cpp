#include "kiosk/core/io/po_file.hpp"

#include <catch2/catch.hpp>

#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

PoFile parse(const std::string& text, Issues& issues) {
    return parse_po(text, "po/pl.po", issues);
}

}  // namespace

TEST_CASE("a PO file gives its header, contexts, multi-line texts and escapes", "[po]") {
    const std::string text = R"(# Polish translations
msgid ""
msgstr ""
"Language: pl\n"
"Content-Type: text/plain; charset=UTF-8\n"

#. en: "Start"
#: texts.toml:27
msgctxt "texts.toml: screen.start"
msgid "Beginnen"
msgstr "Zacznij"

# checked by Ola
#, fuzzy, c-format
#| msgid "Oud"
msgctxt "courses.csv: CARE-1: description"
msgid ""
"Regel een\n"
"Regel \"twee\"\tmet tab \\ en "
"meer"
msgstr "Linia \"jeden\"\\"

#~ msgctxt "old"
#~ msgid "Weg"
#~ msgstr "Precz"
msgid "Zonder context"
msgstr ""
)";
    Issues issues;
    const PoFile po = parse(text, issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    REQUIRE(po.header);
    CHECK(po_header_field(*po.header, "Language") == "pl");
    CHECK(po_header_field(*po.header, "Content-Type") == "text/plain; charset=UTF-8");
    CHECK_FALSE(po_header_field(*po.header, "Plural-Forms"));
    REQUIRE(po.entries.size() == 3);
    CHECK(po.entries[0].line == 9);
    CHECK(po.entries[0].context == "texts.toml: screen.start");
    CHECK(po.entries[0].id == "Beginnen");
    CHECK(po.entries[0].str == "Zacznij");
    CHECK(po.entries[0].extracted_comments == std::vector<std::string>{"en: \"Start\""});
    CHECK_FALSE(po.entries[0].fuzzy());
    CHECK(po.entries[1].line == 16);
    CHECK(po.entries[1].id == "Regel een\nRegel \"twee\"\tmet tab \\ en meer");
    CHECK(po.entries[1].str == "Linia \"jeden\"\\");
    CHECK(po.entries[1].fuzzy());
    CHECK(po.entries[1].previous_id == "Oud");
    CHECK(po.entries[1].translator_comments == std::vector<std::string>{"checked by Ola"});
    CHECK_FALSE(po.entries[2].context);  // the obsolete #~ entry is skipped
    CHECK(po.entries[2].id == "Zonder context");
}

TEST_CASE("what the PO writer writes reads back the same", "[po]") {
    PoFile po;
    po.header = PoEntry{};
    po.header->str = "Language: uk\nContent-Type: text/plain; charset=UTF-8\n";
    PoEntry e;
    e.context = "questionnaire.toml: question situation: option working: text";
    e.id = "Twee\nregels met \"aanhalingstekens\", \\ en \ttab";
    e.str = "Дві\nрядки";
    e.flags = {"fuzzy"};
    e.previous_id = "Oude\ntekst";
    e.extracted_comments = {"en: \"I have a job\""};
    po.entries.push_back(e);
    const std::string text = write_po(po);
    CHECK(text.find("msgid \"\"\n\"Twee\\n\"\n\"regels met") != std::string::npos);
    CHECK(text.find("#| msgid \"\"\n#| \"Oude\\n\"\n#| \"tekst\"\n") != std::string::npos);
    Issues issues;
    const PoFile again = parse(text, issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    REQUIRE(again.entries.size() == 1);
    CHECK(again.entries[0].context == e.context);
    CHECK(again.entries[0].id == e.id);
    CHECK(again.entries[0].str == e.str);
    CHECK(again.entries[0].fuzzy());
    CHECK(again.entries[0].previous_id == e.previous_id);
    CHECK(write_po(again) == text);
}

TEST_CASE("a malformed PO file is named by file and line", "[po]") {
    auto first = [](const std::string& text) {
        Issues issues;
        parse_po(text, "po/pl.po", issues);
        REQUIRE(!issues.all().empty());
        return format_issue(issues.all().front());
    };
    CHECK(first("msgid \"a\"\nmsgstr \"b\"\nmsgid \"c\nmsgstr \"d\"\n") ==
          "po/pl.po:3: msgid: the text has no closing double quote");
    CHECK(first("msgid \"a\"\nmsgstr \"b\\q\"\n") ==
          "po/pl.po:2: msgstr: the escape \\q is not used in a content pack (only \\n \\t \\r "
          "\\\" \\\\)");
    CHECK(first("msgid \"a\"\nmsgstr \"b\" extra\n") ==
          "po/pl.po:2: msgstr: unexpected 'extra' after the closing double quote");
    CHECK(first("\nmsgid \"a\"\nmsgstr \"b\"\nmsgtxt \"c\"\n") ==
          "po/pl.po:4: 'msgtxt \"c\"' is not PO: expected a # comment, msgctxt, msgid, msgstr "
          "or a \"string\"");
    CHECK(first("msgid \"a\"\nmsgid \"b\"\nmsgstr \"c\"\n") ==
          "po/pl.po:2: msgid: a second msgid before the msgstr of the one on line 1");
    CHECK(first("msgstr \"c\"\n") == "po/pl.po:1: msgstr: msgstr without a msgid before it");
    CHECK(first("msgctxt \"x\"\nmsgid \"a\"\n\n") ==
          "po/pl.po:1: msgstr: missing: every msgid needs a msgstr \"...\" (empty when "
          "untranslated)");
    CHECK(first("\"loose\"\n") ==
          "po/pl.po:1: a continued \"string\" without msgctxt, msgid or msgstr before it");
    CHECK(first("msgctxt \"x\"\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgctxt \"x\"\nmsgid \"a\"\nmsgstr "
                "\"c\"\n") == "po/pl.po:5: msgctxt: the same msgctxt and msgid as on line 1");
    CHECK(first("msgid \"a\"\nmsgstr \"\xC3\x28\"\n") ==
          "po/pl.po:2: is not valid UTF-8 (save it as UTF-8)");
}

TEST_CASE("plural forms are refused clearly, once", "[po]") {
    Issues issues;
    const PoFile po = parse(
        "msgid \"1 cursus\"\nmsgid_plural \"{n} cursussen\"\n"
        "msgstr[0] \"1 kurs\"\nmsgstr[1] \"{n} kursy\"\n\n"
        "msgid \"a\"\nmsgstr \"b\"\n",
        issues);
    REQUIRE(issues.all().size() == 1);
    CHECK(format_issue(issues.all().front()) ==
          "po/pl.po:2: msgid_plural: plural forms are not used in a content pack: give one msgid "
          "and one msgstr");
    // The entry after it is still read.
    REQUIRE(po.entries.size() == 1);
    CHECK(po.entries[0].id == "a");
}

TEST_CASE("a PO file with Windows line ends and a byte-order mark reads the same", "[po]") {
    Issues issues;
    const PoFile po = parse("\xEF\xBB\xBFmsgctxt \"c\"\r\nmsgid \"a\"\r\nmsgstr \"b\"\r\n", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    REQUIRE(po.entries.size() == 1);
    CHECK(po.entries[0].str == "b");
}
