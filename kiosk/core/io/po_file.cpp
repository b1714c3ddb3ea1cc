#include "kiosk/core/io/po_file.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "kiosk/core/io/csv.hpp"

namespace kiosk {
namespace {

enum class Part { none, context, id, str };

// The entry being read, and which of its parts the next "string" line continues.
struct Pending {
    PoEntry entry;
    bool has_context = false;
    bool has_id = false;
    bool has_str = false;
    bool bad = false;
    bool any = false;  // a comment or keyword has been read
    Part last = Part::none;
};

class PoReader {
  public:
    PoReader(const std::string& file, Issues& issues) : file_(file), issues_(issues) {}

    void line(std::string_view text, int number);
    PoFile finish();

  private:
    void error(int line, std::string field, std::string message) {
        issues_.error(file_, line, std::move(field), std::move(message));
        pending_.bad = true;
    }
    // Ends the entry in progress; a complete one joins the file.
    void close();
    void keyword(std::string_view keyword, std::string_view rest, int number);
    // The quoted string at the start of `rest` (after spaces); nullopt after an error.
    std::optional<std::string> quoted(std::string_view rest, int number, std::string_view field);
    std::string* current_part();
    void previous_string(std::string_view rest, int number);
    bool previous_open_ = false;

    const std::string& file_;
    Issues& issues_;
    PoFile out_;
    Pending pending_;
    std::map<std::pair<std::string, std::string>, int> seen_;  // (context, id) -> line
};

std::string_view trim_left(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    return text;
}

std::string_view trim(std::string_view text) {
    text = trim_left(text);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::optional<std::string> PoReader::quoted(std::string_view rest, int number,
                                            std::string_view field) {
    rest = trim_left(rest);
    if (rest.empty() || rest.front() != '"') {
        error(number, std::string(field), "expected a text in double quotes");
        return std::nullopt;
    }
    std::string value;
    std::size_t i = 1;
    for (; i < rest.size() && rest[i] != '"'; ++i) {
        if (rest[i] != '\\') {
            value += rest[i];
            continue;
        }
        if (++i == rest.size())
            break;
        switch (rest[i]) {
            case 'n':
                value += '\n';
                break;
            case 't':
                value += '\t';
                break;
            case 'r':
                value += '\r';
                break;
            case '"':
                value += '"';
                break;
            case '\\':
                value += '\\';
                break;
            default:
                error(number, std::string(field),
                      std::string("the escape \\") + rest[i] +
                          " is not used in a content pack (only \\n \\t \\r \\\" \\\\)");
                return std::nullopt;
        }
    }
    if (i >= rest.size()) {
        error(number, std::string(field), "the text has no closing double quote");
        return std::nullopt;
    }
    if (!trim(rest.substr(i + 1)).empty()) {
        error(number, std::string(field),
              "unexpected '" + std::string(trim(rest.substr(i + 1))) +
                  "' after the closing double quote");
        return std::nullopt;
    }
    return value;
}

void PoReader::previous_string(std::string_view rest, int number) {
    if (rest.starts_with("msgid")) {
        if (auto value = quoted(rest.substr(5), number, "#| msgid")) {
            pending_.entry.previous_id = std::move(*value);
            previous_open_ = true;
        }
    } else if (rest.starts_with("\"") && previous_open_ && pending_.entry.previous_id) {
        if (auto value = quoted(rest, number, "#| msgid"))
            *pending_.entry.previous_id += *value;
    } else {
        previous_open_ = false;  // "#| msgctxt" and the like: not kept
    }
}

std::string* PoReader::current_part() {
    switch (pending_.last) {
        case Part::context:
            return &*pending_.entry.context;
        case Part::id:
            return &pending_.entry.id;
        case Part::str:
            return &pending_.entry.str;
        case Part::none:
            return nullptr;
    }
    return nullptr;
}

void PoReader::close() {
    Pending done = std::move(pending_);
    pending_ = Pending{};
    if (done.bad || (!done.has_id && !done.has_context && !done.has_str))
        return;  // broken (already reported), or only comments that belong to nothing
    PoEntry& e = done.entry;
    if (!done.has_id) {
        issues_.error(file_, e.line, "msgid",
                      "missing: an entry needs msgid \"...\" after its msgctxt");
        return;
    }
    if (!done.has_str) {
        issues_.error(file_, e.line, "msgstr",
                      "missing: every msgid needs a msgstr \"...\" (empty when untranslated)");
        return;
    }
    if (!e.context && e.id.empty()) {
        if (out_.header) {
            issues_.error(file_, e.line, "msgid",
                          "a second header (msgid \"\"); the first is on line " +
                              std::to_string(out_.header->line));
            return;
        }
        out_.header = std::move(e);
        return;
    }
    // msgctxt and msgid together name an entry; "\x04" is gettext's own
    // separator, so no context cannot equal an empty one.
    const auto key = std::make_pair(e.context ? "\x04" + *e.context : std::string(), e.id);
    if (auto [it, fresh] = seen_.emplace(key, e.line); !fresh) {
        issues_.error(file_, e.line, e.context ? "msgctxt" : "msgid",
                      "the same msgctxt and msgid as on line " + std::to_string(it->second));
        return;
    }
    out_.entries.push_back(std::move(e));
}

void PoReader::keyword(std::string_view word, std::string_view rest, int number) {
    if (word == "msgid_plural" || word.starts_with("msgstr[")) {
        if (pending_.bad && word.starts_with("msgstr["))
            return;  // said once, at its msgid_plural
        error(number, std::string(word.substr(0, word.find('['))),
              "plural forms are not used in a content pack: give one msgid and one msgstr");
        return;
    }
    const Part part = word == "msgctxt" ? Part::context : word == "msgid" ? Part::id : Part::str;
    if (part == Part::str) {
        if (pending_.bad)
            return;
        if (!pending_.has_id) {
            error(number, "msgstr", "msgstr without a msgid before it");
            return;
        }
        if (pending_.has_str) {
            error(number, "msgstr", "a second msgstr for the same msgid");
            return;
        }
    } else if (pending_.bad || pending_.has_str) {
        close();  // the entry before is complete (or broken and reported): this starts the next
    } else if (part == Part::context && (pending_.has_id || pending_.has_context)) {
        error(number, "msgctxt", "msgctxt must come once per entry, before its msgid");
        return;
    } else if (part == Part::id && pending_.has_id) {
        error(number, "msgid",
              "a second msgid before the msgstr of the one on line " +
                  std::to_string(pending_.entry.line));
        return;
    }
    auto value = quoted(rest, number, word);
    if (!value)
        return;
    if (!pending_.has_context && !pending_.has_id)
        pending_.entry.line = number;
    pending_.any = true;
    pending_.last = part;
    switch (part) {
        case Part::context:
            pending_.entry.context = std::move(*value);
            pending_.has_context = true;
            break;
        case Part::id:
            pending_.entry.id = std::move(*value);
            pending_.has_id = true;
            break;
        default:
            pending_.entry.str = std::move(*value);
            pending_.has_str = true;
            break;
    }
}

void PoReader::line(std::string_view text, int number) {
    if (!text.empty() && text.back() == '\r')
        text.remove_suffix(1);
    const std::string_view body = trim(text);
    if (body.empty())
        return;  // blank lines separate entries for people; keywords do for us
    if (body.starts_with("#~"))
        return;  // obsolete: gettext keeps them for reference only
    if (body.front() == '#') {
        // A comment belongs to the entry after it: finish the one before.
        if (pending_.has_str || pending_.bad)
            close();
        pending_.any = true;
        const auto kind = body.size() > 1 ? body[1] : ' ';
        const auto rest = std::string(trim(body.substr(std::min<std::size_t>(2, body.size()))));
        if (kind == ',') {
            std::string_view flags = rest;
            while (!flags.empty()) {
                const auto comma = flags.find(',');
                const auto flag = trim(flags.substr(0, comma));
                if (!flag.empty())
                    pending_.entry.flags.emplace_back(flag);
                flags =
                    comma == std::string_view::npos ? std::string_view{} : flags.substr(comma + 1);
            }
        } else if (kind == '.') {
            pending_.entry.extracted_comments.push_back(rest);
        } else if (kind == '|') {
            previous_string(rest, number);
        } else if (kind == ' ' || body.size() == 1) {
            pending_.entry.translator_comments.emplace_back(trim(body.substr(1)));
        }
        // "#:" references are the tools' business.
        return;
    }
    if (body.front() == '"') {
        std::string* part = current_part();
        if (!part || pending_.bad) {
            if (!pending_.bad)
                error(number, "",
                      "a continued \"string\" without msgctxt, msgid or msgstr before it");
            return;
        }
        const std::string_view field = pending_.last == Part::context ? "msgctxt"
                                       : pending_.last == Part::id    ? "msgid"
                                                                      : "msgstr";
        if (auto value = quoted(body, number, field))
            *part += *value;
        return;
    }
    const auto space = body.find_first_of(" \t\"");
    const auto word = body.substr(0, space);
    if (word == "msgctxt" || word == "msgid" || word == "msgstr" || word == "msgid_plural" ||
        word.starts_with("msgstr[")) {
        keyword(word, space == std::string_view::npos ? std::string_view{} : body.substr(space),
                number);
        return;
    }
    error(number, "",
          "'" + std::string(body.substr(0, 40)) +
              "' is not PO: expected a # comment, msgctxt, msgid, msgstr or a \"string\"");
}

PoFile PoReader::finish() {
    close();
    return std::move(out_);
}

}  // namespace

bool PoEntry::fuzzy() const {
    return std::find(flags.begin(), flags.end(), "fuzzy") != flags.end();
}

PoFile parse_po(std::string_view text, const std::string& file_name, Issues& issues) {
    std::size_t bad = 0;
    if (!is_valid_utf8(text, &bad)) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n');
        issues.error(file_name, static_cast<int>(line), "",
                     "is not valid UTF-8 (save it as UTF-8)");
        return {};
    }
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);  // a byte-order mark some editors write
    PoReader reader(file_name, issues);
    int number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        reader.line(text.substr(0, end), ++number);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    return reader.finish();
}

std::optional<std::string> po_header_field(const PoEntry& header, std::string_view name) {
    std::string_view rest = header.str;
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        const auto line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        const auto colon = line.find(':');
        if (colon != std::string_view::npos && trim(line.substr(0, colon)) == name)
            return std::string(trim(line.substr(colon + 1)));
    }
    return std::nullopt;
}

}  // namespace kiosk
