#include "kiosk/core/matching/matcher.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <numbers>
#include <optional>
#include <utility>

#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/matching/course_filter.hpp"

namespace kiosk {
namespace {

using namespace matching_detail;

struct Candidate {
    bool misses;   // does not meet a constraint that was relaxed
    bool outside;  // not in the interest or goal the visitor chose
    double score;
    float distance_km2;  // from the kiosk; online_km2 for online courses
    int course;
};

// Courses in the interest (else the goal) the visitor chose come before any
// outside it, whatever their score: a care course must not push an ICT course
// away from a visitor who chose ICT because it suits their other answers too.
// Then courses that meet all of the visitor's wishes; among the rest the best
// fit wins, however many relaxed wishes it misses. Equal fits go nearest first
// (a visitor who skips every question still sees courses close by), then by
// catalogue order (course id), so the same answers always give the same list.
bool better(const Candidate& a, const Candidate& b) {
    if (a.outside != b.outside)
        return !a.outside;
    if (a.misses != b.misses)
        return !a.misses;
    if (a.score != b.score)
        return a.score > b.score;
    if (a.distance_km2 != b.distance_km2)
        return a.distance_km2 < b.distance_km2;
    return a.course < b.course;
}

// Relaxation steps: step k allows the first k relaxable constraints to fail.
std::vector<std::uint32_t> relaxation_steps(const std::vector<ConstraintKind>& relax) {
    std::vector<std::uint32_t> allowed_at_step{0};
    for (auto kind : relax) {
        allowed_at_step.push_back(allowed_at_step.back() | bit_of(kind));
    }
    return allowed_at_step;
}

// Every course's verdict for one visit.
struct Assessment {
    std::vector<std::uint32_t> fails;  // bits of ConstraintKind; ~0u: already started
    std::vector<float> scores;
    std::vector<std::uint8_t> outside;  // 1: not in the visitor's interest or goal
    std::vector<float> distances;       // km², for ordering equal fits
    // Courses that become eligible at each step, per provider ([step * providers
    // + provider]): the provider cap decides how many of them can be shown, and
    // so whether to relax further. A course in several places counts once.
    std::vector<int> eligible_at;
};

// The weights of one visit: all answers', those of the first focus question answered
// (empty when none was), and the agenda's bonus per tag.
struct Weights {
    std::vector<float> all;
    std::vector<float> focus;
    std::vector<float> agenda;
    bool broad = false;  // nothing was answered: show a mix anyone can start
};

// The filter comes by value: a copy of its own lets the compiler keep its
// numbers in registers while the loop writes the verdicts.
Assessment assess(const MatchIndex& index, CourseFilter filter, const Weights& weights,
                  const std::vector<std::uint32_t>& allowed_at_step) {
    const std::size_t n = index.courses.size();
    const std::size_t steps = allowed_at_step.size();
    const std::size_t providers = index.providers.size();
    const bool focus = !weights.focus.empty();
    Assessment all{std::vector<std::uint32_t>(n), std::vector<float>(n),
                   std::vector<std::uint8_t>(n), std::vector<float>(n),
                   std::vector<int>(steps * providers, 0)};
    // The first step at which some place of a group becomes eligible.
    constexpr std::uint8_t never = 255;
    std::vector<std::uint8_t> group_step(n, never);
    for (std::size_t i = 0; i < n; ++i) {
        const CourseKey& k = index.courses[i];
        float km2 = 0;
        const std::uint32_t f = filter.fails(k, index.start_days.data() + k.first_start, km2);
        all.fails[i] = f;
        all.distances[i] = km2;
        if (f == ~0u)
            continue;

        float score = 0, bonus = 0, in_focus = 0;
        const auto* tags = index.tags.data() + k.first_tag;
        for (std::uint16_t t = 0; t < k.tag_count; ++t) {
            score += weights.all[tags[t]];
            // A course in two agenda sectors is lifted once, by the larger weight.
            bonus = std::max(bonus, weights.agenda[tags[t]]);
            if (focus)
                in_focus += weights.focus[tags[t]];
        }
        // The region's agenda only lifts courses in the interest or goal chosen.
        all.outside[i] = weights.broad ? k.entry_rank > 0 : focus && in_focus <= 0;
        all.scores[i] = focus && in_focus > 0 ? score + bonus : score;

        // Wishes relax until enough courses in the visitor's focus can be shown;
        // courses outside it only fill the list after those.
        for (std::size_t s = 0; s < steps && all.outside[i] == 0; ++s) {
            if ((f & ~allowed_at_step[s]) == 0) {
                auto& first = group_step[index.groups[i]];
                first = std::min(first, static_cast<std::uint8_t>(s));
                break;
            }
        }
    }
    // All places of a group have one provider: the first place stands for it.
    for (std::size_t i = 0; i < n; ++i) {
        auto& first = group_step[index.groups[i]];
        if (first != never) {
            ++all.eligible_at[first * providers + index.courses[i].provider];
            first = never;
        }
    }
    return all;
}

// The first relaxation step at which enough courses can be shown within the
// cap per provider (or the last step), and how many courses are eligible then.
std::pair<std::size_t, int> first_showable_step(const std::vector<int>& eligible_at,
                                                std::size_t providers, int min_results,
                                                int max_per_provider) {
    const std::size_t steps = providers == 0 ? 1 : eligible_at.size() / providers;
    std::vector<int> per_provider(providers, 0);
    std::size_t step = 0;
    int eligible = 0;
    for (;; ++step) {
        int showable = 0;
        eligible = 0;
        for (std::size_t p = 0; p < providers; ++p) {
            per_provider[p] += eligible_at[step * providers + p];
            eligible += per_provider[p];
            showable += std::min(per_provider[p], max_per_provider);
        }
        if (showable >= min_results || step + 1 == steps)
            break;
    }
    return {step, eligible};
}

// The first sector a course is in; -1 for none.
int sector_of(const MatchIndex& index, const CourseKey& k) {
    const auto* tags = index.tags.data() + k.first_tag;
    for (std::uint16_t t = 0; t < k.tag_count; ++t) {
        if (index.tag_names[tags[t]].starts_with("sector:"))
            return tags[t];
    }
    return -1;
}

struct Chosen {
    Candidate best;         // the place shown: the best fit, of equal ones the nearest
    std::vector<int> also;  // the same course's other places, nearest first
};

// The top `want` courses with at most `max_per_provider` of one provider, a
// course in several places counting once. Sorting a small head usually
// suffices; sort everything only when it does not. With `one_per_sector`
// (nothing was answered), no two courses of one sector, so that the list shows
// the breadth of what the region offers.
std::vector<Chosen> best_candidates(const MatchIndex& index, const Assessment& all,
                                    std::uint32_t allowed, int eligible, std::size_t want,
                                    int max_per_provider, bool one_per_sector,
                                    const Strands& strands) {
    std::vector<Candidate> candidates;
    candidates.reserve(static_cast<std::size_t>(eligible));
    for (std::size_t i = 0; i < all.fails.size(); ++i) {
        if ((all.fails[i] & ~allowed) == 0) {
            candidates.push_back({all.fails[i] != 0, all.outside[i] != 0, all.scores[i],
                                  all.distances[i], static_cast<int>(i)});
        }
    }
    std::size_t head = std::min(candidates.size(), std::size_t{64});
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(head),
                      candidates.end(), better);
    std::vector<int> per_provider(index.providers.size(), 0);
    std::vector<int> sectors_shown;
    std::vector<Chosen> chosen;
    const auto group_of = [&](const Candidate& c) {
        return index.groups[static_cast<std::size_t>(c.course)];
    };
    const auto chosen_in = [&](std::uint32_t group) {
        return std::find_if(chosen.begin(), chosen.end(),
                            [&](const Chosen& ch) { return group_of(ch.best) == group; });
    };
    const int share = strands.count > 1
                          ? (static_cast<int>(want) + strands.count - 1) / strands.count
                          : static_cast<int>(want);
    std::vector<int> per_strand(static_cast<std::size_t>(std::max(strands.count, 1)), 0);
    // The second pass fills what the shares left empty.
    for (int pass = 0; pass < 2 && chosen.size() < want; ++pass)
        for (std::size_t i = 0; i < candidates.size() && chosen.size() < want; ++i) {
            if (i == head) {
                std::sort(candidates.begin() + static_cast<std::ptrdiff_t>(head), candidates.end(),
                          better);
                head = candidates.size();
            }
            const auto provider =
                index.courses[static_cast<std::size_t>(candidates[i].course)].provider;
            if (per_provider[provider] >= max_per_provider ||
                chosen_in(group_of(candidates[i])) != chosen.end())
                continue;
            const int strand = strands.count > 1 ? strands.of_course(candidates[i].course) : -1;
            if (strand >= 0 && pass == 0) {
                if (per_strand[static_cast<std::size_t>(strand)] >= share)
                    continue;
                ++per_strand[static_cast<std::size_t>(strand)];
            }
            if (one_per_sector) {
                const int sector =
                    sector_of(index, index.courses[static_cast<std::size_t>(candidates[i].course)]);
                if (std::find(sectors_shown.begin(), sectors_shown.end(), sector) !=
                    sectors_shown.end()) {
                    continue;
                }
                sectors_shown.push_back(sector);
            }
            ++per_provider[provider];
            chosen.push_back({candidates[i], {}});
        }
    // Every other place of a chosen course, nearest first (online after places).
    std::vector<std::pair<float, int>> places;
    for (auto& ch : chosen) {
        places.clear();
        for (const Candidate& c : candidates) {
            if (c.course != ch.best.course && group_of(c) == group_of(ch.best))
                places.emplace_back(c.distance_km2, c.course);
        }
        std::sort(places.begin(), places.end());
        for (const auto& [km2, course] : places)
            ch.also.push_back(course);
    }
    return chosen;
}

// Say only what was relaxed for a course that is shown.
std::vector<ConstraintKind> relaxed_for_shown(const std::vector<MatchResult>& shown,
                                              const std::vector<ConstraintKind>& relax) {
    std::uint32_t missed = 0;
    for (const auto& r : shown)
        missed |= r.missed;
    std::vector<ConstraintKind> relaxed;
    for (auto kind : relax) {
        if (missed & bit_of(kind))
            relaxed.push_back(kind);
    }
    return relaxed;
}

}  // namespace

