#pragma once
// The visitor's path through the kiosk's screens: attract, language, one
// question per screen, results, a course's detail, take-away, thank-you. The
// screens draw from a read-only VisitFlow and return intents; only apply()
// changes it, so a whole visit can be played without a window and replayed.
// Everything about the visitor lives in one VisitState, and a wipe replaces
// it whole (answers, results, language, display choices).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "kiosk/core/adviser/pin_lockout.hpp"
#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/visit/effects.hpp"
#include "kiosk/core/visit/idle_policy.hpp"
#include "kiosk/core/visit/screen.hpp"
#include "kiosk/core/visit/visit.hpp"
#include "kiosk/core/visit/visit_summary.hpp"

namespace kiosk {

enum class PrintState { idle, printing, printed, failed };

// Adviser mode lies over the visitor's screens: a PIN keypad, then the
// adviser's view of the visit. Leaving it always wipes the visit.
enum class AdviserState { closed, keypad, open };

namespace flow {
struct Start {};       // attract -> language
struct PickLanguage {  // on the language screen: choose and go on
    std::string language;
};
struct ChangeLanguage {  // anywhere: switch, stay on the screen, keep the answers
    std::string language;
};
struct Choose {
    int option = -1;
};
struct Next {};  // a question with several answers: go on with those ticked
struct Skip {};
struct Back {};
struct OpenCourse {
    int rank = -1;  // index into the ranking's results
};
struct TakeAway {};  // results -> take-away
struct ChooseReceipt {
    ReceiptChoice choice = ReceiptChoice::undecided;
};
struct Done {};       // wipes and counts the visit; -> thank-you, in its language
struct StillHere {};  // dismisses the "are you still there?" countdown
struct ToggleContrast {};
struct ToggleLargeText {};
struct ToggleDutchBeside {};  // each text also in Dutch, for newcomers and the adviser
struct NewVisit {};           // the thank-you screen's "new visit": back to attract
struct OpenKeypad {};         // the hidden long press in the adviser's corner
struct KeypadDigit {
    int digit = 0;
};
struct KeypadErase {};
struct KeypadEnter {};
struct CloseAdviser {};  // cancel the keypad, or leave adviser mode
struct Reprint {};       // adviser: print the visit's receipt (again)
struct LeaveKiosk {};    // adviser: end the kiosk for maintenance
struct ReadAloud {};     // the speaker button: read this screen aloud
struct StopReading {};   // the speaker button again, while it reads
// Speech mode: every screen spoken as it appears and every focus move, for a
// visitor who does not see the screen. Begun by headphones plugged in or the
// keypad's first key (on the attract screen it also starts the visit); ended
// by pulling the headphones out, or by the visit's wipe.
struct StartSpeech {};
struct EndSpeech {};
}  // namespace flow

using FlowIntent =
    std::variant<flow::Start, flow::PickLanguage, flow::ChangeLanguage, flow::Choose, flow::Next,
                 flow::Skip, flow::Back, flow::OpenCourse, flow::TakeAway, flow::ChooseReceipt,
                 flow::Done, flow::StillHere, flow::ToggleContrast, flow::ToggleLargeText,
                 flow::ToggleDutchBeside, flow::NewVisit, flow::OpenKeypad, flow::KeypadDigit,
                 flow::KeypadErase, flow::KeypadEnter, flow::CloseAdviser, flow::Reprint,
                 flow::LeaveKiosk, flow::ReadAloud, flow::StopReading, flow::StartSpeech,
                 flow::EndSpeech>;

struct FlowSettings {
    std::vector<std::string> languages;  // offered, in this order; a subset of the pack's
    std::string default_language;
    IdleTimeouts timeouts;
    std::string results_url;  // the QR code's address; empty: the pack's
    // Checks an adviser's PIN (against the salted slow hash of the
    // configuration); empty: adviser mode is off.
    std::function<bool(std::string_view pin)> check_pin;
};

// Everything that belongs to one visitor. A wipe replaces it with a fresh
// value, so nothing added here later can survive into the next visit.
struct VisitState {
    explicit VisitState(Visit fresh) : visit(std::move(fresh)) {}

