// The adviser's view beside a visitor: their answers and matches in Dutch,
// with the visitor's language beside them, to talk them through; reprint and
// language; the kiosk's health and today's anonymous figures. Closing it
// wipes the visit, so the next visitor finds a clean attract screen.

#include <string>

#include "kiosk/core/stats/usage_csv.hpp"
#include "kiosk/ui/course_text.hpp"
#include "kiosk/ui/pictograms.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

std::string words(const ScreenContext& ctx, const std::string& key) {
    return pack_text(ctx.pack, "adviser." + key, "nl");  // staff read Dutch
}

// "Dutch text · visitor's text" when they differ.
std::string both(const ScreenContext& ctx, const Texts& texts) {
    const std::string& nl = text_in(texts, "nl");
    const std::string& theirs = text_in(texts, ctx.lang());
    return theirs == nl ? nl : nl + "  \xc2\xb7  " + theirs;
}

std::string duration(std::int64_t seconds) {
    const std::int64_t days = seconds / 86400, hours = seconds / 3600 % 24,
                       minutes = seconds / 60 % 60;
    std::string out;
    if (days > 0)
        out += std::to_string(days) + " d ";
    return out + std::to_string(hours) + " u " + std::to_string(minutes) + " min";
}

std::string gigabytes(std::int64_t bytes) {
    if (bytes < 0)
        return "?";
    const std::int64_t tenths = bytes / (1024LL * 1024 * 1024 / 10);
    return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " GB";
}

// One of the view's three columns, filled from the top down.
struct Column {
    ScreenContext& ctx;
    float x = 0;
    float y = 0;
    float width = 0;

    void title(const std::string& text) {
        const Face& body = ctx.fonts.body;
        y += text_block(ctx, {x, y}, width, text, body.bold, body.size, ctx.colours.primary) +
             0.3f * ctx.em;
    }
    // Small text, and `after` of space below it.
    void text(const std::string& text, ImFont* font, ImU32 colour, float after = 0) {
        y += text_block(ctx, {x, y}, width, text, font, ctx.fonts.small.size, colour) + after;
    }
};

// Header: what this is, and the way out. Returns its bottom edge.
float header(ScreenContext& ctx, Area screen) {
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const Face& heading = ctx.fonts.heading;
    const float margin = metric::margin * em;
    auto& draw = *ImGui::GetWindowDrawList();
    const Area bar{screen.min, {screen.max.x, screen.min.y + metric::bar_height * em}};
    draw.AddRectFilled(bar.min, bar.max, c.primary);
    draw.AddText(heading.bold, heading.size,
                 {bar.min.x + margin, bar.min.y + (bar.height() - heading.size) / 2}, c.on_primary,
                 (std::string(icon::lock) + "  " + words(ctx, "title")).c_str());
    ctx.record.add_text(words(ctx, "title"));
    const std::string close = words(ctx, "close");
    const float cw = button_width(ctx, close);
    const float bh = metric::touch_min * em;
    if (button(ctx,
               {{bar.max.x - margin - cw, bar.min.y + (bar.height() - bh) / 2},
                {bar.max.x - margin, bar.min.y + (bar.height() + bh) / 2}},
               {.id = "adviser-close",
                .label = close,
                .icon = icon::home,
                .look = ButtonLook::secondary}))
        ctx.emit(flow::CloseAdviser{});
    return bar.max.y;
}

// 1. The visitor's answers.
void answers_column(Column col) {
    ScreenContext& ctx = col.ctx;
    const Palette& c = ctx.colours;
    const Face& small = ctx.fonts.small;
    col.title(words(ctx, "answers"));
    const auto answers = ctx.flow.visit().answers();
    if (answers.empty())
        col.text(words(ctx, "no_answers"), small.regular, c.muted);
    for (const Answer& a : answers) {
        const Question& q = ctx.pack.questionnaire.questions[static_cast<std::size_t>(a.question)];
        col.text(text_in(q.text, "nl"), small.bold, c.muted);
        col.text(both(ctx, q.options[static_cast<std::size_t>(a.option)].text), small.regular,
                 c.text, 0.35f * ctx.em);
    }
}

