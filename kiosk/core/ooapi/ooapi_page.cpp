#include "kiosk/core/ooapi/ooapi_page.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "kiosk/core/ooapi/ooapi_json.hpp"

namespace kiosk::ooapi {
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

enum class Kind { course, offering, organization, other };

// What an entry is, by the id it carries: courses have a courseId, offerings an
// offeringId (and often their course's courseId), organizations only an organizationId.
// An object with none of them is read as a course, as hand-made catalogues have it.
Kind kind_of(const json& entry) {
    if (!entry.is_object())
        return Kind::other;
    if (member(entry, "offeringId") != nullptr)
        return Kind::offering;
    if (member(entry, "organizationId") != nullptr && member(entry, "courseId") == nullptr)
        return Kind::organization;
    return Kind::course;
}

// Adds the entries of one list (at JSON pointer `pointer`) to `pages` by kind, or all
// as `forced` when the list says what they are.
void add_list(const json& list, const std::string& pointer, const std::string& file,
              const ValueLines& lines, Pages& pages, Issues& issues, Kind forced = Kind::other) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& entry = list[i];
        const int line = lines.line_of(pointer.empty() ? pointer : pointer + std::to_string(i));
        switch (forced != Kind::other && entry.is_object() ? forced : kind_of(entry)) {
            case Kind::course:
                pages.courses.push_back(
                    {&entry, file, labelled("courses", i, entry, "courseId"), line});
                break;
            case Kind::offering:
                pages.offerings.push_back(
                    {&entry, file, labelled("offerings", i, entry, "offeringId"), line});
                break;
            case Kind::organization:
                pages.organizations.push_back(
                    {&entry, file, labelled("organizations", i, entry, "organizationId"), line});
                break;
            case Kind::other:
                issues.error(file, line, "items[" + std::to_string(i) + "]",
                             "not a course, offering or organization object");
                break;
        }
    }
}

}  // namespace

std::string labelled(const char* list, std::size_t index, const json& entry, const char* id_key) {
    std::string label = std::string(list) + '[' + std::to_string(index) + ']';
    const std::string id = text_of(member(entry, id_key));
    return id.empty() ? label : label + " (" + id_key + " \"" + id + "\")";
}

void read_page(std::string_view text, const std::string& file, Pages& pages, Issues& issues) {
    auto document = std::make_unique<json>();
    try {
        *document = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        report_parse_error(e, text, file, issues);
        return;
    }
    const json& root = *pages.documents.emplace_back(std::move(document));
    const ValueLines lines(text, 3);
    const json* items = items_of(&root);
    const bool single =
        items == nullptr && root.is_object() &&
        (member(root, "courseId") != nullptr || member(root, "offeringId") != nullptr ||
         member(root, "organizationId") != nullptr);
    if (items == nullptr && !single) {
        issues.error(file, 1, "",
                     "expected a page of courses, offerings or organizations: an array, or an "
                     "object with \"items\"");
        return;
    }
    if (single) {
        const json list = json::array({root});
        pages.documents.push_back(std::make_unique<json>(list));
        // The object starts the file: its line is that of the root ("").
        add_list(*pages.documents.back(), "", file, lines, pages, issues);
        return;
    }
    if (items->empty())
        issues.warning(file, 1, "", "the page lists nothing");
    add_list(*items, items == &root ? "/" : "/items/", file, lines, pages, issues);
    // A catalogue may list the offerings and organizations of its courses beside them.
    for (const auto& [key, kind] :
         {std::pair{"offerings", Kind::offering}, std::pair{"organizations", Kind::organization}}) {
        const json* extra = items_of(member(root, key));
        if (extra == nullptr || extra == items)
            continue;
        const std::string pointer =
            std::string("/") + key + (member(root, key) == extra ? "/" : "/items/");
        add_list(*extra, pointer, file, lines, pages, issues, kind);
    }
}

}  // namespace kiosk::ooapi
