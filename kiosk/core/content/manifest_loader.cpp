#include "kiosk/core/content/manifest_loader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "kiosk/core/base/ids.hpp"
#include "kiosk/core/content/pictograms.hpp"
#include "kiosk/core/content/toml_reader.hpp"

namespace kiosk {
namespace {

std::vector<Term> read_terms(TomlReader& reader, const toml::table& root, std::string_view kind,
                             const std::vector<std::string>& languages) {
    std::vector<Term> terms;
    const toml::table* all = reader.table(root, kind, "", false);
    if (!all)
        return terms;
    for (auto&& [key, node] : *all) {
        const auto field = join_field(kind, key.str());
        Term term;
        term.id = std::string(key.str());
        if (!is_plain_id(term.id)) {
            reader.error(&node, field, "id must be lower-case letters, digits, '_' or '-'");
        }
        const toml::table* t = node.as_table();
        if (!t) {
            reader.error(&node, field, "must be a table with text.nl = \"...\"");
            continue;
        }
        const bool funding = kind == "funding";
        if (funding)
            reader.reject_unknown_keys(*t, field, {"text", "pictogram", "free_for", "paid"});
        else
            reader.reject_unknown_keys(*t, field, {"text", "pictogram"});
        term.text = reader.texts(*t, "text", field, languages, true);
        if (funding && t->contains("free_for")) {
            term.free_for =
                reader.strings(*t, "free_for", field, false).value_or(std::vector<std::string>{});
            term.paid = reader.texts(*t, "paid", field, languages, true);
        }
        if (auto p = reader.string(*t, "pictogram", field, false)) {
            if (!is_pictogram_id(*p)) {
                reader.error(t->get("pictogram"), join_field(field, "pictogram"),
                             "'" + *p + "' is not a pictogram id (a-z, 0-9, '-')");
            } else if (!is_known_pictogram(*p)) {
                reader.error(t->get("pictogram"), join_field(field, "pictogram"),
                             "'" + *p + "' is not a pictogram the kiosk can draw (" +
                                 known_pictogram_list() + ")");
            }
            term.pictogram = *p;
        }
        terms.push_back(std::move(term));
    }
    return terms;
}

void read_info(TomlReader& reader, const toml::table& root, PackInfo& info) {
    const toml::table* pack = reader.table(root, "pack", "", true);
    if (!pack)
        return;
    reader.reject_unknown_keys(*pack, "pack",
                               {"id", "name", "region", "version", "date", "sample_data",
                                "level_required", "languages", "results_url", "location"});
    if (auto langs = reader.strings(*pack, "languages", "pack", true)) {
        std::set<std::string> seen;
        for (const auto& code : *langs) {
            if (!is_language_code(code)) {
                reader.error(pack->get("languages"), "pack.languages",
                             "'" + code + "' is not a two-letter language code");
            } else if (!seen.insert(code).second) {
                reader.error(pack->get("languages"), "pack.languages",
                             "'" + code + "' is listed twice");
            }
        }
        if (langs->empty() || langs->front() != "nl") {
            reader.error(pack->get("languages"), "pack.languages",
                         "must start with \"nl\": every text exists in Dutch");
        }
        info.languages = *langs;
    }
    if (info.languages.empty())
        info.languages = {"nl"};
    info.id = reader.string(*pack, "id", "pack", true).value_or("");
    if (!info.id.empty() && !is_plain_id(info.id)) {
        reader.error(pack->get("id"), "pack.id", "must be lower-case letters, digits, '_' or '-'");
    }
    info.name = reader.texts(*pack, "name", "pack", info.languages, true);
    info.region = reader.string(*pack, "region", "pack", true).value_or("");
    info.version = reader.string(*pack, "version", "pack", true).value_or("");
    info.sample_data = reader.boolean(*pack, "sample_data", "pack").value_or(false);
    info.level_required = reader.boolean(*pack, "level_required", "pack").value_or(false);
    if (const toml::node* date = pack->get("date"); !date) {
        reader.error(pack, "pack.date", "missing (write it as date = 2026-11-28)");
    } else if (const auto* d = date->as_date()) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d->get().year % 10000,
                      d->get().month % 100, d->get().day % 100);
        info.date = buffer;
    } else {
        reader.error(date, "pack.date", "must be a date without quotes, e.g. 2026-11-28");
    }
    if (auto url = reader.string(*pack, "results_url", "pack", true)) {
        if (!is_http_url(*url)) {
            reader.error(pack->get("results_url"), "pack.results_url",
                         "'" + *url + "' is not a web address starting with https://");
        }
        info.results_url = *url;
    }
    if (const toml::table* loc = reader.table(*pack, "location", "pack", true)) {
        reader.reject_unknown_keys(*loc, "pack.location", {"place", "lat", "lon"});
        info.location.place = reader.string(*loc, "place", "pack.location", true).value_or("");
        info.location.lat = reader.number(*loc, "lat", "pack.location", true).value_or(0);
        info.location.lon = reader.number(*loc, "lon", "pack.location", true).value_or(0);
        if (std::abs(info.location.lat) > 90 || std::abs(info.location.lon) > 180) {
            reader.error(loc, "pack.location", "lat must be within ±90 and lon within ±180");
        }
    }
    const toml::table* names = reader.table(root, "language", "", true);
    for (const auto& code : info.languages) {
        const toml::table* lang = names ? reader.table(*names, code, "language", true) : nullptr;
        if (!lang)
            continue;
        const auto field = join_field("language", code);
        reader.reject_unknown_keys(*lang, field, {"name", "direction"});
        if (auto name = reader.string(*lang, "name", field, true)) {
            info.language_names[code] = *name;
        }
        info.language_directions[code] =
            is_right_to_left(code) ? TextDirection::right_to_left : TextDirection::left_to_right;
        if (auto direction = reader.string(*lang, "direction", field, false)) {
            if (auto parsed = parse_text_direction(*direction)) {
                info.language_directions[code] = *parsed;
            } else {
                reader.error(lang->get("direction"), join_field(field, "direction"),
                             "'" + *direction + "' is not \"ltr\" (left to right) or \"rtl\"");
            }
        }
    }
}

