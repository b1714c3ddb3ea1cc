#pragma once
// The configuration's sections about running as a service: [health] (the
// fleet's health file), [hours] (opening hours), [speech] and [display].
// Read by load_config.

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/content/toml_reader.hpp"

namespace kiosk {

void read_health(TomlReader& reader, const toml::table& root, HealthConfig& health);
// One key per weekday; a day left out is closed; no section: always open.
void read_hours(TomlReader& reader, const toml::table& root, OpeningHours& hours);
// [speech]: enabled, volume (0-100), rate (words a minute, espeak-ng's range).
void read_speech(TomlReader& reader, const toml::table& root, SpeechConfig& speech);
// [display]: renderer = "auto", "software" or "accelerated".
void read_display(TomlReader& reader, const toml::table& root, DisplayConfig& display);

// [content]: public_keys (each a minisign public key), region, fetch_url
// (https://, or http:// on the machine itself: 127.0.0.1 or localhost).
void read_content(TomlReader& reader, const toml::table& root, ContentConfig& content);

}  // namespace kiosk
