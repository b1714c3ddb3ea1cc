#include "kiosk/core/config/config.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "kiosk/core/adviser/adviser_pin.hpp"
#include "kiosk/core/base/ids.hpp"
#include "kiosk/core/config/keypad_section.hpp"
#include "kiosk/core/config/service_sections.hpp"
#include "kiosk/core/content/toml_reader.hpp"

namespace kiosk {
namespace {

// WCAG 2 AA for body text: a kiosk for people who read with difficulty must
// stay readable in every deployment's colours.
constexpr double min_text_contrast = 4.5;

std::string listed(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += ", ";
        out += item;
    }
    return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<Colour> parse_colour(std::string_view text) {
    if (text.size() != 7 || text[0] != '#')
        return std::nullopt;
    std::uint8_t channels[3] = {};
    for (int i = 0; i < 3; ++i) {
        const int high = hex_digit(text[static_cast<std::size_t>(1 + 2 * i)]);
        const int low = hex_digit(text[static_cast<std::size_t>(2 + 2 * i)]);
        if (high < 0 || low < 0)
            return std::nullopt;
        channels[i] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return Colour{channels[0], channels[1], channels[2]};
}

// Shown truncated, not rounded, so that a ratio just under the minimum never
// reads as "4.50:1" in the message that rejects it.
std::string ratio_text(double ratio) {
    char out[32];
    std::snprintf(out, sizeof out, "%.2f:1", std::floor(ratio * 100) / 100);
    return out;
}

std::chrono::milliseconds read_ms(TomlReader& reader, const toml::table& t, std::string_view key,
                                  std::chrono::milliseconds fallback) {
    auto value = reader.number(t, key, "printer", false);
    if (!value)
        return fallback;
    if (*value < 50 || *value > 120000) {
        reader.error(t.get(key), join_field("printer", key),
                     "must be between 50 and 120000 milliseconds");
        return fallback;
    }
    return std::chrono::milliseconds(static_cast<long>(*value));
}

void read_printer(TomlReader& reader, const toml::table& root, PrinterConfig& printer) {
    const toml::table* t = reader.table(root, "printer", "", false);
    if (!t)
        return;
    reader.reject_unknown_keys(*t, "printer",
                               {"target", "paper_mm", "native_qr", "connect_timeout_ms",
                                "write_timeout_ms", "status_timeout_ms"});
    if (auto target = reader.string(*t, "target", "printer", false); target && !target->empty()) {
        auto parsed = parse_printer_target(*target);
        if (parsed) {
            printer.target = *parsed;
        } else {
            reader.error(t->get("target"), "printer.target", parsed.error());
        }
    }
    if (auto mm = reader.number(*t, "paper_mm", "printer", false)) {
        if (*mm == 58) {
            printer.width_dots = 384;
        } else if (*mm == 80) {
            printer.width_dots = 576;
        } else {
            reader.error(t->get("paper_mm"), "printer.paper_mm", "must be 58 or 80");
        }
    }
    printer.native_qr = reader.boolean(*t, "native_qr", "printer").value_or(false);
    printer.timeouts.connect = read_ms(reader, *t, "connect_timeout_ms", printer.timeouts.connect);
    printer.timeouts.io = read_ms(reader, *t, "write_timeout_ms", printer.timeouts.io);
    printer.status_timeout = read_ms(reader, *t, "status_timeout_ms", printer.status_timeout);
}

void read_languages(TomlReader& reader, const toml::table& kiosk, KioskConfig& config) {
    if (auto languages = reader.strings(kiosk, "languages", "kiosk", false)) {
        std::set<std::string> seen;
        for (const auto& code : *languages) {
            if (!is_language_code(code)) {
                reader.error(kiosk.get("languages"), "kiosk.languages",
                             "'" + code + "' is not a two-letter language code such as \"nl\"");
            } else if (!seen.insert(code).second) {
                reader.error(kiosk.get("languages"), "kiosk.languages",
                             "'" + code + "' is listed twice");
            } else {
                config.languages.push_back(code);
            }
        }
    }
    auto fallback = reader.string(kiosk, "default_language", "kiosk", false);
    if (!fallback || fallback->empty())
        return;
    if (!is_language_code(*fallback)) {
        reader.error(kiosk.get("default_language"), "kiosk.default_language",
                     "'" + *fallback + "' is not a two-letter language code such as \"nl\"");
        return;
    }
    if (!config.languages.empty() && !contains(config.languages, *fallback)) {
        reader.error(
            kiosk.get("default_language"), "kiosk.default_language",
            "'" + *fallback + "' is not one of kiosk.languages (" + listed(config.languages) + ")");
        return;
    }
    config.default_language = *fallback;
}

void read_kiosk(TomlReader& reader, const toml::table& root, KioskConfig& config) {
    const toml::table* kiosk = reader.table(root, "kiosk", "", true);
    if (!kiosk)
        return;
    reader.reject_unknown_keys(*kiosk, "kiosk",
                               {"name", "contact", "results_url", "languages", "default_language"});
    config.name = reader.string(*kiosk, "name", "kiosk", true).value_or("");
    config.contact = reader.string(*kiosk, "contact", "kiosk", false).value_or("");
    config.results_url = reader.string(*kiosk, "results_url", "kiosk", false).value_or("");
    if (!config.results_url.empty() && !is_http_url(config.results_url)) {
        reader.error(kiosk->get("results_url"), "kiosk.results_url",
                     "'" + config.results_url + "' is not a web address starting with https://");
    }
    read_languages(reader, *kiosk, config);
}

Seconds read_seconds(TomlReader& reader, const toml::table& t, std::string_view section,
                     std::string_view key, int low, int high, Seconds fallback) {
    auto value = reader.number(t, key, section, false);
    if (!value)
        return fallback;
    if (*value != std::floor(*value) || *value < low || *value > high) {
        reader.error(t.get(key), join_field(section, key),
                     "must be a whole number of seconds between " + std::to_string(low) + " and " +
                         std::to_string(high));
        return fallback;
    }
    return Seconds(static_cast<long>(*value));
}

void read_timeouts(TomlReader& reader, const toml::table& root, IdleTimeouts& timeouts) {
    const toml::table* t = reader.table(root, "timeouts", "", false);
    if (!t)
        return;
    reader.reject_unknown_keys(*t, "timeouts",
                               {"idle_s", "warning_s", "thanks_s", "speech_idle_s"});
    timeouts.idle = read_seconds(reader, *t, "timeouts", "idle_s", 15, 900, timeouts.idle);
    timeouts.warning = read_seconds(reader, *t, "timeouts", "warning_s", 5, 120, timeouts.warning);
    timeouts.thanks = read_seconds(reader, *t, "timeouts", "thanks_s", 3, 120, timeouts.thanks);
    timeouts.speech_idle =
        read_seconds(reader, *t, "timeouts", "speech_idle_s", 15, 1800, timeouts.speech_idle);
    if (t->get("speech_idle_s") && timeouts.speech_idle < timeouts.idle)
        reader.error(t->get("speech_idle_s"), "timeouts.speech_idle_s",
                     "must be at least idle_s (" + std::to_string(timeouts.idle.count()) +
                         "): someone who listens needs longer than someone who reads");
}

std::optional<ScreenCorner> parse_corner(std::string_view text) {
    if (text == "top-left")
        return ScreenCorner::top_left;
    if (text == "top-right")
        return ScreenCorner::top_right;
    if (text == "bottom-left")
        return ScreenCorner::bottom_left;
    if (text == "bottom-right")
        return ScreenCorner::bottom_right;
    return std::nullopt;
}

// The hash is checked here, at start-up, so that a broken line is reported
// with its place in the file instead of as a PIN that never works.
void read_pin_hash(TomlReader& reader, const toml::table& t, AdviserConfig& adviser) {
    auto hash = reader.string(t, "pin_hash", "adviser", false);
    if (!hash || hash->empty())
        return;
    const toml::node* at = t.get("pin_hash");
    switch (pin_hash_quality(*hash)) {
        case PinHashQuality::ok:
            break;
        case PinHashQuality::other_settings:
            reader.warning(at, "adviser.pin_hash",
                           "was made with other Argon2id costs than `kiosk adviser-pin` uses; "
                           "it works, but a PIN check may be too slow or too easy to guess: "
                           "make a new one with `kiosk adviser-pin`");
            break;
        case PinHashQuality::not_argon2id:
            reader.error(at, "adviser.pin_hash",
                         "is not an Argon2id hash (it must start with \"$argon2id$\"); make one "
                         "with `kiosk adviser-pin`; adviser mode stays off");
            return;
        case PinHashQuality::malformed:
            reader.error(at, "adviser.pin_hash",
                         "is not a complete Argon2id hash string (cut short or changed?); make a "
                         "new one with `kiosk adviser-pin`; adviser mode stays off");
            return;
    }
    adviser.pin_hash = *hash;
}

void read_adviser(TomlReader& reader, const toml::table& root, AdviserConfig& adviser) {
    const toml::table* t = reader.table(root, "adviser", "", false);
    if (!t)
        return;
    reader.reject_unknown_keys(*t, "adviser", {"pin_hash", "corner", "hold_s", "idle_s"});
    read_pin_hash(reader, *t, adviser);
    if (auto corner = reader.string(*t, "corner", "adviser", false)) {
        if (auto parsed = parse_corner(*corner)) {
            adviser.corner = *parsed;
        } else {
            reader.error(
                t->get("corner"), "adviser.corner",
                "'" + *corner + "' is not one of top-left, top-right, bottom-left, bottom-right");
        }
    }
    adviser.hold = read_seconds(reader, *t, "adviser", "hold_s", 2, 10, adviser.hold);
    adviser.idle = read_seconds(reader, *t, "adviser", "idle_s", 30, 900, adviser.idle);
}

// Returns false when the key was given but is not a colour.
bool read_colour(TomlReader& reader, const toml::table& t, std::string_view key, Colour& colour) {
    auto text = reader.string(t, key, "branding", false);
    if (!text)
        return t.get(key) == nullptr;
    if (auto parsed = parse_colour(*text)) {
        colour = *parsed;
        return true;
    }
    reader.error(t.get(key), join_field("branding", key),
                 "'" + *text + "' is not a colour of the form \"#rrggbb\", e.g. \"#005b96\"");
    return false;
}

void check_contrast(TomlReader& reader, const toml::table& t, std::string_view foreground_key,
                    Colour foreground, std::string_view background_key, Colour background) {
    const double ratio = contrast_ratio(foreground, background);
    if (ratio >= min_text_contrast)
        return;
    const toml::node* at = t.get(foreground_key);
    if (!at)
        at = t.get(background_key);
    reader.error(at ? at : &t, join_field("branding", foreground_key),
                 "text in this colour on branding." + std::string(background_key) +
                     " has a contrast ratio of " + ratio_text(ratio) +
                     "; at least 4.5:1 is "
                     "needed so that everyone can read it");
}

void read_branding(TomlReader& reader, const toml::table& root,
                   const std::filesystem::path& base_dir, Branding& branding) {
    const toml::table* t = reader.table(root, "branding", "", false);
    if (!t)
        return;
    reader.reject_unknown_keys(*t, "branding",
                               {"logo", "primary", "on_primary", "background", "text", "accent"});
    if (auto logo = reader.string(*t, "logo", "branding", false); logo && !logo->empty()) {
        std::filesystem::path path(*logo);
        if (path.is_relative())
            path = (base_dir / path).lexically_normal();
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            reader.error(t->get("logo"), "branding.logo", "'" + path.string() + "' does not exist");
        } else if (!std::filesystem::is_regular_file(path, ec)) {
            reader.error(t->get("logo"), "branding.logo", "'" + path.string() + "' is not a file");
        } else {
            branding.logo = path;
        }
    }
    const bool primary = read_colour(reader, *t, "primary", branding.primary);
    const bool on_primary = read_colour(reader, *t, "on_primary", branding.on_primary);
    const bool background = read_colour(reader, *t, "background", branding.background);
    const bool text = read_colour(reader, *t, "text", branding.text);
    read_colour(reader, *t, "accent", branding.accent);
    // A colour already reported as malformed would only add a confusing second error.
    if (primary && on_primary)
        check_contrast(reader, *t, "on_primary", branding.on_primary, "primary", branding.primary);
    if (background && text)
        check_contrast(reader, *t, "text", branding.text, "background", branding.background);
}

KioskConfig load_config(std::string_view text, const std::string& file_name,
                        const std::filesystem::path& base_dir, Issues& issues) {
    KioskConfig config;
    TomlReader reader(file_name, issues);
    auto root = reader.parse(text);
    if (!root)
        return config;
    reader.reject_unknown_keys(*root, "",
                               {"kiosk", "timeouts", "branding", "printer", "adviser", "health",
                                "hours", "speech", "content", "display", "keypad"});
    read_kiosk(reader, *root, config);
    read_timeouts(reader, *root, config.timeouts);
    read_branding(reader, *root, base_dir, config.branding);
    read_printer(reader, *root, config.printer);
    read_adviser(reader, *root, config.adviser);
    read_health(reader, *root, config.health);
    read_hours(reader, *root, config.hours);
    read_speech(reader, *root, config.speech);
    read_content(reader, *root, config.content);
    read_display(reader, *root, config.display);
    read_keypad(reader, *root, config.keypad);
    return config;
}

double relative_luminance(Colour c) {
    auto linear = [](std::uint8_t channel) {
        const double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

}  // namespace

double contrast_ratio(Colour a, Colour b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string kiosk_name(const KioskConfig& config, const ContentPack& pack,
                       const std::string& lang) {
    return config.name.empty() ? text_in(pack.info.name, lang) : config.name;
}

void resolve_languages(KioskConfig& config, const ContentPack& pack, const std::string& file_name,
                       Issues& issues) {
    const auto& offered = pack.info.languages;
    std::vector<std::string> kept;
    for (const auto& code : config.languages) {
        if (contains(offered, code)) {
            kept.push_back(code);
        } else {
            issues.error(file_name, 0, "kiosk.languages",
                         "'" + code + "' is not one of the content pack's languages (" +
                             listed(offered) + ")");
        }
    }
    // The kiosk keeps serving in the languages that work rather than in none.
    config.languages = kept.empty() ? offered : std::move(kept);
    if (config.default_language.empty()) {
        config.default_language = config.languages.empty() ? "" : config.languages.front();
    } else if (!contains(config.languages, config.default_language)) {
        issues.error(file_name, 0, "kiosk.default_language",
                     "'" + config.default_language + "' is not one of the languages offered (" +
                         listed(config.languages) + ")");
        config.default_language = config.languages.empty() ? "" : config.languages.front();
    }
}

KioskConfig load_config_toml(std::string_view text, const std::string& file_name, Issues& issues) {
    return load_config(text, file_name, std::filesystem::path(), issues);
}

KioskConfig load_config_file(const std::filesystem::path& path, Issues& issues) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        issues.error(path.string(), 0, "", "cannot be read");
        return {};
    }
    std::ostringstream text;
    text << in.rdbuf();
    return load_config(text.str(), path.string(), path.parent_path(), issues);
}

}  // namespace kiosk
