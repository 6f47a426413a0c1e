// text: normalisation, sentences, tokens and stems.
//
// `normalize` is applied once by ingest (Unicode NFC, line endings, control characters,
// whitespace runs inside lines); `annotate_text` then adds the sentence and token layers
// without changing the text. Sentences come from ICU's break iterator, corrected for news
// abbreviations ("U.S.", "Gen.", "St.", "Jan."), initials and line breaks (headlines and
// list items are their own sentences). Tokens carry byte offsets, case flags, the lower-cased
// form and a Snowball stem (English unless the document says otherwise).
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"

namespace crosscheck {

// Normalised form of UTF-8 `text`: NFC; CRLF/CR -> LF; tabs and other spaces -> ' '; runs of
// spaces collapsed; trailing spaces on lines removed; more than two newlines -> two; control
// characters removed; leading/trailing whitespace trimmed.
std::string normalize(std::string_view text);

// Fills doc.sentences and doc.tokens from doc.text. Idempotent. Thread-safe for distinct docs.
void annotate_text(Document& doc);

// Snowball English stem of a lower-case word.
std::string stem(std::string_view lower_word);

// Lower-cased (Unicode full case folding) copy.
std::string fold_case(std::string_view text);

// True when the word is an English stop word (function words, auxiliaries).
bool is_stop_word(std::string_view lower_word);

}  // namespace crosscheck
