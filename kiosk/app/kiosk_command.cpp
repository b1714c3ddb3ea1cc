// kiosk (no subcommand): the touch kiosk itself. Fullscreen and locked for
// visitors, in a window for development, or headless playing a script for
// tests and content authors. Says at once, before any window opens, when the
// content or the configuration is wrong.

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/health_file.hpp"
#include "kiosk/app/health_source.hpp"
#include "kiosk/app/kiosk_loop.hpp"
#include "kiosk/app/script_player.hpp"
#include "kiosk/app/speech_output.hpp"
#include "kiosk/app/usage_figures.hpp"
#include "kiosk/app/window_loop.hpp"
#include "kiosk/core/adviser/adviser_pin.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/io/png.hpp"
#include "kiosk/core/matching/match_index.hpp"
#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/pack/pack_install.hpp"
#include "kiosk/core/script/ui_script.hpp"
#include "kiosk/platform/headphone_jack.hpp"
#include "kiosk/platform/signals.hpp"
#include "kiosk/platform/system_info.hpp"
#include "kiosk/platform/window.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage =
    "usage: kiosk --content FILE.db [--config kiosk.toml] [--stats FILE.db] [--windowed WxH]\n"
    "             [--today YYYY-MM-DD]\n"
    "       kiosk --content FILE.db [--config kiosk.toml] [--stats FILE.db] --headless [--size "
    "WxH]\n"
    "             --script FILE [--screenshots DIR] [--speech-wav DIR] [--today YYYY-MM-DD]\n"
    "             [--check-redraw]\n";

struct KioskOptions {
    std::string content;
    // Shown when --content and the previous pack beside it cannot be opened.
    std::string bundled = "/usr/share/kiosk/content.db";
    std::optional<std::string> config;
    std::optional<std::string> stats;  // the usage figures file; none: no figures kept
    platform::WindowOptions window;
    std::optional<std::string> script;
    std::optional<std::string> screenshots;
    std::optional<std::string> speech_wav;  // headless: read-aloud into WAV files here
    std::optional<std::int32_t> today;  // fixed by --today; otherwise the local date, kept current
    bool check_redraw = false;          // headless: every frame drawn both ways must be the same
};

// Usage errors print why and the usage, and give nothing.
std::optional<KioskOptions> parse_options(Args& args) {
    KioskOptions options;
    const auto content = args.take_option("--content");
    if (auto bundled = args.take_option("--bundled-content"))
        options.bundled = *bundled;
    options.config = args.take_option("--config");
    options.stats = args.take_option("--stats");
    const auto windowed = args.take_option("--windowed");
    const bool headless = args.take_flag("--headless");
    const auto size = args.take_option("--size");
    options.script = args.take_option("--script");
    options.screenshots = args.take_option("--screenshots");
    options.speech_wav = args.take_option("--speech-wav");
    const auto today = args.take_option("--today");
    options.check_redraw = args.take_flag("--check-redraw");
    if (reject_leftovers(args, "") || !content)
        return std::nullopt;
    options.content = *content;
    auto complain = [](const std::string& why) -> std::optional<KioskOptions> {
        std::cerr << "kiosk: " << why << '\n';
        return std::nullopt;
    };
    if (windowed && headless)
        return complain("--windowed and --headless exclude each other");
    if (headless && !options.script)
        return complain("--headless needs a --script to play");
    if (!headless && (options.script || options.screenshots || options.speech_wav || size ||
                      options.check_redraw))
        return complain(
            "--script, --screenshots, --speech-wav, --size and --check-redraw go with --headless");
    if (today) {
        options.today = parse_day(*today);
        if (!options.today)
            return complain("--today: '" + *today + "' is not a date YYYY-MM-DD");
    }
    options.window.mode = headless   ? platform::WindowMode::headless
                          : windowed ? platform::WindowMode::windowed
                                     : platform::WindowMode::fullscreen;
    if (const auto& text = headless ? size : windowed) {
        const auto parsed = platform::parse_window_size(*text);
        if (!parsed)
            return complain((headless ? "--size" : "--windowed") + std::string(": '") + *text +
                            "' is not a size like 1280x720");
        options.window.width = parsed->first;
        options.window.height = parsed->second;
    }
    return options;
}

