// kiosk content install FILE.db | kiosk content rollback: signed packs into
// the state folder the kiosk runs from (kiosk/core/pack/pack_install.hpp).

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/pack/pack_install.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage =
    "usage: kiosk content install FILE.db [--signature FILE.db.minisig] [--allow-downgrade]\n"
    "                             [--config /etc/kiosk/kiosk.toml] [--state /var/lib/kiosk]\n"
    "       kiosk content rollback [--config /etc/kiosk/kiosk.toml] [--state /var/lib/kiosk]\n"
    "       kiosk content fetch-url [--config /etc/kiosk/kiosk.toml]\n";

constexpr const char* default_config = "/etc/kiosk/kiosk.toml";
constexpr const char* default_state = "/var/lib/kiosk";

// A running kiosk re-reads its pack between visits on `systemctl reload`
// (deploy/systemd/kiosk.service); without systemd or a running kiosk there
// is nobody to tell, and it opens the new pack when it starts.
void ask_kiosk_to_reload() {
    std::error_code ec;
    if (!std::filesystem::exists("/run/systemd/system", ec)) {
        std::cout << "no systemd here: a kiosk running from this folder shows the pack after a "
                     "SIGHUP or restart\n";
        return;
    }
    if (std::system("systemctl --quiet is-active kiosk.service") != 0) {
        std::cout << "kiosk.service is not running; it shows the pack when it starts\n";
        return;
    }
    if (std::system("systemctl --no-block reload kiosk.service") == 0)
        std::cout << "kiosk.service asked to reload; it does so once no visit is in progress\n";
    else
        std::cerr << "kiosk content: systemctl reload kiosk.service failed; the kiosk shows the "
                     "pack after its next restart\n";
}

// The configuration's [content] section; nullopt (issues printed) on errors.
std::optional<ContentConfig> load_content_config(const std::string& path) {
    Issues issues;
    KioskConfig config = load_config_file(path, issues);
    for (const auto& issue : issues.all())
        std::cerr << format_issue(issue) << '\n';
    if (issues.has_errors()) {
        std::cerr << "kiosk content: " << path << " has errors; nothing was done\n";
        return std::nullopt;
    }
    return config.content;
}

int install(Args& args) {
    const auto signature = args.take_option("--signature");
    const bool allow_downgrade = args.take_flag("--allow-downgrade");
    const std::string config_path = args.take_option("--config").value_or(default_config);
    const std::string state = args.take_option("--state").value_or(default_state);
    const auto pack = args.take_word();
    if (!pack || reject_leftovers(args, "content install")) {
        std::cerr << usage;
        return 2;
    }
    const auto content = load_content_config(config_path);
    if (!content)
        return 1;
    InstallRequest request;
    request.pack = *pack;
    request.signature = signature.value_or("");
    request.state = state;
    request.region = content->region;
    request.allow_downgrade = allow_downgrade;
    for (const auto& text : content->public_keys) {
        if (auto key = parse_minisign_key(text))
            request.keys.push_back(*key);
    }
    if (request.keys.empty()) {
        std::cerr << "kiosk content install: wrong key: " << config_path
                  << " has no [content] public_keys, so no pack can be trusted\n";
        return 1;
    }
    const InstallOutcome outcome = install_pack(request);
    if (!outcome.ok()) {
        std::cerr << "kiosk content install: " << outcome.message
                  << "; the kiosk keeps its current pack\n";
        return 1;
    }
    std::cout << outcome.message << '\n';
    if (outcome.changed)
        ask_kiosk_to_reload();
    return 0;
}

int rollback(Args& args) {
    // The configuration is not needed to go back, but a wrong path is still a mistake.
    const std::string config_path = args.take_option("--config").value_or(default_config);
    const std::string state = args.take_option("--state").value_or(default_state);
    if (reject_leftovers(args, "content rollback")) {
        std::cerr << usage;
        return 2;
    }
    std::error_code ec;
    if (!std::filesystem::exists(config_path, ec)) {
        std::cerr << "kiosk content rollback: " << config_path << ": cannot be read\n";
        return 1;
    }
    const InstallOutcome outcome = roll_back_pack(state);
    if (!outcome.ok()) {
        std::cerr << "kiosk content rollback: " << outcome.message << '\n';
        return 1;
    }
    std::cout << outcome.message << '\n';
    ask_kiosk_to_reload();
    return 0;
}

// For the fetch timer's script: the checked configuration's fetch_url, or
// exit 1 (nothing to fetch) when it has none.
int fetch_url(Args& args) {
    const std::string config_path = args.take_option("--config").value_or(default_config);
    if (reject_leftovers(args, "content fetch-url")) {
        std::cerr << usage;
        return 2;
    }
    const auto content = load_content_config(config_path);
    if (!content)
        return 1;
    if (content->fetch_url.empty()) {
        std::cerr << "kiosk content fetch-url: " << config_path
                  << " has no [content] fetch_url; nothing to fetch\n";
        return 1;
    }
    std::cout << content->fetch_url << '\n';
    return 0;
}

}  // namespace

int pack_install_command(const std::string& verb, Args& args) {
    if (verb == "fetch-url")
        return fetch_url(args);
    return verb == "install" ? install(args) : rollback(args);
}

}  // namespace kiosk::app
