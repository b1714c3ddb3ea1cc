#include "kiosk/core/visit/idle_policy.hpp"

#include <algorithm>

namespace kiosk {

IdleDecision idle_decision(IdlePhase phase, Clock::time_point now, Clock::time_point last_input,
                           const IdleTimeouts& timeouts) {
    const auto quiet = std::max(Clock::duration::zero(), now - last_input);
    switch (phase) {
        case IdlePhase::attract:
            return {};
        case IdlePhase::thanks:
            if (quiet >= timeouts.thanks)
                return {IdleAction::reset, Millis{0}};
            return {};
        case IdlePhase::adviser:
            // Staff who walk away get no countdown: the kiosk goes back to
            // visitors, wiped, so nobody finds an open adviser view.
            if (quiet >= timeouts.adviser)
                return {IdleAction::reset, Millis{0}};
            return {};
        case IdlePhase::visiting:
            break;
    }
    if (quiet < timeouts.idle)
        return {};
    const auto left = timeouts.idle + timeouts.warning - quiet;
    if (left <= Clock::duration::zero())
        return {IdleAction::reset, Millis{0}};
    // Rounded up, so the countdown never shows 0 while the visit still exists.
    return {IdleAction::warn, std::chrono::ceil<Millis>(left)};
}

Millis wait_before_next_frame(const LoopState& state, const IdleTimeouts& timeouts,
                              const FramePacing& pacing) {
    auto until = [&](Clock::time_point when) {
        return std::max(Millis{0}, std::chrono::ceil<Millis>(when - state.now));
    };
    Millis wait = Millis::max();
    if (state.animating)
        wait = std::min(wait, until(state.last_frame + pacing.frame));
    if (state.now - state.last_input < pacing.after_input)
        wait = std::min(wait, until(state.last_frame + pacing.frame));
    switch (state.phase) {
        case IdlePhase::attract:
            wait = std::min(wait, until(state.last_frame + pacing.attract_tick));
            break;
        case IdlePhase::thanks:
            wait = std::min(wait, until(state.last_input + timeouts.thanks));
            break;
        case IdlePhase::adviser:
            wait = std::min(wait, until(state.last_input + timeouts.adviser));
            break;
        case IdlePhase::visiting:
            if (state.warning) {
                // The countdown shows whole seconds: draw when the next one begins,
                // or now if the last frame still showed an earlier one (or none).
                const auto deadline = state.last_input + timeouts.idle + timeouts.warning;
                const auto left = deadline - state.now;
                if (left <= Clock::duration::zero()) {
                    wait = Millis{0};  // the visit is due to be wiped
                    break;
                }
                const auto shown = std::chrono::ceil<Seconds>(left);
                if (state.last_frame < deadline - shown) {
                    wait = Millis{0};
                    break;
                }
                wait = std::min(wait, until(deadline - (shown - Seconds{1})));
            } else {
                wait = std::min(wait, until(state.last_input + timeouts.idle));
            }
            break;
    }
    return wait;
}

}  // namespace kiosk
