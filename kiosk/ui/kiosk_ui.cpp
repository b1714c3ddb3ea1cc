#include "kiosk/ui/kiosk_ui.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "kiosk/core/content/text_direction.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/touch.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

// The configuration's own words on screen: the kiosk's name in the top bar.
std::set<char32_t> config_letters(const KioskConfig& config) {
    std::set<char32_t> letters;
    add_drawn_code_points(letters, config.name);
    return letters;
}

}  // namespace

struct KioskUi::State {
    const KioskConfig& config;
    const ContentPack& pack;
    UiFonts paths;
    std::vector<ImWchar> ranges;
    FontSet fonts;
    Palette branded;
    Palette contrast;
    ScreenMemory memory;
    FrameRecord record;
    std::uint64_t generation = 0;
    std::optional<Clock::time_point> last_frame;
    bool animating = false;
    Logo logo;
    KioskHealth health;
    FontFiles font_files;  // the atlas reads its faces from these bytes
    float dt = 0;          // seconds since the last frame, at most 0.1
    SpeechButton speech;
    bool back = false;  // the keypad's back key, for the next frame
    bool focus_settling = false;

    // Starts a frame: forgets the last visitor's screen memory when a new
    // visit began, and times the frame.
    void begin(const VisitFlow& flow, Clock::time_point now);
};

KioskUi::KioskUi(const KioskConfig& config, const ContentPack& pack, UiFonts fonts)
    : state_(std::make_unique<State>(State{config,
                                           pack,
                                           std::move(fonts),
                                           {},  // worked out when the fonts are first built
                                           {},
                                           branded_palette(config.branding),
                                           high_contrast_palette(),
                                           {},
                                           {},
                                           0,
                                           std::nullopt,
                                           false,
                                           {},
                                           {},
                                           {},
                                           0,
                                           {},
                                           false,
                                           false})) {}

KioskUi::~KioskUi() = default;

Result<bool> KioskUi::build_fonts(int width, int height) {
    // Once: going through every text of a pack takes a while.
    if (state_->ranges.empty())
        state_->ranges = glyph_ranges_for(state_->pack, config_letters(state_->config));
    auto fonts = load_fonts(
        *ImGui::GetIO().Fonts, {state_->paths.regular, state_->paths.bold, state_->paths.icons},
        em_for_display(width, height), state_->ranges, state_->font_files, large_faces_);
    if (!fonts)
        return Error{fonts.error()};
    state_->fonts = *fonts;
    return true;
}

Result<bool> KioskUi::add_large_faces(int width, int height) {
    large_faces_ = true;
    return build_fonts(width, height);
}

std::string KioskUi::font_atlas_summary() const {
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    int glyphs = 0;
    for (const ImFont* font : atlas.Fonts)
        glyphs += font->Glyphs.Size;
    return "font atlas " + std::to_string(atlas.TexWidth) + "x" + std::to_string(atlas.TexHeight) +
           " (" + std::to_string(glyphs) + " glyphs)";
}

void KioskUi::add_catalogue_letters(const Catalogue& catalogue) {
    std::set<char32_t> letters = drawn_code_points(catalogue);
    add_drawn_code_points(letters, state_->config.name);
    state_->ranges = glyph_ranges_for(state_->pack, letters);
}

void KioskUi::set_health(KioskHealth health) {
    state_->health = std::move(health);
}

void KioskUi::set_speech(bool available, bool speaking) {
    state_->speech = {available, speaking};
}

void KioskUi::set_logo(void* texture, int width, int height) {
    state_->logo = {texture, static_cast<float>(width), static_cast<float>(height)};
}

