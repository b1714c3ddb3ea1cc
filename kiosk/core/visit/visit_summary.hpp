#pragma once
// What one finished visit adds to the kiosk's anonymous usage figures, taken
// from the flow as the visit is wiped and counted at once. It holds no time
// finer than the day the caller counts it under, no free text and nothing
// that could tell one visitor from another once added to the day's counters.

#include <string>
#include <utility>
#include <vector>

namespace kiosk {

enum class ReceiptChoice { undecided, print, show_only, none };

struct VisitSummary {
    std::string language;  // the language the visit ended in
    bool reached_results = false;
    // The question on screen when a visit ended before its results (walked
    // away, "done" or reset); empty when it reached the results or never got
    // to a question.
    std::string abandoned_at;
    ReceiptChoice receipt = ReceiptChoice::undecided;
    std::vector<std::pair<std::string, std::string>> answers;  // question id, option id
    std::vector<std::string> courses_shown;                    // course ids on the results
};

}  // namespace kiosk