// The configuration, checked against the pack; nothing when it has errors
// (each already printed, as `kiosk content validate` prints a pack's).
std::optional<KioskConfig> load_checked_config(const std::optional<std::string>& path,
                                               const ContentPack& pack) {
    Issues issues;
    KioskConfig config;
    if (path)
        config = load_config_file(*path, issues);
    resolve_languages(config, pack, path.value_or("(no configuration)"), issues);
    for (const auto& issue : issues.all())
        std::cerr << format_issue(issue) << '\n';
    if (issues.has_errors())
        return std::nullopt;
    return config;
}

std::optional<std::vector<script::Line>> load_script(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "kiosk: cannot read the script " << path << ": " << std::strerror(errno)
                  << '\n';
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto lines = script::parse_script(text.str(), path);
    if (!lines) {
        std::cerr << lines.error() << '\n';
        return std::nullopt;
    }
    return std::move(*lines);
}

const char* mode_name(platform::WindowMode mode) {
    switch (mode) {
        case platform::WindowMode::fullscreen:
            return "fullscreen";
        case platform::WindowMode::windowed:
            return "windowed";
        case platform::WindowMode::headless:
            return "headless";
    }
    return "?";
}

FlowSettings flow_settings(const KioskConfig& config) {
    FlowSettings settings{
        config.languages, config.default_language, config.timeouts, config.results_url, {}};
    settings.timeouts.adviser = config.adviser.idle;
    if (config.adviser.enabled()) {
        // Argon2id takes a noticeable moment: one frame late, once per Enter.
        settings.check_pin = [hash = config.adviser.pin_hash](std::string_view pin) {
            return verify_pin(hash, pin);
        };
    }
    return settings;
}

// What the adviser's health view shows, gathered when asked; all the parts
// it reads (`speech`, read-aloud's state in words, too) must outlive it.
std::function<KioskHealth()> health_view(const KioskOptions& options, const KioskConfig& config,
                                         const Catalogue& catalogue, const PackChoice& choice,
                                         const ReceiptPrinter* printer, UsageStats* stats,
                                         const VisitFlow& flow, const std::string& speech) {
    return [&options, &config, &catalogue, &choice, printer, stats, &flow, &speech,
            started = Clock::now()]() {
        const ContentPack& pack = catalogue.pack();
        KioskHealth h;
        h.kiosk_version = KIOSK_VERSION;
        h.configuration = options.config ? config.name + " (" + *options.config + ")" : "none";
        h.pack = pack.info.id + " " + pack.info.version + " (" + pack.info.date + ")";
        if (choice.source != "installed")
            h.pack += "; the " + choice.source + " pack: the installed one cannot be opened";
        h.courses = catalogue.course_count();
        if (printer) {
            const PrinterStatus status = printer->last_status();
            h.printer = std::string(to_string(status.state));
            if (!status.detail.empty())
                h.printer += ", " + status.detail;
            h.last_fault = printer->last_fault().value_or("");
        } else {
            h.printer = "none configured";
        }
        h.speech = speech;
        h.uptime_s =
            std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - started).count();
        h.free_disk_bytes =
            platform::free_disk_bytes(options.stats ? *options.stats : options.content);
        if (stats) {
            if (auto today = stats->counts(flow.today(), flow.today())) {
                // Totals only, never which options or courses: with few
                // visits today they would tell what the last visitor chose.
                for (const auto& c : *today) {
                    if (c.metric == "visit_started" || c.metric == "visit_completed" ||
                        c.metric == "language" || c.metric == "receipt" ||
                        c.metric == "receipt_printed" || c.metric == "printer_fault")
                        h.today.push_back({c.metric, c.key, c.count});
                }
            }
        }
        return h;
    };
}