// 2. The matches, reprint and the visitor's language.
void matches_column(Column col) {
    ScreenContext& ctx = col.ctx;
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const Face& small = ctx.fonts.small;
    const float bh = metric::touch_min * em;
    const float x = col.x, col_w = col.width;
    col.title(words(ctx, "matches"));
    const auto& results = ctx.flow.ranking().results;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Course* course = ctx.flow.course(static_cast<int>(i));
        if (!course)
            continue;
        std::string name = std::to_string(i + 1) + ". " + course->text_in("nl").title;
        if (ctx.lang() != "nl" && course->text_in(ctx.lang()).title != course->text_in("nl").title)
            name += "  \xc2\xb7  " + course->text_in(ctx.lang()).title;
        col.text(name, small.bold, c.text);
        col.text(course->provider + ", " + place_text(ctx, *course), small.regular, c.muted,
                 0.35f * em);
    }
    col.y += 0.5f * em;
    const bool can_reprint = !results.empty() && ctx.flow.printer_present() &&
                             !ctx.flow.printer_fault() &&
                             ctx.flow.print_state() != PrintState::printing;
    if (can_reprint && button(ctx, {{x, col.y}, {x + col_w, col.y + bh}},
                              {.id = "reprint",
                               .label = words(ctx, "reprint"),
                               .icon = icon::print,
                               .look = ButtonLook::primary}))
        ctx.emit(flow::Reprint{});
    if (can_reprint)
        col.y += bh + em;
    col.title(words(ctx, "language"));
    // Two a row, so a region with many languages still fits.
    const auto& languages = ctx.flow.settings().languages;
    const float lw = (col_w - metric::gap * em) / 2;
    for (std::size_t i = 0; i < languages.size(); ++i) {
        const std::string& code = languages[i];
        const std::string id = "adviser-lang-" + code;
        const float lx = x + static_cast<float>(i % 2) * (lw + metric::gap * em);
        const float ly = col.y + static_cast<float>(i / 2) * (bh + metric::gap * em);
        if (button(ctx, {{lx, ly}, {lx + lw, ly + bh}},
                   {.id = id,
                    .label = ctx.pack.info.language_names.at(code),
                    .look = code == ctx.lang() ? ButtonLook::chosen : ButtonLook::secondary}))
            ctx.emit(flow::ChangeLanguage{code});
    }
}

// 3. Health and today's figures, and the way to close the kiosk.
void health_column(Column col, const KioskHealth& health, float bottom) {
    ScreenContext& ctx = col.ctx;
    const float em = ctx.em;
    const Palette& c = ctx.colours;
    const Face& small = ctx.fonts.small;
    col.title(words(ctx, "health"));
    auto line = [&](const std::string& key, const std::string& value) {
        col.text(words(ctx, key) + ": " + value, small.regular, c.text);
    };
    line("version", health.kiosk_version);
    line("configuration", health.configuration);
    line("pack", health.pack);
    line("courses", std::to_string(health.courses));
    line("printer", health.printer);
    if (!health.last_fault.empty())
        line("last_fault", health.last_fault);
    if (!health.speech.empty())
        line("speech", health.speech);
    line("uptime", duration(health.uptime_s));
    line("disk", gigabytes(health.free_disk_bytes));
    col.y += em;
    col.title(words(ctx, "today"));
    for (const auto& day : health.today) {
        col.text(day.metric + (day.key.empty() ? "" : " " + day.key) + ": " +
                     // As the export writes them: a count below 5 could point at one person.
                     published_count(day.count),
                 small.regular, c.text);
    }
    const float bh = metric::touch_min * em;
    const float ly = bottom - metric::margin * em - bh;
    if (button(ctx, {{col.x, ly}, {col.x + col.width, ly + bh}},
               {.id = "leave-kiosk",
                .label = words(ctx, "leave"),
                .icon = icon::warning,
                .look = ButtonLook::quiet}))
        ctx.emit(flow::LeaveKiosk{});
}

}  // namespace

void adviser_screen(ScreenContext& ctx, Area screen, const KioskHealth& health) {
    const float em = ctx.em;
    ImGui::GetWindowDrawList()->AddRectFilled(screen.min, screen.max, ctx.colours.background);
    const float margin = metric::margin * em;
    const float top = header(ctx, screen) + em;
    const float col_gap = 1.5f * em;
    const float col_w = (screen.width() - 2 * margin - 2 * col_gap) / 3;
    auto column = [&](int i) {
        return Column{ctx, screen.min.x + margin + static_cast<float>(i) * (col_w + col_gap), top,
                      col_w};
    };
    answers_column(column(0));
    matches_column(column(1));
    health_column(column(2), health, screen.max.y);
}

}  // namespace kiosk::ui
