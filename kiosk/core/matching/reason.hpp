#pragma once
// Why a course is on a visitor's list: each result carries its reasons, and
// the pack says them in plain words, language by language.

#include <cstdint>
#include <string>

#include "kiosk/core/content/content.hpp"

namespace kiosk {

struct Reason {
    enum class Kind : std::uint8_t {
        answer,   // an answer added to the score (question, option)
        agenda,   // the region needs people in this sector (sector)
        relaxed,  // the course misses a constraint the matcher relaxed (constraint)
        fits,     // nothing stood out: it meets every choice
    };
    Kind kind = Kind::fits;
    int question = -1;
    int option = -1;
    std::string sector;
    ConstraintKind constraint = ConstraintKind::start;
    double weight = 0;  // what it added to the score

    bool operator==(const Reason&) const = default;
};

// The text of a reason in `lang` (falls back to Dutch).
std::string reason_text(const ContentPack& pack, const Reason& reason, const std::string& lang);

}  // namespace kiosk
