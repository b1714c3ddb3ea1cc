#pragma once
// What a visitor's receipt says, taken from the ranking: titles in the
// visitor's language (and in Dutch beside them for the adviser), where, when
// and what it costs, the QR code of the list, and the counter's contact.
// Nothing else about the visitor.

#include <ctime>
#include <string>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/takeaway/receipt.hpp"

namespace kiosk {

struct ReceiptContext {
    std::string kiosk_name;
    std::string contact;
    std::string language;
    std::time_t now = 0;      // printed as the date and time of the visit
    std::string results_url;  // the deployment's; empty: the pack's
};

Result<Receipt> receipt_for(const Catalogue& catalogue, const Ranking& ranking,
                            const ReceiptContext& context);

// "Starts 12-01-2027" (the first start from `today`) or "You can start at any time".
std::string start_text(const ContentPack& pack, const Course& course, std::int32_t today,
                       const std::string& lang);
// "Free" or "€ 1.300", in the visitor's language.
std::string cost_text(const ContentPack& pack, const Course& course, const std::string& lang);

// "1.300" in Dutch, "1,300" in English; cents only when there are any.
std::string format_euros(double amount, const std::string& language);

}  // namespace kiosk
