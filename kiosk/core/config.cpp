#include "kiosk/core/config.hpp"

#include <fstream>
#include <sstream>

#include "kiosk/core/toml_reader.hpp"

namespace kiosk {
namespace {

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

}  // namespace

KioskConfig load_config_toml(std::string_view text, const std::string& file_name, Issues& issues) {
    KioskConfig config;
    TomlReader reader(file_name, issues);
    auto root = reader.parse(text);
    if (!root)
        return config;
    reader.reject_unknown_keys(*root, "", {"kiosk", "printer"});
    if (const toml::table* kiosk = reader.table(*root, "kiosk", "", true)) {
        reader.reject_unknown_keys(*kiosk, "kiosk", {"name", "contact", "results_url"});
        config.name = reader.string(*kiosk, "name", "kiosk", true).value_or("");
        config.contact = reader.string(*kiosk, "contact", "kiosk", false).value_or("");
        config.results_url = reader.string(*kiosk, "results_url", "kiosk", false).value_or("");
        if (!config.results_url.empty() && !is_http_url(config.results_url)) {
            reader.error(
                kiosk->get("results_url"), "kiosk.results_url",
                "'" + config.results_url + "' is not a web address starting with https://");
        }
    }
    read_printer(reader, *root, config.printer);
    return config;
}

KioskConfig load_config_file(const std::filesystem::path& path, Issues& issues) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        issues.error(path.string(), 0, "", "cannot be read");
        return {};
    }
    std::ostringstream text;
    text << in.rdbuf();
    return load_config_toml(text.str(), path.string(), issues);
}

}  // namespace kiosk