Matcher::Matcher(const ContentPack& pack, const MatchIndex& index) : pack_(pack), index_(index) {
    for (const auto& q : pack.questionnaire.questions) {
        auto& conditions = reason_if_.emplace_back();
        for (const auto& o : q.options) {
            auto& alternatives = conditions.emplace_back();
            for (const std::string& alternative : o.reason_if) {
                auto& tags = alternatives.emplace_back();
                for (const std::string& tag : split_list(alternative, '&'))
                    tags.push_back(index.tag_index(tag));
            }
        }
        auto& ruled = rules_out_.emplace_back();
        for (const auto& o : q.options) {
            auto& tags = ruled.emplace_back();
            for (const std::string& tag : o.rules_out) {
                if (int t = index.tag_index(tag); t >= 0)
                    tags.push_back(t);
            }
        }
        auto& per_option = option_weights_.emplace_back();
        for (const auto& o : q.options) {
            auto& refs = per_option.emplace_back();
            for (const auto& w : o.weights) {
                // A tag no course carries cannot change any score.
                if (int tag = index.tag_index(w.tag); tag >= 0)
                    refs.push_back({tag, w.weight});
            }
        }
    }
    for (const auto& sector : pack.agenda) {
        if (int tag = index.tag_index("sector:" + sector.sector); tag >= 0) {
            agenda_.emplace_back(tag, &sector);
        }
    }
    for (const Term& funding : pack.funding) {
        const int tag = index.tag_index("funding:" + funding.id);
        if (tag < 0 || funding.free_for.empty())
            continue;
        FreeFor entry{tag, &funding, {}};
        for (const std::string& answer : funding.free_for) {
            if (auto found = find_answer(pack.questionnaire, answer))
                entry.answers.push_back({found->first, found->second});
        }
        free_for_.push_back(std::move(entry));
    }
}

