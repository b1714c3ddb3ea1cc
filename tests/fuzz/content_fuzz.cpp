// Fuzz target: whatever bytes a content author's editor produces, the loader
// reports problems and never crashes. The first byte picks the file kind.
//
// With clang: cmake -DKIOSK_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ ... then
//   build-fuzz/bin/content_fuzz tests/fuzz/corpus/csv
// Without it, fuzz_replay runs the stored corpus as a test.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/matching/match_index.hpp"
#include "kiosk/core/matching/matcher.hpp"
#include "kiosk/core/visit/visit.hpp"

namespace {

const kiosk::ContentPack& small_pack() {
    static const kiosk::ContentPack pack = [] {
        kiosk::Issues issues;
        return kiosk::load_content_dir(KIOSK_SOURCE_DIR "/tests/fixtures/pack_small", issues).pack;
    }();
    return pack;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    kiosk::Issues issues;
    switch (data[0] % 4) {
        case 0: {
            auto courses = kiosk::load_courses_csv(text, "courses.csv", small_pack(), issues);
            (void)kiosk::MatchIndex::build(courses);
            break;
        }
        case 1: {
            kiosk::ContentPack pack = small_pack();
            pack.questionnaire = {};
            kiosk::load_questionnaire_toml(text, "questionnaire.toml", pack, issues);
            break;
        }
        case 2: {
            kiosk::ContentPack pack;
            kiosk::load_pack_toml(text, "pack.toml", pack, issues);
            break;
        }
        default: {
            // A pack that opens must also be safe to rank: the matcher indexes
            // by what the blob says.
            auto index = kiosk::MatchIndex::deserialize(text);
            if (index) {
                const kiosk::Matcher matcher(small_pack(), *index);
                kiosk::Visit visit(small_pack().questionnaire, {"nl", "en"}, "nl");
                while (!visit.finished())
                    visit.apply(kiosk::intent::Choose{0});
                (void)matcher.rank(visit.answers(), {20800, 50.9, 5.9});
                (void)matcher.rank({}, {20800, 50.9, 5.9});
            }
            break;
        }
    }
    for (const auto& issue : issues.all())
        (void)kiosk::format_issue(issue);
    return 0;
}
