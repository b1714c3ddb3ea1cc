#pragma once
// GNU gettext PO files, the translators' format: a region's translations of
// its content pack live in `po/<lang>.po`. Our own small reader and writer, for
// the same reasons as csv.hpp: every problem must name its file and line, and
// Debian's libgettextpo is GPL-3 and reads only from files.
//
// What is read: comments (`#`, `#.`, `#,` flags, `#| msgid`; `#:` is skipped), `msgctxt`,
// `msgid`, `msgstr`, strings continued over several lines, and the escapes
// \n \t \r \" \\. Obsolete entries (`#~`) are skipped, as gettext does.
// Plural forms (`msgid_plural`, `msgstr[N]`) are refused: a pack has no
// plural texts, and a translator should hear so rather than lose work.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"

namespace kiosk {

struct PoEntry {
    int line = 0;  // line of its first keyword (msgctxt, else msgid), 1-based
    std::vector<std::string> translator_comments;  // "# ..." lines, without "# "
    std::vector<std::string> extracted_comments;   // "#. ..." lines, without "#. "
    std::vector<std::string> flags;                // from "#, fuzzy, c-format"
    std::optional<std::string> previous_id;        // "#| msgid": the source text before a change
    std::optional<std::string> context;            // msgctxt
    std::string id;                                // msgid
    std::string str;                               // msgstr

    bool fuzzy() const;
};

struct PoFile {
    std::optional<PoEntry> header;  // the entry with msgid "" (and no msgctxt)
    std::vector<PoEntry> entries;   // the others, in file order
};

// Parses `text`; every problem goes to `issues` as `file_name:LINE: ...`.
// Entries read before and after a bad line are kept, so one typo does not
// hide the others; the caller decides what errors mean.
PoFile parse_po(std::string_view text, const std::string& file_name, Issues& issues);

// The value of a header field ("Language", "Content-Type"), if present.
std::optional<std::string> po_header_field(const PoEntry& header, std::string_view name);

// The file as text: the header, then each entry separated by a blank line.
// A string with a line break is written as "" followed by one line per
// break, as msgmerge does; nothing else is wrapped.
std::string write_po(const PoFile& file);

// `"text"` with the escapes PO uses.
std::string po_quote(std::string_view text);

}  // namespace kiosk
