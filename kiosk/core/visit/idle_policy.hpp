#pragma once
// When to ask "are you still there?", when to wipe the visit, and how long the
// main loop may sleep. Pure functions of (state, now, last input), so tests
// drive them with a fake clock and the kiosk never needs a timer thread.

#include "kiosk/core/base/clock.hpp"

namespace kiosk {

struct IdleTimeouts {
    Seconds idle{90};      // no touch for this long: ask "are you still there?"
    Seconds warning{30};   // the countdown of that question, then the visit is wiped
    Seconds thanks{15};    // the thank-you screen returns to attract by itself
    Seconds adviser{120};  // adviser mode (and its PIN keypad) leaves by itself
    // In speech mode, instead of `idle`: listening to a screen and finding
    // the keys takes longer than reading it.
    Seconds speech_idle{240};
};

// Where a visit stands, as far as idling is concerned.
enum class IdlePhase {
    attract,   // nobody here: nothing to wipe
    visiting,  // a visit runs (language, questions, results, take-away)
    thanks,    // the visitor said "done"
    adviser,   // an adviser has the kiosk (or its PIN keypad) open
};

enum class IdleAction {
    none,   // keep going
    warn,   // show the countdown (or keep showing it)
    reset,  // wipe the visit now
};

struct IdleDecision {
    IdleAction action = IdleAction::none;
    Millis remaining{0};  // with warn: time left on the countdown
};

IdleDecision idle_decision(IdlePhase phase, Clock::time_point now, Clock::time_point last_input,
                           const IdleTimeouts& timeouts);

// How long the main loop may wait for input before it must draw again.
struct FramePacing {
    Millis frame{16};           // while something moves
    Millis after_input{50};     // keep drawing a few frames after input so hover and
                                // press states settle
    Millis attract_tick{6000};  // the attract screen changes in steps this far apart
};

struct LoopState {
    IdlePhase phase = IdlePhase::attract;
    bool animating = false;  // the UI asked for the next frame (scroll inertia, fade)
    bool warning = false;    // the countdown is on screen: it changes every second
    Clock::time_point now;
    Clock::time_point last_input;
    Clock::time_point last_frame;
};

// The wait before the next frame. Never zero unless a frame is due now; at
// rest on the attract screen, one frame per attract_tick at most.
Millis wait_before_next_frame(const LoopState& state, const IdleTimeouts& timeouts,
                              const FramePacing& pacing = {});

}  // namespace kiosk
