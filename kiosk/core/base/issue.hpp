#pragma once
// A problem found in content: where it is and what is wrong, so that the person
// who edits the pack can go straight to the line.

#include <string>
#include <vector>

namespace kiosk {

enum class Severity { error, warning };

struct Issue {
    std::string file;   // as the author knows it, e.g. "courses.csv"
    int line = 0;       // 1-based; 0 when the problem is about the whole file
    std::string field;  // column, key or question id; may be empty
    std::string message;
    Severity severity = Severity::error;
};

// "courses.csv:12: level: 'mbo5' is not a level (none, mbo1, ...)"
std::string format_issue(const Issue& issue);

class Issues {
  public:
    void error(std::string file, int line, std::string field, std::string message);
    void warning(std::string file, int line, std::string field, std::string message);
    void add(Issue issue) { all_.push_back(std::move(issue)); }

    bool has_errors() const;
    std::size_t error_count() const;
    const std::vector<Issue>& all() const { return all_; }

  private:
    std::vector<Issue> all_;
};

}  // namespace kiosk
