#pragma once
// One turn of the kiosk's main loop, shared by the real window and by headless
// scripted runs, so a script drives exactly what a visitor's touch drives:
// events pass the lockdown rules and the input adapter, the flow ticks, and a
// frame is drawn only when something changed. The caller owns the clock (real
// or virtual) and the waiting.

#include <SDL.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/core/base/result.hpp"
#include "kiosk/core/service/log_limiter.hpp"
#include "kiosk/core/speech/read_aloud.hpp"
#include "kiosk/core/speech/speech_mode.hpp"
#include "kiosk/core/visit/idle_policy.hpp"
#include "kiosk/core/visit/reload_policy.hpp"
#include "kiosk/core/visit/visit_flow.hpp"
#include "kiosk/platform/imgui_renderer.hpp"
#include "kiosk/platform/input.hpp"
#include "kiosk/platform/lockdown.hpp"
#include "kiosk/platform/window.hpp"
#include "kiosk/ui/kiosk_ui.hpp"

namespace kiosk::app {

class KioskLoop {
  public:
    // Keeps references; all must outlive the loop. `quit_event` and
    // `reload_event`: the SDL user events that the signal thread sends.
    KioskLoop(platform::Window& window, platform::ImGuiRenderer& gui, ui::KioskUi& ui,
              VisitFlow& flow, std::uint32_t quit_event, std::uint32_t reload_event,
              KioskServices services);

    // Fills the font atlas for the drawable size; again when it changes.
    Result<bool> build_fonts();

    // How long the loop may wait for the next event; zero when a frame is due.
    Millis wait(Clock::time_point now) const;
    void handle(const SDL_Event& event, Clock::time_point now);
    // Draw a frame at the next update, as after an expose.
    void redraw() { dirty_ = true; }
    // After the events: lets the flow's clocks run and draws when anything
    // changed, input came, something moves, or `waited_out` (a frame was due).
    // Returns whether it drew.
    bool update(Clock::time_point now, bool waited_out);
    // One frame now: draws it (with `capture`, also reads its pixels back),
    // then applies the visitor's intents and runs the effects they ask for.
    void frame(Clock::time_point now, platform::RgbaPixels* capture = nullptr);

    bool quitting() const { return quitting_; }
    // Read-aloud is playing.
    bool speaking() const { return services_.speaker && services_.speaker->speaking(); }
    // Opening hours: closed, the screen goes dark once no visit is in
    // progress (a visitor is never cut off) and nothing is drawn and no
    // touch counts until it opens again.
    void set_open(bool open);
    bool dark() const { return dark_; }
    // At least one frame is on screen.
    bool drawn() const { return drawn_; }
    // For the health file: frames since the loop began, when the last was
    // drawn, and when the last visit was counted.
    std::uint64_t frames_drawn() const { return frames_drawn_; }
    Clock::time_point last_frame() const { return last_frame_; }
    std::optional<Clock::time_point> last_visit() const { return last_visit_; }
    // A reload was asked and no visit is in progress: the caller ends this
    // loop and builds the kiosk again on the configuration and pack read anew.
    bool reloading() const { return reloading_; }
    platform::ViewSize view() const { return view_; }
    // At most one frame per `gap`, however fast input comes: a software
    // renderer has no vsync to hold it back.
    void pace_frames(Millis gap) { frame_gap_ = gap; }
    // Checks every frame: drawn where it changed (on a software renderer),
    // then once more in full, it must be the same, bit for bit. Doubles the
    // cost of a frame; for tests.
    void check_redraw() { check_redraw_ = true; }
    // The first frame that differed, and where; nothing while all were equal.
    const std::optional<std::string>& redraw_mismatch() const { return redraw_mismatch_; }
    // Runs `work` once, as soon as the first frame is on screen: what the
    // first screen does not need waits until then.
    void after_first_frame(std::function<void()> work) { after_first_frame_ = std::move(work); }
    // Read-aloud, once it has started (null: none).
    void set_speaker(platform::Speaker* speaker) {
        services_.speaker = speaker;
        dirty_ = true;
    }
    // What speech mode and the keypad said since forget_said(), for scripts.
    const std::vector<Utterance>& said() const { return said_; }
    void forget_said() { said_.clear(); }

  private:
    void resize();
    // The larger-text faces, rasterised when a visitor first asks for them.
    void load_large_faces();
    // Only draws, and returns what the visitor asked for.
    std::vector<FlowIntent> draw(Clock::time_point now, platform::RgbaPixels* capture);
    void compare_with_full_redraw(const std::vector<SDL_Rect>& drawn);
    Millis until_frame_allowed(Clock::time_point now) const;
    // The adviser's health view, fresh every few seconds while it is open.
    void refresh_health(Clock::time_point now);
    // The one place where the visit's effects reach the printer, the usage
    // figures and the loop itself.
    void run_effects(const Effects& effects);
    void go_dark();
    // Stops read-aloud when the visitor is no longer where it began.
    void follow_speech();
    // Speech mode: the screen when it appears (and again on "repeat"), the
    // focused item when the focus moves. After a frame is drawn.
    void speak_changes();
    // Says `words` now (stopping what was being said), and keeps them for scripts.
    void say(std::vector<Utterance> words);
    // A key of the visitor's keypad, pressed.
    void keypad(const SDL_KeyboardEvent& key, Clock::time_point now);

    platform::Window& window_;
    platform::ImGuiRenderer& gui_;
    ui::KioskUi& ui_;
    VisitFlow& flow_;
    KioskServices services_;
    Clock::time_point health_shown_{};
    platform::LockdownRules rules_;
    platform::InputAdapter input_;
    platform::ViewSize view_;
    int font_width_ = 0, font_height_ = 0;
    bool dirty_ = true;  // the first frame, a new screen, a resize
    bool input_since_frame_ = false;
    bool quitting_ = false;
    std::uint32_t reload_event_;
    PendingReload reload_;
    bool reloading_ = false;
    bool drawn_ = false;
    Clock::time_point last_frame_;
    std::uint64_t frames_drawn_ = 0;
    std::optional<Clock::time_point> last_visit_;
    LogLimiter refusals_log_;  // the same refused key at most once a minute
    bool close_asked_ = false;
    bool dark_ = false;
    SpeechPlace spoken_at_;  // where the last read-aloud began
    Millis frame_gap_{0};
    bool check_redraw_ = false;
    std::optional<std::string> redraw_mismatch_;
    std::optional<AnnouncedPlace> announced_;  // speech mode: the screen last said
    std::string focus_said_;                   // and the focused item
    std::vector<Utterance> said_;              // everything said, until a script forgets it
    std::function<void()> after_first_frame_;
    // The visit (generation) in which headphones were pulled out: its keys
    // no longer start speech mode.
    std::optional<std::uint64_t> unplugged_in_;
};

}  // namespace kiosk::app
