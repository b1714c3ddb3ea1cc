#pragma once
// Where and for how much an OOAPI course is given: its place from the addresses of
// its offerings and its own, its cost from the offerings' priceInformation.

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/content/course.hpp"
#include "kiosk/core/ooapi/ooapi_record.hpp"

namespace kiosk::ooapi {

using Offerings = std::vector<const nlohmann::json*>;

// The cheapest way in: the lowest price of the `offerings` (those of `source` that
// people can start); 0 with a warning when none has one.
double cost_of(const CourseSource& source, const Offerings& offerings, CourseRecord& record);

// place, postcode, lat and lon from the first address with coordinates; an error when
// a course on location has none.
void place_of(const nlohmann::json& course, const Offerings& offerings, std::optional<Mode> mode,
              CourseRecord& record, std::map<std::string, std::string>& cells);

}  // namespace kiosk::ooapi
