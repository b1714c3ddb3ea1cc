#include "kiosk/core/visit/visit_flow.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "kiosk/core/adviser/adviser_pin.hpp"
#include "kiosk/core/takeaway/qr.hpp"

namespace kiosk {
namespace {

constexpr std::array<std::pair<Screen, std::string_view>, 7> screen_names = {{
    {Screen::attract, "attract"},
    {Screen::language, "language"},
    {Screen::question, "question"},
    {Screen::results, "results"},
    {Screen::course, "course"},
    {Screen::takeaway, "takeaway"},
    {Screen::thanks, "thanks"},
}};

}  // namespace

std::string_view to_string(Screen screen) {
    for (const auto& [s, name] : screen_names) {
        if (s == screen)
            return name;
    }
    return "?";
}

std::optional<Screen> parse_screen(std::string_view name) {
    for (const auto& [s, n] : screen_names) {
        if (n == name)
            return s;
    }
    return std::nullopt;
}

VisitFlow::VisitFlow(const Catalogue& catalogue, const Matcher& matcher, FlowSettings settings,
                     Clock::time_point now)
    : catalogue_(catalogue),
      matcher_(matcher),
      settings_(std::move(settings)),
      context_{0, catalogue.pack().info.location.lat, catalogue.pack().info.location.lon},
      visit_(catalogue.pack().questionnaire, settings_.languages, settings_.default_language),
      last_input_(now) {}

void VisitFlow::set_today(std::int32_t today) {
    context_.today = today;
}

IdlePhase VisitFlow::idle_phase() const {
    if (adviser_ != AdviserState::closed)
        return IdlePhase::adviser;
    switch (screen_) {
        case Screen::attract:
            return IdlePhase::attract;
        case Screen::thanks:
            return IdlePhase::thanks;
        default:
            return IdlePhase::visiting;
    }
}

void VisitFlow::note_input(Clock::time_point now) {
    last_input_ = now;
    countdown_.reset();
}

bool VisitFlow::tick(Clock::time_point now) {
    const IdleDecision decision = idle_decision(idle_phase(), now, last_input_, settings_.timeouts);
    switch (decision.action) {
        case IdleAction::none:
            if (countdown_) {
                countdown_.reset();
                return true;
            }
            return false;
        case IdleAction::warn: {
            // Redraw only when the whole seconds shown change.
            const bool changed = !countdown_ || (*countdown_ + Millis{999}) / 1000 !=
                                                    (decision.remaining + Millis{999}) / 1000;
            countdown_ = decision.remaining;
            return changed;
        }
        case IdleAction::reset:
            wipe(now);
            return true;
    }
    return false;
}

VisitSummary VisitFlow::summary() const {
    VisitSummary s;
    s.language = visit_.language();
    s.reached_results = visit_.finished();  // past the last question: the results were shown
    const auto& questions = catalogue_.pack().questionnaire.questions;
    if (!s.reached_results && screen_ == Screen::question && visit_.current_question() >= 0)
        s.abandoned_at = questions[static_cast<std::size_t>(visit_.current_question())].id;
    s.receipt = receipt_;
    s.printed = print_state_ == PrintState::printed;
    for (const Answer& a : visit_.answers()) {
        const Question& q = questions[static_cast<std::size_t>(a.question)];
        s.answers.emplace_back(q.id, q.options[static_cast<std::size_t>(a.option)].id);
    }
    for (const auto& result : ranking_.results)
        s.courses_shown.push_back(catalogue_.course_id(result.course));
    return s;
}

std::optional<VisitSummary> VisitFlow::take_finished_visit() {
    return std::exchange(finished_, std::nullopt);
}

bool VisitFlow::take_leave_request() {
    return std::exchange(leave_requested_, false);
}

void VisitFlow::wipe(Clock::time_point now) {
    // Only a visit that began counts; the attract screen timing out is no visit.
    if (screen_ != Screen::attract)
        finished_ = summary();
    adviser_ = AdviserState::closed;
    keypad_.clear();
    keypad_refused_ = false;
    visit_.apply(intent::Reset{});
    screen_ = Screen::attract;
    ranking_ = {};
    payload_.clear();
    open_course_ = -1;
    receipt_ = ReceiptChoice::undecided;
    print_state_ = PrintState::idle;
    print_requested_ = false;
    print_problem_.reset();
    high_contrast_ = false;
    large_text_ = false;
    dutch_beside_ = false;
    countdown_.reset();
    last_input_ = now;
    ++generation_;
}

void VisitFlow::rank() {
    ranking_ = matcher_.rank(visit_.answers(), context_);
    std::vector<std::string> ids;
    ids.reserve(ranking_.results.size());
    for (const auto& result : ranking_.results)
        ids.push_back(catalogue_.course_id(result.course));
    const std::string& base =
        settings_.results_url.empty() ? catalogue_.pack().info.results_url : settings_.results_url;
    payload_ = kiosk::results_payload(base, ids);
}

std::string VisitFlow::course_url(int rank) const {
    if (rank < 0 || rank >= static_cast<int>(ranking_.results.size()))
        return {};
    auto course = catalogue_.course(ranking_.results[static_cast<std::size_t>(rank)].course);
    return course ? course->url : std::string();
}

void VisitFlow::set_printer(bool present, std::optional<std::string> fault) {
    printer_present_ = present;
    printer_fault_ = std::move(fault);
}

bool VisitFlow::take_print_request() {
    return std::exchange(print_requested_, false);
}

void VisitFlow::print_finished(std::uint64_t generation, bool printed,
                               std::optional<std::string> problem) {
    if (generation != generation_ || print_state_ != PrintState::printing)
        return;  // the visit that asked was wiped meanwhile
    print_state_ = printed ? PrintState::printed : PrintState::failed;
    print_problem_ = std::move(problem);
}

bool VisitFlow::apply(const FlowIntent& intent, Clock::time_point now) {
    note_input(now);
    return std::visit(
        [&](const auto& i) -> bool {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, flow::Start>) {
                if (screen_ != Screen::attract)
                    return false;
                screen_ = settings_.languages.size() > 1 ? Screen::language : Screen::question;
                return true;
            } else if constexpr (std::is_same_v<T, flow::PickLanguage>) {
                if (screen_ != Screen::language ||
                    !visit_.apply(intent::ChangeLanguage{i.language}))
                    return false;
                screen_ = visit_.finished() ? Screen::results : Screen::question;
                if (visit_.finished())
                    rank();
                return true;
            } else if constexpr (std::is_same_v<T, flow::ChangeLanguage>) {
                if (screen_ == Screen::attract)
                    return false;
                return visit_.apply(intent::ChangeLanguage{i.language});
            } else if constexpr (std::is_same_v<T, flow::Choose> || std::is_same_v<T, flow::Skip>) {
                if (screen_ != Screen::question)
                    return false;
                bool applied = false;
                if constexpr (std::is_same_v<T, flow::Choose>)
                    applied = visit_.apply(intent::Choose{i.option});
                else
                    applied = visit_.apply(intent::Skip{});
                if (!applied)
                    return false;
                if (visit_.finished()) {
                    rank();
                    screen_ = Screen::results;
                }
                return true;
            } else if constexpr (std::is_same_v<T, flow::Back>) {
                switch (screen_) {
                    case Screen::language:
                        screen_ = Screen::attract;
                        return true;
                    case Screen::question:
                        if (visit_.apply(intent::Back{}))
                            return true;
                        if (settings_.languages.size() > 1) {
                            screen_ = Screen::language;
                            return true;
                        }
                        return false;
                    case Screen::results:
                        if (!visit_.apply(intent::Back{}))
                            return false;
                        // The answers may change: the old results must not linger.
                        ranking_ = {};
                        payload_.clear();
                        screen_ = Screen::question;
                        return true;
                    case Screen::course:
                        open_course_ = -1;
                        screen_ = Screen::results;
                        return true;
                    case Screen::takeaway:
                        screen_ = Screen::results;
                        return true;
                    default:
                        return false;
                }
            } else if constexpr (std::is_same_v<T, flow::OpenCourse>) {
                if (screen_ != Screen::results || i.rank < 0 ||
                    i.rank >= static_cast<int>(ranking_.results.size()))
                    return false;
                open_course_ = i.rank;
                screen_ = Screen::course;
                return true;
            } else if constexpr (std::is_same_v<T, flow::TakeAway>) {
                if (screen_ != Screen::results && screen_ != Screen::course)
                    return false;
                open_course_ = -1;
                screen_ = Screen::takeaway;
                return true;
            } else if constexpr (std::is_same_v<T, flow::ChooseReceipt>) {
                if (screen_ != Screen::takeaway || i.choice == ReceiptChoice::undecided)
                    return false;
                if (i.choice == ReceiptChoice::print) {
                    // Hidden while the printer reports a fault; a second tap
                    // while a job runs must not print twice.
                    if (!printer_present_ || printer_fault_ || print_state_ == PrintState::printing)
                        return false;
                    print_requested_ = true;
                    print_state_ = PrintState::printing;
                    print_problem_.reset();
                }
                receipt_ = i.choice;
                return true;
            } else if constexpr (std::is_same_v<T, flow::Done>) {
                if (screen_ == Screen::attract || screen_ == Screen::thanks)
                    return false;
                screen_ = Screen::thanks;
                return true;
            } else if constexpr (std::is_same_v<T, flow::StillHere>) {
                return true;  // note_input() above already hid the countdown
            } else if constexpr (std::is_same_v<T, flow::OpenKeypad>) {
                if (!settings_.check_pin || adviser_ != AdviserState::closed)
                    return false;
                adviser_ = AdviserState::keypad;
                keypad_.clear();
                keypad_refused_ = false;
                countdown_.reset();
                return true;
            } else if constexpr (std::is_same_v<T, flow::KeypadDigit>) {
                if (adviser_ != AdviserState::keypad || i.digit < 0 || i.digit > 9 ||
                    keypad_.size() >= max_pin_digits || lockout_.locked(now))
                    return false;
                keypad_ += static_cast<char>('0' + i.digit);
                keypad_refused_ = false;
                return true;
            } else if constexpr (std::is_same_v<T, flow::KeypadErase>) {
                if (adviser_ != AdviserState::keypad || keypad_.empty())
                    return false;
                keypad_.pop_back();
                return true;
            } else if constexpr (std::is_same_v<T, flow::KeypadEnter>) {
                if (adviser_ != AdviserState::keypad || keypad_.empty() || lockout_.locked(now))
                    return false;
                const bool right = settings_.check_pin(keypad_);
                // The digits go at once, right or wrong: nothing keeps a PIN.
                std::fill(keypad_.begin(), keypad_.end(), '\0');
                keypad_.clear();
                if (right) {
                    lockout_.right();
                    adviser_ = AdviserState::open;
                } else {
                    lockout_.wrong(now);
                    keypad_refused_ = true;
                }
                return true;
            } else if constexpr (std::is_same_v<T, flow::CloseAdviser>) {
                if (adviser_ == AdviserState::closed)
                    return false;
                if (adviser_ == AdviserState::keypad) {
                    // Cancelling the keypad gives the visitor their screen back.
                    adviser_ = AdviserState::closed;
                    keypad_.clear();
                    keypad_refused_ = false;
                    return true;
                }
                wipe(now);  // leaving adviser mode: a clean attract screen
                return true;
            } else if constexpr (std::is_same_v<T, flow::Reprint>) {
                if (adviser_ != AdviserState::open || ranking_.results.empty() ||
                    !printer_present_ || printer_fault_ || print_state_ == PrintState::printing)
                    return false;
                print_requested_ = true;
                print_state_ = PrintState::printing;
                print_problem_.reset();
                receipt_ = ReceiptChoice::print;
                return true;
            } else if constexpr (std::is_same_v<T, flow::LeaveKiosk>) {
                if (adviser_ != AdviserState::open)
                    return false;
                leave_requested_ = true;
                return true;
            } else if constexpr (std::is_same_v<T, flow::ToggleContrast>) {
                high_contrast_ = !high_contrast_;
                return true;
            } else if constexpr (std::is_same_v<T, flow::ToggleLargeText>) {
                large_text_ = !large_text_;
                return true;
            } else if constexpr (std::is_same_v<T, flow::ToggleDutchBeside>) {
                dutch_beside_ = !dutch_beside_;
                return true;
            } else {
                wipe(now);
                return true;
            }
        },
        intent);
}

}  // namespace kiosk
