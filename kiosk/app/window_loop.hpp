#pragma once
// The kiosk's main loop on the real clock: sleeps (Window::wait_event)
// until input comes or a frame, the watchdog or the day is due, and tells
// systemd it is alive only from here, so a loop stuck anywhere (in a frame,
// a lock, a slow disk) is restarted by the watchdog.

#include <optional>

#include "kiosk/app/health_file.hpp"
#include "kiosk/app/kiosk_loop.hpp"
#include "kiosk/platform/service_notifier.hpp"

namespace kiosk::app {

struct WindowLoopOptions {
    bool keep_day_current = true;  // false with --today
    // A test hook (KIOSK_TEST_HANG_AFTER_MS): from this moment the loop
    // stops turning, as a loop stuck in a frame would, while the rest of the
    // process (the signal thread) goes on. The watchdog test uses it.
    std::optional<Clock::time_point> hang_at;
    HealthFile* health = nullptr;  // none: no health file
    OpeningHours hours;            // default: always open
};

enum class WindowEnd { quit, reload, display_lost };

// Runs until the loop quits, a reload is due or the display is gone.
WindowEnd run_window(const platform::Window& window, KioskLoop& loop, VisitFlow& flow,
                     platform::ServiceNotifier& notifier, const WindowLoopOptions& options);

// The test hook's moment, read from the environment; nothing when unset.
std::optional<Clock::time_point> test_hang_from_environment(Clock::time_point start);

}  // namespace kiosk::app
