#pragma once
// When the kiosk may take a new configuration and content pack (systemctl
// reload): only between visits, so that nobody's questions, language or
// results change under their hands. A reload asked mid-visit waits for the
// wipe and the return to the attract screen.

#include "kiosk/core/visit/visit_flow.hpp"

namespace kiosk {

// True on the attract screen with adviser mode closed: nothing of a visitor
// is in memory and nobody is at the keypad.
bool between_visits(const VisitFlow& flow);

// A reload that was asked for and has not happened yet.
class PendingReload {
  public:
    void ask() { asked_ = true; }
    bool asked() const { return asked_; }
    // True once, at the first moment it is asked and the flow is between visits.
    bool take_if_due(const VisitFlow& flow) {
        if (!asked_ || !between_visits(flow))
            return false;
        asked_ = false;
        return true;
    }

  private:
    bool asked_ = false;
};

}  // namespace kiosk
