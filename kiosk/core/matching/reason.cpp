#include "kiosk/core/matching/reason.hpp"

namespace kiosk {

std::string reason_text(const ContentPack& pack, const Reason& reason, const std::string& lang) {
    switch (reason.kind) {
        case Reason::Kind::answer:
            return text_in(
                pack.questionnaire.questions.at(static_cast<std::size_t>(reason.question))
                    .options.at(static_cast<std::size_t>(reason.option))
                    .reason,
                lang);
        case Reason::Kind::agenda:
            for (const auto& s : pack.agenda) {
                if (s.sector == reason.sector)
                    return text_in(s.reason, lang);
            }
            return {};
        case Reason::Kind::relaxed:
            if (auto it = pack.matching.relax_text.find(reason.constraint);
                it != pack.matching.relax_text.end()) {
                return text_in(it->second, lang);
            }
            return {};
        case Reason::Kind::fits:
            return text_in(pack.matching.fits_text, lang);
    }
    return {};
}

}  // namespace kiosk