std::vector<int> Matcher::paying_tags(const std::vector<Answer>& answers) const {
    std::vector<int> tags;
    for (const FreeFor& entry : free_for_) {
        if (std::any_of(answers.begin(), answers.end(), [&](const Answer& a) {
                return std::find(entry.answers.begin(), entry.answers.end(), a) !=
                       entry.answers.end();
            }))
            tags.push_back(entry.tag);
    }
    return tags;
}

std::vector<int> Matcher::ruled_out_tags(const std::vector<Answer>& answers) const {
    const auto is_focus = [&](int question) {
        const auto& focus = pack_.matching.focus;
        return std::find(focus.begin(), focus.end(),
                         pack_.questionnaire.questions[static_cast<std::size_t>(question)].id) !=
               focus.end();
    };
    std::vector<int> out;
    for (const auto& a : answers) {
        for (int tag :
             rules_out_[static_cast<std::size_t>(a.question)][static_cast<std::size_t>(a.option)]) {
            const bool asked_for =
                std::any_of(answers.begin(), answers.end(), [&](const Answer& b) {
                    if (!is_focus(b.question))
                        return false;
                    const auto& refs = option_weights_[static_cast<std::size_t>(b.question)]
                                                      [static_cast<std::size_t>(b.option)];
                    return std::any_of(refs.begin(), refs.end(), [&](const WeightRef& w) {
                        return w.tag == tag && w.weight > 0;
                    });
                });
            if (!asked_for && std::find(out.begin(), out.end(), tag) == out.end())
                out.push_back(tag);
        }
    }
    return out;
}

