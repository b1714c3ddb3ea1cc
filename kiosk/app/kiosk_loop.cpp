#include "kiosk/app/kiosk_loop.hpp"

#include <algorithm>
#include <iostream>

#include "kiosk/app/redraw_check.hpp"
#include "kiosk/ui/screen_context.hpp"

namespace kiosk::app {

KioskLoop::KioskLoop(platform::Window& window, platform::ImGuiRenderer& gui, ui::KioskUi& ui,
                     VisitFlow& flow, std::uint32_t quit_event, std::uint32_t reload_event,
                     KioskServices services)
    : window_(window),
      gui_(gui),
      ui_(ui),
      flow_(flow),
      services_(std::move(services)),
      rules_{window.locked(), quit_event, {}},
      view_(window.view_size()),
      reload_event_(reload_event) {
    std::vector<std::string> names;
    for (const KeypadBinding& binding : services_.keypad.keys)
        names.push_back(binding.key);
    rules_.keypad = platform::keycodes(names);
}

Result<bool> KioskLoop::build_fonts() {
    view_ = window_.view_size();
    auto built = ui_.build_fonts(view_.output_width, view_.output_height);
    if (built) {
        font_width_ = view_.output_width;
        font_height_ = view_.output_height;
    }
    return built;
}

void KioskLoop::load_large_faces() {
    gui_.drop_font_texture();
    if (auto built = ui_.add_large_faces(font_width_, font_height_); !built)
        std::cerr << "kiosk: " << built.error() << '\n';
    if (!gui_.make_font_texture())
        std::cerr << "kiosk: cannot make the font texture with the larger-text faces\n";
}

void KioskLoop::resize() {
    view_ = window_.view_size();
    dirty_ = true;
    gui_.redraw_all();
    if (view_.output_width == font_width_ && view_.output_height == font_height_)
        return;
    gui_.drop_font_texture();
    if (auto built = build_fonts(); !built)
        std::cerr << "kiosk: " << built.error() << '\n';  // the old sizes' atlas is gone; say so
    if (!gui_.make_font_texture())
        std::cerr << "kiosk: cannot make the font texture for " << view_.output_width << "x"
                  << view_.output_height << '\n';
}

Millis KioskLoop::wait(Clock::time_point now) const {
    if (dark_)
        return Millis{60'000};  // the caller wakes for the opening, the watchdog and health
    if (!drawn_)
        return Millis{0};
    if (dirty_ || input_.has_pending())
        return until_frame_allowed(now);
    const LoopState state{flow_.idle_phase(), ui_.animating(), flow_.countdown().has_value(), now,
                          flow_.last_input(), last_frame_};
    // Waking once a minute at most keeps the day current on a kiosk that runs for weeks.
    Millis wait = std::min(wait_before_next_frame(state, flow_.idle_timeouts()), Millis{60'000});
    // A locked keypad counts its wait down in whole seconds: one frame as each begins.
    if (const Millis locked = flow_.keypad_locked_for(now);
        flow_.adviser() == AdviserState::keypad && locked > Millis{0})
        wait = std::min(wait, locked % Millis{1000} + Millis{1});
    return wait;
}

Millis KioskLoop::until_frame_allowed(Clock::time_point now) const {
    if (!drawn_ || now - last_frame_ >= frame_gap_)
        return Millis{0};
    return std::chrono::ceil<Millis>(last_frame_ + frame_gap_ - now);
}

void KioskLoop::handle(const SDL_Event& event, Clock::time_point now) {
    if (reload_event_ != 0 && event.type == reload_event_) {
        if (!reload_.asked() && !between_visits(flow_))
            std::cerr << "kiosk: reload asked; it waits until the visit in progress has ended"
                      << std::endl;
        reload_.ask();
        return;
    }
    if (services_.headphone_event != 0 && event.type == services_.headphone_event) {
        const bool in = event.user.code == 1;
        std::cerr << "kiosk: headphones " << (in ? "plugged in" : "pulled out") << std::endl;
        if (dark_)
            return;
        flow_.note_input(now);
        const Applied applied =
            flow_.apply(in ? FlowIntent{flow::StartSpeech{}} : FlowIntent{flow::EndSpeech{}}, now);
        if (!in)
            unplugged_in_ = flow_.generation();
        run_effects(applied.effects);
        if (in && applied)
            ui_.press(KeypadAction::repeat);  // the focus shows, on the screen's first item
        dirty_ = true;
        return;
    }
    if (services_.speech_event != 0 && event.type == services_.speech_event) {
        dirty_ = true;  // read-aloud ended: the speaker button shows it
        return;
    }
    if (services_.printer) {
        if (auto effects = services_.printer->handle(event, flow_)) {
            dirty_ = true;  // a receipt printed or failed, or the printer's health changed
            run_effects(*effects);
            return;
        }
    }
    const platform::EventMeaning meaning = platform::event_meaning(event, rules_);
    if (!meaning.refused.empty()) {
        if (const auto log = refusals_log_.allow(meaning.refused, now); log.write) {
            std::cerr << "kiosk: ignored " << meaning.refused << " (kiosk is locked)";
            if (log.left_out > 0)
                std::cerr << "; " << log.left_out << " more like it in the last minute not logged";
            std::cerr << '\n';
        }
    }
    // Dark outside opening hours: a touch starts nothing.
    if (dark_ && meaning.action == platform::EventAction::input)
        return;
    switch (meaning.action) {
        case platform::EventAction::ignore:
            break;
        case platform::EventAction::input:
            input_.handle(event, view_);
            flow_.note_input(now);
            input_since_frame_ = true;
            if (event.type == SDL_KEYDOWN)
                keypad(event.key, now);
            break;
        case platform::EventAction::redraw:
            dirty_ = true;
            gui_.redraw_all();  // exposed: what was on screen may be gone
            break;
        case platform::EventAction::resize:
            resize();
            break;
        case platform::EventAction::quit:
            quitting_ = true;
            break;
    }
}

bool KioskLoop::update(Clock::time_point now, bool waited_out) {
    const Applied ticked = flow_.tick(now);
    if (ticked)
        dirty_ = true;
    run_effects(ticked.effects);
    follow_speech();
    if (reload_.take_if_due(flow_)) {
        reloading_ = true;
        return false;
    }
    if (close_asked_ && between_visits(flow_))
        go_dark();
    if (dark_)
        return false;
    if (!(dirty_ || input_since_frame_ || waited_out || input_.has_pending() || ui_.animating() ||
          !drawn_))
        return false;
    // Input comes faster than a screen shows frames (a finger's motion
    // events); what was not drawn now is in the next frame.
    if (until_frame_allowed(now) > Millis{0})
        return false;
    frame(now);
    return true;
}

void KioskLoop::frame(Clock::time_point now, platform::RgbaPixels* capture) {
    refresh_health(now);
    const std::vector<FlowIntent> intents = draw(now, capture);
    if (after_first_frame_) {
        auto work = std::move(after_first_frame_);
        after_first_frame_ = nullptr;
        work();
    }
    speak_changes();
    // Each intent changes what is on screen: draw again at once.
    for (const auto& intent : intents) {
        const Applied applied = flow_.apply(intent, now);
        if (applied)
            dirty_ = true;
        run_effects(applied.effects);
    }
    follow_speech();
}

void KioskLoop::follow_speech() {
    if (!speaking() || speech_place(flow_) == spoken_at_)
        return;
    services_.speaker->stop();
    dirty_ = true;
}

void KioskLoop::keypad(const SDL_KeyboardEvent& key, Clock::time_point now) {
    if (key.repeat)
        return;  // a key held down is pressed once
    const auto action = services_.keypad.action(SDL_GetKeyName(key.keysym.sym));
    if (!action)
        return;
    dirty_ = true;
    // The first key starts speech mode, and on the attract screen a visit: a
    // visitor who cannot see the screen cannot find its start button. Not
    // after headphones were pulled out in this visit: that visitor chose quiet.
    if (!flow_.speech_mode() && unplugged_in_ != flow_.generation())
        run_effects(flow_.apply(flow::StartSpeech{}, now).effects);
    ui_.press(*action);
    switch (*action) {
        case KeypadAction::repeat:
            announced_.reset();  // the screen and the focused item again
            focus_said_.clear();
            break;
        case KeypadAction::louder:
        case KeypadAction::softer:
            if (services_.speaker) {
                const int step = services_.keypad.volume_step;
                services_.speaker->set_volume(services_.speaker->volume() +
                                              (*action == KeypadAction::louder ? step : -step));
                say({{flow_.language(), std::to_string(services_.speaker->volume()) + " %"}});
            }
            break;
        default:
            break;
    }
}

void KioskLoop::speak_changes() {
    if (!flow_.speech_mode()) {
        announced_.reset();
        focus_said_.clear();
        return;
    }
    if (ui_.focus_settling())
        return;  // the next frame shows where the focus lands
    const AnnouncedPlace place = announced_place(flow_);
    const std::string& focused = ui_.record().focused();
    std::vector<Utterance> words;
    if (announced_ != place) {
        // The countdown is heard as well as seen: a chime, then the words.
        if (place.place.countdown && !(announced_ && announced_->place.countdown))
            words.push_back({std::string(platform::chime_language), ""});
        for (Utterance& u : announce_screen(flow_, flow_.catalogue().pack()))
            words.push_back(std::move(u));
        announced_ = place;
        focus_said_.clear();
    }
    if (focused != focus_said_) {
        if (!focused.empty())
            words.push_back({ui_.record().focused_language(), focused});
        focus_said_ = focused;
    }
    if (!words.empty())
        say(std::move(words));
}

void KioskLoop::say(std::vector<Utterance> words) {
    said_.insert(said_.end(), words.begin(), words.end());
    if (services_.speaker) {
        services_.speaker->speak(std::move(words));
        spoken_at_ = speech_place(flow_);
        dirty_ = true;  // the speaker button shows it speaks
    }
}

void KioskLoop::set_open(bool open) {
    if (open == !(dark_ || close_asked_))
        return;
    if (open) {
        std::cerr << "kiosk: opening hours: open" << std::endl;
        dark_ = close_asked_ = false;
        dirty_ = true;
        return;
    }
    std::cerr << "kiosk: opening hours: closed"
              << (between_visits(flow_) ? "" : "; dark once the visit in progress has ended")
              << std::endl;
    close_asked_ = true;
}

void KioskLoop::go_dark() {
    close_asked_ = false;
    dark_ = true;
    // Black once, then nothing: cage 0.1.4 cannot turn the output off.
    SDL_SetRenderDrawColor(window_.renderer(), 0, 0, 0, 255);
    SDL_RenderClear(window_.renderer());
    SDL_RenderPresent(window_.renderer());
    gui_.redraw_all();
}

void KioskLoop::refresh_health(Clock::time_point now) {
    if (flow_.adviser() != AdviserState::open) {
        health_shown_ = {};  // the next opening gathers at once
        return;
    }
    if (services_.health && now - health_shown_ >= std::chrono::seconds(2)) {
        ui_.set_health(services_.health());
        health_shown_ = now;
    }
}

void KioskLoop::run_effects(const Effects& effects) {
    for (const Effect& effect : effects) {
        if (const auto* print = std::get_if<effect::PrintReceipt>(&effect)) {
            if (services_.printer)
                services_.printer->print(*print, flow_);
        } else if (const auto* count = std::get_if<effect::CountVisit>(&effect)) {
            services_.count_visit(flow_.today(), count->summary);
            last_visit_ = Clock::now();
        } else if (std::holds_alternative<effect::CountPrinted>(effect)) {
            services_.count_printed(flow_.today());
        } else if (const auto* fault = std::get_if<effect::CountPrinterFault>(&effect)) {
            services_.count_printer_fault(flow_.today(), fault->state);
        } else if (std::holds_alternative<effect::CheckPrinter>(effect)) {
            if (services_.printer)
                services_.printer->check_status();
        } else if (std::holds_alternative<effect::ReadAloud>(effect)) {
            if (services_.speaker) {
                services_.speaker->speak(read_aloud(flow_, flow_.catalogue().pack()));
                spoken_at_ = speech_place(flow_);
            }
        } else if (std::holds_alternative<effect::StopReading>(effect)) {
            if (services_.speaker)
                services_.speaker->stop();
        } else if (std::holds_alternative<effect::StopKiosk>(effect)) {
            std::cerr << "kiosk: stopping (closed for maintenance by an adviser)" << std::endl;
            quitting_ = true;
        }
    }
}

std::vector<FlowIntent> KioskLoop::draw(Clock::time_point now, platform::RgbaPixels* capture) {
    const float delta =
        drawn_ ? std::chrono::duration<float>(now - last_frame_).count() : 1.0f / 60.0f;
    dirty_ = false;
    input_since_frame_ = false;
    drawn_ = true;
    last_frame_ = now;
    ++frames_drawn_;

    if (flow_.large_text() && !ui_.has_large_faces())
        load_large_faces();  // the first frame in larger text
    input_.begin_frame(view_, delta);
    ui_.set_speech(services_.speaker != nullptr, speaking());
    gui_.new_frame();
    std::vector<FlowIntent> intents = ui_.frame(flow_, now);
    const ui::ListInView& shown = ui_.list_in_view();
    const platform::ScrollingList list{shown.draw_list,  shown.clip_min.x, shown.clip_min.y,
                                       shown.clip_max.x, shown.clip_max.y, shown.scroll};
    const std::vector<SDL_Rect> drawn =
        gui_.render(shown.draw_list ? &list : nullptr, window_.drawn_pixels());
    if (capture) {
        if (auto pixels = window_.read_pixels())
            *capture = std::move(*pixels);
        else
            std::cerr << "kiosk: " << pixels.error() << '\n';
    }
    if (check_redraw_ && !redraw_mismatch_)
        compare_with_full_redraw(drawn);
    window_.present(drawn);
    return intents;
}

void KioskLoop::compare_with_full_redraw(const std::vector<SDL_Rect>& drawn) {
    auto changes = window_.read_pixels();
    gui_.render_in_full();
    auto full = window_.read_pixels();
    if (!changes || !full) {
        redraw_mismatch_ = "cannot read the frame back: " + (changes ? full : changes).error();
        return;
    }
    if (auto difference = redraw_difference(*changes, *full, drawn, frames_drawn_))
        redraw_mismatch_ = std::move(*difference);
}

}  // namespace kiosk::app