void read_agenda(TomlReader& reader, const toml::table& root, ContentPack& pack) {
    const toml::table* agenda = reader.table(root, "agenda", "", false);
    if (!agenda)
        return;
    for (auto&& [key, node] : *agenda) {
        const auto field = join_field("agenda", key.str());
        const toml::table* t = node.as_table();
        if (!t) {
            reader.error(&node, field, "must be a table with weight and reason");
            continue;
        }
        reader.reject_unknown_keys(*t, field, {"weight", "reason"});
        AgendaSector sector;
        sector.sector = std::string(key.str());
        const bool known = std::any_of(pack.sectors.begin(), pack.sectors.end(),
                                       [&](const Term& s) { return s.id == sector.sector; });
        if (!known) {
            reader.error(&node, field, "'" + sector.sector + "' is not a sector of this pack");
        }
        sector.weight = reader.number(*t, "weight", field, true).value_or(0);
        sector.reason = reader.texts(*t, "reason", field, pack.info.languages, true);
        pack.agenda.push_back(std::move(sector));
    }
}

void read_matching(TomlReader& reader, const toml::table& root, ContentPack& pack) {
    MatchingSettings& m = pack.matching;
    const toml::table* t = reader.table(root, "matching", "", true);
    if (!t)
        return;
    reader.reject_unknown_keys(*t, "matching",
                               {"results", "min_results", "max_per_provider", "start_within_days",
                                "relax", "fits_reason", "focus", "outside_reason", "broad_reason"});
    m.fits_text = reader.texts(*t, "fits_reason", "matching", pack.info.languages, true);
    m.focus = reader.strings(*t, "focus", "matching", false).value_or(std::vector<std::string>{});
    m.outside_text =
        reader.texts(*t, "outside_reason", "matching", pack.info.languages, !m.focus.empty());
    m.broad_text = reader.texts(*t, "broad_reason", "matching", pack.info.languages, false);
    auto whole = [&](std::string_view key, int fallback, int low, int high) {
        auto v = reader.number(*t, key, "matching", false);
        if (!v)
            return fallback;
        if (*v < low || *v > high || *v != std::floor(*v)) {
            reader.error(t->get(key), join_field("matching", key),
                         "must be a whole number from " + std::to_string(low) + " to " +
                             std::to_string(high));
            return fallback;
        }
        return static_cast<int>(*v);
    };
    m.results = whole("results", 5, 1, 10);
    m.min_results = whole("min_results", 3, 1, 10);
    m.max_per_provider = whole("max_per_provider", 2, 1, 10);
    m.start_within_days = whole("start_within_days", 180, 1, 3650);
    if (m.min_results > m.results) {
        reader.error(t, "matching.min_results", "is more than matching.results");
    }
    const toml::table* texts = reader.table(root, "relax", "", false);
    for (const auto& name :
         reader.strings(*t, "relax", "matching", false).value_or(std::vector<std::string>{})) {
        auto kind = parse_constraint_kind(name);
        if (!kind) {
            reader.error(t->get("relax"), "matching.relax", "'" + name + "' is not a constraint");
            continue;
        }
        if (!is_relaxable(*kind)) {
            reader.error(t->get("relax"), "matching.relax",
                         "'" + name +
                             "' cannot be relaxed: it keeps visitors from courses they "
                             "cannot follow");
            continue;
        }
        if (std::find(m.relax.begin(), m.relax.end(), *kind) != m.relax.end()) {
            reader.error(t->get("relax"), "matching.relax", "'" + name + "' is listed twice");
            continue;
        }
        m.relax.push_back(*kind);
        const toml::table* text = texts ? reader.table(*texts, name, "relax", true) : nullptr;
        if (!texts)
            reader.error(&root, join_field("relax", name), "missing");
        if (text) {
            reader.reject_unknown_keys(*text, join_field("relax", name), {"text", "flag"});
            m.relax_text[*kind] =
                reader.texts(*text, "text", join_field("relax", name), pack.info.languages, true);
            if (text->contains("flag")) {
                m.relax_flag[*kind] = reader.texts(*text, "flag", join_field("relax", name),
                                                   pack.info.languages, true);
            }
        }
    }
}

}  // namespace

bool load_pack_toml(std::string_view text, const std::string& file_name, ContentPack& pack,
                    Issues& issues) {
    TomlReader reader(file_name, issues);
    auto root = reader.parse(text);
    if (!root)
        return false;
    reader.reject_unknown_keys(
        *root, "",
        {"pack", "language", "sector", "target", "funding", "agenda", "matching", "relax"});
    read_info(reader, *root, pack.info);
    pack.sectors = read_terms(reader, *root, "sector", pack.info.languages);
    pack.targets = read_terms(reader, *root, "target", pack.info.languages);
    pack.funding = read_terms(reader, *root, "funding", pack.info.languages);
    if (pack.sectors.empty()) {
        reader.error(&*root, "sector", "the pack needs at least one [sector.ID]");
    }
    read_agenda(reader, *root, pack);
    read_matching(reader, *root, pack);
    return true;
}

}  // namespace kiosk
