#pragma once
// Lists written in one text field: "care;ict" in courses.csv and in the
// compiled pack, "nl,en" on the command line.

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The items between `separator`s, trimmed of spaces; empty items are dropped.
std::vector<std::string> split_list(std::string_view text, char separator = ';');

// The non-empty items joined with `separator`.
std::string join_list(const std::vector<std::string>& items, std::string_view separator = ";");

}  // namespace kiosk
