#pragma once
// Opens the usage figures file (--stats) for the kiosk. One that cannot be
// opened is moved aside and a new one started, so a damaged file never ends
// the counting for good; `state` says what happened, for the health file.

#include <optional>
#include <string>

#include "kiosk/app/health_source.hpp"
#include "kiosk/core/stats/usage_stats.hpp"

namespace kiosk::app {

// Nothing when no file is asked for, or when even a new one cannot be made
// (said on stderr; visitors are served without figures).
std::optional<UsageStats> open_usage_figures(const std::optional<std::string>& file,
                                             UsageFiguresState& state);

}  // namespace kiosk::app
