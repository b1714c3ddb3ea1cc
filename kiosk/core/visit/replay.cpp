#include "kiosk/core/visit/replay.hpp"

#include <algorithm>
#include <set>

#include "kiosk/core/base/shown_text.hpp"
#include "kiosk/core/base/text_list.hpp"

namespace kiosk {

Result<std::vector<AnswerSpec>> parse_answer_list(std::string_view text) {
    std::vector<AnswerSpec> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(',', start);
        if (end == std::string_view::npos)
            end = text.size();
        const auto pair = text.substr(start, end - start);
        start = end + 1;
        if (pair.find_first_not_of(' ') == std::string_view::npos)
            continue;
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == pair.size()) {
            return Error{shown_text(pair) + " is not question=option"};
        }
        auto trim = [](std::string_view s) {
            while (!s.empty() && s.front() == ' ')
                s.remove_prefix(1);
            while (!s.empty() && s.back() == ' ')
                s.remove_suffix(1);
            return std::string(s);
        };
        out.push_back({trim(pair.substr(0, eq)), trim(pair.substr(eq + 1))});
    }
    return out;
}

Result<std::vector<std::string>> replay(Visit& visit, const Questionnaire& questionnaire,
                                        const std::vector<AnswerSpec>& answers) {
    std::set<std::string> given;
    for (const auto& a : answers) {
        const int q = questionnaire.question_index(a.question);
        if (q < 0) {
            std::string known;
            for (const auto& question : questionnaire.questions)
                known += " " + question.id;
            return Error{"unknown question " + shown_text(a.question) + " (questions:" + known +
                         ")"};
        }
        const Question& question = questionnaire.questions[static_cast<std::size_t>(q)];
        if (a.option == "skip")
            continue;
        const std::vector<std::string> ids = split_list(a.option, '+');
        for (const std::string& id : ids) {
            if (question.option_index(id) >= 0)
                continue;
            std::string known;
            for (const auto& option : question.options)
                known += " " + option.id;
            return Error{"question '" + a.question + "' has no option " + shown_text(id) +
                         " (options:" + known + " skip)"};
        }
        if (static_cast<int>(ids.size()) > question.choose_up_to) {
            return Error{"question '" + a.question + "' takes at most " +
                         std::to_string(question.choose_up_to) + " answer" +
                         (question.choose_up_to == 1 ? "" : "s") + ", not " +
                         std::to_string(ids.size())};
        }
        for (const std::string& id : ids) {
            if (ids.size() > 1 &&
                question.options[static_cast<std::size_t>(question.option_index(id))].alone) {
                return Error{"option '" + id + "' of question '" + a.question +
                             "' stands alone: it is not ticked together with others"};
            }
        }
        if (!given.insert(a.question).second) {
            return Error{"question '" + a.question + "' is answered twice"};
        }
    }
    std::set<std::string> used;
    while (!visit.finished()) {
        const Question& question =
            questionnaire.questions[static_cast<std::size_t>(visit.current_question())];
        auto it = std::find_if(answers.begin(), answers.end(),
                               [&](const AnswerSpec& a) { return a.question == question.id; });
        const int at = visit.current_question();
        if (it == answers.end() || it->option == "skip") {
            visit.apply(intent::Skip{});
        } else {
            for (const std::string& id : split_list(it->option, '+'))
                visit.apply(intent::Choose{question.option_index(id)});
            // Ticked several (or one of several): go on as the Next button does.
            if (visit.current_question() == at)
                visit.apply(intent::Next{});
        }
        used.insert(question.id);
    }
    std::vector<std::string> notes;
    for (const auto& a : answers) {
        if (!used.contains(a.question)) {
            notes.push_back("question '" + a.question +
                            "' is not shown after these answers; its answer is not used");
        }
    }
    return notes;
}

}  // namespace kiosk