void show_logo(ui::KioskUi& ui, platform::ImGuiRenderer& gui, const KioskConfig& config) {
    if (config.branding.logo.empty())
        return;
    // A logo that cannot be shown costs the kiosk nothing but the logo.
    auto logo = read_png_rgba(config.branding.logo.string());
    void* texture = logo ? gui.make_texture(*logo) : nullptr;
    if (texture)
        ui.set_logo(texture, logo->width, logo->height);
    else
        std::cerr << "kiosk: branding.logo: "
                  << (logo ? "the renderer refused " + config.branding.logo.string() : logo.error())
                  << "; showing the kiosk's name alone\n";
}

// Once, at start, and never anything about a visitor.
void log_start(const KioskOptions& options, const KioskConfig& config, const Catalogue& catalogue,
               const platform::Window& window, platform::ViewSize view, const std::string& fonts,
               const std::string& speech) {
    const ContentPack& pack = catalogue.pack();
    std::cerr << "kiosk: content " << pack.info.id << " " << pack.info.version << " ("
              << catalogue.course_count() << " courses); configuration "
              << (options.config ? *options.config + " (" + config.name + ")" : std::string("none"))
              << "; " << mode_name(options.window.mode) << " " << view.output_width << "x"
              << view.output_height << ", renderer " << window.renderer_description() << ", "
              << fonts << "; speech: " << speech << std::endl;
}

// What the kiosk shows, read at start and again at each reload.
struct PackAndConfig {
    PackChoice choice;  // which file, and why not the installed one
    Catalogue catalogue;
    KioskConfig config;
};

// Nothing when the pack cannot be opened or the configuration has errors
// (each already printed).
std::optional<PackAndConfig> load_pack_and_config(const KioskOptions& options) {
    auto choice = choose_pack(options.content, options.bundled);
    if (!choice) {
        std::cerr << "kiosk: no content pack can be opened: " << choice.error() << '\n';
        return std::nullopt;
    }
    if (choice->source != "installed")
        std::cerr << "kiosk: " << choice->reason << "; showing the " << choice->source << " pack "
                  << choice->path.string() << " instead" << std::endl;
    auto catalogue = Catalogue::open(choice->path);
    if (!catalogue) {
        std::cerr << "kiosk: " << catalogue.error() << '\n';
        return std::nullopt;
    }
    auto config = load_checked_config(options.config, catalogue->pack());
    if (!config)
        return std::nullopt;
    return PackAndConfig{std::move(*choice), std::move(*catalogue), std::move(*config)};
}

struct LoopEvents {
    std::uint32_t quit = 0, reload = 0, speech = 0, headphones = 0;
};

// The headphone jack's switch, turned into the loop's headphone event; none
// on a headless run (scripts plug headphones in with `headphones in`) or
// where the configuration or the machine has no jack.
std::unique_ptr<platform::HeadphoneJack> open_headphone_jack(const SpeechConfig& config,
                                                             bool headless, std::uint32_t event) {
    if (headless || config.headphones.empty())
        return nullptr;
    std::optional<std::filesystem::path> path;
    if (config.headphones == "auto")
        path = platform::find_headphone_switch();
    else
        path = config.headphones;
    if (!path) {
        std::cerr << "kiosk: headphones: no input device reports a headphone jack; speech mode "
                     "starts with the keypad only"
                  << std::endl;
        return nullptr;
    }
    auto jack = platform::HeadphoneJack::open(*path, [event](bool in) {
        SDL_Event e{};
        e.type = event;
        e.user.code = in ? 1 : 0;
        SDL_PushEvent(&e);
    });
    if (!jack) {
        std::cerr << "kiosk: headphones: " << jack.error() << std::endl;
        return nullptr;
    }
    std::cerr << "kiosk: headphones: watching " << path->string() << std::endl;
    return std::move(*jack);
}

