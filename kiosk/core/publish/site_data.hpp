#pragma once
// The catalogue as the page behind the QR code reads it: one script per
// language, because a phone opening the page from file:// cannot fetch() a
// JSON file (Chromium blocks it), but may load a <script src>.

#include <string>
#include <vector>

#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/course.hpp"

namespace kiosk {

// `window.KIOSK_SITE = {...};` with everything the page shows in `language`:
// the pack's name and languages, the page's words, the sectors and kinds of
// funding, and every course (sorted by id) with its title, Dutch title when
// `language` is not Dutch, description, what to bring, provider, place,
// address, coordinates, schedule, hours, weeks, cost, funding, start dates and
// how to enrol. Texts missing in `language` fall back to Dutch. The same
// input gives the same bytes: keys sorted, no dates of making.
std::string site_data_script(const ContentPack& pack, const std::vector<Course>& courses,
                             const std::string& language);

}  // namespace kiosk
