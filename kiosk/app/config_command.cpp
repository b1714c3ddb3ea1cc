// kiosk config check: the configuration a kiosk would start with, checked
// without starting it, so an administrator (and the service, before it
// starts cage) hears every problem as `file:line: key: message`.

#include <iostream>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/pack/pack_install.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage = "usage: kiosk config check FILE [--content FILE.db]\n";

int check(Args& args) {
    const auto content = args.take_option("--content");
    const auto file = args.take_word();
    if (!file || reject_leftovers(args, "config check")) {
        std::cerr << usage;
        return 2;
    }
    Issues issues;
    KioskConfig config = load_config_file(*file, issues);
    // The languages can only be checked against the pack the kiosk will show.
    if (content) {
        // The pack the kiosk would show: the installed one, or the one it falls back to.
        auto choice = choose_pack(*content, "/usr/share/kiosk/content.db");
        if (!choice) {
            std::cerr << "kiosk config check: " << choice.error() << '\n';
            return 1;
        }
        if (choice->source != "installed")
            std::cerr << "kiosk config check: warning: " << choice->reason
                      << "; checked against the " << choice->source << " pack "
                      << choice->path.string() << ", which the kiosk shows instead\n";
        auto catalogue = Catalogue::open(choice->path);
        if (!catalogue) {
            std::cerr << "kiosk config check: " << catalogue.error() << '\n';
            return 1;
        }
        resolve_languages(config, catalogue->pack(), *file, issues);
    }
    for (const auto& issue : issues.all())
        std::cerr << format_issue(issue) << '\n';
    if (issues.has_errors()) {
        std::cerr << *file << ": " << issues.error_count()
                  << (issues.error_count() == 1 ? " error" : " errors") << '\n';
        return 1;
    }
    std::cout << *file << ": valid" << (content ? " for " + *content : std::string()) << '\n';
    if (config.speech.enabled)
        std::cout << "speech: on, volume " << config.speech.volume << ", rate "
                  << config.speech.rate << " words a minute\n";
    else
        std::cout << "speech: off\n";
    return 0;
}

}  // namespace

int config_command(Args& args) {
    const auto action = args.take_word();
    if (action == "check")
        return check(args);
    std::cerr << usage;
    return 2;
}

}  // namespace kiosk::app
