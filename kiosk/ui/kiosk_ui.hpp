#pragma once
// The kiosk's screens. Between ImGui::NewFrame() and ImGui::Render() the app
// calls frame(): it draws the screen the flow is on, from a read-only flow,
// and returns what the visitor asked for as intents. It never changes the
// flow, the printer or any file itself.

#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/adviser/kiosk_health.hpp"
#include "kiosk/core/base/result.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/visit/keypad.hpp"
#include "kiosk/core/visit/visit_flow.hpp"
#include "kiosk/ui/frame_record.hpp"

namespace kiosk::ui {

struct ListInView;

struct UiFonts {
    std::string regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::string bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    std::string icons = "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf";
};

class KioskUi {
  public:
    KioskUi(const KioskConfig& config, const ContentPack& pack, UiFonts fonts = {});
    ~KioskUi();
    KioskUi(const KioskUi&) = delete;
    KioskUi& operator=(const KioskUi&) = delete;

    // Fills the ImGui font atlas at the real pixel sizes for a display of
    // `width` x `height` (sizes follow the display, so 1080p, 4K and portrait
    // all read well). Call after ImGui::CreateContext() and before the
    // renderer builds its font texture; again (then rebuild the texture) when
    // the display size changes. Fails with a message naming a missing font.
    // The larger-text faces only once asked for (add_large_faces): the
    // start rasterises only what the first screen can show.
    Result<bool> build_fonts(int width, int height);
    // Builds the atlas again with the larger-text faces too, before the
    // first frame in larger text; rebuild the font texture after it.
    Result<bool> add_large_faces(int width, int height);
    bool has_large_faces() const { return large_faces_; }
    // "font atlas 2048x1472 (3310 glyphs)": what the fonts cost, for the log.
    std::string font_atlas_summary() const;
    // Counts the course catalogue's letters in for the next build_fonts().
    void add_catalogue_letters(const Catalogue& catalogue);

    // Draws one frame; returns the visitor's intents, in order.
    std::vector<FlowIntent> frame(const VisitFlow& flow, Clock::time_point now);

    // A key of the visitor's keypad: up, down and select move and press the
    // focus on the next frame (the first key shows the focus, on the screen's
    // first target); back closes the language menu or goes back. Repeat and
    // the volume are the app's.
    void press(KeypadAction action);
    // The last frame moved the focus to where the next frame shows it (a new
    // screen's first item): what is focused is known after that frame.
    bool focus_settling() const;

    // Whether something moves (scroll inertia, fades): the loop should draw
    // the next frame soon instead of waiting for input.
    bool animating() const;
    // Where the last frame's scrolling list drew, if it drew one.
    const ListInView& list_in_view() const;

    // What the last frame showed, for scripted runs.
    const FrameRecord& record() const;
    // Scripted runs: check every text drawn against the font atlas
    // (FrameRecord::missing_glyph). Off in the kiosk itself, where it would
    // only cost time.
    void check_glyphs(bool on);

    // What the adviser's health view shows; the app refreshes it while
    // adviser mode is open.
    void set_health(KioskHealth health);

    // Whether read-aloud can be offered, and is speaking; the app sets it
    // before each frame.
    void set_speech(bool available, bool speaking);

    // The deployment's logo, uploaded by the platform as a texture (an
    // SDL_Texture* with the SDL renderer); drawn in the top bar.
    void set_logo(void* texture, int width, int height);

  private:
    struct State;
    std::unique_ptr<State> state_;
    bool large_faces_ = false;
};

}  // namespace kiosk::ui
