#pragma once
// The shapes of a provider's phone number and e-mail address in courses.csv.
// The page behind the QR code turns them into tel: and mailto: links, so a
// malformed one would be a link that calls or mails nobody.

#include <string_view>

namespace kiosk {

// Digits with optional spaces, '-', '(' ')' and one leading '+': 6 to 15
// digits (ITU E.164 allows 15), e.g. "045 000 0000" or "+31 45 000 0000".
bool is_phone_number(std::string_view text);
// local@domain.tld without spaces, quotes or angle brackets; one '@'; a dot in
// the domain, neither at its start nor its end.
bool is_email_address(std::string_view text);

}  // namespace kiosk