Constraints Matcher::constraints_for(const std::vector<Answer>& answers) const {
    // Several answers to one question each allow what they allow (widened); the
    // questions then narrow each other (tightened).
    Constraints all;
    for (std::size_t i = 0; i < answers.size();) {
        const Question& q =
            pack_.questionnaire.questions.at(static_cast<std::size_t>(answers[i].question));
        Constraints one = q.options.at(static_cast<std::size_t>(answers[i].option)).constraints;
        std::size_t j = i + 1;
        for (; j < answers.size() && answers[j].question == answers[i].question; ++j)
            one.widen_with(q.options.at(static_cast<std::size_t>(answers[j].option)).constraints);
        all.tighten_with(one);
        i = j;
    }
    return all;
}

Ranking Matcher::rank(const std::vector<Answer>& answers, const MatchContext& context) const {
    const MatchingSettings& settings = pack_.matching;
    const CourseFilter filter(constraints_for(answers), index_, context, settings.start_within_days,
                              paying_tags(answers), ruled_out_tags(answers));
    const std::vector<std::uint32_t> allowed_at_step = relaxation_steps(settings.relax);
    Weights weights{tag_weights(answers, false), tag_weights(answers, true), agenda_bonus()};
    const auto any = [](const std::vector<float>& w) {
        return std::any_of(w.begin(), w.end(), [](float x) { return x != 0; });
    };
    if (!any(weights.focus))
        weights.focus.clear();
    const bool broad = weights.broad = answers.empty();
    const Assessment all = assess(index_, filter, weights, allowed_at_step);
    const auto [step, eligible] = first_showable_step(
        all.eligible_at, index_.providers.size(), settings.min_results, settings.max_per_provider);
    const std::uint32_t allowed = allowed_at_step[step];

    Ranking ranking;
    ranking.wished = filter.c;
    ranking.candidates = eligible;
    ranking.broad = broad;
    for (Chosen& chosen :
         best_candidates(index_, all, allowed, eligible, static_cast<std::size_t>(settings.results),
                         settings.max_per_provider, broad, strands_of(answers))) {
        MatchResult result;
        result.course = chosen.best.course;
        result.score = chosen.best.score;
        result.missed = all.fails[static_cast<std::size_t>(chosen.best.course)] & allowed;
        result.outside_focus = chosen.best.outside;
        result.also = std::move(chosen.also);
        const CourseKey& key = index_.courses[static_cast<std::size_t>(chosen.best.course)];
        if (key.mode != static_cast<std::uint8_t>(Mode::online) && !std::isnan(key.lat))
            result.km = std::sqrt(chosen.best.distance_km2);
        if (key.cost > 0) {
            for (const FreeFor& entry : free_for_) {
                if (std::find(filter.paying.begin(), filter.paying.end(), entry.tag) !=
                        filter.paying.end() &&
                    index_.has_tag(key, entry.tag)) {
                    result.paid_by = entry.funding->id;
                    break;
                }
            }
        }
        result.reasons = reasons_for(answers, result, broad, !weights.focus.empty());
        ranking.results.push_back(std::move(result));
    }
    ranking.relaxed = relaxed_for_shown(ranking.results, settings.relax);
    return ranking;
}

