#pragma once
// What a visitor's wishes ask of every course, prepared once per ranking so
// that the matcher's loop over 100,000 courses only compares numbers. Inline:
// that loop calls it for every course.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numbers>
#include <utility>
#include <vector>

#include "kiosk/core/matching/match_index.hpp"
#include "kiosk/core/matching/matcher.hpp"

namespace kiosk::matching_detail {

// For ordering equal fits only: an online course counts as if it were this far
// away, so courses in town come first, then online ones, then far-away ones.
constexpr float online_km2 = 15.0F * 15.0F;

// How far a relaxed wish bends: a course that costs this much more than the visitor
// can pay, or lies beyond twice their distance plus this, is not shown at all. A
// visitor who must pay nothing is not helped by a course of 650 euros.
constexpr float relaxed_extra_cost_eur = 250.0F;
constexpr double relaxed_extra_km = 15.0;

constexpr std::uint32_t bit_of(ConstraintKind kind) {
    return 1u << static_cast<unsigned>(kind);
}

// Several interests ticked: each is a strand, and no strand takes more than its
// share of the list while another still has courses to show.
struct Strands {
    int count = 0;                      // 0 or 1: no sharing
    std::function<int(int)> of_course;  // course -> strand, -1: in none
};

// What the visitor's constraints ask of every course, prepared once per
// ranking so that the loop over 100,000 courses only compares numbers.
struct CourseFilter {
    Constraints c;
    std::vector<std::uint8_t> languages_allowed;
    int education;
    int dutch;
    std::int32_t today;
    int start_until;
    double origin_lat;
    double origin_lon;
    double lon_scale;
    double max_km2;
    double far_km2;              // beyond even a relaxed distance
    const MatchIndex& tags_of;   // to ask whether a course has a paying funding
    std::vector<int> paying;     // funding tags that make a course free for this visitor
    std::vector<int> ruled_out;  // a course with one of these tags is never shown

    CourseFilter(Constraints constraints, const MatchIndex& index, const MatchContext& context,
                 int start_within_days, std::vector<int> paying_tags,
                 std::vector<int> ruled_out_tags = {})
        : c(std::move(constraints)),
          languages_allowed(index.languages.size(), 1),
          education(c.education ? education_rank(*c.education) : 255),
          dutch(c.dutch ? static_cast<int>(*c.dutch) : 255),
          today(context.today),
          start_until(context.today + start_within_days),
          origin_lat(context.origin_lat),
          origin_lon(context.origin_lon),
          lon_scale(std::cos(context.origin_lat * std::numbers::pi / 180.0)),
          max_km2(c.max_distance_km ? *c.max_distance_km * *c.max_distance_km : 0),
          far_km2(c.max_distance_km ? std::pow(2 * *c.max_distance_km + relaxed_extra_km, 2) : 0),
          tags_of(index),
          paying(std::move(paying_tags)),
          ruled_out(std::move(ruled_out_tags)) {
        if (c.languages) {
            for (std::size_t i = 0; i < index.languages.size(); ++i) {
                languages_allowed[i] = std::find(c.languages->begin(), c.languages->end(),
                                                 index.languages[i]) != c.languages->end();
            }
        }
    }

    // The constraints course `k` fails, as bits of ConstraintKind; ~0u for a
    // course that has already started, or lies beyond what a relaxed wish allows. Sets `km2` to
    // its squared distance from the kiosk (online_km2 for an online course).
    std::uint32_t fails(const CourseKey& k, const std::int32_t* starts, float& km2) const {
        const bool future =
            k.continuous || (k.start_count > 0 && starts[k.start_count - 1] >= today);
        if (!future)
            return ~0u;
        for (int tag : ruled_out) {
            if (tags_of.has_tag(k, tag))
                return ~0u;
        }
        std::uint32_t f = 0;
        if (k.entry_rank > education)
            f |= bit_of(ConstraintKind::education);
        if (k.dutch > dutch)
            f |= bit_of(ConstraintKind::dutch);
        if (!k.continuous) {
            const auto* first = std::lower_bound(starts, starts + k.start_count, today);
            if (first == starts + k.start_count || *first > start_until) {
                f |= bit_of(ConstraintKind::start);
            }
        }
        km2 = online_km2;
        if (k.mode != static_cast<std::uint8_t>(Mode::online) && !std::isnan(k.lat)) {
            // An equirectangular distance is exact enough within a region and far
            // cheaper than great circles for 100,000 courses.
            constexpr double km_per_degree = 6371.0 * std::numbers::pi / 180.0;
            const double dy = (k.lat - origin_lat) * km_per_degree;
            const double dx = (k.lon - origin_lon) * km_per_degree * lon_scale;
            km2 = static_cast<float>(dx * dx + dy * dy);
            if (c.max_distance_km && km2 > max_km2)
                f |= km2 > far_km2 ? ~0u : bit_of(ConstraintKind::distance);
        }
        if (c.schedule && (k.schedule & *c.schedule) == 0)
            f |= bit_of(ConstraintKind::schedule);
        if (c.max_hours && k.hours > *c.max_hours)
            f |= bit_of(ConstraintKind::hours);
        if (c.max_cost && k.cost > *c.max_cost && !paid_for(k))
            f |= k.cost > *c.max_cost + relaxed_extra_cost_eur ? ~0u : bit_of(ConstraintKind::cost);
        if (c.modes && ((*c.modes >> k.mode) & 1u) == 0)
            f |= bit_of(ConstraintKind::mode);
        if (!languages_allowed[k.language])
            f |= bit_of(ConstraintKind::language);
        return f;
    }

    // Whether a funding pays the whole of `k` for this visitor.
    bool paid_for(const CourseKey& k) const {
        return std::any_of(paying.begin(), paying.end(),
                           [&](int tag) { return tags_of.has_tag(k, tag); });
    }
};

}  // namespace kiosk::matching_detail
