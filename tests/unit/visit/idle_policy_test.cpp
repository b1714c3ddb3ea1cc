#include "kiosk/core/visit/idle_policy.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// A fake clock: the kiosk's time is whatever the test says it is.
const Clock::time_point t0 = Clock::time_point{} + Seconds{1000};

Clock::time_point at(Clock::duration since_t0) {
    return t0 + since_t0;
}

IdleDecision visiting_after(Clock::duration quiet, const IdleTimeouts& timeouts = {}) {
    return idle_decision(IdlePhase::visiting, at(quiet), t0, timeouts);
}

LoopState resting(IdlePhase phase, Clock::duration since_input, Clock::duration since_frame) {
    LoopState state;
    state.phase = phase;
    state.last_input = t0;
    state.now = at(since_input);
    state.last_frame = state.now - since_frame;
    return state;
}

// The main loop as the kiosk runs it, on a fake clock: decide, maybe wipe,
// draw, then wait as long as the policy allows. A frame takes one 60 Hz
// period; waiting ends early only when the visitor touches the screen.
struct SimulatedLoop {
    IdleTimeouts timeouts;
    FramePacing pacing;
    LoopState state;
    int frames = 0;
    int resets = 0;
    int warned_frames = 0;

    explicit SimulatedLoop(IdlePhase phase) {
        state.phase = phase;
        state.now = t0;
        state.last_input = t0;
        state.last_frame = t0 - Seconds{1};
    }

    void run_until(Clock::time_point end) {
        while (state.now < end) {
            const IdleDecision decision =
                idle_decision(state.phase, state.now, state.last_input, timeouts);
            if (decision.action == IdleAction::reset) {
                state.phase = IdlePhase::attract;
                ++resets;
            }
            state.warning = decision.action == IdleAction::warn;
            const Millis wait = wait_before_next_frame(state, timeouts, pacing);
            if (wait > Millis{0}) {
                state.now = std::min(end, state.now + wait);
                continue;
            }
            ++frames;
            if (state.warning)
                ++warned_frames;
            state.last_frame = state.now;
            state.now += 16667us;
        }
    }
};

}  // namespace

TEST_CASE("asks \"are you still there?\" after the idle time, not before") {
    CHECK(visiting_after(89s).action == IdleAction::none);
    CHECK(visiting_after(89999ms).action == IdleAction::none);
    const IdleDecision asked = visiting_after(90s);
    CHECK(asked.action == IdleAction::warn);
    CHECK(asked.remaining == Millis{30000});
}

TEST_CASE("the countdown counts down the warning time") {
    CHECK(visiting_after(100s).remaining == Millis{20000});
    // Never shows zero while the visit still exists.
    const IdleDecision last = visiting_after(119999500us);
    CHECK(last.action == IdleAction::warn);
    CHECK(last.remaining == Millis{1});
}

TEST_CASE("wipes the visit when the countdown runs out") {
    CHECK(visiting_after(120s).action == IdleAction::reset);
    CHECK(visiting_after(3600s).action == IdleAction::reset);
}

TEST_CASE("the configured timeouts decide when to ask and when to wipe") {
    const IdleTimeouts quick{Seconds{15}, Seconds{5}, Seconds{3}};
    CHECK(visiting_after(14s, quick).action == IdleAction::none);
    CHECK(visiting_after(15s, quick).action == IdleAction::warn);
    CHECK(visiting_after(15s, quick).remaining == Millis{5000});
    CHECK(visiting_after(20s, quick).action == IdleAction::reset);
}

TEST_CASE("the attract screen never warns") {
    for (auto quiet :
         {Clock::duration{0s}, Clock::duration{90s}, Clock::duration{120s}, Clock::duration{24h}}) {
        CHECK(idle_decision(IdlePhase::attract, at(quiet), t0, {}).action == IdleAction::none);
    }
}

TEST_CASE("the thank-you screen returns by itself, without a countdown") {
    const IdleTimeouts timeouts;
    CHECK(idle_decision(IdlePhase::thanks, at(14s), t0, timeouts).action == IdleAction::none);
    CHECK(idle_decision(IdlePhase::thanks, at(15s), t0, timeouts).action == IdleAction::reset);
    for (auto quiet : {Clock::duration{1s}, Clock::duration{14999ms}}) {
        CHECK(idle_decision(IdlePhase::thanks, at(quiet), t0, timeouts).action != IdleAction::warn);
    }
}

