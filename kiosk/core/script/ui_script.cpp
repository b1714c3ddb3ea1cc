#include "kiosk/core/script/ui_script.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <span>

#include "kiosk/core/script/key_chord.hpp"
#include "kiosk/core/visit/visit_flow.hpp"

namespace kiosk::script {
namespace {

struct Token {
    std::string text;
    bool quoted = false;
};
using Args = std::span<const Token>;

// A step and how many words after its command it used; any more are an error.
struct Parsed {
    Step step;
    std::size_t used = 0;
};

// A word as the author wrote it, for error messages.
std::string shown(const Token& token) {
    return token.quoted ? "\"" + token.text + "\"" : "'" + token.text + "'";
}

// Splits a line into words and quoted texts. A '#' that begins a word starts a
// comment; inside a word it stays, so "screenshot a#b" fails instead of shrinking.
Result<std::vector<Token>> split_words(std::string_view line) {
    const auto blank = [&](std::size_t i) { return line[i] == ' ' || line[i] == '\t'; };
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (blank(i))
            continue;
        if (line[i] == '#')
            break;
        Token token{"", line[i] == '"'};
        if (!token.quoted) {
            for (; i < line.size() && !blank(i); ++i)
                token.text += line[i];
            if (token.text.find('"') != std::string::npos)
                return Error{shown(token) + " has a quote inside a word; quote the whole text"};
        } else {
            const std::size_t open = i++;
            for (; i < line.size() && line[i] != '"'; ++i) {
                if (line[i] == '\\' && i + 1 < line.size()) {
                    ++i;  // the escaped character is taken as it is
                    if (line[i] != '"' && line[i] != '\\')
                        return Error{"unknown escape '\\" + std::string(1, line[i]) +
                                     "' in quotes (only \\\" and \\\\)"};
                }
                token.text += line[i];
            }
            if (i >= line.size())
                return Error{"unterminated quote: " + std::string(line.substr(open)) +
                             " has no closing \""};
            if (i + 1 < line.size() && !blank(i + 1) && line[i + 1] != '#')
                return Error{shown(token) + " needs a space after its closing quote"};
        }
        tokens.push_back(std::move(token));
    }
    return tokens;
}

// Digits with an optional decimal part: no sign, no exponent, no "inf".
bool is_decimal(std::string_view s) {
    const auto digits = [](std::string_view d) {
        return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
    };
    const auto dot = s.find('.');
    return digits(s.substr(0, dot)) && (dot == std::string_view::npos || digits(s.substr(dot + 1)));
}

double to_number(std::string_view decimal) {
    double value = 0;
    std::from_chars(decimal.data(), decimal.data() + decimal.size(), value);
    return value;
}

Result<Parsed> parse_positions(Args args, std::size_t count, std::string_view usage) {
    std::array<float, 4> v{};
    for (std::size_t i = 0; i < count; ++i) {
        if (i >= args.size())
            return Error{"needs " + std::string(usage)};
        if (args[i].quoted || !is_decimal(args[i].text) || to_number(args[i].text) > 1e6)
            return Error{shown(args[i]) +
                         " is not a position (pixels from the top left, 0 or more)"};
        v[i] = static_cast<float>(to_number(args[i].text));
    }
    if (count == 2)
        return Parsed{TapAt{v[0], v[1]}, 2};
    return Parsed{Drag{v[0], v[1], v[2], v[3]}, 4};
}

// A step that names its target or text in quotes: tap, locate, expect text.
template <typename Labelled>
Result<Parsed> parse_labelled(Args args, std::string_view example) {
    if (args.empty() || !args[0].quoted)
        return Error{(args.empty() ? "needs" : shown(args[0]) + " needs to be") +
                     " a text in quotes, as in " + std::string(example)};
    if (args[0].text.empty())
        return Error{"the text in quotes is empty"};
    return Parsed{Labelled{args[0].text}, 1};
}

Result<Parsed> parse_tap(Args args) {
    if (!args.empty() && !args[0].quoted && args[0].text.find_first_of("0123456789+-.") == 0)
        return parse_positions(args, 2, "X Y, as in tap 960 540");
    return parse_labelled<TapLabel>(args, "tap \"Start\" (or tap X Y)");
}

// "95s", "500ms", "2m", "1.5s": more than 0 and at most `most` (`most_words` in a message).
Result<Millis> parse_duration(const Token& token, Millis most, std::string_view most_words) {
    const std::string usage = "a duration such as 95s, 500ms or 2m";
    const auto unit_at = std::min(token.text.find_first_not_of("0123456789."), token.text.size());
    const std::string number = token.text.substr(0, unit_at), unit = token.text.substr(unit_at);
    if (token.quoted || !is_decimal(number))
        return Error{shown(token) + " is not " + usage};
    if (unit != "ms" && unit != "s" && unit != "m")
        return Error{shown(token) +
                     (unit.empty() ? " needs a unit" : " has an unknown unit '" + unit + "'") +
                     " (s, ms or m)"};
    const double ms = std::round(to_number(number) * (unit == "ms" ? 1 : unit == "s" ? 1e3 : 6e4));
    if (ms < 1)
        return Error{shown(token) + " is too short: it needs to be at least 1ms"};
    if (ms > static_cast<double>(most.count()))
        return Error{shown(token) + " is longer than " + std::string(most_words)};
    return Millis{static_cast<Millis::rep>(ms)};
}

Result<Parsed> parse_wait(Args args) {
    if (args.empty())
        return Error{"needs a duration such as 95s, 500ms or 2m"};
    if (!args[0].quoted && args[0].text == "printer")
        return Parsed{WaitForPrinter{}, 1};
    if (!args[0].quoted && args[0].text == "speech")
        return Parsed{WaitForSpeech{}, 1};
    auto duration = parse_duration(args[0], std::chrono::hours(24), "24 hours");
    if (!duration)
        return Error{duration.error()};
    return Parsed{Wait{*duration}, 1};
}

// A press is a finger on the glass, drawn frame by frame: a minute is plenty
// for any long press and keeps a run from drawing for hours.
Result<Parsed> parse_hold(Args args) {
    const std::string_view usage = "X Y DURATION, as in hold 30 30 3.5s";
    auto at = parse_positions(args, 2, usage);
    if (!at)
        return Error{at.error()};
    if (args.size() < 3)
        return Error{"needs " + std::string(usage)};
    auto duration = parse_duration(args[2], std::chrono::minutes(1), "a minute");
    if (!duration)
        return Error{duration.error()};
    const auto& point = std::get<TapAt>(at->step);
    return Parsed{Hold{point.x, point.y, *duration}, 3};
}

Result<Parsed> parse_key(Args args) {
    if (args.empty() || args[0].quoted)
        return Error{"needs a key name without quotes, as in key Escape or key Alt+F4"};
    auto key = parse_key_chord(args[0].text);
    if (!key)
        return Error{key.error()};
    return Parsed{std::move(*key), 1};
}

Result<Parsed> parse_screenshot(Args args) {
    if (args.empty())
        return Error{"needs a name, as in screenshot results-nl"};
    const std::string& name = args[0].text;
    const auto safe = [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; };
    if (args[0].quoted || name.empty() || name.size() > 100 ||
        !std::all_of(name.begin(), name.end(), safe))
        return Error{shown(args[0]) + " is not a name: it becomes a file name, so up to 100 " +
                     "letters, digits, '-' and '_'"};
    return Parsed{Screenshot{name}, 1};
}

Result<Parsed> parse_expect(Args args) {
    const bool no = !args.empty() && !args[0].quoted && args[0].text == "no";
    const Args rest = args.subspan(no ? 1 : 0);
    const std::string what = rest.empty() || rest[0].quoted ? "" : rest[0].text;
    if (what == "text") {
        auto parsed = parse_labelled<ExpectText>(rest.subspan(1), "expect text \"Cursussen\"");
        if (parsed) {
            std::get<ExpectText>(parsed->step).present = !no;
            parsed->used += no ? 2 : 1;
        }
        return parsed;
    }
    if (what == "countdown")
        return Parsed{ExpectCountdown{!no}, no ? 2u : 1u};
    if ((what == "focus" || what == "said") && !no) {
        auto parsed = what == "focus"
                          ? parse_labelled<ExpectFocus>(rest.subspan(1), "expect focus \"English\"")
                          : parse_labelled<ExpectSaid>(rest.subspan(1), "expect said \"English\"");
        if (parsed)
            parsed->used += 1;
        return parsed;
    }
    if (what == "running" && !no)
        return Parsed{ExpectRunning{}, 1};
    if (what == "screen" && !no) {
        std::string names;
        for (int s = 0; s <= static_cast<int>(Screen::thanks); ++s)
            names += (s ? ", " : "") + std::string(to_string(static_cast<Screen>(s)));
        if (rest.size() < 2)
            return Error{"needs a screen after 'screen' (" + names + ")"};
        const auto screen = rest[1].quoted ? std::nullopt : parse_screen(rest[1].text);
        if (!screen)
            return Error{shown(rest[1]) + " is not a screen (" + names + ")"};
        return Parsed{ExpectScreen{std::string(to_string(*screen))}, 2};
    }
    return Error{
        (rest.empty() ? "needs what to expect" : shown(rest[0]) + " is not something to expect") +
        " (screen, text, no text, countdown, no countdown, running, focus, said)"};
}

Result<Parsed> parse_headphones(Args args) {
    if (args.empty() || args[0].quoted || (args[0].text != "in" && args[0].text != "out"))
        return Error{(args.empty() ? "needs" : shown(args[0]) + " is not") +
                     " 'in' or 'out', as in headphones in"};
    return Parsed{Headphones{args[0].text == "in"}, 1};
}

using StepParser = Result<Parsed> (*)(Args);
constexpr std::array<std::pair<std::string_view, StepParser>, 10> commands = {{
    {"tap", parse_tap},
    {"drag",
     [](Args args) { return parse_positions(args, 4, "X1 Y1 X2 Y2, as in drag 900 800 900 300"); }},
    {"hold", parse_hold},
    {"wait", parse_wait},
    {"key", parse_key},
    {"close",
     [](Args) -> Result<Parsed> {
         return Parsed{Close{}, 0};
     }},
    {"screenshot", parse_screenshot},
    {"expect", parse_expect},
    {"locate", [](Args args) { return parse_labelled<Locate>(args, "locate \"Start\""); }},
    {"headphones", parse_headphones},
}};

Result<Parsed> parse_step(const std::vector<Token>& words) {
    const Token& command = words.front();
    std::string names;
    for (const auto& [name, parse] : commands) {
        names += (names.empty() ? "" : ", ") + std::string(name);
        if (command.quoted || command.text != name)
            continue;
        auto parsed = parse(Args(words).subspan(1));
        if (!parsed)
            return Error{command.text + ": " + parsed.error()};
        if (parsed->used + 1 < words.size())
            return Error{command.text + ": unexpected " + shown(words[parsed->used + 1]) +
                         " after a complete step"};
        return parsed;
    }
    return Error{"unknown command " + shown(command) + " (known: " + names + ")"};
}

}  // namespace

