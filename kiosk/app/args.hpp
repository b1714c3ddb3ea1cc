#pragma once
// Command-line words and --options, in the order the user typed them.

#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

class Args {
  public:
    Args(int argc, char** argv) {
        for (int i = 1; i < argc; ++i)
            words_.emplace_back(argv[i]);
    }
    explicit Args(std::vector<std::string> words) : words_(std::move(words)) {}

    // Removes and returns the value of `--name VALUE` or `--name=VALUE`.
    std::optional<std::string> take_option(const std::string& name) {
        for (std::size_t i = 0; i < words_.size(); ++i) {
            if (words_[i] == name && i + 1 < words_.size()) {
                std::string value = words_[i + 1];
                words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i),
                             words_.begin() + static_cast<std::ptrdiff_t>(i) + 2);
                return value;
            }
            if (words_[i].starts_with(name + "=")) {
                std::string value = words_[i].substr(name.size() + 1);
                words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i));
                return value;
            }
        }
        return std::nullopt;
    }
    bool take_flag(const std::string& name) {
        for (std::size_t i = 0; i < words_.size(); ++i) {
            if (words_[i] == name) {
                words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i));
                return true;
            }
        }
        return false;
    }
    // The next plain word, if any.
    std::optional<std::string> take_word() {
        for (std::size_t i = 0; i < words_.size(); ++i) {
            if (!words_[i].starts_with("--")) {
                std::string value = words_[i];
                words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i));
                return value;
            }
        }
        return std::nullopt;
    }
    // Whatever was not taken: an unknown option the user should hear about.
    const std::vector<std::string>& rest() const { return words_; }

  private:
    std::vector<std::string> words_;
};

}  // namespace kiosk::app
