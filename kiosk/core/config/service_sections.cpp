#include "kiosk/core/config/service_sections.hpp"

#include <cmath>

namespace kiosk {

void read_health(TomlReader& reader, const toml::table& root, HealthConfig& health) {
    const toml::table* t = reader.table(root, "health", "", false);
    if (!t)
        return;
    reader.reject_unknown_keys(*t, "health", {"textfile_dir"});
    if (auto dir = reader.string(*t, "textfile_dir", "health", false)) {
        if (!dir->empty() && !dir->starts_with("/")) {
            reader.error(t->get("textfile_dir"), "health.textfile_dir",
                         "'" + *dir +
                             "' is not an absolute folder such as "
                             "\"/var/lib/prometheus/node-exporter\"");
        } else {
            health.textfile_dir = *dir;
        }
    }
}

void read_hours(TomlReader& reader, const toml::table& root, OpeningHours& hours) {
    const toml::table* t = reader.table(root, "hours", "", false);
    if (!t)
        return;
    reader.reject_unknown_keys(
        *t, "hours",
        {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
    hours.always_open = false;
    for (std::size_t day = 0; day < weekday_keys.size(); ++day) {
        auto text = reader.string(*t, weekday_keys[day], "hours", false);
        if (!text)
            continue;
        std::string error;
        if (auto spans = parse_day_hours(*text, error))
            hours.days[day] = std::move(*spans);
        else
            reader.error(t->get(weekday_keys[day]), join_field("hours", weekday_keys[day]), error);
    }
}

namespace {

int read_whole(TomlReader& reader, const toml::table& t, std::string_view key, int low, int high,
               std::string_view unit, int fallback) {
    auto value = reader.number(t, key, "speech", false);
    if (!value)
        return fallback;
    if (*value != std::floor(*value) || *value < low || *value > high) {
        reader.error(t.get(key), join_field("speech", key),
                     "must be a whole number " + std::string(unit) + "between " +
                         std::to_string(low) + " and " + std::to_string(high));
        return fallback;
    }
    return static_cast<int>(*value);
}

}  // namespace

void read_speech(TomlReader& reader, const toml::table& root, SpeechConfig& speech) {
    const toml::table* t = reader.table(root, "speech", "", false);
    if (!t)
        return;
    reader.reject_unknown_keys(*t, "speech", {"enabled", "volume", "rate", "headphones"});
    if (auto headphones = reader.string(*t, "headphones", "speech", false)) {
        if (*headphones != "auto" && !headphones->empty() && headphones->front() != '/')
            reader.error(t->get("headphones"), "speech.headphones",
                         "'" + *headphones +
                             "' is neither \"auto\", \"\" nor the absolute path of an input "
                             "device (/dev/input/...)");
        else
            speech.headphones = *headphones;
    }
    if (auto enabled = reader.boolean(*t, "enabled", "speech"))
        speech.enabled = *enabled;
    speech.volume = read_whole(reader, *t, "volume", 0, 100, "", speech.volume);
    speech.rate = read_whole(reader, *t, "rate", speech_rate_min, speech_rate_max,
                             "of words a minute ", speech.rate);
}

}  // namespace kiosk
