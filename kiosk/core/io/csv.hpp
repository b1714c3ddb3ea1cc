#pragma once
// RFC 4180 CSV as spreadsheets export it. Our own small reader because content
// authors need the line of every record (records may span lines inside quotes)
// and an exact message for malformed quoting; the Debian CSV libraries give
// neither.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"

namespace kiosk {

struct CsvRecord {
    int line = 0;  // line on which the record starts, 1-based
    std::vector<std::string> fields;
};

struct CsvTable {
    std::vector<std::string> header;
    std::vector<CsvRecord> records;  // without the header
};

// Parses `text`; problems (bad quoting, wrong field count, invalid UTF-8) are
// added to `issues` under `file_name`, and the records that could be read are kept.
CsvTable parse_csv(std::string_view text, const std::string& file_name, Issues& issues);

// One field quoted when it needs to be.
std::string csv_escape(std::string_view field);
std::string csv_line(const std::vector<std::string>& fields);  // ends with "\n"

// True when `text` is well-formed UTF-8; otherwise `bad_offset` is the first bad byte.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

}  // namespace kiosk
