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
// Any bytes are accepted (malformed UTF-8 reads as U+FFFD); about 20 MB/s per core.
//
// Sentences: spans exclude surrounding whitespace. No break after titles ("Gen.", "Mr."),
// initials ("J. R."), months before a number ("Jan. 5"), "No. 3", "vs."; after "U.S.",
// "Inc.", "a.m." only when a capitalised function word follows ("... the U.S. The next day").
// A blank line always ends a sentence; a single newline does too, unless the line stops
// without final punctuation and the next one goes on in lower case. List items ("- ", "1. ")
// and table rows ("|") are sentences of their own.
//
// Tokens: words keep internal hyphens and apostrophes ("30-day", "O'Brien"); clitics are
// split ("Russia's" -> "Russia" "'s", "don't" -> "do" "n't"); dotted acronyms and known
// abbreviations keep their period ("U.S.", "Gen."); numbers keep separators between digits
// ("1,200", "3.5", "10:30", "9/11") and are kNumber when they start with a digit; "..." and
// "--" are one punctuation token; currency, "%", "+" and web addresses ("https://…",
// "www.…") are kSymbol; curly quotes are kPunct.
// `lower` is set on every token, `stem` and the case flags on words only.
void annotate_text(Document& doc);

// `doc` itself when it has tokens (or no text); otherwise `scratch`, filled with an annotated
// copy of doc.text only. For cross-document stages that accept unannotated input.
const Document& with_tokens(const Document& doc, Document& scratch);

// Snowball English stem of a lower-case word.
std::string stem(std::string_view lower_word);

// Lower-cased (Unicode full case folding) copy.
std::string fold_case(std::string_view text);

// True when the word is an English stop word (function words, auxiliaries).
bool is_stop_word(std::string_view lower_word);

}  // namespace crosscheck
