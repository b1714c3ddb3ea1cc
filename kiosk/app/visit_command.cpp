// A visit in the terminal: the whole visitor's path (language, questions,
// results, QR code) on a text screen, until the touch screens exist, and for
// people who check a pack over ssh.

#include <iostream>
#include <string>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/text_report.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/takeaway/qr.hpp"
#include "kiosk/core/visit/visit.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage = "usage: kiosk visit --content FILE.db [--today YYYY-MM-DD]\n";

void show_question(const Question& q, const Visit& visit, const ContentPack& pack) {
    const auto& lang = visit.language();
    const Progress p = visit.progress();
    std::cout << "\n[" << p.step << "/" << p.total << "] " << text_in(q.text, lang) << '\n';
    if (q.choose_up_to > 1)
        std::cout << "    "
                  << pack_text(pack, "screen.choose_up_to", lang,
                               {{"count", std::to_string(q.choose_up_to)}})
                  << '\n';
    if (!q.help.empty())
        std::cout << "    " << text_in(q.help, lang) << '\n';
    const int qi = visit.current_question();
    for (std::size_t i = 0; i < q.options.size(); ++i) {
        const bool ticked = visit.is_chosen(qi, static_cast<int>(i));
        std::cout << (ticked ? "  [x] " : "  ") << i + 1 << ") " << text_in(q.options[i].text, lang)
                  << '\n';
    }
    std::cout << (q.choose_up_to > 1 ? "  n) next   " : "  ") << "s) skip   b) back   ";
    for (const auto& code : pack.info.languages)
        std::cout << code << ' ';
    std::cout << "(language)\n> " << std::flush;
}

}  // namespace

int visit_command(Args& args) {
    const auto content = args.take_option("--content");
    const auto today = today_or(args.take_option("--today"));
    if (!content || !today || reject_leftovers(args, "visit")) {
        std::cerr << usage;
        return 2;
    }
    auto catalogue = Catalogue::open(*content);
    if (!catalogue) {
        std::cerr << "kiosk: " << catalogue.error() << '\n';
        return 1;
    }
    const ContentPack& pack = catalogue->pack();
    Visit visit(pack.questionnaire, pack.info.languages, pack.info.languages.front());

    std::cout << text_in(pack.info.name, visit.language()) << "\n";
    for (const auto& code : pack.info.languages) {
        std::cout << "  " << code << ") " << pack.info.language_names.at(code) << '\n';
    }
    std::cout << "> " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line))
        return 0;
    visit.apply(intent::ChangeLanguage{line});

    while (!visit.finished()) {
        const Question& q =
            pack.questionnaire.questions[static_cast<std::size_t>(visit.current_question())];
        show_question(q, visit, pack);
        if (!std::getline(std::cin, line))
            return 0;
        if (line == "s") {
            visit.apply(intent::Skip{});
        } else if (line == "n") {
            if (!visit.apply(intent::Next{}))
                std::cout << "?\n";
        } else if (line == "b") {
            visit.apply(intent::Back{});
        } else if (visit.apply(intent::ChangeLanguage{line})) {
            continue;
        } else {
            int choice = 0;
            try {
                choice = std::stoi(line);
            } catch (const std::exception&) {
            }
            if (!visit.apply(intent::Choose{choice - 1}))
                std::cout << "?\n";
        }
    }

    const Matcher matcher(pack, catalogue->index());
    const Ranking ranking =
        matcher.rank(visit.answers(), {*today, pack.info.location.lat, pack.info.location.lon});
    std::cout << '\n';
    print_ranking(std::cout, *catalogue, ranking, visit.language(), *today);
    const auto payload = results_payload(*catalogue, ranking, visit.language());
    if (auto code = encode_qr(payload)) {
        std::cout << '\n';
        print_qr(std::cout, *code);
        std::cout << payload << '\n';
    }
    return 0;
}

}  // namespace kiosk::app
