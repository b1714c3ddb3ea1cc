#include "kiosk/core/io/csv.hpp"

#include <optional>

namespace kiosk {

bool is_valid_utf8(std::string_view text, std::size_t* bad_offset) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        if (i + len > n) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) {
                if (bad_offset)
                    *bad_offset = i;
                return false;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        const bool overlong =
            (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        i += len;
    }
    return true;
}

namespace {

// Reports the line of the first bad byte, so an author finds it in an editor.
bool check_utf8(std::string_view text, const std::string& file_name, Issues& issues) {
    std::size_t bad = 0;
    if (is_valid_utf8(text, &bad))
        return true;
    int line = 1;
    for (std::size_t i = 0; i < bad; ++i) {
        if (text[i] == '\n')
            ++line;
    }
    issues.error(file_name, line, "",
                 "not valid UTF-8 (save the file as \"CSV UTF-8\"); byte " +
                     std::to_string(bad + 1) + " of the file");
    return false;
}

// Splits the text into records, each with the line it starts on, and reports
// bad quoting as it goes; a record with bad quoting is left out.
class RecordSplitter {
  public:
    RecordSplitter(std::string_view text, const std::string& file_name, Issues& issues)
        : text_(text), file_name_(file_name), issues_(issues) {
        current_.line = 1;
    }

    // The records, the header first; nothing when a quoted field is never closed.
    std::optional<std::vector<CsvRecord>> split() {
        while (i_ < text_.size()) {
            if (in_quotes_)
                quoted_char(text_[i_]);
            else
                plain_char(text_[i_]);
        }
        if (in_quotes_) {
            issues_.error(file_name_, current_.line, "",
                          "a quoted field is never closed (missing \")");
            return std::nullopt;
        }
        if (!field_.empty() || !current_.fields.empty() || field_was_quoted_) {
            end_record();
        }
        return std::move(rows_);
    }

  private:
    bool next_is(char c) const { return i_ + 1 < text_.size() && text_[i_ + 1] == c; }

    void quoted_char(char c) {
        if (c == '"') {
            if (next_is('"')) {
                field_ += '"';
                i_ += 2;
                return;
            }
            in_quotes_ = false;
            ++i_;
            return;
        }
        if (c == '\n')
            ++line_;
        field_ += c;
        ++i_;
    }

    void plain_char(char c) {
        ++i_;
        if (c == '"') {
            if (!field_.empty() || field_was_quoted_) {
                issues_.error(
                    file_name_, line_, "",
                    "a double quote in the middle of field " +
                        std::to_string(current_.fields.size() + 1) +
                        "; write a quote inside a field as \"\" and quote the whole field");
                record_broken_ = true;
            }
            in_quotes_ = true;
            field_was_quoted_ = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\r' && i_ < text_.size() && text_[i_] == '\n') {
            // CRLF: the '\n' ends the record.
        } else if (c == '\n') {
            ++line_;
            end_record();
        } else {
            if (field_was_quoted_) {
                issues_.error(file_name_, line_, "",
                              "text after the closing quote of field " +
                                  std::to_string(current_.fields.size() + 1));
                record_broken_ = true;
            }
            field_ += c;
        }
    }

    void end_field() {
        current_.fields.push_back(std::move(field_));
        field_.clear();
        field_was_quoted_ = false;
    }

    void end_record() {
        end_field();
        const bool blank = current_.fields.size() == 1 && current_.fields[0].empty();
        if (!blank && !record_broken_) {
            rows_.push_back(std::move(current_));
        }
        current_ = CsvRecord{};
        current_.line = line_;
        record_broken_ = false;
    }

    std::string_view text_;
    const std::string& file_name_;
    Issues& issues_;
    std::vector<CsvRecord> rows_;
    CsvRecord current_;
    std::string field_;
    int line_ = 1;
    bool in_quotes_ = false;
    bool field_was_quoted_ = false;
    bool record_broken_ = false;
    std::size_t i_ = 0;
};

void trim_blanks(std::string& name) {
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
        name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t'))
        name.erase(0, 1);
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& file_name, Issues& issues) {
    CsvTable table;
    // Spreadsheets on Windows like to start the file with a byte-order mark.
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    if (!check_utf8(text, file_name, issues))
        return table;
    auto rows = RecordSplitter(text, file_name, issues).split();
    if (!rows)
        return table;
    if (rows->empty()) {
        issues.error(file_name, 1, "", "the file is empty: the first line must be the header");
        return table;
    }
    table.header = std::move(rows->front().fields);
    for (auto& name : table.header)
        trim_blanks(name);
    for (std::size_t r = 1; r < rows->size(); ++r) {
        CsvRecord& row = (*rows)[r];
        if (row.fields.size() != table.header.size()) {
            issues.error(file_name, row.line, "",
                         "has " + std::to_string(row.fields.size()) + " fields, the header has " +
                             std::to_string(table.header.size()));
            continue;
        }
        table.records.push_back(std::move(row));
    }
    return table;
}

std::string csv_escape(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos && !field.starts_with(' ') &&
        !field.ends_with(' ')) {
        return std::string(field);
    }
    std::string out = "\"";
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += csv_escape(fields[i]);
    }
    out += '\n';
    return out;
}

}  // namespace kiosk
