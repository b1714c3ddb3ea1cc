#include "kiosk/app/text_report.hpp"

#include <ctime>
#include <iomanip>
#include <ostream>

#include "kiosk/core/takeaway/course_words.hpp"
#include "kiosk/core/takeaway/receipt_content.hpp"

namespace kiosk::app {

std::optional<std::int32_t> today_or(const std::optional<std::string>& iso_date) {
    if (iso_date)
        return parse_day(*iso_date);
    return local_day(std::time(nullptr));
}

void print_ranking(std::ostream& out, const Catalogue& catalogue, const Ranking& ranking,
                   const std::string& lang, std::int32_t today) {
    const ContentPack& pack = catalogue.pack();
    out << text_in(pack.info.name, lang) << " - pack " << pack.info.id << ' ' << pack.info.version
        << (pack.info.sample_data ? " (sample data)" : "") << '\n';
    out << ranking.results.size() << " results; " << ranking.candidates << " of "
        << catalogue.course_count() << " courses fit\n";
    for (auto kind : ranking.relaxed) {
        Reason r;
        r.kind = Reason::Kind::relaxed;
        r.constraint = kind;
        out << "relaxed " << to_string(kind) << ": " << reason_text(pack, r, lang) << '\n';
    }
    int n = 0;
    for (const auto& result : ranking.results) {
        auto course = catalogue.course(result.course);
        if (!course) {
            out << ++n << ". " << course.error() << '\n';
            continue;
        }
        const Course& c = *course;
        out << '\n' << ++n << ". " << c.text_in(lang).title << "  [" << c.id << "]\n";
        out << "   " << c.provider << " | "
            << (c.mode == Mode::online ? std::string("online") : c.place) << " | "
            << schedule_to_string(c.schedule) << " | " << c.hours_per_week << " h/week, "
            << c.duration_weeks << " weeks | " << cost_text(pack, c, lang) << " | "
            << start_text(pack, c, today, lang) << '\n';
        if (!result.also.empty()) {
            out << "   also in:";
            for (std::size_t i = 0; i < result.also.size(); ++i) {
                auto other = catalogue.course(result.also[i]);
                out << (i == 0 ? " " : ", ") << (other ? other->place : "?") << " ["
                    << catalogue.course_id(result.also[i]) << ']';
            }
            out << '\n';
        }
        if (const std::string paid = paid_text({pack, lang, today}, result); !paid.empty())
            out << "   paid: " << paid << '\n';
        if (const std::string flags = flags_text({pack, lang, today}, result, c, ranking.wished);
            !flags.empty())
            out << "   note: " << flags << '\n';
        out << "   score " << std::fixed << std::setprecision(2) << result.score
            << std::defaultfloat << '\n';
        for (const auto& reason : result.reasons) {
            out << "   - " << reason_text(pack, reason, lang) << '\n';
        }
    }
}

void print_qr(std::ostream& out, const QrCode& code) {
    const int quiet = 2;
    auto dark = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < code.size && y < code.size && code.dark(x, y);
    };
    // Light modules are drawn as full blocks so the code reads on a dark terminal.
    for (int y = -quiet; y < code.size + quiet; y += 2) {
        for (int x = -quiet; x < code.size + quiet; ++x) {
            const bool top = !dark(x, y), bottom = !dark(x, y + 1);
            out << (top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ");
        }
        out << '\n';
    }
}

}  // namespace kiosk::app