int Matcher::focus_question(const std::vector<Answer>& answers) const {
    const auto adds = [&](const Answer& a) {
        return !option_weights_[static_cast<std::size_t>(a.question)]
                               [static_cast<std::size_t>(a.option)]
                                   .empty();
    };
    for (const std::string& id : pack_.matching.focus) {
        const int question = pack_.questionnaire.question_index(id);
        if (std::any_of(answers.begin(), answers.end(),
                        [&](const Answer& a) { return a.question == question && adds(a); }))
            return question;
    }
    return -1;
}

Strands Matcher::strands_of(const std::vector<Answer>& answers) const {
    const int focus = focus_question(answers);
    std::vector<const std::vector<WeightRef>*> strands;
    for (const Answer& a : answers) {
        if (a.question == focus)
            strands.push_back(&option_weights_[static_cast<std::size_t>(a.question)]
                                              [static_cast<std::size_t>(a.option)]);
    }
    if (strands.size() < 2)
        return {};
    // A course belongs to the ticked answer that weighs it up most.
    return {static_cast<int>(strands.size()), [this, strands](int course) {
                const CourseKey& k = index_.courses[static_cast<std::size_t>(course)];
                int best = -1;
                double most = 0;
                for (std::size_t j = 0; j < strands.size(); ++j) {
                    double w = 0;
                    for (const WeightRef& ref : *strands[j]) {
                        if (ref.weight > 0 && index_.has_tag(k, ref.tag))
                            w += ref.weight;
                    }
                    if (w > most) {
                        most = w;
                        best = static_cast<int>(j);
                    }
                }
                return best;
            }};
}

std::vector<float> Matcher::tag_weights(const std::vector<Answer>& answers, bool focus_only) const {
    std::vector<float> weights(index_.tag_names.size(), 0.0f);
    // The focus: the first of the pack's focus questions with an answer that weighs,
    // with all its answers (up to three interests).
    const int focus = focus_question(answers);
    for (const auto& a : answers) {
        if (focus_only && a.question != focus)
            continue;
        for (const auto& w : option_weights_[static_cast<std::size_t>(a.question)]
                                            [static_cast<std::size_t>(a.option)]) {
            weights[static_cast<std::size_t>(w.tag)] += static_cast<float>(w.weight);
        }
    }
    return weights;
}

std::vector<float> Matcher::agenda_bonus() const {
    std::vector<float> bonus(index_.tag_names.size(), 0.0f);
    for (const auto& [tag, sector] : agenda_) {
        bonus[static_cast<std::size_t>(tag)] = static_cast<float>(sector->weight);
    }
    return bonus;
}

}  // namespace kiosk