struct Served {
    bool reload = false;  // ended for a reload, not for good
    int status = 0;
};

// Builds the kiosk's parts on a checked pack and configuration, and runs it:
// in a window until it closes or a reload is due, or headless until the
// script ends.
Served serve(const KioskOptions& options, platform::Window& window, LoopEvents events,
             const PackAndConfig& loaded, const std::optional<std::vector<script::Line>>& script,
             platform::ServiceNotifier& notifier, std::int64_t started) {
    const Catalogue& catalogue = loaded.catalogue;
    const KioskConfig& config = loaded.config;
    platform::ImGuiRenderer gui(window.renderer());

    const ContentPack& pack = catalogue.pack();
    const Matcher matcher(pack, catalogue.index());
    const bool headless = options.window.mode == platform::WindowMode::headless;
    VisitFlow flow(catalogue, matcher, flow_settings(config),
                   headless ? script_start_time() : Clock::now());
    flow.set_today(options.today.value_or(local_day(std::time(nullptr))));
    flow.set_printer(config.printer.target.has_value(), std::nullopt);
    std::optional<ReceiptPrinter> printer;
    if (config.printer.target) {
        printer.emplace(config, catalogue);
        printer->check_status();
    }
    UsageFiguresState figures;
    std::optional<UsageStats> stats = open_usage_figures(options.stats, figures);
    ReceiptPrinter* printer_part = printer ? &*printer : nullptr;
    UsageStats* stats_part = stats ? &*stats : nullptr;
    // Read-aloud starts once the first frame is on screen: SDL's sound start
    // waits for its first scan of the devices (100 ms with ALSA) and espeak-ng
    // loads its voices, and the attract screen has no speaker button. A
    // headless run starts it at once, so that a script's first step can speak.
    SpeechOutput speech =
        headless ? open_speech(config.speech, headless, options.speech_wav, events.speech)
                 : SpeechOutput{nullptr, "starting after the first frame"};
    KioskServices services{printer_part,
                           stats_part,
                           health_view(options, config, catalogue, loaded.choice, printer_part,
                                       stats_part, flow, speech.status),
                           speech.speaker.get(),
                           events.speech,
                           config.keypad,
                           events.headphones};
    const auto jack = open_headphone_jack(config.speech, headless, events.headphones);

    ui::KioskUi ui(config, pack);
    ui.add_catalogue_letters(catalogue);
    show_logo(ui, gui, config);
    KioskLoop loop(window, gui, ui, flow, events.quit, events.reload, std::move(services));
    if (!headless) {
        loop.after_first_frame([&] {
            speech = open_speech(config.speech, headless, options.speech_wav, events.speech);
            loop.set_speaker(speech.speaker.get());
            std::cerr << "kiosk: speech: " << speech.status << std::endl;
        });
    }
    if (auto fonts = loop.build_fonts(); !fonts) {
        std::cerr << "kiosk: " << fonts.error() << '\n';
        return {false, 1};
    }
    log_start(options, config, catalogue, window, loop.view(), ui.font_atlas_summary(),
              speech.status);

    std::optional<HealthFile> health;
    if (!config.health.textfile_dir.empty() && !headless) {
        health.emplace(config.health.textfile_dir,
                       health_source({catalogue, printer_part, stats_part, flow, loop,
                                      options.stats.value_or(options.content), started, figures,
                                      [&loop] { return !loop.dark(); }, loaded.choice.source,
                                      loaded.choice.reason}));
    }
    if (headless) {
        ui.check_glyphs(true);
        if (options.check_redraw)
            loop.check_redraw();
        ScriptPlayer player(loop, flow, ui, options.screenshots.value_or(""), events.headphones);
        return {false, player.play(*script, *options.script)};
    }
    // As often as a 60 Hz screen shows frames; the software renderer has no
    // vsync and would draw at every motion event of a swipe.
    loop.pace_frames(Millis{16});
    WindowLoopOptions loop_options;
    loop_options.keep_day_current = !options.today;
    loop_options.hang_at = test_hang_from_environment(Clock::now());
    loop_options.health = health ? &*health : nullptr;
    loop_options.hours = config.hours;
    switch (run_window(window, loop, flow, notifier, loop_options)) {
        case WindowEnd::reload:
            return {true, 0};
        case WindowEnd::display_lost:
            // The visit in progress is lost with the screen; what was counted is kept.
            std::cerr << "kiosk: the display is gone (the compositor ended); stopping, for the "
                         "service to start the session again\n";
            return {false, 1};
        case WindowEnd::quit:
            break;
    }
    return {false, 0};
}

