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

// Each layer is linear in the text (a word scan plus bounded look-around), needs no sentence or
// token layer (it falls back to its own split), never throws, and costs about 0.1 ms per
// 500-word article on one core.

// Time expressions with TIMEX3 type and value (TempEval-3 conventions: "2025-04-17",
// "2025-W16", "2025-04", "P30D", "PT24H", "PXY", "PRESENT_REF"). Relative ones are resolved
// against `dct` (YYYY-MM-DD) when it is given (anchored_to "publication"), else left with X
// placeholders ("XXXX-WXX-4") and anchored_to "unresolved". A bare weekday or month points
// the way the governing verb's tense and aspect say when the sentence is parsed (times_tense.h:
// "will meet on Friday" forward, "met on Friday" back, "is meeting Friday" forward), else by
// the words around it. Every DATE/TIME value gets Timex::granularity and the calendar days it
// covers (Timex::first_day .. last_day). Timex::weekday records a
// named weekday; Timex::explicit_date a full date written in the text (or a month-day resolved
// with the anchor's year), also on a weekday written next to one ("Friday, April 7, 2025"), so
// a later check can compare them. Replaces doc.timexes.
void find_times(Document& doc, const std::string& dct);

// Numbers with bound, range (low/high), vagueness, unit (%, "pp", ISO currency, km ...),
// counted noun and event stem (from the dependency tree when the sentence is parsed).
// Numbers inside doc.timexes (dates, years, durations, clock times) are skipped, so run
// find_times first. Conventions for vague counts and bounds are listed in quantities.cc.
// Replaces doc.quantities.
void find_quantities(Document& doc);

class QuoteModel;

// Quotes from the attribution tagger `model` (quotes_model.h): source, cue and content spans in
// PolNeAR's conventions, linked and with speakers resolved from doc.mentions by the rule stated
// in quotes.cc. Direct content is the text inside the marks (PolNeAR spans also cover the marks:
// attribution_spans widens them). Needs doc.tokens; uses the syntax layer when it is filled.
// Replaces doc.quotes; an empty model leaves no quotes.
void find_quotes(Document& doc, const QuoteModel& model);

// The linking and speaker steps of find_quotes on given spans (the tagger's, or a test's).
std::vector<Quote> quotes_from_spans(const Document& doc, const std::vector<RoleSpan>& spans);

// The source of the cue spanning `cue` read from the dependency tree: the subtree of the cue
// verb's nsubj, of a passive's obl:agent, or of the noun "according to" attaches to; nullopt
// when the tokens are not parsed or the tree names none.
std::optional<Span> source_from_tree(const Document& doc, Span cue);

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
