#include "kiosk/core/io/po_file.hpp"

// Writing PO files: quoting, multi-line strings and the entries' comments.

namespace kiosk {
namespace {

void write_field(std::string& out, std::string_view keyword, std::string_view value) {
    out += keyword;
    const auto first_break = value.find('\n');
    if (first_break == std::string_view::npos || first_break + 1 == value.size()) {
        out += ' ' + po_quote(value) + '\n';
        return;
    }
    out += " \"\"\n";
    while (!value.empty()) {
        const auto cut = value.find('\n');
        const auto piece = cut == std::string_view::npos ? value : value.substr(0, cut + 1);
        out += po_quote(piece) + '\n';
        value.remove_prefix(piece.size());
    }
}

void write_entry(std::string& out, const PoEntry& e) {
    for (const auto& c : e.translator_comments)
        out += c.empty() ? "#\n" : "# " + c + '\n';
    for (const auto& c : e.extracted_comments)
        out += "#. " + c + '\n';
    if (!e.flags.empty()) {
        out += "#";
        for (std::size_t i = 0; i < e.flags.size(); ++i)
            out += ", " + e.flags[i];
        out += '\n';
    }
    if (e.previous_id) {
        std::string previous;
        write_field(previous, "msgid", *e.previous_id);
        std::string_view rest = previous;
        while (!rest.empty()) {
            const auto end = rest.find('\n');
            out += "#| " + std::string(rest.substr(0, end)) + '\n';
            rest.remove_prefix(end + 1);
        }
    }
    if (e.context)
        write_field(out, "msgctxt", *e.context);
    write_field(out, "msgid", e.id);
    write_field(out, "msgstr", e.str);
}

}  // namespace

std::string po_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            default:
                out += c;
        }
    }
    out += '"';
    return out;
}

std::string write_po(const PoFile& file) {
    std::string out;
    if (file.header) {
        write_entry(out, *file.header);
    }
    for (const auto& e : file.entries) {
        if (!out.empty())
            out += '\n';
        write_entry(out, e);
    }
    return out;
}

}  // namespace kiosk
