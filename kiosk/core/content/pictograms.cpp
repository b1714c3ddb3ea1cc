#include "kiosk/core/content/pictograms.hpp"

#include <algorithm>
#include <string>

namespace kiosk {

const std::vector<std::string_view>& known_pictograms() {
    static const std::vector<std::string_view> ids = {
        "bicycle",  "bolt",       "book",        "briefcase", "bus",    "calculator", "calendar",
        "car",      "chalkboard", "chart",       "check",     "clock",  "cogs",       "comments",
        "desktop",  "euro",       "frown",       "globe",     "hand",   "heart",      "home",
        "industry", "laptop",     "leaf",        "map-pin",   "meh",    "moon",       "paint-brush",
        "pencil",   "phone",      "question",    "school",    "search", "smile",      "star",
        "store",    "sun",        "thumbs-down", "thumbs-up", "truck",  "user",       "users",
        "utensils", "wrench"};
    return ids;
}

bool is_known_pictogram(std::string_view id) {
    const auto& ids = known_pictograms();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string known_pictogram_list() {
    std::string out;
    for (auto id : known_pictograms()) {
        if (!out.empty())
            out += ", ";
        out += id;
    }
    return out;
}

}  // namespace kiosk
