#include "kiosk/core/matching/course_filter.hpp"

#include <utility>

namespace kiosk {

CourseFilter::CourseFilter(Constraints constraints, const MatchIndex& index,
                           const MatchContext& context, int start_within_days)
    : c(std::move(constraints)),
      languages_allowed(index.languages.size(), 1),
      education(c.education ? education_rank(*c.education) : 255),
      dutch(c.dutch ? static_cast<int>(*c.dutch) : 255),
      today(context.today),
      start_until(context.today + start_within_days),
      origin_lat(context.origin_lat),
      origin_lon(context.origin_lon),
      lon_scale(std::cos(context.origin_lat * std::numbers::pi / 180.0)),
      max_km2(c.max_distance_km ? *c.max_distance_km * *c.max_distance_km : 0) {
    if (c.languages) {
        for (std::size_t i = 0; i < index.languages.size(); ++i) {
            languages_allowed[i] = std::find(c.languages->begin(), c.languages->end(),
                                             index.languages[i]) != c.languages->end();
        }
    }
}

}  // namespace kiosk
