#include "kiosk/core/printing/print_queue.hpp"

namespace kiosk {

PrintQueue::PrintQueue(PrinterConfig printer)
    : printer_(std::move(printer)), worker_([this] { run(); }) {}

PrintQueue::~PrintQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        tasks_.clear();
    }
    wake_.notify_all();
    worker_.join();
}

void PrintQueue::submit(std::string job, Done done) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back({std::move(job), {}, std::move(done)});
    }
    wake_.notify_one();
}

void PrintQueue::submit(MakeJob make, Done done) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back({std::nullopt, std::move(make), std::move(done)});
    }
    wake_.notify_one();
}

void PrintQueue::check_status(Done done) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back({std::nullopt, {}, std::move(done)});
    }
    wake_.notify_one();
}

PrinterStatus PrintQueue::last_status() const {
    std::lock_guard lock(mutex_);
    return last_status_;
}

std::optional<std::string> PrintQueue::last_fault() const {
    std::lock_guard lock(mutex_);
    return last_fault_;
}

std::optional<std::string> PrintQueue::current_fault() const {
    std::lock_guard lock(mutex_);
    return current_fault_;
}

void PrintQueue::remember(const PrintOutcome& outcome) {
    std::lock_guard lock(mutex_);
    last_status_ = outcome.status;
    if (outcome.problem.empty()) {
        current_fault_.reset();
    } else {
        current_fault_ = outcome.problem;
        last_fault_ = outcome.problem;
    }
}

void PrintQueue::run() {
    for (;;) {
        Task task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
            if (stopping_)
                return;
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        if (task.make) {
            auto job = task.make();
            if (!job) {
                // The printer was never asked: what it last said still stands.
                PrintOutcome outcome;
                outcome.status = last_status();
                outcome.problem = job.error();
                if (task.done)
                    task.done(outcome);
                continue;
            }
            task.job = std::move(*job);
        }
        const PrintOutcome outcome = perform(task);
        remember(outcome);
        if (task.done)
            task.done(outcome);
    }
}

PrintOutcome PrintQueue::perform(Task& task) {
    if (task.job)
        return print_to(printer_, *task.job);
    PrintOutcome outcome;
    outcome.status = status_of(printer_);
    if (outcome.status.state != PrinterState::unknown && !can_print(outcome.status)) {
        outcome.problem = outcome.status.detail.empty()
                              ? std::string(to_string(outcome.status.state))
                              : outcome.status.detail;
    }
    return outcome;
}

}  // namespace kiosk