// Opens the window once and serves until the kiosk stops; a reload builds
// every part again on the configuration and pack read anew, or keeps the
// ones it had when the new ones have errors.
int run_kiosk(const KioskOptions& options, PackAndConfig first,
              const std::optional<std::vector<script::Line>>& script) {
    // The renderer is chosen once, by the configuration the kiosk starts with.
    platform::WindowOptions window_options = options.window;
    switch (first.config.display.renderer) {
        case RendererChoice::automatic:
            window_options.renderer = platform::RendererWish::automatic;
            break;
        case RendererChoice::software:
            window_options.renderer = platform::RendererWish::software;
            break;
        case RendererChoice::accelerated:
            window_options.renderer = platform::RendererWish::accelerated;
            break;
    }
    auto window = platform::Window::open(window_options);
    if (!window) {
        std::cerr << "kiosk: " << window.error() << '\n';
        return 1;
    }
    // The screen's own colour at once, while the fonts are built: nobody sees
    // a black screen, and the display takes in its first whole picture (on
    // Xvfb tens of ms) meanwhile, not when the first frame is ready.
    if (options.window.mode != platform::WindowMode::headless) {
        const Colour colour = first.config.branding.background;
        (*window)->show_colour(colour.r, colour.g, colour.b);
    }
    const std::uint32_t first_event = SDL_RegisterEvents(4);
    const LoopEvents events{first_event, first_event + 1, first_event + 2, first_event + 3};
    platform::QuitSignalThread signals(events.quit, events.reload);
    platform::ServiceNotifier notifier;  // once: READY=1 is sent once, not at each reload
    const std::int64_t started = std::time(nullptr);
    std::optional<PackAndConfig> loaded(std::move(first));
    for (;;) {
        const Served served = serve(options, **window, events, *loaded, script, notifier, started);
        if (!served.reload) {
            if (options.window.mode == platform::WindowMode::headless || served.status != 0)
                return served.status;
            const std::string signal = signals.received();
            std::cerr << "kiosk: stopping (" << (signal.empty() ? "window closed" : signal) << ")"
                      << std::endl;
            return served.status;
        }
        std::cerr << "kiosk: reloading the configuration and the content pack" << std::endl;
        if (auto fresh = load_pack_and_config(options)) {
            loaded.reset();
            loaded.emplace(std::move(*fresh));
        } else {
            std::cerr << "kiosk: reload refused (errors above); going on as before" << std::endl;
        }
    }
}

}  // namespace

int kiosk_command(Args& args) {
    // Before anything can start a thread.
    platform::block_quit_signals();
    const auto options = parse_options(args);
    if (!options) {
        std::cerr << usage;
        return 2;
    }
    auto loaded = load_pack_and_config(*options);
    if (!loaded)
        return 1;
    std::optional<std::vector<script::Line>> script;
    if (options->script) {
        script = load_script(*options->script);
        if (!script)
            return 1;
    }
    return run_kiosk(*options, std::move(*loaded), script);
}

}  // namespace kiosk::app