namespace {

constexpr ImGuiWindowFlags fixed_window =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus |
    ImGuiWindowFlags_NoFocusOnAppearing;

void draw_screen(ScreenContext& ctx, Area content) {
    switch (ctx.flow.screen()) {
        case Screen::attract:
            attract_screen(ctx, content);
            break;
        case Screen::language:
            language_screen(ctx, content);
            break;
        case Screen::question:
            question_screen(ctx, content);
            break;
        case Screen::results:
            results_screen(ctx, content);
            break;
        case Screen::course:
            course_screen(ctx, content);
            break;
        case Screen::takeaway:
            takeaway_screen(ctx, content);
            break;
        case Screen::thanks:
            thanks_screen(ctx, content);
            break;
    }
}

bool overlay_shown(const ScreenContext& ctx) {
    const VisitFlow& flow = ctx.flow;
    return flow.adviser() != AdviserState::closed || ctx.memory.language_menu ||
           flow.countdown().has_value();
}

// Where the keypad's focus is: a new place puts it on its first target.
std::string focus_place(const ScreenContext& ctx) {
    const VisitFlow& flow = ctx.flow;
    std::string place = std::string(to_string(flow.screen())) + "/" +
                        std::to_string(flow.visit().current_question()) + "/" +
                        std::to_string(flow.open_course());
    if (flow.adviser() != AdviserState::closed)
        place += "/adviser";
    else if (flow.countdown())
        place += "/countdown";
    else if (ctx.memory.language_menu)
        place += "/menu";
    return place;
}

// Before the frame draws: the steps the keys asked move the focus through
// the targets the last frame drew, round at the ends.
void move_focus(KeypadFocus& focus, const std::string& place) {
    focus.moved = false;
    focus.screen.clear();
    focus.top_bar.clear();
    if (focus.place != place) {
        focus.place = place;
        focus.first = true;  // the order of the last place means nothing here
        focus.move = 0;
        focus.select = false;
        return;
    }
    if (focus.move == 0 || focus.order.empty())
        return;
    const int n = static_cast<int>(focus.order.size());
    const auto at = std::find(focus.order.begin(), focus.order.end(), focus.id);
    int i = at == focus.order.end() ? (focus.move > 0 ? -1 : 0)
                                    : static_cast<int>(at - focus.order.begin());
    i = ((i + focus.move) % n + n) % n;
    focus.id = focus.order[static_cast<std::size_t>(i)];
    focus.moved = true;
    focus.move = 0;
}

// After the frame: its targets in focus order (the screen's, then the top
// bar's), and the focus on the first where it has none on this screen.
// True when the focus changed and the next frame must show it.
bool settle_focus(KeypadFocus& focus) {
    focus.order = focus.screen;
    focus.order.insert(focus.order.end(), focus.top_bar.begin(), focus.top_bar.end());
    focus.select = false;  // a select with nothing focused presses nothing
    if (!focus.active || focus.order.empty())
        return false;
    const bool lost =
        std::find(focus.order.begin(), focus.order.end(), focus.id) == focus.order.end();
    if (!focus.first && !lost)
        return false;
    focus.first = false;
    focus.id = focus.order.front();
    focus.moved = true;
    return true;
}

// Overlays in a window of their own above the screen, so the screen's
// buttons under them cannot be pressed.
void draw_overlay(ScreenContext& ctx, Area screen, const KioskHealth& health) {
    const VisitFlow& flow = ctx.flow;
    const bool adviser = flow.adviser() != AdviserState::closed;
    if (!overlay_shown(ctx))
        return;
    ImGui::SetNextWindowPos(screen.min);
    ImGui::SetNextWindowSize(screen.max);
    ImGui::SetNextWindowFocus();
    ImGui::Begin(
        "overlay", nullptr,
        (fixed_window & ~ImGuiWindowFlags_NoBringToFrontOnFocus) | ImGuiWindowFlags_NoBackground);
    // Staff read Dutch, left to right, whatever the visitor's language.
    ScreenContext staff = ctx;
    staff.direction = TextDirection::left_to_right;
    if (flow.adviser() == AdviserState::keypad)
        keypad_overlay(staff, screen);
    else if (adviser)
        adviser_screen(staff, screen, health);
    else if (flow.countdown())
        still_there_overlay(ctx, screen);
    else
        language_menu(ctx, screen);
    ImGui::End();
}

}  // namespace

