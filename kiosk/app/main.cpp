// kiosk: the learning-and-work kiosk and its tools.

#include <iostream>
#include <string>

#include "kiosk/app/commands.hpp"

namespace kiosk::app {

bool reject_leftovers(const Args& args, const char* command) {
    if (args.rest().empty())
        return false;
    std::cerr << "kiosk" << (*command ? " " : "") << command << ": unexpected '"
              << args.rest().front() << "'\n";
    return true;
}

}  // namespace kiosk::app

namespace {

constexpr const char* help =
    "kiosk - the learning-and-work kiosk\n"
    "\n"
    "  kiosk --content FILE.db [--config kiosk.toml] [--windowed WxH]\n"
    "                                           the touch kiosk: fullscreen, or in a window\n"
    "  kiosk --content FILE.db --headless [--size WxH] --script FILE [--screenshots DIR]\n"
    "                                           play a script of taps and checks, no display\n"
    "  kiosk visit --content FILE.db            a visit in the terminal\n"
    "  kiosk content validate DIR               check a content pack's source files\n"
    "  kiosk content build DIR -o FILE.db       compile a content pack\n"
    "  kiosk content import ooapi FILE.json -o FILE.csv\n"
    "                                           courses from an Open Education API document\n"
    "  kiosk content po export DIR --lang LANG -o FILE.po\n"
    "  kiosk content po import DIR FILE.po      translations as gettext PO files\n"
    "  kiosk content install FILE.db [--allow-downgrade] [--config kiosk.toml] [--state DIR]\n"
    "                                           verify a signed pack (FILE.db.minisig) and\n"
    "                                           swap it in; the previous one is kept\n"
    "  kiosk content rollback [--state DIR]     back to the previous pack\n"
    "  kiosk content comment FILE.db            the trusted comment to sign a pack with\n"
    "  kiosk match --content FILE.db --answers \"question=option,...\" [--lang en] [--qr q.png]\n"
    "                                           results and reasons for a set of answers\n"
    "  kiosk print-test --content FILE.db [--config kiosk.toml] [--printer TARGET] [--png r.png]\n"
    "                                           a test receipt to the printer and/or a PNG\n"
    "  kiosk adviser-pin                        asks for a PIN twice, prints its pin_hash line\n"
    "  kiosk config check FILE [--content FILE.db]\n"
    "                                           check a configuration; every problem as\n"
    "                                           file:line: key: message\n"
    "  kiosk --version                          the kiosk's version\n"
    "  kiosk stats export --stats FILE.db --from DATE --to DATE [--raw] [--csv FILE]\n"
    "                                           anonymous usage figures, counts below 5 as <5\n"
    "                                           (--raw: exact, only for merging)\n"
    "  kiosk stats merge IN.csv... [--csv FILE] raw exports of several kiosks summed, then <5\n";

}  // namespace

int main(int argc, char** argv) {
    kiosk::app::Args args(argc, argv);
    if (args.take_flag("--help") || args.take_flag("-h")) {
        std::cout << help;
        return 0;
    }
    if (args.take_flag("--version")) {
        std::cout << "kiosk " << KIOSK_VERSION << '\n';
        return 0;
    }
    // No subcommand (nothing, or options first): the kiosk itself.
    const std::string command =
        args.rest().empty() || args.rest().front().starts_with("--") ? "" : *args.take_word();
    try {
        if (command.empty())
            return kiosk::app::kiosk_command(args);
        if (command == "visit")
            return kiosk::app::visit_command(args);
        if (command == "content")
            return kiosk::app::content_command(args);
        if (command == "match")
            return kiosk::app::match_command(args);
        if (command == "print-test")
            return kiosk::app::print_test_command(args);
        if (command == "adviser-pin")
            return kiosk::app::adviser_pin_command(args);
        if (command == "stats")
            return kiosk::app::stats_command(args);
        if (command == "config")
            return kiosk::app::config_command(args);
    } catch (const std::exception& e) {
        // The edge of the program: report what went wrong instead of aborting.
        std::cerr << "kiosk" << (command.empty() ? "" : " ") << command << ": " << e.what() << '\n';
        return 1;
    }
    std::cerr << "kiosk: unknown command '" << command << "'\n\n" << help;
    return 2;
}
