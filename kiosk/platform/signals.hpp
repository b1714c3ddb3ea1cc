#pragma once
// SIGTERM (systemd stopping the service) and SIGINT (Ctrl+C at a terminal) end
// the kiosk cleanly; SIGHUP (systemctl reload) asks it to read its
// configuration and pack again. A signal handler may not call SDL, so the
// signals are blocked in every thread and one small thread takes them with
// sigwait() and wakes the main loop with an SDL event, which is safe from any
// thread.

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

namespace kiosk::platform {

// Blocks SIGTERM, SIGINT and SIGHUP in this thread and in every thread started after
// it: call first, before SDL or printing start threads of their own.
void block_quit_signals();

class QuitSignalThread {
  public:
    // Turns each SIGTERM or SIGINT into an SDL event of type `quit_event`
    // and each SIGHUP into one of `reload_event` (both from
    // SDL_RegisterEvents). Make it after SDL_Init and drop it before
    // SDL_Quit, so the thread never pushes into a closed event queue.
    QuitSignalThread(std::uint32_t quit_event, std::uint32_t reload_event);
    ~QuitSignalThread();
    QuitSignalThread(const QuitSignalThread&) = delete;
    QuitSignalThread& operator=(const QuitSignalThread&) = delete;

    // The signal that arrived, for the log: "SIGTERM", or empty.
    std::string received() const;

  private:
    void wait_for_signals(std::uint32_t quit_event, std::uint32_t reload_event);

    std::atomic<int> received_{0};
    std::atomic<bool> stopping_{false};
    std::thread thread_;  // last: starts once the rest exists
};

}  // namespace kiosk::platform
