#pragma once
// Results as plain text, for `kiosk match` and the terminal visit.

#include <iosfwd>
#include <string>
#include <vector>

#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/takeaway/qr.hpp"

namespace kiosk::app {

void print_ranking(std::ostream& out, const Catalogue& catalogue, const Ranking& ranking,
                   const std::string& lang, std::int32_t today);

// A QR code drawn with Unicode half blocks, two modules per character row.
void print_qr(std::ostream& out, const QrCode& code);

// Today as days since 1970-01-01 (local calendar), or the ISO date given.
std::optional<std::int32_t> today_or(const std::optional<std::string>& iso_date);

}  // namespace kiosk::app
