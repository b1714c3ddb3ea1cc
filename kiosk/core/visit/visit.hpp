#pragma once
// One visitor's walk through the questionnaire. It changes only through
// intents, so every screen is testable without a window and a visit can be
// replayed. It holds the only copy of the answers; reset() forgets them.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/content/content.hpp"
#include "kiosk/core/matching/matcher.hpp"

namespace kiosk {

namespace intent {
// Of the current question. On a question that allows several answers it ticks
// or unticks the option and stays (Next goes on), except an option that stands
// alone ("any time"), which clears the others and goes on at once.
struct Choose {
    int option = -1;
};
struct Next {};  // goes on with what is ticked (nothing ticked counts as skipped)
struct Skip {};
struct Back {};
struct ChangeLanguage {
    std::string language;
};
struct Reset {};
}  // namespace intent

using Intent = std::variant<intent::Choose, intent::Next, intent::Skip, intent::Back,
                            intent::ChangeLanguage, intent::Reset>;

struct Progress {
    int step = 0;   // 1-based number of the current question among those shown
    int total = 0;  // questions this visitor will see, given the answers so far
};

class Visit {
  public:
    // Keeps a reference: the questionnaire must outlive the Visit.
    Visit(const Questionnaire& questionnaire, std::vector<std::string> languages,
          std::string default_language);
    Visit(Questionnaire&&, std::vector<std::string>, std::string) = delete;

    // Applies an intent; returns false (and changes nothing) when it does not fit
    // the current state, e.g. an option that does not exist or Back on the first question.
    bool apply(const Intent& intent);

    int current_question() const { return current_; }  // -1 when finished
    bool finished() const { return current_ < 0; }
    Progress progress() const;
    const std::string& language() const { return language_; }

    // The (first) chosen option of a question, -1 when skipped or not answered.
    int answer_to(int question) const;
    bool is_chosen(int question, int option) const;
    int chosen_count(int question) const;
    // The answers that count: questions shown to this visitor and answered, in
    // question order, several for a question that allows several.
    std::vector<Answer> answers() const;
    bool is_shown(int question) const;

    bool operator==(const Visit&) const = default;

  private:
    int next_shown_after(int question) const;
    void reset();

    const Questionnaire* questionnaire_;  // never null; a pointer so a Visit can be replaced whole
    std::vector<std::string> languages_;
    std::string default_language_;
    std::string language_;
    bool choose(int option);
    std::uint32_t chosen(int question) const {
        return answers_[static_cast<std::size_t>(question)];
    }

    std::vector<std::uint32_t> answers_;  // per question: a bit per chosen option
    std::vector<int> history_;            // questions left behind, for Back
    int current_ = -1;
};

}  // namespace kiosk
