#include "kiosk/core/io/csv.hpp"

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

CsvTable parse_csv(std::string_view text, const std::string& file_name, Issues& issues) {
    CsvTable table;
    // Spreadsheets on Windows like to start the file with a byte-order mark.
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::size_t bad = 0;
    if (!is_valid_utf8(text, &bad)) {
        int line = 1;
        for (std::size_t i = 0; i < bad; ++i) {
            if (text[i] == '\n')
                ++line;
        }
        issues.error(file_name, line, "",
                     "not valid UTF-8 (save the file as \"CSV UTF-8\"); byte " +
                         std::to_string(bad + 1) + " of the file");
        return table;
    }

    std::vector<CsvRecord> rows;
    CsvRecord current;
    std::string field;
    int line = 1;
    current.line = 1;
    bool in_quotes = false;
    bool field_was_quoted = false;
    bool record_broken = false;
    std::size_t i = 0;
    auto end_field = [&] {
        current.fields.push_back(std::move(field));
        field.clear();
        field_was_quoted = false;
    };
    auto end_record = [&] {
        end_field();
        const bool blank = current.fields.size() == 1 && current.fields[0].empty();
        if (!blank && !record_broken) {
            rows.push_back(std::move(current));
        }
        current = CsvRecord{};
        current.line = line;
        record_broken = false;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                in_quotes = false;
                ++i;
                continue;
            }
            if (c == '\n')
                ++line;
            field += c;
            ++i;
            continue;
        }
        if (c == '"') {
            if (!field.empty() || field_was_quoted) {
                issues.error(
                    file_name, line, "",
                    "a double quote in the middle of field " +
                        std::to_string(current.fields.size() + 1) +
                        "; write a quote inside a field as \"\" and quote the whole field");
                record_broken = true;
            }
            in_quotes = true;
            field_was_quoted = true;
            ++i;
            continue;
        }
        if (c == ',') {
            end_field();
            ++i;
            continue;
        }
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            continue;
        }
        if (c == '\n') {
            ++line;
            end_record();
            ++i;
            continue;
        }
        if (field_was_quoted) {
            issues.error(file_name, line, "",
                         "text after the closing quote of field " +
                             std::to_string(current.fields.size() + 1));
            record_broken = true;
        }
        field += c;
        ++i;
    }
    if (in_quotes) {
        issues.error(file_name, current.line, "", "a quoted field is never closed (missing \")");
        return table;
    }
    if (!field.empty() || !current.fields.empty() || field_was_quoted) {
        end_record();
    }

    if (rows.empty()) {
        issues.error(file_name, 1, "", "the file is empty: the first line must be the header");
        return table;
    }
    table.header = std::move(rows.front().fields);
    for (auto& name : table.header) {
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
            name.pop_back();
        while (!name.empty() && (name.front() == ' ' || name.front() == '\t'))
            name.erase(0, 1);
    }
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].fields.size() != table.header.size()) {
            issues.error(file_name, rows[r].line, "",
                         "has " + std::to_string(rows[r].fields.size()) +
                             " fields, the header has " + std::to_string(table.header.size()));
            continue;
        }
        table.records.push_back(std::move(rows[r]));
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
