#pragma once
// Writes the kiosk's health (kiosk/core/service/health_metrics.hpp) every
// minute as kiosk.prom into node exporter's textfile folder: beside it first,
// then renamed over it, so node exporter never reads half a file (the
// temporary name does not end in .prom, which it would read). Runs on the
// main loop, so a hung loop also stops the file from getting fresh.

#include <filesystem>
#include <functional>
#include <optional>

#include "kiosk/core/base/clock.hpp"
#include "kiosk/core/service/health_metrics.hpp"

namespace kiosk::app {

class HealthFile {
  public:
    static constexpr Seconds period{60};

    HealthFile(std::filesystem::path folder, std::function<HealthSnapshot()> gather);

    // How long the loop may sleep before the next write is due.
    Millis until_due(Clock::time_point now) const;
    // Writes when a minute has passed since the last write (at once the first time).
    void write_if_due(Clock::time_point now);
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
    std::function<HealthSnapshot()> gather_;
    std::optional<Clock::time_point> last_;
    bool failing_ = false;  // said once until a write works again
};

}  // namespace kiosk::app
