#include "kiosk/core/base/issue.hpp"

#include <algorithm>

namespace kiosk {

std::string format_issue(const Issue& issue) {
    std::string out = issue.file;
    if (issue.line > 0) {
        out += ':' + std::to_string(issue.line);
    }
    out += ": ";
    if (!issue.field.empty()) {
        out += issue.field + ": ";
    }
    if (issue.severity == Severity::warning) {
        out += "warning: ";
    }
    out += issue.message;
    return out;
}

void Issues::error(std::string file, int line, std::string field, std::string message) {
    all_.push_back({std::move(file), line, std::move(field), std::move(message), Severity::error});
}

void Issues::warning(std::string file, int line, std::string field, std::string message) {
    all_.push_back(
        {std::move(file), line, std::move(field), std::move(message), Severity::warning});
}

bool Issues::has_errors() const {
    return error_count() > 0;
}

std::size_t Issues::error_count() const {
    return static_cast<std::size_t>(std::count_if(
        all_.begin(), all_.end(), [](const Issue& i) { return i.severity == Severity::error; }));
}

}  // namespace kiosk
