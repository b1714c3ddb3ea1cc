#include "kiosk/core/speech/speech_mode.hpp"

#include "kiosk/core/takeaway/course_words.hpp"

namespace kiosk {
namespace {

// A kiosk word of texts.toml "screen.*" in `lang` (Dutch where the pack lacks
// it in `lang`), with its speech text where the pack has one.
void say_screen(std::vector<Utterance>& out, const ContentPack& pack, const std::string& key,
                const std::string& lang, const std::map<std::string, std::string>& values = {}) {
    const auto it = pack.texts.find("screen." + key);
    if (it == pack.texts.end())
        return;
    const std::string used = it->second.contains(lang) ? lang : "nl";
    std::string text =
        fill_in(speech_text(pack, "screen." + key, used, text_in(it->second, used)), values);
    if (!text.empty())
        out.push_back({used, std::move(text)});
}

// The results as a list: the count, then each course with its number, title,
// place, start and cost, so a listener can pick one by its number.
void results_list(std::vector<Utterance>& out, const VisitFlow& flow, const ContentPack& pack) {
    const std::string& lang = flow.language();
    const auto& results = flow.ranking().results;
    if (results.empty()) {
        say_screen(out, pack, "no_results", lang);
        return;
    }
    say_screen(out, pack, "results_count", lang, {{"count", std::to_string(results.size())}});
    const CourseWords words{pack, lang, flow.today()};
    for (std::size_t rank = 0; rank < results.size(); ++rank) {
        const Course* course = flow.course(static_cast<int>(rank));
        if (!course)
            continue;
        const auto own = course->text.find(lang);
        const bool translated = own != course->text.end() && !own->second.title.empty();
        out.push_back({translated ? lang : "nl",
                       std::to_string(rank + 1) + ". " + course->text_in(lang).title + "."});
        std::string facts;
        auto fact = [&](const char* label, const std::string& value) {
            if (!value.empty())
                facts +=
                    pack_text(pack, std::string("screen.") + label, lang) + ": " + value + ". ";
        };
        fact("where", place_text(words, *course));
        fact("when", when_text(words, *course));
        fact("cost", cost_line(words, *course));
        if (!facts.empty()) {
            facts.pop_back();
            out.push_back({lang, std::move(facts)});
        }
    }
}

}  // namespace

std::vector<Utterance> keys_prompt(const VisitFlow& flow, const ContentPack& pack) {
    std::vector<Utterance> out;
    const auto it = pack.texts.find("screen.keys_language");
    for (const auto& code : flow.settings().languages) {
        if (it == pack.texts.end())
            continue;
        const auto own = it->second.find(code);
        if (own != it->second.end() && !own->second.empty())
            out.push_back({code, speech_text(pack, "screen.keys_language", code, own->second)});
    }
    if (out.empty())
        out.push_back(
            {"en", "Choose your language with the up and down keys, and press the middle key."});
    return out;
}

std::vector<Utterance> announce_screen(const VisitFlow& flow, const ContentPack& pack) {
    std::vector<Utterance> out;
    const std::string& lang = flow.language();
    if (flow.adviser() != AdviserState::closed)
        return out;
    if (const auto left = flow.countdown()) {
        say_screen(out, pack, "still_there", lang);
        say_screen(out, pack, "still_there_hint", lang,
                   {{"seconds", std::to_string((left->count() + 999) / 1000)}});
        return out;
    }
    switch (flow.screen()) {
        case Screen::attract:
            break;
        case Screen::language:
            out = keys_prompt(flow, pack);
            break;
        case Screen::question: {
            // The question and its help; the options one by one as the focus
            // reaches them, so the listener is never read a list to remember.
            const int index = flow.visit().current_question();
            if (index >= 0 && index < static_cast<int>(pack.questionnaire.questions.size())) {
                const Question& q = pack.questionnaire.questions[static_cast<std::size_t>(index)];
                for (auto [texts, key] : {std::pair{&q.text, "question." + q.id},
                                          std::pair{&q.help, "question." + q.id + ".help"}}) {
                    const std::string used = texts->contains(lang) ? lang : "nl";
                    if (const auto t = texts->find(used); t != texts->end() && !t->second.empty())
                        out.push_back({used, speech_text(pack, key, used, t->second)});
                }
            }
            break;
        }
        case Screen::results:
            results_list(out, flow, pack);
            break;
        case Screen::course:
        case Screen::takeaway:
            out = read_aloud(flow, pack);
            break;
        case Screen::thanks:
            say_screen(out, pack, "thanks_title", lang);
            say_screen(out, pack, "thanks_hint", lang);
            break;
    }
    return out;
}

AnnouncedPlace announced_place(const VisitFlow& flow) {
    return {speech_place(flow), flow.receipt_choice(), flow.print_state()};
}

}  // namespace kiosk
