#include "kiosk/app/script_player.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <system_error>

#include "kiosk/core/io/png.hpp"
#include "kiosk/ui/frame_record.hpp"

namespace kiosk::app {
namespace {

constexpr Clock::duration frame_step = std::chrono::nanoseconds(16'666'667);  // 1/60 s
constexpr Millis touch_hold{80};    // how long a finger rests on the glass in a tap
constexpr Millis after_touch{300};  // the loop's frames after a tap, as a person pauses
constexpr Millis drag_time{300};
constexpr int drag_steps = 10;
constexpr int settle_frames = 600;  // ten virtual seconds of frames at most
// Real time: a receipt on the loopback printers of tests takes well under a
// second; one still printing after this is stuck, and the script says so.
constexpr Millis printer_patience{5'000};
// Read-aloud of a whole screen at a calm pace lasts well under this.
constexpr Millis speech_patience{30'000};

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string quoted_list(const std::vector<std::string>& words, std::size_t most = 20) {
    if (words.empty())
        return "nothing";
    std::string out;
    for (std::size_t i = 0; i < words.size() && i < most; ++i)
        out += (i ? ", \"" : "\"") + words[i] + "\"";
    if (words.size() > most)
        out += ", and " + std::to_string(words.size() - most) + " more";
    return out;
}

Uint16 modifier_bits(const std::vector<std::string>& modifiers) {
    Uint16 mod = KMOD_NONE;
    for (const auto& m : modifiers) {
        if (m == "Ctrl")
            mod |= KMOD_LCTRL;
        else if (m == "Shift")
            mod |= KMOD_LSHIFT;
        else if (m == "Alt")
            mod |= KMOD_LALT;
        else if (m == "Super")
            mod |= KMOD_LGUI;
    }
    return mod;
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.pop_back();
    return text;
}

// Lets events in while `busy()` holds: the print worker's reports until the
// receipt has printed or failed, or read-aloud until it ends. Virtual time
// stands still: only those, which run on the real clock, move on. False when
// still busy after `patience`.
template <typename Busy>
bool wait_while(KioskLoop& loop, Clock::time_point now, std::chrono::milliseconds patience,
                Busy busy) {
    const auto deadline = std::chrono::steady_clock::now() + patience;
    SDL_Event event;
    while (busy()) {
        const auto left = std::chrono::ceil<Millis>(deadline - std::chrono::steady_clock::now());
        if (left <= Millis{0})
            return false;
        if (SDL_WaitEventTimeout(&event, static_cast<int>(std::min(left, Millis{50}).count())))
            loop.handle(event, now);
    }
    return true;
}

// The same words in the same places: nothing on screen moved or changed.
bool same_record(const ui::FrameRecord& a, const ui::FrameRecord& b) {
    const auto same_target = [](const ui::Target& s, const ui::Target& t) {
        return s.label == t.label && s.x0 == t.x0 && s.y0 == t.y0 && s.x1 == t.x1 && s.y1 == t.y1;
    };
    return a.texts() == b.texts() &&
           std::equal(a.targets().begin(), a.targets().end(), b.targets().begin(),
                      b.targets().end(), same_target);
}

}  // namespace

Clock::time_point script_start_time() {
    // Any fixed point: runs are reproducible whatever the machine's uptime.
    return Clock::time_point(std::chrono::hours(24));
}

ScriptPlayer::ScriptPlayer(KioskLoop& loop, const VisitFlow& flow, const ui::KioskUi& ui,
                           std::filesystem::path screenshots, std::uint32_t headphone_event)
    : loop_(loop),
      flow_(flow),
      ui_(ui),
      headphone_event_(headphone_event),
      screenshots_(std::move(screenshots)),
      now_(script_start_time()) {}

int ScriptPlayer::play(const std::vector<script::Line>& lines, const std::string& file_name) {
    settle();  // the first frame, as the kiosk shows it on start
    for (const auto& line : lines) {
        std::optional<std::string> problem;
        // `expect said` checks what the last step that did something said.
        const bool check = std::holds_alternative<script::ExpectSaid>(line.step) ||
                           std::holds_alternative<script::ExpectFocus>(line.step) ||
                           std::holds_alternative<script::ExpectText>(line.step) ||
                           std::holds_alternative<script::ExpectScreen>(line.step) ||
                           std::holds_alternative<script::ExpectCountdown>(line.step) ||
                           std::holds_alternative<script::ExpectRunning>(line.step) ||
                           std::holds_alternative<script::Screenshot>(line.step);
        if (!check)
            loop_.forget_said();
        if (loop_.quitting())
            problem = "the kiosk has ended";
        else
            problem = run(line.step);
        // Every frame drawn on the way, not only the last, had every glyph.
        if (!problem && !ui_.record().missing_glyph().empty())
            problem = ui_.record().missing_glyph();
        if (!problem && loop_.redraw_mismatch())
            problem = loop_.redraw_mismatch();
        if (problem) {
            std::cerr << file_name << ":" << line.number << ": " << trimmed(line.text) << ": "
                      << *problem << '\n';
            return 1;
        }
    }
    return 0;
}

std::optional<std::string> ScriptPlayer::run(const script::Step& step) {
    return std::visit(
        Overloaded{
            [&](const script::TapLabel& tap) -> std::optional<std::string> {
                float x = 0, y = 0;
                if (auto missing = find(tap.label, x, y))
                    return missing;
                return tap_at(x, y);
            },
            [&](const script::TapAt& tap) -> std::optional<std::string> {
                draw();
                return tap_at(tap.x, tap.y);
            },
            [&](const script::Drag& d) { return drag(d); },
            [&](const script::Hold& h) { return hold(h); },
            [&](const script::Wait& wait) -> std::optional<std::string> {
                run_for(wait.duration);
                return std::nullopt;
            },
            [&](const script::WaitForSpeech&) -> std::optional<std::string> {
                if (!wait_while(loop_, now_, speech_patience, [&] { return loop_.speaking(); }))
                    return "still reading aloud after " +
                           std::to_string(speech_patience.count() / 1000) + " s of real time";
                settle();
                return std::nullopt;
            },
            [&](const script::WaitForPrinter&) -> std::optional<std::string> {
                if (!wait_while(loop_, now_, printer_patience,
                                [&] { return flow_.print_state() == PrintState::printing; }))
                    return "the receipt was still printing after " +
                           std::to_string(printer_patience.count() / 1000) + " s of real time";
                settle();  // draw what became of it
                return std::nullopt;
            },
            [&](const script::Key& k) { return key(k); },
            [&](const script::Close&) { return close(); },
            [&](const script::Screenshot& shot) { return screenshot(shot.name); },
            [&](const script::ExpectScreen& expect) { return expect_screen(expect.screen); },
            [&](const script::ExpectText& expect) { return expect_text(expect); },
            [&](const script::ExpectCountdown& expect) { return expect_countdown(expect.present); },
            [&](const script::ExpectRunning&) -> std::optional<std::string> {
                // A kiosk that ended is caught before every step.
                return std::nullopt;
            },
            [&](const script::ExpectFocus& expect) { return expect_focus(expect.label); },
            [&](const script::ExpectSaid& expect) { return expect_said(expect.text); },
            [&](const script::Headphones& h) { return headphones(h.in); },
            [&](const script::Locate& locate) -> std::optional<std::string> {
                float x = 0, y = 0;
                if (auto missing = find(locate.label, x, y))
                    return missing;
                std::cout << std::lround(x) << ' ' << std::lround(y) << std::endl;
                return std::nullopt;
            },
        },
        step);
}

std::optional<std::string> ScriptPlayer::find(const std::string& label, float& x, float& y) {
    draw();
    const ui::Target* target = ui_.record().find_target(label);
    if (!target) {
        std::vector<std::string> labels;
        for (const auto& t : ui_.record().targets())
            labels.push_back(t.label);
        return "no target labelled \"" + label + "\" on the " +
               std::string(to_string(flow_.screen())) + " screen; there are " + quoted_list(labels);
    }
    x = target->centre_x();
    y = target->centre_y();
    return std::nullopt;
}

void ScriptPlayer::push_finger(Uint32 type, float x, float y) {
    const platform::ViewSize view = loop_.view();
    SDL_Event finger{};
    finger.type = type;
    finger.tfinger.touchId = 1;
    finger.tfinger.fingerId = 1;
    finger.tfinger.x = x / static_cast<float>(view.output_width);
    finger.tfinger.y = y / static_cast<float>(view.output_height);
    finger.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    SDL_PushEvent(&finger);

    // SDL reports every touch as a mouse event too; send it as well, so a run
    // proves the kiosk counts each touch once.
    SDL_Event mouse{};
    const int mx = static_cast<int>(std::lround(x * static_cast<float>(view.window_width) /
                                                static_cast<float>(view.output_width)));
    const int my = static_cast<int>(std::lround(y * static_cast<float>(view.window_height) /
                                                static_cast<float>(view.output_height)));
    if (type == SDL_FINGERMOTION) {
        mouse.type = SDL_MOUSEMOTION;
        mouse.motion.which = SDL_TOUCH_MOUSEID;
        mouse.motion.x = mx;
        mouse.motion.y = my;
    } else {
        mouse.type = type == SDL_FINGERDOWN ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
        mouse.button.which = SDL_TOUCH_MOUSEID;
        mouse.button.button = SDL_BUTTON_LEFT;
        mouse.button.state = type == SDL_FINGERDOWN ? SDL_PRESSED : SDL_RELEASED;
        mouse.button.clicks = 1;
        mouse.button.x = mx;
        mouse.button.y = my;
    }
    SDL_PushEvent(&mouse);
}

std::optional<std::string> ScriptPlayer::tap_at(float x, float y) {
    push_finger(SDL_FINGERDOWN, x, y);
    run_for(touch_hold);
    push_finger(SDL_FINGERUP, x, y);
    run_for(after_touch);
    settle();
    return std::nullopt;
}

std::optional<std::string> ScriptPlayer::drag(const script::Drag& d) {
    draw();
    push_finger(SDL_FINGERDOWN, d.x1, d.y1);
    run_for(touch_hold);
    for (int i = 1; i <= drag_steps; ++i) {
        const float t = static_cast<float>(i) / drag_steps;
        push_finger(SDL_FINGERMOTION, d.x1 + (d.x2 - d.x1) * t, d.y1 + (d.y2 - d.y1) * t);
        run_for(drag_time / drag_steps);
    }
    push_finger(SDL_FINGERUP, d.x2, d.y2);
    run_for(after_touch);
    settle();
    return std::nullopt;
}

std::optional<std::string> ScriptPlayer::hold(const script::Hold& h) {
    draw();
    push_finger(SDL_FINGERDOWN, h.x, h.y);
    // The loop draws on while a press is held where one counts (the kiosk
    // says so by animating), and sleeps where none does, as on the glass.
    run_for(h.duration);
    push_finger(SDL_FINGERUP, h.x, h.y);
    run_for(after_touch);
    settle();
    return std::nullopt;
}

std::optional<std::string> ScriptPlayer::key(const script::Key& k) {
    const SDL_Keycode sym = SDL_GetKeyFromName(k.key.c_str());
    if (sym == SDLK_UNKNOWN)
        return "SDL knows no key called \"" + k.key + "\"";
    SDL_Event event{};
    event.type = SDL_KEYDOWN;
    event.key.state = SDL_PRESSED;
    event.key.keysym.sym = sym;
    event.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
    event.key.keysym.mod = modifier_bits(k.modifiers);
    SDL_PushEvent(&event);
    run_for(touch_hold);
    event.type = SDL_KEYUP;
    event.key.state = SDL_RELEASED;
    SDL_PushEvent(&event);
    run_for(after_touch);
    settle();
    return std::nullopt;
}

std::optional<std::string> ScriptPlayer::headphones(bool in) {
    SDL_Event event{};
    event.type = headphone_event_;
    event.user.code = in ? 1 : 0;
    SDL_PushEvent(&event);
    run_for(after_touch);
    settle();
    return std::nullopt;
}

std::optional<std::string> ScriptPlayer::expect_focus(const std::string& label) const {
    const std::string& focused = ui_.record().focused();
    if (!focused.empty() && (focused == label || focused.find(label) != std::string::npos))
        return std::nullopt;
    if (focused.empty())
        return "nothing has the keypad's focus on the " + std::string(to_string(flow_.screen())) +
               " screen";
    return "the focus is on \"" + focused + "\"";
}

std::optional<std::string> ScriptPlayer::expect_said(const std::string& text) const {
    std::vector<std::string> said;
    for (const Utterance& u : loop_.said()) {
        if (u.text.find(text) != std::string::npos)
            return std::nullopt;
        said.push_back(u.language + ": " + u.text);
    }
    if (said.empty())
        return "the kiosk said nothing";
    return "the kiosk said " + quoted_list(said);
}

std::optional<std::string> ScriptPlayer::close() {
    // What a window manager sends when the close button or Alt+F4 is used.
    SDL_Event window{};
    window.type = SDL_WINDOWEVENT;
    window.window.event = SDL_WINDOWEVENT_CLOSE;
    SDL_PushEvent(&window);
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    SDL_PushEvent(&quit);
    run_for(after_touch);
    settle();
    return std::nullopt;
}

std::optional<std::string> ScriptPlayer::screenshot(const std::string& name) {
    if (screenshots_.empty())
        return "no --screenshots folder was given";
    std::error_code error;
    std::filesystem::create_directories(screenshots_, error);
    if (error)
        return "cannot make " + screenshots_.string() + ": " + error.message();
    platform::RgbaPixels pixels;
    draw(&pixels);
    const std::string path = (screenshots_ / (name + ".png")).string();
    if (auto written = write_png_rgba(path, pixels.width, pixels.height, pixels.rgba); !written)
        return written.error();
    return std::nullopt;
}

std::optional<std::string> ScriptPlayer::expect_screen(const std::string& screen) const {
    if (!parse_screen(screen))
        return "there is no screen called \"" + screen + "\"";
    if (to_string(flow_.screen()) == screen)
        return std::nullopt;
    return "the kiosk is on the " + std::string(to_string(flow_.screen())) + " screen";
}

std::optional<std::string> ScriptPlayer::expect_text(const script::ExpectText& expect) const {
    if (ui_.record().shows(expect.text) == expect.present)
        return std::nullopt;
    if (!expect.present)
        return "it is shown on the " + std::string(to_string(flow_.screen())) + " screen";
    return "the " + std::string(to_string(flow_.screen())) + " screen shows " +
           quoted_list(ui_.record().texts());
}

std::optional<std::string> ScriptPlayer::expect_countdown(bool present) const {
    const auto countdown = flow_.countdown();
    if (countdown.has_value() == present)
        return std::nullopt;
    if (countdown)
        return "the countdown shows " +
               std::to_string(std::chrono::ceil<Seconds>(*countdown).count()) + " s";
    return "there is no countdown on the " + std::string(to_string(flow_.screen())) + " screen";
}

void ScriptPlayer::drain_events() {
    SDL_Event event;
    while (SDL_PollEvent(&event))
        loop_.handle(event, now_);
}

void ScriptPlayer::draw(platform::RgbaPixels* capture) {
    drain_events();
    loop_.frame(now_, capture);
    now_ += frame_step;
}

void ScriptPlayer::settle() {
    // Some of the kiosk asks for frames for as long as it lasts (the locked
    // keypad counts down its seconds), so it never rests; a person would go on
    // after a moment, not after ten seconds. Such a screen is at rest once a
    // few frames in a row have shown the same words in the same places.
    constexpr int same_frames_at_rest = 3;
    ui::FrameRecord previous = ui_.record();
    int same = 0;
    for (int i = 0; i < settle_frames; ++i) {
        drain_events();
        if (loop_.wait(now_) > Millis{0})
            return;
        if (!loop_.update(now_, true)) {
            now_ += Millis{1};
            continue;
        }
        now_ += frame_step;
        same = ui_.animating() && same_record(previous, ui_.record()) ? same + 1 : 0;
        if (same >= same_frames_at_rest)
            return;
        previous = ui_.record();
    }
}

void ScriptPlayer::run_for(Millis duration) {
    const Clock::time_point deadline = now_ + duration;
    while (now_ < deadline) {
        drain_events();
        const Millis wait = loop_.wait(now_);
        const bool due = now_ + wait <= deadline;
        // Where the real loop would sleep, virtual time jumps.
        now_ = due ? now_ + wait : deadline;
        drain_events();
        if (loop_.update(now_, due))
            now_ += frame_step;
        else if (due)
            now_ += Millis{1};  // never stand still
    }
}

}  // namespace kiosk::app