    Visit visit;
    Screen screen = Screen::attract;
    Ranking ranking;  // empty before the last question is passed
    // Each ranked course in full, read from the pack once as the ranking is
    // made, so no screen reads the pack while it draws; none where the pack
    // cannot give it (a damaged file), and the screens show less.
    std::vector<std::optional<Course>> courses;
    // Per ranked course, the other towns it is given in, nearest first.
    std::vector<std::vector<std::string>> also_places;
    std::string payload;  // the QR payload of the whole list
    int open_course = -1;
    ReceiptChoice receipt = ReceiptChoice::undecided;
    PrintState print_state = PrintState::idle;
    std::optional<std::string> print_problem;
    bool high_contrast = false;
    bool large_text = false;
    bool dutch_beside = false;
    std::optional<Millis> countdown;
    AdviserState adviser = AdviserState::closed;
    std::string keypad;  // the digits typed so far; never kept past Enter
    bool keypad_refused = false;
    bool speech_mode = false;  // ends with the visit: the next visitor starts it anew
};

class VisitFlow {
  public:
    // Keeps references: the catalogue and matcher must outlive the flow.
    VisitFlow(const Catalogue& catalogue, const Matcher& matcher, FlowSettings settings,
              Clock::time_point now);

    // Applies an intent and returns the effects it asks for; unchanged (and
    // nothing asked) when it does not fit the screen.
    Applied apply(const FlowIntent& intent, Clock::time_point now);
    // Any touch, click or key: restarts the idle timer and hides the countdown.
    void note_input(Clock::time_point now);
    // Advances the clocks: shows the countdown, wipes the visit when it ran out
    // (asking to count it). Changed when what is on screen changed.
    Applied tick(Clock::time_point now);

    // The day the matcher counts start dates from (days since 1970-01-01);
    // the kiosk runs for weeks, so the caller keeps it current.
    void set_today(std::int32_t today);

    // All that belongs to the visitor now.
    const VisitState& state() const { return state_; }

    Screen screen() const { return state_.screen; }
    const Visit& visit() const { return state_.visit; }
    const std::string& language() const { return state_.visit.language(); }
    const FlowSettings& settings() const { return settings_; }
    const Catalogue& catalogue() const { return catalogue_; }
    std::int32_t today() const { return context_.today; }

    // The ranking of this visit; empty before the last question is passed.
    const Ranking& ranking() const { return state_.ranking; }
    // The course the detail screen shows (its rank), -1 elsewhere.
    int open_course() const { return state_.open_course; }
    // The QR payload of the whole list (results URL + course ids in the fragment).
    const std::string& results_payload() const { return state_.payload; }
    // The QR payload of one ranked course: its own provider URL.
    std::string course_url(int rank) const;
    // The full course at `rank` of the ranking; nullptr when there is none
    // or the pack could not give it.
    const Course* course(int rank) const;
    // The other towns the course at `rank` is given in, nearest first.
    const std::vector<std::string>& also_places(int rank) const;

    ReceiptChoice receipt_choice() const { return state_.receipt; }
    PrintState print_state() const { return state_.print_state; }
    // The printer's fault now (hides the print choice), set by the app.
    const std::optional<std::string>& printer_fault() const { return printer_fault_; }
    bool printer_present() const { return printer_present_; }

    bool high_contrast() const { return state_.high_contrast; }
    bool large_text() const { return state_.large_text; }
    bool dutch_beside() const { return state_.dutch_beside; }
    bool speech_mode() const { return state_.speech_mode; }

    // The countdown of "are you still there?", when it is on screen.
    std::optional<Millis> countdown() const { return state_.countdown; }
    IdlePhase idle_phase() const;
    // The idle times in force: the configuration's, with speech mode's
    // longer idle time while it is on.
    IdleTimeouts idle_timeouts() const;
    Clock::time_point last_input() const { return last_input_; }

