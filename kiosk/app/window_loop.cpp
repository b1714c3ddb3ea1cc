#include "kiosk/app/window_loop.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <thread>

#include "kiosk/core/base/calendar.hpp"

namespace kiosk::app {
namespace {

WeekTime week_time_now() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {(local.tm_wday + 6) % 7, local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec};
}

}  // namespace

WindowEnd run_window(const platform::Window& window, KioskLoop& loop, VisitFlow& flow,
                     platform::ServiceNotifier& notifier, const WindowLoopOptions& options) {
    auto day_checked = Clock::now();
    // Long enough for the compositor's configure even on a slow, busy machine.
    constexpr auto settle_time = std::chrono::seconds(2);
    constexpr std::uint64_t settle_frames = 20;
    std::optional<Clock::time_point> first_frame;
    while (!loop.quitting() && !loop.reloading()) {
        const auto before = Clock::now();
        const Millis frame_wait = loop.wait(before);
        // Wake for the watchdog too, even when nothing else is due for minutes.
        Millis wait = std::min(frame_wait, notifier.watchdog().until_due(before));
        if (options.health)
            wait = std::min(wait, options.health->until_due(before));
        // Wake at the opening (or closing) itself, not up to a minute late.
        if (const auto change = seconds_until_change(options.hours, week_time_now()))
            wait = std::min(wait, Millis(std::int64_t{*change} * 1000 + 200));
        // Frames for a while after the first, until a Wayland compositor has surely
        // configured the window and shows what it draws (Window::configured_late).
        if (!first_frame && loop.drawn())
            first_frame = before;
        if (window.configured_late() && (!first_frame || before - *first_frame < settle_time ||
                                         loop.frames_drawn() < settle_frames)) {
            wait = std::min(wait, Millis(50));
            loop.redraw();
        }
        SDL_Event event;
        // A real event, then drain: SDL 2.26 on X11 can leave events behind otherwise.
        const bool got = window.wait_event(event, wait);
        const auto now = Clock::now();
        // A lost compositor sends SDL's quit request, which a locked kiosk ignores.
        if (got && event.type == SDL_QUIT && window.display_lost())
            return WindowEnd::display_lost;
        if (got)
            loop.handle(event, now);
        while (!loop.quitting() && SDL_PollEvent(&event)) {
            if (event.type == SDL_QUIT && window.display_lost())
                return WindowEnd::display_lost;
            loop.handle(event, now);
        }
        if (loop.quitting())
            break;
        if (options.keep_day_current && now - day_checked >= std::chrono::minutes(1)) {
            flow.set_today(local_day(std::time(nullptr)));
            day_checked = now;
        }
        loop.set_open(is_open(options.hours, week_time_now()));
        // A wake-up for the watchdog alone draws nothing.
        loop.update(now, !got && now - before >= frame_wait);
        // Ready once the first frame is up, or the screen is dark on purpose.
        if (loop.drawn() || loop.dark())
            notifier.ready();
        notifier.keep_alive(now);
        if (options.health)
            options.health->write_if_due(now);
        if (options.hang_at && now >= *options.hang_at) {
            std::cerr << "kiosk: test hook: the main loop hangs now" << std::endl;
            for (;;)
                std::this_thread::sleep_for(std::chrono::hours(1));
        }
    }
    return loop.reloading() ? WindowEnd::reload : WindowEnd::quit;
}

std::optional<Clock::time_point> test_hang_from_environment(Clock::time_point start) {
    const char* text = std::getenv("KIOSK_TEST_HANG_AFTER_MS");
    if (!text || !*text)
        return std::nullopt;
    char* end = nullptr;
    const long ms = std::strtol(text, &end, 10);
    if (*end != '\0' || ms < 0)
        return std::nullopt;
    return start + Millis(ms);
}

}  // namespace kiosk::app
