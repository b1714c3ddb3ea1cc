#include "kiosk/platform/signals.hpp"

#include <SDL.h>
#include <pthread.h>
#include <signal.h>

namespace kiosk::platform {
namespace {

sigset_t quit_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    return set;
}

}  // namespace

void block_quit_signals() {
    const sigset_t set = quit_set();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

QuitSignalThread::QuitSignalThread(std::uint32_t quit_event, std::uint32_t reload_event)
    : thread_([this, quit_event, reload_event] { wait_for_signals(quit_event, reload_event); }) {}

QuitSignalThread::~QuitSignalThread() {
    stopping_ = true;
    // The thread sits in sigwait(): a SIGTERM aimed at it alone wakes it.
    pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
}

void QuitSignalThread::wait_for_signals(std::uint32_t quit_event, std::uint32_t reload_event) {
    const sigset_t set = quit_set();
    for (;;) {
        int signal = 0;
        if (sigwait(&set, &signal) != 0 || stopping_)
            return;
        SDL_Event event{};
        if (signal == SIGHUP) {
            event.type = reload_event;
            SDL_PushEvent(&event);
            continue;
        }
        received_ = signal;
        event.type = quit_event;
        event.user.code = signal;
        SDL_PushEvent(&event);
    }
}

std::string QuitSignalThread::received() const {
    switch (const int signal = received_.load()) {
        case 0:
            return {};
        case SIGTERM:
            return "SIGTERM";
        case SIGINT:
            return "SIGINT";
        default:
            return "signal " + std::to_string(signal);
    }
}

}  // namespace kiosk::platform