TEST_CASE("input stamped just after the clock read counts as no idle time") {
    CHECK(idle_decision(IdlePhase::visiting, t0, t0 + 5ms, {}).action == IdleAction::none);
    CHECK(idle_decision(IdlePhase::thanks, t0, t0 + 5ms, {}).action == IdleAction::none);
}

TEST_CASE("the loop sleeps until the idle time when nobody touches") {
    const LoopState state = resting(IdlePhase::visiting, 10s, 9s);
    CHECK(wait_before_next_frame(state, {}) == Millis{80000});
}

TEST_CASE("the loop draws at once when the question is due") {
    const LoopState state = resting(IdlePhase::visiting, 90s, 1s);
    CHECK(wait_before_next_frame(state, {}) == Millis{0});
}

TEST_CASE("draws once a second during the countdown, when the shown second changes") {
    LoopState state = resting(IdlePhase::visiting, 90s, 0s);
    state.warning = true;
    CHECK(wait_before_next_frame(state, {}) == Millis{1000});
    state.now = at(90300ms);
    state.last_frame = state.now;
    CHECK(wait_before_next_frame(state, {}) == Millis{700});
}

TEST_CASE("the countdown's first frame, and each new second's, is drawn at once") {
    LoopState state = resting(IdlePhase::visiting, 90s, 1s);
    state.warning = true;
    CHECK(wait_before_next_frame(state, {}) == Millis{0});
    // The last frame showed 30, the countdown now shows 29.
    state.now = at(91100ms);
    state.last_frame = at(90500ms);
    CHECK(wait_before_next_frame(state, {}) == Millis{0});
}

TEST_CASE("a countdown that has run out asks for a frame now, not in a second") {
    LoopState state = resting(IdlePhase::visiting, 120s, 0s);
    state.warning = true;
    CHECK(wait_before_next_frame(state, {}) == Millis{0});
}

TEST_CASE("the thank-you screen sleeps until it returns to attract") {
    const LoopState state = resting(IdlePhase::thanks, 5s, 4s);
    CHECK(wait_before_next_frame(state, {}) == Millis{10000});
}

TEST_CASE("the attract screen draws only at its slow animation step") {
    const FramePacing pacing;
    const LoopState state = resting(IdlePhase::attract, 3600s, 100ms);
    CHECK(wait_before_next_frame(state, {}, pacing) == pacing.attract_tick - Millis{100});
}

TEST_CASE("keeps drawing at frame pace just after input and while animating") {
    const FramePacing pacing;
    const LoopState touched = resting(IdlePhase::visiting, pacing.after_input / 2, 10ms);
    CHECK(wait_before_next_frame(touched, {}, pacing) == pacing.frame - Millis{10});

    LoopState scrolling = resting(IdlePhase::visiting, 30s, 20ms);
    scrolling.animating = true;
    CHECK(wait_before_next_frame(scrolling, {}, pacing) == Millis{0});

    const LoopState settled = resting(IdlePhase::visiting, 30s, 20ms);
    CHECK(wait_before_next_frame(settled, {}, pacing) > Millis{1000});
}

TEST_CASE("a 60 Hz loop draws few frames in 10 minutes untouched on the attract screen") {
    SimulatedLoop loop(IdlePhase::attract);
    loop.state.last_input = t0 - 1h;
    loop.run_until(at(10min));
    INFO("frames: " << loop.frames);
    // 60 Hz would be 36,000 frames; the slow attract step allows one per tick.
    const int per_tick = static_cast<int>(Millis{10min} / loop.pacing.attract_tick);
    CHECK(loop.frames <= per_tick + 1);
    CHECK(loop.frames < 36000 / 20);
    CHECK(loop.frames > 0);
    CHECK(loop.resets == 0);
}

TEST_CASE("a visitor who walks away gets the countdown, then the attract screen") {
    SimulatedLoop loop(IdlePhase::visiting);
    loop.run_until(at(10min));
    INFO("frames: " << loop.frames << ", during the countdown: " << loop.warned_frames);
    CHECK(loop.resets == 1);
    CHECK(loop.state.phase == IdlePhase::attract);
    // One frame for each second shown on the countdown, give or take the first.
    CHECK(loop.warned_frames >= 30);
    CHECK(loop.warned_frames <= 32);
    CHECK(loop.frames < 36000 / 20);
}
