#pragma once
// Printing off the visitor's path: jobs run one after another on a worker
// thread, so a slow or hanging printer never stalls the screen. Each job
// reports back through a callback that runs on the worker thread; the UI
// turns it into an event for its own loop (SDL_PushEvent) and never waits.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/printing/print_job.hpp"
#include "kiosk/core/printing/printer_config.hpp"

namespace kiosk {

class PrintQueue {
  public:
    using Done = std::function<void(const PrintOutcome&)>;
    // Lays a job out and encodes it, on the worker thread.
    using MakeJob = std::function<Result<std::string>()>;

    explicit PrintQueue(PrinterConfig printer);
    ~PrintQueue();  // finishes the job in hand, drops the rest, joins
    PrintQueue(const PrintQueue&) = delete;
    PrintQueue& operator=(const PrintQueue&) = delete;

    // Returns at once; `done` runs later on the worker thread.
    void submit(std::string job, Done done);
    // The same, for a job the worker lays out first, so rendering a receipt
    // never holds up a frame either. A layout that fails reaches no printer:
    // `done` gets its error as the problem, and it counts as no fault.
    void submit(MakeJob make, Done done);
    // Asks the printer's status on the worker thread; `done` gets it as an
    // outcome with printed = false and no problem unless the printer has a fault.
    void check_status(Done done);

    // What the last job or status check found.
    PrinterStatus last_status() const;
    // The fault the printer has now: set by a failed job or a status check that
    // finds a fault, cleared by the next job or check that finds none. The
    // print choice is hidden while there is one.
    std::optional<std::string> current_fault() const;
    // The last fault ever seen, for the adviser's health view.
    std::optional<std::string> last_fault() const;

  private:
    struct Task {
        std::optional<std::string> job;  // none: a status check (or `make` the job)
        MakeJob make;
        Done done;
    };
    void run();
    PrintOutcome perform(Task& task);
    void remember(const PrintOutcome& outcome);

    PrinterConfig printer_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Task> tasks_;
    bool stopping_ = false;
    PrinterStatus last_status_;
    std::optional<std::string> current_fault_;
    std::optional<std::string> last_fault_;
    std::thread worker_;  // last: starts after everything above exists
};

}  // namespace kiosk