void KioskUi::State::begin(const VisitFlow& flow, Clock::time_point now) {
    record.clear();
    if (flow.generation() != generation) {
        // A new visitor: nothing of the last one stays, not even a scroll
        // position; the focus shows on, for a visitor who listens to the
        // thank-you screen (speech mode outlives Done until that screen ends).
        memory = ScreenMemory{};
        memory.focus.active = memory.focus.first = flow.speech_mode();
        generation = flow.generation();
    }
    if (flow.screen() == Screen::attract || flow.countdown())
        memory.language_menu = false;
    dt = last_frame
             ? std::clamp(std::chrono::duration<float>(now - *last_frame).count(), 0.0f, 0.1f)
             : 0;
    last_frame = now;
}

std::vector<FlowIntent> KioskUi::frame(const VisitFlow& flow, Clock::time_point now) {
    State& s = *state_;
    std::vector<FlowIntent> intents;
    s.begin(flow, now);

    const Palette& colours = flow.high_contrast() ? s.contrast : s.branded;
    const FontScale& fonts = s.fonts.scale(flow.large_text());
    ScreenContext ctx{flow,     s.pack,
                      s.config, colours,
                      fonts,    fonts.body.size,
                      s.record, intents,
                      s.memory, now,
                      s.dt,     s.logo,
                      s.speech, text_direction(s.pack, flow.language())};
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const Area screen{{0, 0}, display};

    ImGui::PushFont(fonts.body.regular);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colours.background);
    cancel_press_on_swipe(0.35f * ctx.em);

    move_focus(s.memory.focus, focus_place(ctx));
    const bool overlay = overlay_shown(ctx);
    s.memory.focus.blocked = overlay;
    s.memory.list_in_view = {};

    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(display);
    ImGui::Begin("kiosk", nullptr, fixed_window);
    const Area bar{{0, 0}, {display.x, metric::bar_height * ctx.em}};
    const Area content{{0, bar.max.y}, display};
    // The language screen is itself the language choice: no second one above it.
    top_bar(ctx, bar, flow.screen() != Screen::attract && flow.screen() != Screen::language);
    draw_screen(ctx, content);
    if (s.back) {
        s.back = false;
        ctx.emit(flow::Back{});
    }
    const Screen shown = flow.screen();
    if (ctx.speech.available && shown != Screen::attract && shown != Screen::thanks)
        speaker_button(ctx, bottom_bar(ctx, content));
    s.memory.corner_held = false;
    adviser_corner(ctx, screen, s.config.adviser.corner, s.config.adviser.hold);
    ImGui::End();

    s.memory.focus.blocked = false;
    draw_overlay(ctx, screen, s.health);
    const bool focus_changed = settle_focus(s.memory.focus);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
    ImGui::PopFont();

    s.memory.last_screen = flow.screen();
    const bool scrolling =
        s.memory.options.moving() || s.memory.results.moving() || s.memory.course.moving();
    s.animating = scrolling || s.memory.corner_held || focus_changed || press_pending();
    s.focus_settling = focus_changed;
    return intents;
}

void KioskUi::press(KeypadAction action) {
    KeypadFocus& focus = state_->memory.focus;
    const bool shown = focus.active;
    focus.active = true;
    switch (action) {
        case KeypadAction::up:
        case KeypadAction::down:
        case KeypadAction::select:
            if (!shown) {
                focus.first = true;  // the first key shows where the focus is, and does no more
                return;
            }
            if (action == KeypadAction::select)
                focus.select = true;
            else
                focus.move += action == KeypadAction::up ? -1 : 1;
            break;
        case KeypadAction::back:
            if (state_->memory.language_menu) {
                state_->memory.language_menu = false;
                return;
            }
            state_->back = true;
            break;
        case KeypadAction::repeat:
        case KeypadAction::louder:
        case KeypadAction::softer:
            if (!shown)
                focus.first = true;
            break;
    }
}

bool KioskUi::focus_settling() const {
    return state_->focus_settling;
}

const ListInView& KioskUi::list_in_view() const {
    return state_->memory.list_in_view;
}

bool KioskUi::animating() const {
    return state_->animating;
}

void KioskUi::check_glyphs(bool on) {
    state_->record.check_glyphs(on);
}

const FrameRecord& KioskUi::record() const {
    return state_->record;
}

}  // namespace kiosk::ui
