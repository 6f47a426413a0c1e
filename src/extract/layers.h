// Internal to the extract stage: one function per annotation layer, called by
// Extractor::annotate in this order (quotes use the mentions to name speakers), plus the word
// view the time, quantity and quote scanners share.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "extract/extract.h"

namespace crosscheck::extract {

// Time expressions; relative ones resolved against `dct` (YYYY-MM-DD) when not empty, else
// left with anchored_to "unresolved" and X placeholders ("XXXX-WXX-4"). Replaces doc.timexes.
void find_times(Document& doc, const std::string& dct);
// Numbers with bound, unit, counted noun and event; skips numbers inside doc.timexes.
// Replaces doc.quantities.
void find_quantities(Document& doc);
// Direct and indirect quotes with cue and source; speakers resolved from doc.mentions.
// Replaces doc.quotes.
void find_quotes(Document& doc);

enum class WordKind : uint8_t { kWord, kNumber, kPunct };

// A fine-grained word of doc.text for the scanners above. Digits with thousands separators or
// a decimal point are one number ("1,200", "3.5"); letters glued to digits are split ("5m" ->
// "5" "m"); hyphens are their own words ("30-day" -> "30" "-" "day"); dotted abbreviations
// stay whole ("a.m.", "U.S."); every other symbol is one word per code point.
struct Word {
  Span span;
  uint32_t sentence = 0;  // index into doc.sentences (or a fallback split when there are none)
  WordKind kind = WordKind::kWord;
  bool capitalized = false;
  bool space_before = true;    // whitespace (or the start of the text) precedes it
  bool newline_before = true;  // a line break (or the start of the text) precedes it
  std::string lower;           // ASCII-lowered surface form; curly apostrophes become '
};

// Splits doc.text into words with sentence indices. Linear in the text size.
std::vector<Word> scan_words(const Document& doc);
// Index of the first word starting at or after byte `offset` (words.size() when none).
size_t first_word_at(const std::vector<Word>& words, uint32_t offset);

// True when `word` is one of `list`.
inline bool one_of(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view item : list)
    if (item == word) return true;
  return false;
}

// Value of a digit word ("1,200" -> 1200, "3.5" -> 3.5); nullopt when not a number.
std::optional<double> digit_value(std::string_view number);
// Value of a cardinal number word ("three" -> 3, "twenty" -> 20, "dozen" -> 12).
std::optional<double> cardinal_word_value(std::string_view lower);
// Value of an ordinal word ("third" -> 3); nullopt otherwise.
std::optional<int> ordinal_word_value(std::string_view lower);
// Reads a spelled or written cardinal at words[i] ("twenty-five", "1,200", "two hundred").
// Returns the value and sets *end to one past its last word.
std::optional<double> read_cardinal(const std::vector<Word>& words, size_t i, size_t* end);

// Snowball stem of a word: the text stage's stem when doc.tokens has a token at the same span,
// else computed here.
std::string word_stem(const Document& doc, const Word& word);

// True for auxiliaries, determiners, pronouns, prepositions and conjunctions.
bool is_function_word(std::string_view lower);

}  // namespace crosscheck::extract
