// Benchmarks of the foundation: building and opening a pack of 100,000
// synthetic courses, and ranking all of them for one visit.
//
//   build/bin/kiosk_bench --benchmark_filter=Pack\|Rank

#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/pack/pack_writer.hpp"
#include "kiosk/core/visit/visit.hpp"

namespace {

using namespace kiosk;

constexpr int course_count = 100'000;

// The default pack's questionnaire with a synthetic catalogue of `n` courses.
ContentSource synthetic_source(int n) {
    Issues issues;
    ContentSource source = load_content_dir(KIOSK_SOURCE_DIR "/content", issues);
    if (issues.has_errors())
        throw std::runtime_error("the default pack does not load");
    std::mt19937 random(42);
    auto pick = [&](int k) { return static_cast<int>(random() % static_cast<unsigned>(k)); };
    const char* places[] = {"Maastricht", "Heerlen", "Sittard", "Kerkrade", "Roermond", "Venlo"};
    const double coords[][2] = {{50.85, 5.69}, {50.89, 5.98}, {51.0, 5.87},
                                {50.87, 6.06}, {51.19, 5.99}, {51.37, 6.17}};
    source.courses.clear();
    source.courses.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Course c;
        char id[16];
        std::snprintf(id, sizeof id, "S%07d", i);
        c.id = id;
        c.text["nl"] = {"Synthetische cursus " + c.id, "Een cursus om mee te meten.", ""};
        c.text["en"] = {"Synthetic course " + c.id, "A course to measure with.", ""};
        c.provider = "Provider " + std::to_string(pick(400));
        c.url = "https://school.example.nl/" + c.id;
        c.level = static_cast<Level>(pick(8));
        c.entry_level = static_cast<Education>(pick(11));
        c.dutch_level = static_cast<DutchLevel>(pick(6));
        c.sectors = {source.pack
                         .sectors[static_cast<std::size_t>(
                             pick(static_cast<int>(source.pack.sectors.size())))]
                         .id};
        c.interests = {riasec_ids()[static_cast<std::size_t>(pick(6))]};
        c.target_groups = {source.pack
                               .targets[static_cast<std::size_t>(
                                   pick(static_cast<int>(source.pack.targets.size())))]
                               .id};
        c.topics = {pick(2) ? "diploma" : "digital"};
        c.mode = static_cast<Mode>(pick(3));
        c.schedule = static_cast<std::uint8_t>(1 + pick(7));
        c.hours_per_week = 2 + pick(30);
        c.duration_weeks = 4 + pick(100);
        c.cost_eur = pick(3) == 0 ? 0 : 50 * pick(40);
        const int place = pick(6);
        if (c.mode != Mode::online) {
            c.place = places[place];
            c.lat = coords[place][0] + (pick(100) - 50) * 0.001;
            c.lon = coords[place][1] + (pick(100) - 50) * 0.001;
        }
        c.language = pick(10) == 0 ? "en" : "nl";
        c.start_dates = {"2027-0" + std::to_string(1 + pick(9)) + "-15"};
        source.courses.push_back(std::move(c));
    }
    return source;
}

std::filesystem::path bench_pack() {
    static const std::filesystem::path path = [] {
        auto p = std::filesystem::temp_directory_path() / "kiosk-bench-100k.db";
        auto built = build_content_db(synthetic_source(course_count), p);
        if (!built)
            throw std::runtime_error(built.error());
        return p;
    }();
    return path;
}

void BM_BuildPack100k(benchmark::State& state) {
    const ContentSource source = synthetic_source(course_count);
    const auto path = std::filesystem::temp_directory_path() / "kiosk-bench-build.db";
    for (auto _ : state) {
        auto built = build_content_db(source, path);
        if (!built)
            state.SkipWithError(built.error().c_str());
    }
    state.counters["bytes"] = static_cast<double>(std::filesystem::file_size(path));
    std::filesystem::remove(path);
}
BENCHMARK(BM_BuildPack100k)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_OpenPack100k(benchmark::State& state) {
    const auto path = bench_pack();
    for (auto _ : state) {
        auto catalogue = Catalogue::open(path);
        if (!catalogue)
            state.SkipWithError(catalogue.error().c_str());
        benchmark::DoNotOptimize(catalogue);
    }
}
BENCHMARK(BM_OpenPack100k)->Unit(benchmark::kMillisecond);

// A typical visit: a job seeker interested in care, evening, near, free-ish.
void BM_Rank100k(benchmark::State& state) {
    auto catalogue = Catalogue::open(bench_pack());
    if (!catalogue) {
        state.SkipWithError(catalogue.error().c_str());
        return;
    }
    const ContentPack& pack = catalogue->pack();
    Visit visit(pack.questionnaire, pack.info.languages, "nl");
    // Always the first option: every question answered, every constraint active.
    while (!visit.finished())
        visit.apply(intent::Choose{0});
    const auto answers = visit.answers();
    const Matcher matcher(pack, catalogue->index());
    const MatchContext context{days_from_civil(2026, 11, 28), 50.8882, 5.9795};
    for (auto _ : state) {
        auto ranking = matcher.rank(answers, context);
        benchmark::DoNotOptimize(ranking);
    }
    state.counters["courses"] = static_cast<double>(catalogue->course_count());
}
BENCHMARK(BM_Rank100k)->Unit(benchmark::kMillisecond);

// The same visit with every question skipped: no constraint, all courses eligible.
void BM_Rank100kNoAnswers(benchmark::State& state) {
    auto catalogue = Catalogue::open(bench_pack());
    if (!catalogue) {
        state.SkipWithError(catalogue.error().c_str());
        return;
    }
    const Matcher matcher(catalogue->pack(), catalogue->index());
    const MatchContext context{days_from_civil(2026, 11, 28), 50.8882, 5.9795};
    for (auto _ : state) {
        auto ranking = matcher.rank({}, context);
        benchmark::DoNotOptimize(ranking);
    }
}
BENCHMARK(BM_Rank100kNoAnswers)->Unit(benchmark::kMillisecond);

}  // namespace
