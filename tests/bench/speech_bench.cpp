// Read-aloud's cost to the visitor: the time from a tap on the speaker button
// to the first samples queued to the sound device, and whether frames are
// slower while espeak-ng synthesises on its own thread (frame times while
// speaking against silent, as a ratio, in one run). SDL's dummy sound device
// plays at the real pace; the frames are the question screen at 1920x1080
// drawn by the software renderer, as headless runs draw it.
//
//   build/bin/kiosk_bench --benchmark_filter=Speech

#include <SDL.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <thread>

#include "kiosk/core/speech/read_aloud.hpp"
#include "kiosk/platform/imgui_renderer.hpp"
#include "kiosk/platform/input.hpp"
#include "kiosk/platform/speaker.hpp"
#include "kiosk/platform/window.hpp"
#include "kiosk/ui/kiosk_ui.hpp"
#include "tests/support/pack_support.hpp"

namespace {

using namespace kiosk;
using steady = std::chrono::steady_clock;

// The kiosk on the question screen of the six-language fixture pack, in
// Dutch, drawn headless, with a Speaker on the dummy device.
struct SpeakingKiosk {
    test::TempDir dir;
    Catalogue catalogue{test::compiled_fixture("pack_speech", dir)};
    Matcher matcher{catalogue.pack(), catalogue.index()};
    KioskConfig config;
    std::unique_ptr<platform::Window> window;
    std::unique_ptr<platform::ImGuiRenderer> gui;
    std::unique_ptr<ui::KioskUi> ui;
    std::unique_ptr<VisitFlow> flow;
    std::unique_ptr<platform::Speaker> speaker;
    platform::InputAdapter input;
    Clock::time_point now = Clock::time_point{} + std::chrono::hours(24);

    SpeakingKiosk() {
        config.languages = catalogue.pack().info.languages;
        config.default_language = "nl";
        platform::WindowOptions options;
        options.mode = platform::WindowMode::headless;
        window = std::move(platform::Window::open(options).value());
        gui = std::make_unique<platform::ImGuiRenderer>(window->renderer());
        ui = std::make_unique<ui::KioskUi>(config, catalogue.pack());
        const auto view = window->view_size();
        if (!ui->build_fonts(view.output_width, view.output_height) || !gui->make_font_texture())
            throw std::runtime_error("no fonts");
        FlowSettings settings;
        settings.languages = config.languages;
        settings.default_language = "nl";
        flow = std::make_unique<VisitFlow>(catalogue, matcher, settings, now);
        flow->apply(flow::Start{}, now);
        flow->apply(flow::PickLanguage{"nl"}, now);
        speaker = std::move(platform::Speaker::open({{150, 80}, "dummy", std::nullopt, 0}).value());
    }

    // One frame as the loop draws it; its wall time.
    std::chrono::duration<double> frame() {
        const auto start = steady::now();
        now += std::chrono::milliseconds(16);
        input.begin_frame(window->view_size(), 1.0f / 60);
        ui->set_speech(true, speaker->speaking());
        gui->new_frame();
        benchmark::DoNotOptimize(ui->frame(*flow, now));
        gui->render();
        SDL_RenderPresent(window->renderer());
        return steady::now() - start;
    }

    void wait_silent() {
        speaker->stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(60));  // its thread clears the queue
    }
};

SpeakingKiosk& kiosk() {
    static SpeakingKiosk k;
    return k;
}

void BM_SpeechTapToFirstSample(benchmark::State& state) {
    SpeakingKiosk& k = kiosk();
    for (auto _ : state) {
        const auto tap = steady::now();
        k.speaker->speak(read_aloud(*k.flow, k.catalogue.pack()));
        const auto posted = steady::now();
        std::optional<std::chrono::nanoseconds> first;
        while (!(first = k.speaker->first_sample_after()))
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        state.SetIterationTime(std::chrono::duration<double>(posted - tap + *first).count());
        k.wait_silent();
    }
}
BENCHMARK(BM_SpeechTapToFirstSample)
    ->UseManualTime()
    ->Iterations(20)
    ->Unit(benchmark::kMillisecond);

// Frames drawn in turn silent and while speaking, so both see the same load
// of the machine; the ratio is what counts, not the milliseconds.
void BM_SpeechFrameCost(benchmark::State& state) {
    SpeakingKiosk& k = kiosk();
    const std::string long_text =
        "Dit is een lange tekst die de kiosk voorleest terwijl hij beelden tekent. "
        "Zo zien wij of het voorlezen de beelden van het scherm vertraagt.";
    std::vector<double> silent, speaking;
    for (auto _ : state) {
        for (int round = 0; round < 4; ++round) {
            k.wait_silent();
            for (int i = 0; i < 30; ++i)
                silent.push_back(k.frame().count());
            k.speaker->speak({{"nl", long_text}, {"nl", long_text}});
            for (int i = 0; i < 30; ++i) {
                if (!k.speaker->speaking())
                    k.speaker->speak({{"nl", long_text}});
                speaking.push_back(k.frame().count());
                // The loop draws at most 60 frames a second.
                std::this_thread::sleep_for(std::chrono::milliseconds(16));
            }
        }
    }
    k.wait_silent();
    auto median = [](std::vector<double> v) {
        std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
        return v[v.size() / 2];
    };
    auto p95 = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() * 95 / 100];
    };
    state.counters["silent_median_ms"] = median(silent) * 1e3;
    state.counters["speaking_median_ms"] = median(speaking) * 1e3;
    state.counters["speaking_p95_ms"] = p95(speaking) * 1e3;
    state.counters["silent_p95_ms"] = p95(silent) * 1e3;
    state.counters["median_ratio"] = median(speaking) / median(silent);
}
BENCHMARK(BM_SpeechFrameCost)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
