#include "kiosk/app/health_file.hpp"

#include <iostream>

#include "kiosk/core/io/atomic_file.hpp"

namespace kiosk::app {

HealthFile::HealthFile(std::filesystem::path folder, std::function<HealthSnapshot()> gather)
    : path_(std::move(folder) / "kiosk.prom"), gather_(std::move(gather)) {}

Millis HealthFile::until_due(Clock::time_point now) const {
    if (!last_)
        return Millis{0};
    const auto left = std::chrono::duration_cast<Millis>(*last_ + period - now);
    return left < Millis{0} ? Millis{0} : left;
}

void HealthFile::write_if_due(Clock::time_point now) {
    if (until_due(now) > Millis{0})
        return;
    last_ = now;
    const auto written = write_file_atomically(path_, format_health(gather_()));
    if (!written && !failing_) {
        // Once, not every minute: the journal must not fill with it.
        std::cerr << "kiosk: health file: " << written.error()
                  << "; trying again every minute without saying so" << std::endl;
    } else if (written && failing_) {
        std::cerr << "kiosk: health file: written again to " << path_.string() << std::endl;
    }
    failing_ = !written;
}

}  // namespace kiosk::app
