// Why a course is shown: the reasons the matcher gives for a result, their words,
// and each answer's share of a score for authors. Apart from the ranking in
// matcher.cpp, as they are worked out for the few courses shown, not for every
// course of the catalogue.

#include <algorithm>

#include "kiosk/core/matching/matcher.hpp"

namespace kiosk {

std::vector<Reason> Matcher::reasons_for(const std::vector<Answer>& answers,
                                         const MatchResult& result, bool broad,
                                         bool focus_answered) const {
    const CourseKey& k = index_.courses[static_cast<std::size_t>(result.course)];
    std::vector<Reason> reasons = answer_reasons(answers, k);
    if (result.outside_focus) {
        Reason r;
        r.kind = Reason::Kind::outside;
        reasons.insert(reasons.begin(), r);
    } else if (result.score > 0 && focus_answered) {
        if (auto agenda = agenda_reason(k))
            reasons.push_back(*agenda);
    }
    for (auto kind : pack_.matching.relax) {
        if (result.missed & (1u << static_cast<unsigned>(kind))) {
            Reason r;
            r.kind = Reason::Kind::relaxed;
            r.constraint = kind;
            reasons.push_back(r);
        }
    }
    if (reasons.empty()) {
        Reason r;
        r.kind = broad ? Reason::Kind::broad : Reason::Kind::fits;
        reasons.push_back(r);
    }
    return reasons;
}

// The answers that added most to this course's score, at most three, each
// with a reason to give.
std::vector<Reason> Matcher::answer_reasons(const std::vector<Answer>& answers,
                                            const CourseKey& k) const {
    std::vector<Reason> from_answers;
    for (const auto& a : answers) {
        double added = 0;
        for (const auto& w : option_weights_[static_cast<std::size_t>(a.question)]
                                            [static_cast<std::size_t>(a.option)]) {
            if (index_.has_tag(k, w.tag))
                added += w.weight;
        }
        const auto& option = pack_.questionnaire.questions[static_cast<std::size_t>(a.question)]
                                 .options[static_cast<std::size_t>(a.option)];
        const ReasonIf& reason_if =
            reason_if_[static_cast<std::size_t>(a.question)][static_cast<std::size_t>(a.option)];
        if (added > 0 && !option.reason.empty() && reason_holds(reason_if, k)) {
            Reason r;
            r.kind = Reason::Kind::answer;
            r.question = a.question;
            r.option = a.option;
            r.weight = added;
            from_answers.push_back(r);
        }
    }
    std::stable_sort(from_answers.begin(), from_answers.end(),
                     [](const Reason& a, const Reason& b) { return a.weight > b.weight; });
    if (from_answers.size() > 3)
        from_answers.resize(3);
    return from_answers;
}

std::vector<Reason> Matcher::score_parts(const std::vector<Answer>& answers,
                                         const MatchResult& result) const {
    const CourseKey& k = index_.courses[static_cast<std::size_t>(result.course)];
    std::vector<Reason> parts;
    for (const auto& a : answers) {
        Reason r;
        r.kind = Reason::Kind::answer;
        r.question = a.question;
        r.option = a.option;
        for (const auto& w : option_weights_[static_cast<std::size_t>(a.question)]
                                            [static_cast<std::size_t>(a.option)]) {
            if (index_.has_tag(k, w.tag))
                r.weight += w.weight;
        }
        if (r.weight != 0)
            parts.push_back(r);
    }
    const auto focus = tag_weights(answers, true);
    const bool focus_answered =
        std::any_of(focus.begin(), focus.end(), [](float w) { return w != 0; });
    if (focus_answered && !result.outside_focus && result.score > 0) {
        if (auto agenda = agenda_reason(k))
            parts.push_back(*agenda);
    }
    return parts;
}

bool Matcher::reason_holds(const ReasonIf& reason_if, const CourseKey& k) const {
    return reason_if.empty() ||
           std::any_of(reason_if.begin(), reason_if.end(), [&](const std::vector<int>& tags) {
               return std::all_of(tags.begin(), tags.end(),
                                  [&](int tag) { return tag >= 0 && index_.has_tag(k, tag); });
           });
}

// The agenda sector that lifted this course, the weightiest of its sectors.
std::optional<Reason> Matcher::agenda_reason(const CourseKey& k) const {
    const AgendaSector* lifted = nullptr;
    for (const auto& [tag, sector] : agenda_) {
        if (index_.has_tag(k, tag) && (!lifted || sector->weight > lifted->weight))
            lifted = sector;
    }
    if (!lifted || lifted->weight <= 0)
        return std::nullopt;
    Reason r;
    r.kind = Reason::Kind::agenda;
    r.sector = lifted->sector;
    r.weight = lifted->weight;
    return r;
}

std::string reason_text(const ContentPack& pack, const Reason& reason, const std::string& lang) {
    switch (reason.kind) {
        case Reason::Kind::answer:
            return text_in(
                pack.questionnaire.questions.at(static_cast<std::size_t>(reason.question))
                    .options.at(static_cast<std::size_t>(reason.option))
                    .reason,
                lang);
        case Reason::Kind::agenda:
            for (const auto& s : pack.agenda) {
                if (s.sector == reason.sector)
                    return text_in(s.reason, lang);
            }
            return {};
        case Reason::Kind::relaxed:
            if (auto it = pack.matching.relax_text.find(reason.constraint);
                it != pack.matching.relax_text.end()) {
                return text_in(it->second, lang);
            }
            return {};
        case Reason::Kind::fits:
            return text_in(pack.matching.fits_text, lang);
        case Reason::Kind::outside:
            return text_in(pack.matching.outside_text, lang);
        case Reason::Kind::broad:
            return text_in(pack.matching.broad_text.empty() ? pack.matching.fits_text
                                                            : pack.matching.broad_text,
                           lang);
    }
    return {};
}

}  // namespace kiosk
