#include "kiosk/core/visit/visit.hpp"

#include <algorithm>
#include <bit>

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
    answers_.assign(questionnaire_->questions.size(), 0);
    history_.clear();
    current_ = next_shown_after(-1);
}

namespace {
constexpr std::uint32_t bit(int option) {
    return std::uint32_t{1} << option;
}
}  // namespace

int Visit::answer_to(int question) const {
    const std::uint32_t mask = chosen(question);
    return mask == 0 ? -1 : std::countr_zero(mask);
}

bool Visit::is_chosen(int question, int option) const {
    return option >= 0 && (chosen(question) & bit(option)) != 0;
}

int Visit::chosen_count(int question) const {
    return std::popcount(chosen(question));
}

bool Visit::is_shown(int question) const {
    const Question& q = questionnaire_->questions[static_cast<std::size_t>(question)];
    return std::all_of(q.show_if.begin(), q.show_if.end(), [&](const Condition& condition) {
        const int asked = questionnaire_->question_index(condition.question);
        const auto listed = [&](const std::string& id) {
            return std::find(condition.options.begin(), condition.options.end(), id) !=
                   condition.options.end();
        };
        // A question that was not shown counts as skipped, whatever it once held.
        const std::uint32_t mask = asked >= 0 && is_shown(asked) ? chosen(asked) : 0;
        if (mask == 0)
            return listed(skipped_option);
        const auto& options = questionnaire_->questions[static_cast<std::size_t>(asked)].options;
        for (std::size_t o = 0; o < options.size(); ++o) {
            if ((mask & bit(static_cast<int>(o))) != 0 && listed(options[o].id))
                return true;
        }
        return false;
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
                return choose(i.option);
            } else if constexpr (std::is_same_v<T, intent::Next>) {
                if (finished())
                    return false;
                const Question& q = questionnaire_->questions[static_cast<std::size_t>(current_)];
                // A one-answer question goes on by choosing; Next only passes it again.
                if (q.choose_up_to == 1 && chosen(current_) == 0)
                    return false;
                history_.push_back(current_);
                current_ = next_shown_after(current_);
                return true;
            } else if constexpr (std::is_same_v<T, intent::Skip>) {
                if (finished())
                    return false;
                answers_[static_cast<std::size_t>(current_)] = 0;
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

bool Visit::choose(int option) {
    const Question& q = questionnaire_->questions[static_cast<std::size_t>(current_)];
    if (option < 0 || option >= static_cast<int>(q.options.size()))
        return false;
    std::uint32_t& mask = answers_[static_cast<std::size_t>(current_)];
    const bool several = q.choose_up_to > 1 && !q.options[static_cast<std::size_t>(option)].alone;
    if (several) {
        // Tick or untick; an option that stands alone gives way to the others.
        std::uint32_t ticked = mask ^ bit(option);
        for (std::size_t o = 0; o < q.options.size(); ++o) {
            if (q.options[o].alone)
                ticked &= ~bit(static_cast<int>(o));
        }
        if (std::popcount(ticked) > q.choose_up_to)
            return false;
        mask = ticked;
        return true;
    }
    mask = bit(option);
    history_.push_back(current_);
    current_ = next_shown_after(current_);
    return true;
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
        if (!is_shown(q))
            continue;
        const std::uint32_t mask = chosen(q);
        for (int o = 0; o < static_cast<int>(max_options); ++o) {
            if ((mask & bit(o)) != 0)
                out.push_back({q, o});
        }
    }
    return out;
}

}  // namespace kiosk
