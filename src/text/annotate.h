// Pieces of annotate_text, exposed inside the text stage for its tests.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace crosscheck::text_internal {

// How an abbreviation ending in '.' behaves at a possible sentence end.
enum class AbbreviationKind : uint8_t {
  kNone,
  kTitle,         // "Mr.", "Gen.", "St.": a name follows, never a sentence end
  kInitial,       // "J." in "J. R. Smith"
  kMonth,         // "Jan." before a day or year
  kBeforeNumber,  // "No." before a number
  kLinking,       // "vs."
  kCanEnd,        // "U.S.", "Inc.", "a.m.": may also end a sentence
};

// Classifies `word` including its final '.' ("Gen.", "U.S."); kNone when it is not one.
AbbreviationKind classify_abbreviation(std::string_view word);

// Sentence spans of `text` (whitespace excluded), in order.
std::vector<Span> split_sentences(std::string_view text);

// Appends the tokens of `text[span]` to `out`, tagged with `sentence`.
void tokenize(std::string_view text, Span span, uint32_t sentence, std::vector<Token>& out);

}  // namespace crosscheck::text_internal
