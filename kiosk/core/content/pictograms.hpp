#pragma once
// The pictogram ids a pack may give (content/README.md, "Pictograms"): the
// touch screens draw each beside its words (kiosk/ui/pictograms.cpp maps
// them to glyphs, and must know every id listed here).

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

const std::vector<std::string_view>& known_pictograms();
bool is_known_pictogram(std::string_view id);
// "bolt, book, ..." for messages.
std::string known_pictogram_list();

}  // namespace kiosk
