#include "kiosk/core/visit/visit_flow.hpp"

#include <algorithm>
#include <utility>

#include "kiosk/core/adviser/adviser_pin.hpp"
#include "kiosk/core/takeaway/qr.hpp"

namespace kiosk {

VisitFlow::VisitFlow(const Catalogue& catalogue, const Matcher& matcher, FlowSettings settings,
                     Clock::time_point now)
    : catalogue_(catalogue),
      matcher_(matcher),
      settings_(std::move(settings)),
      context_{0, catalogue.pack().info.location.lat, catalogue.pack().info.location.lon},
      last_input_(now),
      state_(fresh_state()) {}

VisitState VisitFlow::fresh_state() const {
    return VisitState{
        Visit(catalogue_.pack().questionnaire, settings_.languages, settings_.default_language)};
}

void VisitFlow::set_today(std::int32_t today) {
    context_.today = today;
}

IdlePhase VisitFlow::idle_phase() const {
    if (state_.adviser != AdviserState::closed)
        return IdlePhase::adviser;
    switch (state_.screen) {
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
    state_.countdown.reset();
}

Applied VisitFlow::tick(Clock::time_point now) {
    const IdleDecision decision = idle_decision(idle_phase(), now, last_input_, idle_timeouts());
    std::optional<Millis>& countdown = state_.countdown;
    switch (decision.action) {
        case IdleAction::none:
            if (countdown) {
                countdown.reset();
                return {true, {}};
            }
            return {};
        case IdleAction::warn: {
            // Redraw only when the whole seconds shown change.
            const bool changed = !countdown || (*countdown + Millis{999}) / 1000 !=
                                                   (decision.remaining + Millis{999}) / 1000;
            countdown = decision.remaining;
            return {changed, {}};
        }
        case IdleAction::reset:
            wipe(now);
            return {true, std::exchange(asked_, {})};
    }
    return {};
}

VisitSummary VisitFlow::summary() const {
    const Visit& visit = state_.visit;
    VisitSummary s;
    s.language = visit.language();
    s.reached_results = visit.finished();  // past the last question: the results were shown
    const auto& questions = catalogue_.pack().questionnaire.questions;
    if (!s.reached_results && state_.screen == Screen::question && visit.current_question() >= 0)
        s.abandoned_at = questions[static_cast<std::size_t>(visit.current_question())].id;
    s.receipt = state_.receipt;
    for (const Answer& a : visit.answers()) {
        const Question& q = questions[static_cast<std::size_t>(a.question)];
        s.answers.emplace_back(q.id, q.options[static_cast<std::size_t>(a.option)].id);
    }
    for (const auto& result : state_.ranking.results)
        s.courses_shown.push_back(catalogue_.course_id(result.course));
    return s;
}

void VisitFlow::wipe(Clock::time_point now) {
    // Only a visit that began counts, and only once: the attract screen timing
    // out is no visit, and the thank-you screen's visit was counted at Done.
    if (state_.screen != Screen::attract && state_.screen != Screen::thanks)
        asked_.push_back(effect::CountVisit{summary()});
    state_ = fresh_state();
    last_input_ = now;
    ++generation_;
}

// The code carries the language, so a switch on the results screen changes it.
void VisitFlow::write_payload() {
    state_.payload = kiosk::results_payload(catalogue_, state_.ranking, state_.visit.language(),
                                            settings_.results_url);
}

void VisitFlow::rank() {
    state_.ranking = matcher_.rank(state_.visit.answers(), context_);
    write_payload();
    state_.courses.clear();
    state_.courses.reserve(state_.ranking.results.size());
    state_.also_places.clear();
    for (const auto& result : state_.ranking.results) {
        auto course = catalogue_.course(result.course);
        auto& places = state_.also_places.emplace_back();
        for (int other : result.also) {
            auto also = catalogue_.course(other);
            if (!also || also->place.empty() || (course && also->place == course->place) ||
                std::find(places.begin(), places.end(), also->place) != places.end())
                continue;
            places.push_back(also->place);
        }
        state_.courses.push_back(course ? std::optional<Course>(std::move(*course)) : std::nullopt);
    }
}

const std::vector<std::string>& VisitFlow::also_places(int rank) const {
    static const std::vector<std::string> none;
    if (rank < 0 || rank >= static_cast<int>(state_.also_places.size()))
        return none;
    return state_.also_places[static_cast<std::size_t>(rank)];
}

const Course* VisitFlow::course(int rank) const {
    if (rank < 0 || rank >= static_cast<int>(state_.courses.size()))
        return nullptr;
    const auto& course = state_.courses[static_cast<std::size_t>(rank)];
    return course ? &*course : nullptr;
}

std::string VisitFlow::course_url(int rank) const {
    const Course* ranked = course(rank);
    return ranked ? ranked->url : std::string();
}

void VisitFlow::set_printer(bool present, std::optional<std::string> fault) {
    printer_present_ = present;
    printer_fault_ = std::move(fault);
}

Effects VisitFlow::print_finished(std::uint64_t generation, bool printed,
                                  std::optional<std::string> problem) {
    Effects effects;
    if (printed)
        effects.emplace_back(effect::CountPrinted{});
    if (generation != generation_ || state_.print_state != PrintState::printing)
        return effects;  // the visit that asked was wiped meanwhile
    state_.print_state = printed ? PrintState::printed : PrintState::failed;
    state_.print_problem = std::move(problem);
    return effects;
}

Applied VisitFlow::apply(const FlowIntent& intent, Clock::time_point now) {
    note_input(now);
    asked_.clear();
    const bool changed = std::visit([&](const auto& i) { return on(i, now); }, intent);
    return {changed, std::exchange(asked_, {})};
}

bool VisitFlow::on(const flow::Start&, Clock::time_point) {
    if (state_.screen != Screen::attract)
        return false;
    state_.screen = settings_.languages.size() > 1 ? Screen::language : Screen::question;
    return true;
}

bool VisitFlow::on(const flow::PickLanguage& pick, Clock::time_point) {
    if (state_.screen != Screen::language ||
        !state_.visit.apply(intent::ChangeLanguage{pick.language}))
        return false;
    state_.screen = state_.visit.finished() ? Screen::results : Screen::question;
    if (state_.visit.finished())
        rank();
    return true;
}

bool VisitFlow::on(const flow::ChangeLanguage& change, Clock::time_point) {
    if (state_.screen == Screen::attract)
        return false;
    if (!state_.visit.apply(intent::ChangeLanguage{change.language}))
        return false;
    if (!state_.payload.empty())
        write_payload();
    return true;
}

bool VisitFlow::answered(bool applied) {
    if (!applied)
        return false;
    if (state_.visit.finished()) {
        rank();
        state_.screen = Screen::results;
    }
    return true;
}

bool VisitFlow::on(const flow::Choose& choose, Clock::time_point) {
    return state_.screen == Screen::question &&
           answered(state_.visit.apply(intent::Choose{choose.option}));
}

bool VisitFlow::on(const flow::Next&, Clock::time_point) {
    return state_.screen == Screen::question && answered(state_.visit.apply(intent::Next{}));
}

bool VisitFlow::on(const flow::Skip&, Clock::time_point) {
    return state_.screen == Screen::question && answered(state_.visit.apply(intent::Skip{}));
}

bool VisitFlow::on(const flow::Back&, Clock::time_point) {
    VisitState& s = state_;
    switch (s.screen) {
        case Screen::language:
            s.screen = Screen::attract;
            return true;
        case Screen::question:
            if (s.visit.apply(intent::Back{}))
                return true;
            if (settings_.languages.size() > 1) {
                s.screen = Screen::language;
                return true;
            }
            return false;
        case Screen::results:
            if (!s.visit.apply(intent::Back{}))
                return false;
            // The answers may change: the old results must not linger.
            s.ranking = {};
            s.courses.clear();
            s.also_places.clear();
            s.payload.clear();
            s.screen = Screen::question;
            return true;
        case Screen::course:
            s.open_course = -1;
            s.screen = Screen::results;
            return true;
        case Screen::takeaway:
            s.screen = Screen::results;
            return true;
        default:
            return false;
    }
}

bool VisitFlow::on(const flow::OpenCourse& open, Clock::time_point) {
    if (state_.screen != Screen::results || open.rank < 0 ||
        open.rank >= static_cast<int>(state_.ranking.results.size()))
        return false;
    state_.open_course = open.rank;
    state_.screen = Screen::course;
    return true;
}

bool VisitFlow::on(const flow::TakeAway&, Clock::time_point) {
    if (state_.screen != Screen::results && state_.screen != Screen::course)
        return false;
    state_.open_course = -1;
    state_.screen = Screen::takeaway;
    // Asked again as the visitor arrives at the choice, so a printer that ran
    // out of paper since the last visit has its print choice hidden.
    asked_.emplace_back(std::in_place_type<effect::CheckPrinter>);
    return true;
}

void VisitFlow::ask_print() {
    asked_.push_back(effect::PrintReceipt{generation_, state_.visit.language(), state_.ranking});
    state_.print_state = PrintState::printing;
    state_.print_problem.reset();
}

bool VisitFlow::on(const flow::ChooseReceipt& choose, Clock::time_point) {
    if (state_.screen != Screen::takeaway || choose.choice == ReceiptChoice::undecided)
        return false;
    if (choose.choice == ReceiptChoice::print) {
        // Hidden while the printer reports a fault; a second tap while a job
        // runs must not print twice.
        if (!printer_present_ || printer_fault_ || state_.print_state == PrintState::printing)
            return false;
        ask_print();
    }
    state_.receipt = choose.choice;
    return true;
}

bool VisitFlow::on(const flow::Done&, Clock::time_point now) {
    if (state_.screen == Screen::attract || state_.screen == Screen::thanks)
        return false;
    // Wiped and counted as the visitor says so; the thank-you screen keeps
    // only the language it speaks in, and speech mode, so a visitor who
    // listens hears it too (it ends with the thank-you screen).
    const std::string language = state_.visit.language();
    const bool speech_mode = state_.speech_mode;
    wipe(now);
    state_.visit.apply(intent::ChangeLanguage{language});
    state_.screen = Screen::thanks;
    state_.speech_mode = speech_mode;
    return true;
}

bool VisitFlow::on(const flow::StillHere&, Clock::time_point) {
    return true;  // apply()'s note_input() already hid the countdown
}

bool VisitFlow::on(const flow::ToggleContrast&, Clock::time_point) {
    state_.high_contrast = !state_.high_contrast;
    return true;
}

bool VisitFlow::on(const flow::ToggleLargeText&, Clock::time_point) {
    state_.large_text = !state_.large_text;
    return true;
}

bool VisitFlow::on(const flow::ToggleDutchBeside&, Clock::time_point) {
    state_.dutch_beside = !state_.dutch_beside;
    return true;
}

bool VisitFlow::on(const flow::NewVisit&, Clock::time_point now) {
    if (state_.screen != Screen::thanks)
        return false;
    wipe(now);
    return true;
}

bool VisitFlow::on(const flow::OpenKeypad&, Clock::time_point) {
    if (!settings_.check_pin || state_.adviser != AdviserState::closed)
        return false;
    state_.adviser = AdviserState::keypad;
    state_.keypad.clear();
    state_.keypad_refused = false;
    state_.countdown.reset();
    return true;
}

bool VisitFlow::on(const flow::KeypadDigit& digit, Clock::time_point now) {
    if (state_.adviser != AdviserState::keypad || digit.digit < 0 || digit.digit > 9 ||
        state_.keypad.size() >= max_pin_digits || lockout_.locked(now))
        return false;
    state_.keypad += static_cast<char>('0' + digit.digit);
    state_.keypad_refused = false;
    return true;
}

bool VisitFlow::on(const flow::KeypadErase&, Clock::time_point) {
    if (state_.adviser != AdviserState::keypad || state_.keypad.empty())
        return false;
    state_.keypad.pop_back();
    return true;
}

bool VisitFlow::on(const flow::KeypadEnter&, Clock::time_point now) {
    std::string& keypad = state_.keypad;
    if (state_.adviser != AdviserState::keypad || keypad.empty() || lockout_.locked(now))
        return false;
    const bool right = settings_.check_pin(keypad);
    // The digits go at once, right or wrong: nothing keeps a PIN.
    std::fill(keypad.begin(), keypad.end(), '\0');
    keypad.clear();
    if (right) {
        lockout_.right();
        state_.adviser = AdviserState::open;
    } else {
        lockout_.wrong(now);
        state_.keypad_refused = true;
    }
    return true;
}

bool VisitFlow::on(const flow::CloseAdviser&, Clock::time_point now) {
    if (state_.adviser == AdviserState::closed)
        return false;
    if (state_.adviser == AdviserState::keypad) {
        // Cancelling the keypad gives the visitor their screen back.
        state_.adviser = AdviserState::closed;
        state_.keypad.clear();
        state_.keypad_refused = false;
        return true;
    }
    wipe(now);  // leaving adviser mode: a clean attract screen
    return true;
}

bool VisitFlow::on(const flow::Reprint&, Clock::time_point) {
    if (state_.adviser != AdviserState::open || state_.ranking.results.empty() ||
        !printer_present_ || printer_fault_ || state_.print_state == PrintState::printing)
        return false;
    ask_print();
    state_.receipt = ReceiptChoice::print;
    return true;
}

bool VisitFlow::on(const flow::LeaveKiosk&, Clock::time_point) {
    if (state_.adviser != AdviserState::open)
        return false;
    asked_.emplace_back(std::in_place_type<effect::StopKiosk>);
    return true;
}

// Read-aloud fits the visitor's screens, not the attract or thank-you screen
// (nothing of the visit to read) and not while the adviser's views cover them.
bool VisitFlow::on(const flow::ReadAloud&, Clock::time_point) {
    if (state_.screen == Screen::attract || state_.screen == Screen::thanks ||
        state_.adviser != AdviserState::closed || state_.countdown)
        return false;
    asked_.emplace_back(std::in_place_type<effect::ReadAloud>);
    return true;
}

bool VisitFlow::on(const flow::StopReading&, Clock::time_point) {
    asked_.emplace_back(std::in_place_type<effect::StopReading>);
    return true;
}

IdleTimeouts VisitFlow::idle_timeouts() const {
    // Someone who listens needs longer than someone who reads.
    IdleTimeouts timeouts = settings_.timeouts;
    if (state_.speech_mode)
        timeouts.idle = std::max(timeouts.idle, timeouts.speech_idle);
    return timeouts;
}

bool VisitFlow::on(const flow::StartSpeech&, Clock::time_point now) {
    if (state_.speech_mode || state_.adviser != AdviserState::closed ||
        state_.screen == Screen::thanks)
        return false;
    if (state_.screen == Screen::attract)
        on(flow::Start{}, now);
    state_.speech_mode = true;
    return true;
}

bool VisitFlow::on(const flow::EndSpeech&, Clock::time_point) {
    if (!state_.speech_mode)
        return false;
    state_.speech_mode = false;
    asked_.emplace_back(std::in_place_type<effect::StopReading>);
    return true;
}

}  // namespace kiosk
