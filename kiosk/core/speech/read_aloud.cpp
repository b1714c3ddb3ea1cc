#include "kiosk/core/speech/read_aloud.hpp"

#include "kiosk/core/takeaway/course_words.hpp"

namespace kiosk {
namespace {

// Collects utterances in the visitor's language, or in Dutch for a text the
// pack gives only in Dutch (as the screen then shows it).
class Reading {
  public:
    Reading(const ContentPack& pack, std::string lang) : pack_(pack), lang_(std::move(lang)) {}

    // A text of the pack's own, with its key in `[speech]`.
    void add(const Texts& texts, const std::string& speech_key) {
        const std::string lang = texts.contains(lang_) ? lang_ : "nl";
        const auto it = texts.find(lang);
        if (it == texts.end() || it->second.empty())
            return;
        say(lang, speech_text(pack_, speech_key, lang, it->second));
    }
    // A kiosk word of texts.toml "screen.*", its placeholders filled.
    void screen(const std::string& key, const std::map<std::string, std::string>& values = {}) {
        const std::string full = "screen." + key;
        const auto it = pack_.texts.find(full);
        if (it == pack_.texts.end())
            return;
        const std::string lang = it->second.contains(lang_) ? lang_ : "nl";
        std::string text = speech_text(pack_, full, lang, text_in(it->second, lang));
        for (const auto& [name, value] : values) {
            const std::string placeholder = "{" + name + "}";
            for (auto at = text.find(placeholder); at != std::string::npos;
                 at = text.find(placeholder, at + value.size()))
                text.replace(at, placeholder.size(), value);
        }
        say(lang, std::move(text));
    }
    // Already in the visitor's words (a course's facts).
    void say(const std::string& lang, std::string text) {
        if (!text.empty())
            out_.push_back({lang, std::move(text)});
    }

    const std::string& lang() const { return lang_; }
    std::vector<Utterance> take() { return std::move(out_); }

  private:
    const ContentPack& pack_;
    std::string lang_;
    std::vector<Utterance> out_;
};

void read_language(Reading& r, const VisitFlow& flow, const ContentPack& pack) {
    r.screen("language_title");
    // Each language's name in its own voice: a visitor who does not read the
    // kiosk's default language still hears theirs.
    for (const auto& code : flow.settings().languages) {
        if (const auto it = pack.info.language_names.find(code);
            it != pack.info.language_names.end())
            r.say(code, it->second);
    }
}

void read_question(Reading& r, const VisitFlow& flow, const ContentPack& pack) {
    const int index = flow.visit().current_question();
    if (index < 0 || index >= static_cast<int>(pack.questionnaire.questions.size()))
        return;
    const Question& q = pack.questionnaire.questions[static_cast<std::size_t>(index)];
    r.add(q.text, "question." + q.id);
    r.add(q.help, "question." + q.id + ".help");
    for (const Option& o : q.options)
        r.add(o.text, "option." + q.id + "." + o.id);
}

// A course's title in the language the screen shows it in.
void read_title(Reading& r, const Course& course) {
    const auto it = course.text.find(r.lang());
    const bool own = it != course.text.end() && !it->second.title.empty();
    r.say(own ? r.lang() : "nl", course.text_in(r.lang()).title);
}

void read_results(Reading& r, const VisitFlow& flow) {
    const auto& results = flow.ranking().results;
    if (results.empty()) {
        r.screen("no_results");
        return;
    }
    r.screen("results_count", {{"count", std::to_string(results.size())}});
    for (std::size_t rank = 0; rank < results.size(); ++rank) {
        if (const Course* course = flow.course(static_cast<int>(rank)))
            read_title(r, *course);
    }
}

void read_course(Reading& r, const VisitFlow& flow, const ContentPack& pack) {
    const Course* course = flow.course(flow.open_course());
    if (!course)
        return;
    read_title(r, *course);
    r.say(r.lang(), course->provider);
    const CourseWords words{pack, r.lang(), flow.today()};
    auto fact = [&](const char* label, const std::string& value) {
        if (!value.empty())
            r.say(r.lang(),
                  pack_text(pack, std::string("screen.") + label, r.lang()) + ": " + value + ".");
    };
    fact("where", place_text(words, *course));
    fact("when", when_text(words, *course));
    fact("duration", duration_text(words, *course));
    fact("cost", cost_line(words, *course));
}

void read_takeaway(Reading& r, const VisitFlow& flow) {
    r.screen("take_away_title");
    r.screen("scan_list");
    if (flow.printer_fault())
        r.screen("printer_fault");
    switch (flow.print_state()) {
        case PrintState::printing:
            r.screen("printing");
            return;
        case PrintState::printed:
            r.screen("printed");
            return;
        case PrintState::failed:
            r.screen("print_failed");
            return;
        case PrintState::idle:
            break;
    }
    if (flow.printer_present() && !flow.printer_fault())
        r.screen("print");
    r.screen("show_only");
    r.screen("no_receipt");
}

}  // namespace

std::string speech_text(const ContentPack& pack, const std::string& key, const std::string& lang,
                        const std::string& shown) {
    if (const auto it = pack.texts.find("speech." + key); it != pack.texts.end()) {
        if (const auto own = it->second.find(lang); own != it->second.end() && !own->second.empty())
            return own->second;
    }
    return shown;
}

std::vector<Utterance> read_aloud(const VisitFlow& flow, const ContentPack& pack) {
    if (flow.adviser() != AdviserState::closed || flow.countdown())
        return {};
    Reading r(pack, flow.language());
    switch (flow.screen()) {
        case Screen::attract:
        case Screen::thanks:
            break;
        case Screen::language:
            read_language(r, flow, pack);
            break;
        case Screen::question:
            read_question(r, flow, pack);
            break;
        case Screen::results:
            read_results(r, flow);
            break;
        case Screen::course:
            read_course(r, flow, pack);
            break;
        case Screen::takeaway:
            read_takeaway(r, flow);
            break;
    }
    return r.take();
}

SpeechPlace speech_place(const VisitFlow& flow) {
    return {flow.generation(),
            flow.screen(),
            flow.screen() == Screen::question ? flow.visit().current_question() : -1,
            flow.open_course(),
            flow.language(),
            flow.countdown().has_value(),
            flow.adviser()};
}

}  // namespace kiosk
