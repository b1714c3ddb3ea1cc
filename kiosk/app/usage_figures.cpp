#include "kiosk/app/usage_figures.hpp"

#include <ctime>
#include <filesystem>
#include <iostream>

namespace kiosk::app {
namespace {

// "stats.db.unreadable-20261205T031500": beside the file, with when it was moved.
std::string aside_name(const std::string& path) {
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", &local);
    return path + ".unreadable-" + stamp;
}

}  // namespace

std::optional<UsageStats> open_usage_figures(const std::optional<std::string>& file,
                                             UsageFiguresState& state) {
    if (!file)
        return std::nullopt;
    const std::string& path = *file;
    auto opened = UsageStats::open(path);
    std::error_code ec;
    if (!opened && std::filesystem::exists(path, ec)) {
        // A figures file that cannot be opened (damaged, from a newer kiosk,
        // not a figures file at all) must not end the counting for good: it
        // is kept aside for a person to look at, with its journal, and a new
        // one is started. The health file counts it.
        const std::string aside = aside_name(path);
        std::filesystem::rename(path, aside, ec);
        if (!ec) {
            for (const char* journal : {"-wal", "-shm"}) {
                std::error_code ignored;
                if (std::filesystem::exists(path + journal, ignored))
                    std::filesystem::rename(path + journal, aside + journal, ignored);
            }
            std::cerr << "kiosk: usage figures: " << opened.error() << "; moved aside to " << aside
                      << " and started anew" << std::endl;
            ++state.moved_aside;
            opened = UsageStats::open(path);
        }
    }
    if (!opened) {
        // Figures are for the region; visitors are served without them.
        std::cerr << "kiosk: usage figures off: " << opened.error() << '\n';
        state.ok = false;
        return std::nullopt;
    }
    state.ok = true;
    return std::move(*opened);
}

}  // namespace kiosk::app
