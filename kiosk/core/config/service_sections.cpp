#include "kiosk/core/config/service_sections.hpp"

#include <cmath>

#include "kiosk/core/pack/minisign.hpp"

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

namespace {

// http:// only to the machine itself (a test server, or a tunnel's end).
bool is_local_http(std::string_view url) {
    for (std::string_view prefix :
         {"http://127.0.0.1:", "http://127.0.0.1/", "http://localhost:", "http://localhost/"}) {
        if (url.starts_with(prefix))
            return true;
    }
    return false;
}

}  // namespace

void read_content(TomlReader& reader, const toml::table& root, ContentConfig& content) {
    const toml::table* t = reader.table(root, "content", "", false);
    if (!t)
        return;
    reader.reject_unknown_keys(*t, "content", {"public_keys", "region", "fetch_url"});
    if (auto keys = reader.strings(*t, "public_keys", "content", false)) {
        const toml::array* nodes = t->get("public_keys")->as_array();
        for (std::size_t i = 0; i < keys->size(); ++i) {
            auto key = parse_minisign_key((*keys)[i]);
            if (!key) {
                const toml::node* at = nodes && i < nodes->size() ? nodes->get(i) : nullptr;
                reader.error(at, "content.public_keys", key.error());
            } else {
                content.public_keys.push_back((*keys)[i]);
            }
        }
    }
    if (auto region = reader.string(*t, "region", "content", false))
        content.region = *region;
    if (auto url = reader.string(*t, "fetch_url", "content", false)) {
        if (!url->empty() && !((url->starts_with("https://") && is_http_url(*url)) ||
                               (is_local_http(*url) && is_http_url(*url)))) {
            reader.error(t->get("fetch_url"), "content.fetch_url",
                         "'" + *url +
                             "' is not an https:// address such as "
                             "\"https://packs.example.nl/limburg/pack.db\"");
        } else {
            content.fetch_url = *url;
        }
    }
}

void read_display(TomlReader& reader, const toml::table& root, DisplayConfig& display) {
    const toml::table* t = reader.table(root, "display", "", false);
    if (!t)
        return;
    reader.reject_unknown_keys(*t, "display", {"renderer"});
    auto renderer = reader.string(*t, "renderer", "display", false);
    if (!renderer)
        return;
    if (*renderer == "auto")
        display.renderer = RendererChoice::automatic;
    else if (*renderer == "software")
        display.renderer = RendererChoice::software;
    else if (*renderer == "accelerated")
        display.renderer = RendererChoice::accelerated;
    else
        reader.error(t->get("renderer"), "display.renderer",
                     "'" + *renderer + "' is not one of auto, software, accelerated");
}

}  // namespace kiosk
