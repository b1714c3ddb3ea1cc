#include "kiosk/core/visit/reload_policy.hpp"

namespace kiosk {

bool between_visits(const VisitFlow& flow) {
    return flow.screen() == Screen::attract && flow.adviser() == AdviserState::closed;
}

}  // namespace kiosk
