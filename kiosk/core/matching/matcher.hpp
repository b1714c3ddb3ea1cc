#pragma once
// Ranks courses for a visitor: transparent, deterministic, and fast enough to
// re-rank 100,000 courses between two frames. Weights come from the pack.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/content/content.hpp"
#include "kiosk/core/matching/match_index.hpp"

namespace kiosk {

// One chosen option; skipped questions have none.
struct Answer {
    int question = -1;
    int option = -1;
    bool operator==(const Answer&) const = default;
};

struct MatchContext {
    std::int32_t today = 0;  // days since 1970-01-01
    double origin_lat = 0;   // where distances are measured from (the kiosk)
    double origin_lon = 0;
};

struct Reason {
    enum class Kind : std::uint8_t {
        answer,   // an answer added to the score (question, option)
        agenda,   // the region needs people in this sector (sector)
        relaxed,  // the course misses a constraint the matcher relaxed (constraint)
        fits,     // nothing stood out: it meets every choice
        outside,  // shown to fill the list, outside the visitor's interest or goal
        broad,    // nothing was answered: one of a broad mix
    };
    Kind kind = Kind::fits;
    int question = -1;
    int option = -1;
    std::string sector;
    ConstraintKind constraint = ConstraintKind::start;
    double weight = 0;  // what it added to the score

    bool operator==(const Reason&) const = default;
};

struct MatchResult {
    int course = -1;  // index into the catalogue / MatchIndex
    double score = 0;
    std::uint32_t missed = 0;    // bits of relaxed constraints this course does not meet
    bool outside_focus = false;  // not in the interest or goal the visitor chose
    std::vector<Reason> reasons;
    // The same course in other places that meet the (relaxed) wishes too, nearest
    // first: one result, "also in ...", not one result per town.
    std::vector<int> also;
    float km = -1;  // from the kiosk; -1 for an online course or one without a place
    // The funding (pack.funding id) that pays the whole course for this visitor,
    // given their answers (Term::free_for); empty when they pay what it costs.
    std::string paid_by;

    bool operator==(const MatchResult&) const = default;
};

struct Ranking {
    std::vector<MatchResult> results;
    std::vector<ConstraintKind> relaxed;  // in the order they were relaxed
    int candidates = 0;                   // courses that met the (relaxed) constraints
    bool broad = false;                   // nothing answered: a mix across sectors
    Constraints wished;                   // what the answers asked, before relaxing
};

namespace matching_detail {
struct Strands;
}

class Matcher {
  public:
    // Keeps references: both must outlive the Matcher.
    Matcher(const ContentPack& pack, const MatchIndex& index);
    Matcher(ContentPack&&, const MatchIndex&) = delete;
    Matcher(const ContentPack&, MatchIndex&&) = delete;

    Ranking rank(const std::vector<Answer>& answers, const MatchContext& context) const;

    // Every answer that changed the score of `result`'s course, with what it added
    // (negative too), then the agenda's lift if it had one: for authors (match --explain).
    std::vector<Reason> score_parts(const std::vector<Answer>& answers,
                                    const MatchResult& result) const;

    // The constraints the answers add up to (all answers tightened together).
    Constraints constraints_for(const std::vector<Answer>& answers) const;

  private:
    struct WeightRef {
        int tag;  // into MatchIndex
        double weight;
    };
    // An option's reason_if: alternatives of tags a course must all carry (-1: a tag
    // no course has, so the alternative never holds).
    using ReasonIf = std::vector<std::vector<int>>;
    bool reason_holds(const ReasonIf& reason_if, const CourseKey& k) const;
    // The weights the answers give each tag; with `focus_only`, only the answer to the
    // first of the pack's focus questions (matching.focus) that the visitor answered.
    std::vector<float> tag_weights(const std::vector<Answer>& answers, bool focus_only) const;
    std::vector<float> agenda_bonus() const;  // per tag
    // The first of the pack's focus questions (matching.focus) with an answer that
    // weighs; -1 if none.
    int focus_question(const std::vector<Answer>& answers) const;
    // With several answers to the focus question, which one each course serves.
    matching_detail::Strands strands_of(const std::vector<Answer>& answers) const;
    // `broad`: nothing was answered; `focus_answered`: the agenda lifted courses in focus.
    std::vector<Reason> reasons_for(const std::vector<Answer>& answers, const MatchResult& result,
                                    bool broad, bool focus_answered) const;
    std::vector<Reason> answer_reasons(const std::vector<Answer>& answers,
                                       const CourseKey& k) const;
    std::optional<Reason> agenda_reason(const CourseKey& k) const;

    const ContentPack& pack_;
    const MatchIndex& index_;
    std::vector<std::vector<std::vector<WeightRef>>> option_weights_;  // [question][option]
    std::vector<std::vector<ReasonIf>> reason_if_;                     // [question][option]
    std::vector<std::vector<std::vector<int>>> rules_out_;             // [question][option]
    std::vector<std::pair<int, const AgendaSector*>> agenda_;          // tag -> sector
    struct FreeFor {
        int tag;  // "funding:ID" in the index
        const Term* funding;
        std::vector<Answer> answers;  // any one of them makes it pay
    };
    std::vector<FreeFor> free_for_;
    // The tags whose courses these answers rule out (Option::rules_out), less
    // those an answer to a focus question weighs up.
    std::vector<int> ruled_out_tags(const std::vector<Answer>& answers) const;
    // The funding tags that pay whole courses for a visitor with these answers.
    std::vector<int> paying_tags(const std::vector<Answer>& answers) const;
};

// The text of a reason in `lang` (falls back to Dutch).
std::string reason_text(const ContentPack& pack, const Reason& reason, const std::string& lang);

}  // namespace kiosk
