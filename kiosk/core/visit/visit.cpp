#include "kiosk/core/visit/visit.hpp"

#include <algorithm>

namespace kiosk {

Visit::Visit(const Questionnaire& questionnaire, std::vector<std::string> languages,
             std::string default_language)
    : questionnaire_(&questionnaire),
      languages_(std::move(languages)),
      default_language_(std::move(default_language)) {
    reset();
}

void Visit::reset() {
    language_ = default_language_;
    answers_.assign(questionnaire_->questions.size(), -1);
    history_.clear();
    current_ = next_shown_after(-1);
}

bool Visit::is_shown(int question) const {
    const Question& q = questionnaire_->questions[static_cast<std::size_t>(question)];
    return std::all_of(q.show_if.begin(), q.show_if.end(), [&](const Condition& condition) {
        const int asked = questionnaire_->question_index(condition.question);
        // A question that was not shown counts as skipped, whatever it once held.
        const int chosen =
            asked >= 0 && is_shown(asked) ? answers_[static_cast<std::size_t>(asked)] : -1;
        const std::string& id = chosen >= 0
                                    ? questionnaire_->questions[static_cast<std::size_t>(asked)]
                                          .options[static_cast<std::size_t>(chosen)]
                                          .id
                                    : std::string(skipped_option);
        return std::find(condition.options.begin(), condition.options.end(), id) !=
               condition.options.end();
    });
}

int Visit::next_shown_after(int question) const {
    const int count = static_cast<int>(questionnaire_->questions.size());
    for (int q = question + 1; q < count; ++q) {
        if (is_shown(q))
            return q;
    }
    return -1;
}

bool Visit::apply(const Intent& intent) {
    return std::visit(
        [&](const auto& i) -> bool {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, intent::Choose>) {
                if (finished())
                    return false;
                const auto& options =
                    questionnaire_->questions[static_cast<std::size_t>(current_)].options;
                if (i.option < 0 || i.option >= static_cast<int>(options.size()))
                    return false;
                answers_[static_cast<std::size_t>(current_)] = i.option;
                history_.push_back(current_);
                current_ = next_shown_after(current_);
                return true;
            } else if constexpr (std::is_same_v<T, intent::Skip>) {
                if (finished())
                    return false;
                answers_[static_cast<std::size_t>(current_)] = -1;
                history_.push_back(current_);
                current_ = next_shown_after(current_);
                return true;
            } else if constexpr (std::is_same_v<T, intent::Back>) {
                if (history_.empty())
                    return false;
                current_ = history_.back();
                history_.pop_back();
                return true;
            } else if constexpr (std::is_same_v<T, intent::ChangeLanguage>) {
                if (std::find(languages_.begin(), languages_.end(), i.language) ==
                    languages_.end()) {
                    return false;
                }
                language_ = i.language;
                return true;
            } else {
                reset();
                return true;
            }
        },
        intent);
}

Progress Visit::progress() const {
    Progress p;
    p.step = static_cast<int>(history_.size()) + (finished() ? 0 : 1);
    const int count = static_cast<int>(questionnaire_->questions.size());
    for (int q = 0; q < count; ++q) {
        if (is_shown(q))
            ++p.total;
    }
    return p;
}

std::vector<Answer> Visit::answers() const {
    std::vector<Answer> out;
    const int count = static_cast<int>(questionnaire_->questions.size());
    for (int q = 0; q < count; ++q) {
        if (answers_[static_cast<std::size_t>(q)] >= 0 && is_shown(q)) {
            out.push_back({q, answers_[static_cast<std::size_t>(q)]});
        }
    }
    return out;
}

}  // namespace kiosk
