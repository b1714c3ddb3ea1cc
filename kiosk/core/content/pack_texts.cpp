#include "kiosk/core/content/pack_texts.hpp"

#include <set>

#include "kiosk/core/content/content_loader.hpp"

namespace kiosk {
namespace {

class Collector {
  public:
    explicit Collector(std::vector<PackText>& out) : out_(out) {}

    void add(std::string place, Texts& texts) {
        if (auto it = texts.find("nl"); it != texts.end() && !it->second.empty())
            out_.emplace_back(std::move(place), &texts);
    }
    void add(std::string place, Course& course, std::string CourseText::*field) {
        if (auto it = course.text.find("nl");
            it != course.text.end() && !(it->second.*field).empty())
            out_.emplace_back(std::move(place), &course, field);
    }

  private:
    std::vector<PackText>& out_;
};

void collect_pack_toml(Collector& c, ContentPack& pack) {
    const std::string file = "pack.toml: ";
    c.add(file + "pack: name", pack.info.name);
    for (auto& term : pack.sectors)
        c.add(file + "sector " + term.id + ": text", term.text);
    for (auto& term : pack.targets)
        c.add(file + "target " + term.id + ": text", term.text);
    for (auto& term : pack.funding) {
        c.add(file + "funding " + term.id + ": text", term.text);
        if (!term.free_for.empty())
            c.add(file + "funding " + term.id + ": paid", term.paid);
    }
    for (auto& agenda : pack.agenda)
        c.add(file + "agenda " + agenda.sector + ": reason", agenda.reason);
    c.add(file + "matching: fits_reason", pack.matching.fits_text);
    c.add(file + "matching: outside_reason", pack.matching.outside_text);
    c.add(file + "matching: broad_reason", pack.matching.broad_text);
    for (auto kind : pack.matching.relax) {
        if (auto it = pack.matching.relax_text.find(kind); it != pack.matching.relax_text.end())
            c.add(file + "relax " + std::string(to_string(kind)) + ": text", it->second);
        if (auto it = pack.matching.relax_flag.find(kind); it != pack.matching.relax_flag.end())
            c.add(file + "relax " + std::string(to_string(kind)) + ": flag", it->second);
    }
}

void collect_questionnaire(Collector& c, Questionnaire& questionnaire) {
    for (auto& q : questionnaire.questions) {
        const std::string question = "questionnaire.toml: question " + q.id + ": ";
        c.add(question + "text", q.text);
        c.add(question + "help", q.help);
        for (auto& o : q.options) {
            c.add(question + "option " + o.id + ": text", o.text);
            c.add(question + "option " + o.id + ": reason", o.reason);
        }
    }
}

}  // namespace

const std::string& PackText::dutch() const {
    static const std::string none;
    if (texts_) {
        auto it = texts_->find("nl");
        return it == texts_->end() ? none : it->second;
    }
    auto it = course_->text.find("nl");
    return it == course_->text.end() ? none : it->second.*field_;
}

const std::string* PackText::in(const std::string& lang) const {
    if (texts_) {
        auto it = texts_->find(lang);
        return it == texts_->end() || it->second.empty() ? nullptr : &it->second;
    }
    auto it = course_->text.find(lang);
    return it == course_->text.end() || (it->second.*field_).empty() ? nullptr
                                                                     : &(it->second.*field_);
}

void PackText::set(const std::string& lang, std::string text) {
    if (texts_)
        (*texts_)[lang] = std::move(text);
    else
        course_->text[lang].*field_ = std::move(text);
}

std::vector<PackText> pack_texts(ContentSource& source) {
    std::vector<PackText> out;
    Collector c(out);
    collect_pack_toml(c, source.pack);
    collect_questionnaire(c, source.pack.questionnaire);
    for (auto& [key, texts] : source.pack.texts)
        c.add("texts.toml: " + key, texts);
    for (auto& course : source.courses) {
        const std::string place = "courses.csv: " + course.id + ": ";
        c.add(place + "title", course, &CourseText::title);
        c.add(place + "description", course, &CourseText::description);
        c.add(place + "bring", course, &CourseText::bring);
    }
    return out;
}

std::vector<LanguageCoverage> language_coverage(ContentSource& source) {
    const auto texts = pack_texts(source);
    std::set<std::string> dutch;
    for (const auto& t : texts)
        dutch.insert(t.dutch());
    std::vector<LanguageCoverage> out;
    for (const auto& lang : source.pack.info.languages) {
        if (lang == "nl")
            continue;
        std::set<std::string> missing;
        for (const auto& t : texts) {
            if (!t.in(lang))
                missing.insert(t.dutch());
        }
        out.push_back({lang, static_cast<int>(dutch.size()), static_cast<int>(missing.size())});
    }
    return out;
}

}  // namespace kiosk
