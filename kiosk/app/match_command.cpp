// kiosk match: what a set of answers gives, for content authors.

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <tuple>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/text_report.hpp"
#include "kiosk/core/io/png.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/takeaway/qr.hpp"
#include "kiosk/core/visit/replay.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage =
    "usage: kiosk match --content FILE.db --answers \"question=option,...\"\n"
    "                   [--lang nl] [--qr out.png] [--today YYYY-MM-DD] [--near LAT,LON]\n"
    "                   [--explain]\n";

// "50.85,5.69": both numbers whole, finite and on the globe.
std::optional<std::pair<double, double>> parse_lat_lon(std::string_view text) {
    const auto comma = text.find(',');
    if (comma == std::string_view::npos)
        return std::nullopt;
    auto number = [](std::string_view part) -> std::optional<double> {
        double value = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (ec != std::errc{} || end != part.data() + part.size() || part.empty() ||
            !std::isfinite(value))
            return std::nullopt;
        return value;
    };
    const auto lat = number(text.substr(0, comma));
    const auto lon = number(text.substr(comma + 1));
    if (!lat || !lon || std::abs(*lat) > 90 || std::abs(*lon) > 180)
        return std::nullopt;
    return std::pair{*lat, *lon};
}

std::string format_score(double score) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", score);
    return text;
}

// Each course's score broken down by answer, for authors tuning the weights.
void print_score_parts(std::ostream& out, const Catalogue& catalogue, const Matcher& matcher,
                       const std::vector<Answer>& answers, const Ranking& ranking) {
    const ContentPack& pack = catalogue.pack();
    out << "\nScores by answer:\n";
    for (std::size_t i = 0; i < ranking.results.size(); ++i) {
        const MatchResult& result = ranking.results[i];
        out << i + 1 << ". "
            << catalogue.index().course_ids[static_cast<std::size_t>(result.course)] << "  score "
            << format_score(result.score)
            << (result.outside_focus ? "  (outside the interest or goal chosen)" : "") << '\n';
        for (const Reason& part : matcher.score_parts(answers, result)) {
            out << "   " << (part.weight >= 0 ? "+" : "") << format_score(part.weight) << "  ";
            if (part.kind == Reason::Kind::agenda) {
                out << "the region's agenda: " << part.sector << '\n';
                continue;
            }
            const Question& q =
                pack.questionnaire.questions[static_cast<std::size_t>(part.question)];
            out << q.id << '=' << q.options[static_cast<std::size_t>(part.option)].id << '\n';
        }
    }
}

}  // namespace

int match_command(Args& args) {
    const auto content = args.take_option("--content");
    const auto answer_text = args.take_option("--answers").value_or("");
    const auto qr_path = args.take_option("--qr");
    const auto near = args.take_option("--near");
    const auto today = today_or(args.take_option("--today"));
    const bool explain = args.take_flag("--explain");
    auto lang = args.take_option("--lang");
    if (!content || reject_leftovers(args, "match")) {
        std::cerr << usage;
        return 2;
    }
    if (!today) {
        std::cerr << "kiosk match: --today must be a date like 2026-11-28\n";
        return 2;
    }
    auto catalogue = Catalogue::open(*content);
    if (!catalogue) {
        std::cerr << "kiosk match: " << catalogue.error() << '\n';
        return 1;
    }
    const ContentPack& pack = catalogue->pack();
    if (!lang)
        lang = pack.info.languages.front();
    Visit visit(pack.questionnaire, pack.info.languages, pack.info.languages.front());
    if (!visit.apply(intent::ChangeLanguage{*lang})) {
        std::cerr << "kiosk match: the pack has no language '" << *lang << "'\n";
        return 2;
    }
    auto specs = parse_answer_list(answer_text);
    if (!specs) {
        std::cerr << "kiosk match: --answers: " << specs.error() << '\n';
        return 2;
    }
    auto notes = replay(visit, pack.questionnaire, *specs);
    if (!notes) {
        std::cerr << "kiosk match: --answers: " << notes.error() << '\n';
        return 2;
    }
    if (specs->empty())
        std::cerr << "note: no answers given: every question counts as skipped\n";
    for (const auto& note : *notes)
        std::cerr << "note: " << note << '\n';

    MatchContext context{*today, pack.info.location.lat, pack.info.location.lon};
    if (near) {
        auto origin = parse_lat_lon(*near);
        if (!origin) {
            std::cerr << "kiosk match: --near must be LAT,LON such as 50.85,5.69\n";
            return 2;
        }
        std::tie(context.origin_lat, context.origin_lon) = *origin;
    }
    const Matcher matcher(pack, catalogue->index());
    const Ranking ranking = matcher.rank(visit.answers(), context);
    print_ranking(std::cout, *catalogue, ranking, visit.language(), *today);
    if (explain)
        print_score_parts(std::cout, *catalogue, matcher, visit.answers(), ranking);

    const auto payload = results_payload(*catalogue, ranking, visit.language());
    std::cout << "\nQR payload: " << payload << '\n';
    if (qr_path) {
        auto code = encode_qr(payload);
        if (!code) {
            std::cerr << "kiosk match: " << code.error() << '\n';
            return 1;
        }
        if (auto written = write_png(*qr_path, render_qr(*code, 8)); !written) {
            std::cerr << "kiosk match: " << written.error() << '\n';
            return 1;
        }
        std::cout << "QR code: version " << code->version << ", " << code->size << "x" << code->size
                  << " modules, written to " << *qr_path << '\n';
    }
    return ranking.results.empty() ? 1 : 0;
}

}  // namespace kiosk::app
