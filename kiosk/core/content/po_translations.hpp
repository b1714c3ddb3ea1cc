#pragma once
// Translations of a pack in gettext PO files, `po/<lang>.po` in the pack's
// folder: msgctxt is the text's place (pack_texts.hpp), msgid its Dutch
// text, msgstr the translation. A text given in the pack's own files for a
// language wins over the PO file; an entry whose msgid is no longer the
// pack's Dutch text is stale and not used (the text shows in Dutch), nor is
// one marked fuzzy.

#include <filesystem>
#include <string>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/io/po_file.hpp"

namespace kiosk {

struct ContentSource;

// The PO file of `lang` in a pack folder: "po/pl.po".
std::string po_file_name(const std::string& lang);

// Reads po/<lang>.po for every language of the pack but Dutch, gives the
// pack's texts the translations, and reports stale, unknown and fuzzy
// entries as warnings and malformed files as errors, each as po/<lang>.po:LINE.
void apply_po_translations(const std::filesystem::path& dir, ContentSource& source, Issues& issues);

// Gives the texts of `source` the usable entries of `po` for `lang`; returns
// how many it took. Problems are reported under `file_name`.
int apply_po(const PoFile& po, const std::string& file_name, const std::string& lang,
             ContentSource& source, Issues& issues);

// gettext's Plural-Forms for a language ("nplurals=3; plural=...;").
std::string plural_forms(const std::string& lang);

// Every text of `source` (read without PO files) for translators of `lang`:
// the header, then one entry per text in the pack's order, its msgstr the
// translation given in the pack's files (`with_inline`; otherwise such texts
// are left out), else the one in `existing`, else empty. An entry of
// `existing` for an older Dutch text comes back marked fuzzy, with its
// translation and the old Dutch as "#| msgid".
PoFile translations_po(ContentSource& source, const std::string& lang, const PoFile& existing,
                       bool with_inline);

// What importing a translator's file into the pack's PO file does.
struct PoImport {
    PoFile merged;     // the pack's new po/<lang>.po
    int taken = 0;     // translations in the file that the pack uses
    int changed = 0;   // of those, new or different from the pack's PO file
    int unusable = 0;  // stale, unknown, or given in the pack's files already
};

// Merges `imported` into `existing` (the pack's po/<lang>.po, or empty).
// Unknown places and stale msgids are warnings under `file_name`:LINE.
PoImport import_po(ContentSource& source, const std::string& lang, const PoFile& existing,
                   const PoFile& imported, const std::string& file_name, Issues& issues);

}  // namespace kiosk
