#pragma once
// What went wrong with one OOAPI course while it is converted, kept until we know
// whether the course is used (ooapi_course.cpp, ooapi_place_cost.cpp).

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/ooapi/ooapi_course.hpp"

namespace kiosk::ooapi {

// What went wrong with one course, kept until we know whether the course is used.
class CourseRecord {
  public:
    explicit CourseRecord(const CourseSource& source) : source_(source) {}
    void error(std::string message) { add(std::move(message), Severity::error); }
    void warning(std::string message) { add(std::move(message), Severity::warning); }
    bool usable() const {
        return std::none_of(found_.begin(), found_.end(),
                            [](const Issue& i) { return i.severity == Severity::error; });
    }
    // The field of the first error ("name", "addresses"), the same for every course.
    std::string reason() const {
        for (const Issue& issue : found_) {
            if (issue.severity != Severity::error)
                continue;
            std::string_view message = issue.message;
            if (message.starts_with("offerings[")) {
                message.remove_prefix(std::min(message.size(), message.find("]: ") + 3));
            }
            return std::string(message.substr(0, message.find(':')));
        }
        return "";
    }
    void report(Issues& issues) const {
        for (const Issue& issue : found_) {
            if (issue.severity == Severity::error || usable())
                issues.add(issue);
        }
    }

  private:
    void add(std::string message, Severity severity) {
        found_.push_back({source_.file, source_.line, source_.label, std::move(message), severity});
    }
    const CourseSource& source_;
    std::vector<Issue> found_;
};

// A number for messages: "15.5", "100000"; "1e+300" when it is too long to write out.
std::string shown(double value);

}  // namespace kiosk::ooapi