    // Grows by one at every reset: the UI drops its own per-visit state
    // (scroll positions, animations) when it sees a new value.
    std::uint64_t generation() const { return generation_; }

    // Printing, wired by the app: whether a printer is configured, its fault,
    // and the outcome of the job the visitor asked for.
    void set_printer(bool present, std::optional<std::string> fault);
    // The outcome of the job sent for the visit of `generation`; the screen
    // ignores it when that visit is gone, so a slow job never reports into
    // the next visit, but a receipt that came out is counted all the same.
    Effects print_finished(std::uint64_t generation, bool printed,
                           std::optional<std::string> problem);
    const std::optional<std::string>& print_problem() const { return state_.print_problem; }

    AdviserState adviser() const { return state_.adviser; }
    int keypad_length() const { return static_cast<int>(state_.keypad.size()); }  // digits typed
    bool keypad_refused() const { return state_.keypad_refused; }  // the last PIN was wrong
    // While wrong PINs have locked the keypad: how long it stays locked.
    Millis keypad_locked_for(Clock::time_point now) const { return lockout_.locked_for(now); }

  private:
    VisitState fresh_state() const;
    void wipe(Clock::time_point now);
    VisitSummary summary() const;
    void rank();
    void write_payload();
    void ask_print();

    // One handler per intent; each returns false (and changes nothing) when
    // its intent does not fit the screen.
    bool on(const flow::Start&, Clock::time_point now);
    bool on(const flow::PickLanguage& pick, Clock::time_point now);
    bool on(const flow::ChangeLanguage& change, Clock::time_point now);
    bool on(const flow::Choose& choose, Clock::time_point now);
    bool on(const flow::Next&, Clock::time_point now);
    bool on(const flow::Skip&, Clock::time_point now);
    bool on(const flow::Back&, Clock::time_point now);
    bool on(const flow::OpenCourse& open, Clock::time_point now);
    bool on(const flow::TakeAway&, Clock::time_point now);
    bool on(const flow::ChooseReceipt& choose, Clock::time_point now);
    bool on(const flow::Done&, Clock::time_point now);
    bool on(const flow::StillHere&, Clock::time_point now);
    bool on(const flow::ToggleContrast&, Clock::time_point now);
    bool on(const flow::ToggleLargeText&, Clock::time_point now);
    bool on(const flow::ToggleDutchBeside&, Clock::time_point now);
    bool on(const flow::NewVisit&, Clock::time_point now);
    bool on(const flow::OpenKeypad&, Clock::time_point now);
    bool on(const flow::KeypadDigit& digit, Clock::time_point now);
    bool on(const flow::KeypadErase&, Clock::time_point now);
    bool on(const flow::KeypadEnter&, Clock::time_point now);
    bool on(const flow::CloseAdviser&, Clock::time_point now);
    bool on(const flow::Reprint&, Clock::time_point now);
    bool on(const flow::LeaveKiosk&, Clock::time_point now);
    bool on(const flow::ReadAloud&, Clock::time_point now);
    bool on(const flow::StopReading&, Clock::time_point now);
    bool on(const flow::StartSpeech&, Clock::time_point now);
    bool on(const flow::EndSpeech&, Clock::time_point now);
    // After Choose or Skip: the results once the last question is passed.
    bool answered(bool applied);

    // Not the visitor's: kept across visits.
    const Catalogue& catalogue_;
    const Matcher& matcher_;
    FlowSettings settings_;
    MatchContext context_;
    bool printer_present_ = false;
    std::optional<std::string> printer_fault_;
    Clock::time_point last_input_;
    std::uint64_t generation_ = 0;
    Effects asked_;       // by the intent or tick in hand; handed out as it returns
    PinLockout lockout_;  // a wrong-PIN lockout outlasts the visit it began in

    VisitState state_;
};

}  // namespace kiosk
