#pragma once
// Every text of a pack that a visitor sees, each known by its place in the
// pack: the key of its translations in `po/<lang>.po` (the msgctxt). Places
// read as "FILE: TABLE ID: ...: FIELD", for example
//   pack.toml: sector care: text
//   questionnaire.toml: question situation: option working: text
//   texts.toml: screen.start
//   courses.csv: MT-NT2-A1-D: title
// They stay the same as long as the ids do, whatever the texts say.

#include <map>
#include <string>
#include <vector>

#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/course.hpp"

namespace kiosk {

struct ContentSource;

// One text by its place: its Dutch and a way to read and give it in other languages.
class PackText {
  public:
    PackText(std::string place, Texts* texts) : place_(std::move(place)), texts_(texts) {}
    PackText(std::string place, Course* course, std::string CourseText::*field)
        : place_(std::move(place)), course_(course), field_(field) {}

    const std::string& place() const { return place_; }
    const std::string& dutch() const;
    // The text in `lang`, or nullptr when the pack does not give it.
    const std::string* in(const std::string& lang) const;
    void set(const std::string& lang, std::string text);

  private:
    std::string place_;
    Texts* texts_ = nullptr;
    Course* course_ = nullptr;
    std::string CourseText::*field_ = nullptr;
};

// The pack's texts in the order of its files (pack.toml, questionnaire.toml,
// texts.toml, courses.csv), leaving out optional texts it does not have.
// The PackTexts point into `source`, which must outlive them.
std::vector<PackText> pack_texts(ContentSource& source);

// How much of a language the pack gives: texts are counted once per distinct
// Dutch text, which is what a translator translates.
struct LanguageCoverage {
    std::string language;
    int texts = 0;
    int missing = 0;  // shown in Dutch
};
std::vector<LanguageCoverage> language_coverage(ContentSource& source);

}  // namespace kiosk
