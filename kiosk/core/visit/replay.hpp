#pragma once
// Plays a written list of answers ("situation=looking,mode=online") through a
// Visit, exactly as taps would: the tool for authors and for tests.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/visit/visit.hpp"

namespace kiosk {

struct AnswerSpec {
    std::string question;
    std::string option;  // "skip" skips the question; "ict+care" ticks several
};

Result<std::vector<AnswerSpec>> parse_answer_list(std::string_view text);

// Answers each question shown with its given option, skips the others, until
// the visit is finished. Fails on an unknown question or option (naming the
// known ones); returns notes about answers that were not used because their
// question was not shown.
Result<std::vector<std::string>> replay(Visit& visit, const Questionnaire& questionnaire,
                                        const std::vector<AnswerSpec>& answers);

}  // namespace kiosk
