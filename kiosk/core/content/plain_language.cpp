#include "kiosk/core/content/plain_language.hpp"

namespace kiosk {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Letters of other scripts are UTF-8 bytes of 0x80 and up; punctuation such
// as '–' or '„' alone is rare enough not to count as a word.
bool is_word_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
           (u >= 0xC3 && u != 0xE2);  // not U+2000-2FFF (dashes, quotes, ellipsis)
}

}  // namespace

std::vector<int> long_sentences(std::string_view text, int limit) {
    std::vector<int> out;
    int words = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i]))
            ++i;
        if (i == text.size())
            break;
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i]))
            ++i;
        const std::string_view token = text.substr(start, i - start);
        bool word = false;
        for (char c : token)
            word = word || is_word_char(c);
        words += word ? 1 : 0;
        const char last = token.back();
        if (last == '.' || last == '!' || last == '?' || i == text.size()) {
            if (words > limit)
                out.push_back(words);
            words = 0;
        }
    }
    return out;
}

std::string long_sentence_message(int words) {
    return "a sentence of " + std::to_string(words) + " words; plain language keeps sentences to " +
           std::to_string(plain_sentence_words);
}

}  // namespace kiosk
