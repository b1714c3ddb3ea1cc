#include "kiosk/core/ooapi/ooapi_import.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "kiosk/core/content/course.hpp"
#include "kiosk/core/io/csv.hpp"
#include "kiosk/core/ooapi/ooapi_course.hpp"
#include "kiosk/core/ooapi/ooapi_json.hpp"

namespace kiosk {
namespace {

using nlohmann::json;

// nlohmann's DOM forgets where values stood, but an author needs the line of a
// record. This walks the (already valid) text once and notes the line on which each
// value down to `max_depth` starts, by JSON pointer ("/items/3").
class ValueLines {
  public:
    ValueLines(std::string_view text, int max_depth) : text_(text), max_depth_(max_depth) {
        if (text_.starts_with("\xEF\xBB\xBF"))
            pos_ = 3;  // byte-order mark
        skip_space();
        if (pos_ < text_.size())
            value("", 0);
    }
    int line_of(const std::string& pointer) const {
        const auto found = lines_.find(pointer);
        return found == lines_.end() ? 0 : found->second;
    }

  private:
    bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
    void skip_space() {
        while (pos_ < text_.size() && std::string_view(" \t\r\n").find(text_[pos_]) != npos) {
            if (text_[pos_++] == '\n')
                ++line_;
        }
    }
    std::string string_token() {  // at the opening quote; escapes are kept as written
        const std::size_t start = ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"')
            pos_ += text_[pos_] == '\\' ? 2 : 1;
        return std::string(text_.substr(start, pos_++ - start));
    }
    void value(const std::string& path, int depth) {
        lines_[path] = line_;
        const char open = text_[pos_];
        if (depth >= max_depth_ || (open != '{' && open != '['))
            return skip_value();
        ++pos_;
        skip_space();
        for (int index = 0; pos_ < text_.size() && !at('}') && !at(']'); ++index) {
            std::string key = std::to_string(index);
            if (open == '{') {
                key = string_token();
                skip_space();
                ++pos_;  // ':'
                skip_space();
            }
            value(path + '/' + pointer_escape(key), depth + 1);
            skip_space();
            if (at(','))
                ++pos_;
            skip_space();
        }
        ++pos_;
    }
    // Without recursion, so that deep nesting cannot overflow the stack.
    void skip_value() {
        int open = 0;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '"') {
                string_token();
                if (open == 0)
                    return;
                continue;
            }
            if (c == '{' || c == '[') {
                ++open;
            } else if (c == '}' || c == ']') {
                if (open == 0)
                    return;
                if (--open == 0) {
                    ++pos_;
                    return;
                }
            } else if (open == 0 && std::string_view(", \t\r\n").find(c) != npos) {
                return;
            } else if (c == '\n') {
                ++line_;
            }
            ++pos_;
        }
    }
    static std::string pointer_escape(const std::string& key) {
        std::string out;
        for (const char c : key)
            out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
        return out;
    }

    static constexpr auto npos = std::string_view::npos;
    std::string_view text_;
    int max_depth_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::map<std::string, int> lines_;
};

using ooapi::items_of;
using ooapi::member;
using ooapi::text_of;

std::string labelled(const char* list, std::size_t index, const json& entry, const char* id_key) {
    std::string label = std::string(list) + '[' + std::to_string(index) + ']';
    const std::string id = text_of(member(entry, id_key));
    return id.empty() ? label : label + " (" + id_key + " \"" + id + "\")";
}

// nlohmann gives the byte it stopped at; authors look for a line.
void report_parse_error(const json::parse_error& e, std::string_view text, const std::string& file,
                        Issues& issues) {
    const std::size_t stop = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    const auto line =
        1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(stop), '\n');
    const auto line_start = text.substr(0, stop).rfind('\n');
    const std::size_t column =
        stop - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    std::string what =
        e.what();  // "[json.exception.parse_error.101] parse error at line 6, column 7: ..."
    if (const auto colon = what.find(": ", what.find("column")); colon != std::string::npos) {
        what = what.substr(colon + 2);
    }
    issues.error(file, static_cast<int>(line), "",
                 "not valid JSON at column " + std::to_string(column) + " (byte " +
                     std::to_string(e.byte) + "): " + what);
}

struct SeparateOffering {
    std::string course_id;
    ooapi::OfferingSource source;
    int line = 0;
};

