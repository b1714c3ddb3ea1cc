#pragma once
// What the last frame showed, in words and places: every tappable thing with
// its label and rectangle, and every text drawn. Scripted runs tap "by label"
// and check "expect text" against it; it knows nothing of Dear ImGui.

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct Target {
    std::string label;                     // the words on it, in the visitor's language
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // window pixels

    float centre_x() const { return (x0 + x1) / 2; }
    float centre_y() const { return (y0 + y1) / 2; }
};

class FrameRecord {
  public:
    void clear() {
        targets_.clear();
        texts_.clear();
        focused_.clear();
        focused_language_.clear();
    }
    void add_target(Target target) { targets_.push_back(std::move(target)); }
    void add_text(std::string text) { texts_.push_back(std::move(text)); }

    // The first target whose label equals `label`, or else the first that
    // contains it; nullptr when none does.
    const Target* find_target(std::string_view label) const;
    // Whether any text or label drawn contains `text`.
    bool shows(std::string_view text) const;

    const std::vector<Target>& targets() const { return targets_; }

    // The label of the target the keypad's focus is on, and the language it
    // is written in (a language's own name is in that language); empty when
    // nothing is focused.
    void set_focused(std::string label, std::string language) {
        focused_ = std::move(label);
        focused_language_ = std::move(language);
    }
    const std::string& focused() const { return focused_; }
    const std::string& focused_language() const { return focused_language_; }
    const std::vector<std::string>& texts() const { return texts_; }

    // Scripted runs ask every text drawn to be checked against the font
    // atlas: a letter missing there would show as "?" on the kiosk. The first
    // one found stays (clear() keeps it) until the run asks for it.
    void check_glyphs(bool on) { checking_glyphs_ = on; }
    bool checks_glyphs() const { return checking_glyphs_; }
    void add_missing_glyph(char32_t code_point, std::string_view text);
    // "missing glyph U+0142 in \"...\"", or empty when none was missing.
    const std::string& missing_glyph() const { return missing_glyph_; }

  private:
    std::vector<Target> targets_;
    std::vector<std::string> texts_;
    std::string focused_;
    std::string focused_language_;
    bool checking_glyphs_ = false;
    std::string missing_glyph_;
};

}  // namespace kiosk::ui