Result<std::vector<Line>> parse_script(std::string_view text, const std::string& file_name) {
    if (text.starts_with("\xEF\xBB\xBF"))  // editors on Windows start UTF-8 files with a BOM
        text.remove_prefix(3);
    std::vector<Line> lines;
    std::map<std::string, int> screenshot_lines;  // a second shot of one name would overwrite
    int number = 0;
    for (std::size_t start = 0; start < text.size();) {
        ++number;
        const auto end = std::min(text.find('\n', start), text.size());
        std::string_view raw = text.substr(start, end - start);
        start = end + 1;
        if (raw.ends_with('\r'))
            raw.remove_suffix(1);
        const std::string where = file_name + ":" + std::to_string(number) + ": ";
        auto words = split_words(raw);
        if (!words)
            return Error{where + words.error()};
        if (words->empty())
            continue;
        auto parsed = parse_step(*words);
        if (!parsed)
            return Error{where + parsed.error()};
        if (const auto* shot = std::get_if<Screenshot>(&parsed->step)) {
            auto [it, fresh] = screenshot_lines.emplace(shot->name, number);
            if (!fresh)
                return Error{where + "screenshot: '" + shot->name + "' is already taken by line " +
                             std::to_string(it->second)};
        }
        lines.push_back(Line{number, std::string(raw), std::move(parsed->step)});
    }
    return lines;
}

}  // namespace kiosk::script
