#pragma once
// The per-kiosk configuration file (TOML): who this kiosk is and which printer
// it has. Every problem is reported with file, line and key, like content.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/printing/printer_config.hpp"
#include "kiosk/core/service/opening_hours.hpp"
#include "kiosk/core/visit/idle_policy.hpp"
#include "kiosk/core/visit/keypad.hpp"

namespace kiosk {

// An sRGB colour, written "#005b96" in the file.
struct Colour {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Colour&) const = default;
};

// The WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on
// white); body text needs at least 4.5. The order of the colours does not matter.
double contrast_ratio(Colour a, Colour b);

// The deployment's look. The defaults are a calm public-service blue on white
// that passes WCAG AA for body text; high contrast replaces them on screen.
struct Branding {
    std::filesystem::path logo;           // PNG; empty: the kiosk's name only
    Colour primary{0x00, 0x5b, 0x96};     // buttons, progress, headings
    Colour on_primary{0xff, 0xff, 0xff};  // text on primary
    Colour background{0xf7, 0xf5, 0xf0};  // the screen behind everything
    Colour text{0x1a, 0x1a, 0x1a};        // body text on the background
    Colour accent{0xf2, 0xa9, 0x00};      // highlights: the chosen option, the attract pulse
};

// Where the adviser's hidden long press is.
enum class ScreenCorner { top_left, top_right, bottom_left, bottom_right };

struct AdviserConfig {
    // Argon2id, the line `kiosk adviser-pin` prints; empty: adviser mode is off.
    std::string pin_hash;
    // Top left by default: the only corner without a button on any screen (the
    // kiosk's name is there; top right holds the language and contrast
    // toggles, the bottom corners "back" and "next", which hesitant visitors
    // press long, and the bottom edge is where hands and bags rest).
    ScreenCorner corner = ScreenCorner::top_left;
    Seconds hold{3};    // how long the press lasts before the keypad opens
    Seconds idle{120};  // no touch for this long: adviser mode leaves by itself

    bool enabled() const { return !pin_hash.empty(); }
};

// Health for the fleet: a Prometheus text file node exporter reads.
struct HealthConfig {
    // Where kiosk.prom is written every minute; empty: no health file.
    std::filesystem::path textfile_dir = "/var/lib/prometheus/node-exporter";
};

// Read-aloud with espeak-ng: on by default; a kiosk without a sound device
// hides the speaker button whatever this says.
struct SpeechConfig {
    bool enabled = true;
    int volume = 80;  // 0 to 100
    // Words a minute; espeak-ng speaks 80 to 450, and visitors who read with
    // difficulty or are new to the language follow a calm pace best.
    int rate = 150;
    // The headphone jack's switch: "auto" finds the input device that has
    // one, a path names it (/dev/input/by-path/...-event), "" watches none.
    std::string headphones = "auto";
};
inline constexpr int speech_rate_min = 80;
inline constexpr int speech_rate_max = 450;

// [content]: which signed packs `kiosk content install` accepts, and where
// the fetch timer gets them (deploy/systemd/kiosk-pack-fetch.service).
struct ContentConfig {
    std::vector<std::string> public_keys;  // line 2 of minisign .pub files, "RWQ..."
    std::string region;                    // must equal a pack's region (ignoring case)
    std::string fetch_url;                 // https://; the signature is at fetch_url + ".minisig"
};

// How the screen is drawn. "auto": the software renderer straight into the
// window when the only OpenGL is Mesa's software rasteriser (llvmpipe,
// softpipe), which costs more CPU and maps about 60 MiB of LLVM for nothing;
// a GPU's accelerated renderer otherwise.
enum class RendererChoice { automatic, software, accelerated };

struct DisplayConfig {
    RendererChoice renderer = RendererChoice::automatic;
};

struct KioskConfig {
    std::string name;         // shown and printed, e.g. "Leerwerkloket Heerlen"
    std::string contact;      // printed under the QR code; may hold line breaks
    std::string results_url;  // overrides the pack's results_url when set
    // Offered on the language screen in this order; empty: all of the pack's.
    std::vector<std::string> languages;
    std::string default_language;  // empty: the first of `languages` (or of the pack's)
    IdleTimeouts timeouts;
    Branding branding;
    PrinterConfig printer;
    AdviserConfig adviser;
    HealthConfig health;
    OpeningHours hours;  // no [hours]: always open
    SpeechConfig speech;
    ContentConfig content;
    DisplayConfig display;
    KeypadConfig keypad;
};

// The kiosk's name as the visitor reads it on paper: the configured one, or
// the pack's own name in `lang` when the kiosk runs without a configuration.
std::string kiosk_name(const KioskConfig& config, const ContentPack& pack, const std::string& lang);

// The languages to offer and the default, checked against the pack: a
// language the pack does not have is an error naming the configuration key.
// Fills `config.languages` and `config.default_language` when they were empty.
void resolve_languages(KioskConfig& config, const ContentPack& pack, const std::string& file_name,
                       Issues& issues);

// A relative branding.logo is taken as it stands here (from the working
// directory) and, by load_config_file, from the configuration file's folder.
KioskConfig load_config_toml(std::string_view text, const std::string& file_name, Issues& issues);
KioskConfig load_config_file(const std::filesystem::path& path, Issues& issues);

}  // namespace kiosk
