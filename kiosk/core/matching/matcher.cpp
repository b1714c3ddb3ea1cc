#include "kiosk/core/matching/matcher.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>

namespace kiosk {
namespace {

// For ordering equal fits only: an online course counts as if it were this far
// away, so courses in town come first, then online ones, then far-away ones.
constexpr float online_km2 = 15.0F * 15.0F;

constexpr std::uint32_t bit_of(ConstraintKind kind) {
    return 1u << static_cast<unsigned>(kind);
}

struct Candidate {
    bool misses;  // does not meet a constraint that was relaxed
    double score;
    float distance_km2;  // from the kiosk; online_km2 for online courses
    int course;
};

// Courses that meet all of the visitor's wishes first; among the rest the best
// fit wins, however many relaxed wishes it misses. Equal fits go nearest first
// (a visitor who skips every question still sees courses close by), then by
// catalogue order (course id), so the same answers always give the same list.
bool better(const Candidate& a, const Candidate& b) {
    if (a.misses != b.misses)
        return !a.misses;
    if (a.score != b.score)
        return a.score > b.score;
    if (a.distance_km2 != b.distance_km2)
        return a.distance_km2 < b.distance_km2;
    return a.course < b.course;
}

}  // namespace

Matcher::Matcher(const ContentPack& pack, const MatchIndex& index) : pack_(pack), index_(index) {
    for (const auto& q : pack.questionnaire.questions) {
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
}

Constraints Matcher::constraints_for(const std::vector<Answer>& answers) const {
    Constraints all;
    for (const auto& a : answers) {
        all.tighten_with(pack_.questionnaire.questions.at(static_cast<std::size_t>(a.question))
                             .options.at(static_cast<std::size_t>(a.option))
                             .constraints);
    }
    return all;
}

Ranking Matcher::rank(const std::vector<Answer>& answers, const MatchContext& context) const {
    const Constraints c = constraints_for(answers);
    const std::size_t n = index_.courses.size();

    std::vector<float> weights(index_.tag_names.size(), 0.0f);
    for (const auto& a : answers) {
        for (const auto& w : option_weights_[static_cast<std::size_t>(a.question)]
                                            [static_cast<std::size_t>(a.option)]) {
            weights[static_cast<std::size_t>(w.tag)] += static_cast<float>(w.weight);
        }
    }
    std::vector<float> agenda_bonus(index_.tag_names.size(), 0.0f);
    for (const auto& [tag, sector] : agenda_) {
        agenda_bonus[static_cast<std::size_t>(tag)] = static_cast<float>(sector->weight);
    }

    std::vector<std::uint8_t> languages_allowed(index_.languages.size(), 1);
    if (c.languages) {
        for (std::size_t i = 0; i < index_.languages.size(); ++i) {
            languages_allowed[i] = std::find(c.languages->begin(), c.languages->end(),
                                             index_.languages[i]) != c.languages->end();
        }
    }
    const int education = c.education ? education_rank(*c.education) : 255;
    const int dutch = c.dutch ? static_cast<int>(*c.dutch) : 255;
    const int start_until = context.today + pack_.matching.start_within_days;
    // An equirectangular distance is exact enough within a region and far
    // cheaper than great circles for 100,000 courses.
    constexpr double km_per_degree = 6371.0 * std::numbers::pi / 180.0;
    const double lon_scale = std::cos(context.origin_lat * std::numbers::pi / 180.0);
    const double max_km2 = c.max_distance_km ? *c.max_distance_km * *c.max_distance_km : 0;

    // Relaxation steps: step k allows the first k relaxable constraints to fail.
    std::vector<std::uint32_t> allowed_at_step{0};
    for (auto kind : pack_.matching.relax) {
        allowed_at_step.push_back(allowed_at_step.back() | bit_of(kind));
    }
    const std::size_t steps = allowed_at_step.size();
    const std::size_t providers = index_.providers.size();
    // Courses that become eligible at each step, per provider: the provider cap
    // decides how many of them can be shown, and so whether to relax further.
    std::vector<int> eligible_at(steps * providers, 0);
    std::vector<std::uint32_t> fails(n);
    std::vector<float> scores(n);
    std::vector<float> distances(n);

    for (std::size_t i = 0; i < n; ++i) {
        const CourseKey& k = index_.courses[i];
        const auto* starts = index_.start_days.data() + k.first_start;
        const bool future =
            k.continuous || (k.start_count > 0 && starts[k.start_count - 1] >= context.today);
        if (!future) {
            fails[i] = ~0u;  // nothing relaxes a course that has already started
            continue;
        }
        std::uint32_t f = 0;
        if (k.entry_rank > education)
            f |= bit_of(ConstraintKind::education);
        if (k.dutch > dutch)
            f |= bit_of(ConstraintKind::dutch);
        if (!k.continuous) {
            const auto* first = std::lower_bound(starts, starts + k.start_count, context.today);
            if (first == starts + k.start_count || *first > start_until) {
                f |= bit_of(ConstraintKind::start);
            }
        }
        float km2 = online_km2;
        if (k.mode != static_cast<std::uint8_t>(Mode::online) && !std::isnan(k.lat)) {
            const double dy = (k.lat - context.origin_lat) * km_per_degree;
            const double dx = (k.lon - context.origin_lon) * km_per_degree * lon_scale;
            km2 = static_cast<float>(dx * dx + dy * dy);
            if (c.max_distance_km && km2 > max_km2)
                f |= bit_of(ConstraintKind::distance);
        }
        distances[i] = km2;
        if (c.schedule && (k.schedule & *c.schedule) == 0)
            f |= bit_of(ConstraintKind::schedule);
        if (c.max_hours && k.hours > *c.max_hours)
            f |= bit_of(ConstraintKind::hours);
        if (c.max_cost && k.cost > *c.max_cost)
            f |= bit_of(ConstraintKind::cost);
        if (c.modes && ((*c.modes >> k.mode) & 1u) == 0)
            f |= bit_of(ConstraintKind::mode);
        if (!languages_allowed[k.language])
            f |= bit_of(ConstraintKind::language);
        fails[i] = f;

        float score = 0, bonus = 0;
        const auto* tags = index_.tags.data() + k.first_tag;
        for (std::uint16_t t = 0; t < k.tag_count; ++t) {
            score += weights[tags[t]];
            // A course in two agenda sectors is lifted once, by the larger weight.
            bonus = std::max(bonus, agenda_bonus[tags[t]]);
        }
        // The region's agenda only lifts courses the visitor's answers already favour.
        scores[i] = score > 0 ? score + bonus : score;

        for (std::size_t s = 0; s < steps; ++s) {
            if ((f & ~allowed_at_step[s]) == 0) {
                ++eligible_at[s * providers + k.provider];
                break;
            }
        }
    }

    Ranking ranking;
    std::vector<int> per_provider(providers, 0);
    std::size_t step = 0;
    int eligible = 0;
    for (;; ++step) {
        int showable = 0;
        eligible = 0;
        for (std::size_t p = 0; p < providers; ++p) {
            per_provider[p] += eligible_at[step * providers + p];
            eligible += per_provider[p];
            showable += std::min(per_provider[p], pack_.matching.max_per_provider);
        }
        if (showable >= pack_.matching.min_results || step + 1 == steps)
            break;
    }
    ranking.candidates = eligible;
    const std::uint32_t allowed = allowed_at_step[step];

    std::vector<Candidate> candidates;
    candidates.reserve(static_cast<std::size_t>(eligible));
    for (std::size_t i = 0; i < n; ++i) {
        if ((fails[i] & ~allowed) == 0) {
            candidates.push_back({fails[i] != 0, scores[i], distances[i], static_cast<int>(i)});
        }
    }

    // Top results with at most max_per_provider courses of one provider. Sorting
    // a small head usually suffices; sort everything only when it does not.
    const auto want = static_cast<std::size_t>(pack_.matching.results);
    std::size_t head = std::min(candidates.size(), std::size_t{64});
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(head),
                      candidates.end(), better);
    std::fill(per_provider.begin(), per_provider.end(), 0);
    std::vector<const Candidate*> chosen;
    for (std::size_t i = 0; i < candidates.size() && chosen.size() < want; ++i) {
        if (i == head) {
            std::sort(candidates.begin() + static_cast<std::ptrdiff_t>(head), candidates.end(),
                      better);
            head = candidates.size();
        }
        const auto provider =
            index_.courses[static_cast<std::size_t>(candidates[i].course)].provider;
        if (per_provider[provider] >= pack_.matching.max_per_provider)
            continue;
        ++per_provider[provider];
        chosen.push_back(&candidates[i]);
    }

    for (const Candidate* cand : chosen) {
        MatchResult result;
        result.course = cand->course;
        result.score = cand->score;
        const CourseKey& k = index_.courses[static_cast<std::size_t>(cand->course)];
        const auto* tags = index_.tags.data() + k.first_tag;
        auto has_tag = [&](int tag) {
            return std::binary_search(tags, tags + k.tag_count, static_cast<std::uint16_t>(tag));
        };
        std::vector<Reason> from_answers;
        for (const auto& a : answers) {
            double added = 0;
            for (const auto& w : option_weights_[static_cast<std::size_t>(a.question)]
                                                [static_cast<std::size_t>(a.option)]) {
                if (has_tag(w.tag))
                    added += w.weight;
            }
            const auto& option = pack_.questionnaire.questions[static_cast<std::size_t>(a.question)]
                                     .options[static_cast<std::size_t>(a.option)];
            if (added > 0 && !option.reason.empty()) {
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
        result.reasons = std::move(from_answers);
        if (cand->score > 0) {
            const AgendaSector* lifted = nullptr;
            for (const auto& [tag, sector] : agenda_) {
                if (has_tag(tag) && (!lifted || sector->weight > lifted->weight))
                    lifted = sector;
            }
            if (lifted && lifted->weight > 0) {
                Reason r;
                r.kind = Reason::Kind::agenda;
                r.sector = lifted->sector;
                r.weight = lifted->weight;
                result.reasons.push_back(r);
            }
        }
        result.missed = fails[static_cast<std::size_t>(cand->course)] & allowed;
        for (auto kind : pack_.matching.relax) {
            if (result.missed & bit_of(kind)) {
                Reason r;
                r.kind = Reason::Kind::relaxed;
                r.constraint = kind;
                result.reasons.push_back(r);
            }
        }
        if (result.reasons.empty())
            result.reasons.push_back(Reason{});
        ranking.results.push_back(std::move(result));
    }
    // Say only what was relaxed for a course that is shown.
    std::uint32_t missed = 0;
    for (const auto& r : ranking.results)
        missed |= r.missed;
    for (auto kind : pack_.matching.relax) {
        if (missed & bit_of(kind))
            ranking.relaxed.push_back(kind);
    }
    return ranking;
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
    }
    return {};
}

}  // namespace kiosk
