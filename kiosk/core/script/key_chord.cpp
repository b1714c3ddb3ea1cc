#include "kiosk/core/script/key_chord.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <string>

#include "kiosk/core/base/key_names.hpp"

namespace kiosk::script {
namespace {

constexpr std::array<std::string_view, 4> modifier_order = {"Ctrl", "Shift", "Alt", "Super"};
bool same_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

// Where `name` is among `names`, ignoring case; names.size() when it is not.
std::size_t find_ignoring_case(std::span<const std::string_view> names, std::string_view name) {
    const auto same = [&](std::string_view known) { return same_ignoring_case(known, name); };
    return static_cast<std::size_t>(std::find_if(names.begin(), names.end(), same) - names.begin());
}

// SDL's spelling of a key name; empty when SDL would not know it.
std::string canonical_key(std::string_view name) {
    // A modifier alone, as desktops read Super alone; SDL calls it "Left GUI".
    if (const auto m = find_ignoring_case(modifier_order, name); m < modifier_order.size())
        return "Left " + std::string(m == 3 ? "GUI" : modifier_order[m]);
    return canonical_key_name(name);
}

}  // namespace

Result<Key> parse_key_chord(std::string_view chord) {
    std::string_view rest = chord;
    std::array<bool, modifier_order.size()> held{};
    // A lone '+' after the modifiers is the plus key itself ("Ctrl++").
    for (auto plus = rest.find('+'); rest.size() > 1 && plus != std::string_view::npos;
         plus = rest.find('+')) {
        const auto modifier = rest.substr(0, plus);
        rest.remove_prefix(plus + 1);
        const auto m = find_ignoring_case(modifier_order, modifier);
        if (m == modifier_order.size())
            return Error{"'" + std::string(modifier) + "' in '" + std::string(chord) +
                         "' is not a modifier (Alt, Ctrl, Shift, Super)"};
        held[m] = true;  // "Ctrl+ctrl+Q" is still Ctrl+Q
    }
    Key key{canonical_key(rest), {}};
    if (key.key.empty()) {
        return Error{"'" + std::string(rest) +
                     "' is not a key name (a letter, digit or sign, F1-F24, a modifier, "
                     "Keypad 0-9 and its signs, " +
                     known_key_names() + ")"};
    }
    for (std::size_t m = 0; m < modifier_order.size(); ++m) {
        if (held[m])
            key.modifiers.emplace_back(modifier_order[m]);
    }
    return key;
}

}  // namespace kiosk::script
