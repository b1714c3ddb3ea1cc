#pragma once
// Plain language (CEFR B1) keeps sentences short: the pack's Dutch and
// English texts are checked for sentences of more than 15 words.

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

inline constexpr int plain_sentence_words = 15;

// The number of words of each sentence of `text` longer than `limit`. A
// sentence ends at '.', '!' or '?' before a space or the end ("2.5" and
// "www.example.nl" do not end one); a word is a run without spaces that
// holds a letter or a digit (a lone dash is no word).
std::vector<int> long_sentences(std::string_view text, int limit = plain_sentence_words);

// "a sentence of 19 words; plain language keeps sentences to 15"
std::string long_sentence_message(int words);

}  // namespace kiosk
