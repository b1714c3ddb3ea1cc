#include "kiosk/core/takeaway/receipt_content.hpp"

#include <cmath>
#include <cstdio>

#include "kiosk/core/content/text_direction.hpp"
#include "kiosk/core/takeaway/qr.hpp"

namespace kiosk {
namespace {

// Dates as the Netherlands writes them (28-11-2026): short, and the same on
// every receipt whatever the language.
std::string format_date(std::int32_t day) {
    const std::string iso = format_day(day);
    return iso.substr(8, 2) + "-" + iso.substr(5, 2) + "-" + iso.substr(0, 4);
}

}  // namespace

std::string start_text(const ContentPack& pack, const Course& course, std::int32_t today,
                       const std::string& lang) {
    for (const auto& date : course.start_dates) {
        if (auto day = parse_day(date); day && *day >= today) {
            return pack_text(pack, "receipt.start", lang, {{"date", format_date(*day)}});
        }
    }
    return pack_text(pack, "receipt.start_any_time", lang);
}

std::string format_euros(double amount, const std::string& language) {
    // The loader keeps prices within 0..100000; anything else is not a price.
    if (!std::isfinite(amount) || amount < 0 || amount > max_course_cost_eur)
        return "?";
    const bool dutch_style = language != "en";
    const auto cents = static_cast<long long>(std::llround(amount * 100));
    std::string whole = std::to_string(cents / 100);
    for (int at = static_cast<int>(whole.size()) - 3; at > 0; at -= 3) {
        whole.insert(static_cast<std::size_t>(at), dutch_style ? "." : ",");
    }
    if (cents % 100 == 0)
        return whole;
    char part[8];
    std::snprintf(part, sizeof part, "%c%02lld", dutch_style ? ',' : '.', cents % 100);
    return whole + part;
}

std::string cost_text(const ContentPack& pack, const Course& course, const std::string& lang) {
    return course.cost_eur == 0 ? pack_text(pack, "receipt.free", lang)
                                : pack_text(pack, "receipt.cost", lang,
                                            {{"amount", format_euros(course.cost_eur, lang)}});
}

Result<Receipt> receipt_for(const Catalogue& catalogue, const Ranking& ranking,
                            const ReceiptContext& context) {
    const ContentPack& pack = catalogue.pack();
    const std::string& lang = context.language;
    std::tm local{};
    const std::int32_t today = local_day(context.now, &local);
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", local.tm_hour, local.tm_min);

    Receipt receipt;
    receipt.direction = text_direction(pack, lang);
    receipt.kiosk_name = context.kiosk_name;
    receipt.contact = context.contact;
    receipt.date_time = format_date(today) + "  " + time;
    receipt.text = {pack_text(pack, "receipt.heading", lang),
                    pack_text(pack, "receipt.scan_hint", lang),
                    pack_text(pack, "receipt.dutch_label", lang),
                    pack_text(pack, "receipt.contact_heading", lang)};
    for (const auto& result : ranking.results) {
        auto course = catalogue.course(result.course);
        if (!course)
            return Error{course.error()};
        ReceiptCourse line;
        line.title = course->text_in(lang).title;
        if (lang != "nl" && course->text_in("nl").title != line.title) {
            line.title_nl = course->text_in("nl").title;
        }
        line.provider = course->provider;
        line.place =
            course->mode == Mode::online ? pack_text(pack, "receipt.online", lang) : course->place;
        line.start = start_text(pack, *course, today, lang);
        line.cost = cost_text(pack, *course, lang);
        receipt.courses.push_back(std::move(line));
    }
    receipt.qr_payload = results_payload(catalogue, ranking, lang, context.results_url);
    return receipt;
}

}  // namespace kiosk