// The top-level "offerings" list: each names its course by courseId, or by a `course`
// that is an id or an expanded course.
std::vector<SeparateOffering> separate_offerings(const json& document, const ValueLines& lines,
                                                 const std::string& file, Issues& issues) {
    std::vector<SeparateOffering> out;
    const json* list = document.is_object() ? items_of(member(document, "offerings")) : nullptr;
    const std::string pointer =
        member(document, "offerings") == list ? "/offerings/" : "/offerings/items/";
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
        const json& offering = (*list)[i];
        const std::string label = labelled("offerings", i, offering, "offeringId");
        const int line = lines.line_of(pointer + std::to_string(i));
        std::string course_id = text_of(member(offering, "courseId"));
        if (const json* course = member(offering, "course");
            course_id.empty() && course != nullptr) {
            course_id =
                course->is_object() ? text_of(member(*course, "courseId")) : text_of(course);
        }
        if (course_id.empty()) {
            issues.warning(file, line, label, "no courseId, so no course to add it to; left out");
            continue;
        }
        out.push_back({course_id, {&offering, label}, line});
    }
    return out;
}

std::vector<std::string> header_for(const std::vector<std::string>& languages) {
    std::vector<std::string> header{"id"};
    for (const std::string& lang : languages) {
        header.push_back("title_" + lang);
        header.push_back("description_" + lang);
    }
    for (const std::string_view column : course_columns) {
        if (column != "id")
            header.emplace_back(column);
    }
    return header;
}

}  // namespace

OoapiImport import_ooapi(std::string_view json_text, const std::string& file_name,
                         const std::vector<std::string>& languages, Issues& issues) {
    ooapi::CatalogueContext context;
    context.file = file_name;
    context.languages.push_back("nl");
    for (const std::string& lang : languages) {
        if (std::find(context.languages.begin(), context.languages.end(), lang) ==
            context.languages.end()) {
            context.languages.push_back(lang);
        }
    }
    OoapiImport result;
    result.header = header_for(context.languages);

    json document;
    try {
        document = json::parse(json_text.begin(), json_text.end());
    } catch (const json::parse_error& e) {
        report_parse_error(e, json_text, file_name, issues);
        return result;
    }
    const ValueLines lines(json_text, 3);

    const json* courses = items_of(&document);
    if (courses == nullptr) {
        issues.error(file_name, 1, "",
                     "expected a list of courses: an array, or an object with \"items\"");
        return result;
    }
    const std::string pointer = courses == &document ? "/" : "/items/";
    if (courses->empty())
        issues.warning(file_name, 1, "", "the document lists no courses");

    if (const json* organizations = items_of(member(document, "organizations"))) {
        for (const json& entry : *organizations) {
            context.organizations[text_of(member(entry, "organizationId"))] = &entry;
        }
    }

    std::set<std::string> course_ids;
    for (const json& course : *courses)
        course_ids.insert(text_of(member(course, "courseId")));
    std::map<std::string, std::vector<ooapi::OfferingSource>> offerings_by_course;
    for (const SeparateOffering& offering :
         separate_offerings(document, lines, file_name, issues)) {
        if (!course_ids.contains(offering.course_id)) {
            issues.warning(file_name, offering.line, offering.source.label,
                           "courseId \"" + offering.course_id +
                               "\" is not a course in this document; left out");
            continue;
        }
        offerings_by_course[offering.course_id].push_back(offering.source);
    }

    for (std::size_t i = 0; i < courses->size(); ++i) {
        const json& course = (*courses)[i];
        ooapi::CourseSource source{&course,
                                   labelled("courses", i, course, "courseId"),
                                   lines.line_of(pointer + std::to_string(i)),
                                   {}};
        if (!course.is_object()) {
            issues.error(file_name, source.line, source.label, "not a course object");
            continue;
        }
        const json* embedded = items_of(member(course, "offerings"));
        for (std::size_t j = 0; embedded != nullptr && j < embedded->size(); ++j) {
            source.offerings.push_back(
                {&(*embedded)[j], labelled("offerings", j, (*embedded)[j], "offeringId")});
        }
        const std::string course_id = text_of(member(course, "courseId"));
        if (const auto found = offerings_by_course.find(course_id);
            found != offerings_by_course.end()) {
            source.offerings.insert(source.offerings.end(), found->second.begin(),
                                    found->second.end());
        }
        const auto cells = ooapi::convert_course(source, context, issues);
        if (!cells)
            continue;
        std::vector<std::string> row;
        for (const std::string& column : result.header) {
            const auto cell = cells->find(column);
            row.push_back(cell == cells->end() ? "" : cell->second);
        }
        result.rows.push_back(std::move(row));
    }
    return result;
}

std::string to_csv(const OoapiImport& import) {
    std::string out = csv_line(import.header);
    for (const auto& row : import.rows)
        out += csv_line(row);
    return out;
}

}  // namespace kiosk
