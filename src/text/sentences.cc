// Sentence boundaries: ICU's sentence break iterator per block of lines, corrected for news
// abbreviations and for line structure (headlines, list items and table rows stand alone).
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "text/annotate.h"
#include "text/text.h"

namespace crosscheck::text_internal {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Code point starting at `pos` (U+FFFD past the end).
char32_t code_point_at(std::string_view text, size_t pos) {
  return pos < text.size() ? utf8::decode(text, pos) : utf8::kReplacement;
}

// Last code point ending before `end`.
char32_t code_point_before(std::string_view text, size_t end) {
  if (end == 0) return 0;
  size_t start = utf8::align_back(text, end - 1);
  return utf8::decode(text, start);
}

bool is_opening_punct(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018;
}

bool is_closing_punct(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019;
}

bool is_terminal_punct(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ':' || cp == ';';
}

struct Line {
  size_t start;  // first non-space byte
  size_t end;    // one past the last non-space byte
  bool blank_before;
};

// A line that must stand alone: bullet or numbered list item, or a table row.
bool is_list_or_table(std::string_view line) {
  if (line.find('|') != std::string_view::npos) return true;
  size_t pos = 0;
  char32_t first = utf8::decode(line, pos);
  bool bullet = first == '-' || first == '*' || first == '+' || first == 0x2022 ||
                first == 0x00B7 || first == 0x2013 || first == 0x2014 || first == 0x25AA ||
                first == 0x25CF;
  if (bullet) return pos < line.size() && line[pos] == ' ';
  size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  return digits > 0 && digits <= 3 && digits + 1 < line.size() &&
         (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ';
}

// A single newline joins two lines when the first stops mid-sentence and the second goes on
// in lower case ("... the talks\nin Paris ...").
bool continues(std::string_view text, const Line& line, const Line& next) {
  if (next.blank_before) return false;
  std::string_view first = text.substr(line.start, line.end - line.start);
  std::string_view second = text.substr(next.start, next.end - next.start);
  if (is_list_or_table(first) || is_list_or_table(second)) return false;
  char32_t last = code_point_before(text, line.end);
  if (is_terminal_punct(last) || is_closing_punct(last)) return false;
  return u_islower(static_cast<UChar32>(code_point_at(text, next.start)));
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  bool blank_before = false;
  while (pos <= text.size()) {
    size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) newline = text.size();
    size_t start = pos, end = newline;
    while (start < end && is_space(text[start])) ++start;
    while (end > start && is_space(text[end - 1])) --end;
    if (start == end) {
      blank_before = true;
    } else {
      lines.push_back({start, end, blank_before});
      blank_before = false;
    }
    pos = newline + 1;
  }
  return lines;
}

// Abbreviations and the function words after them are short; looking further would make
// long runs without spaces ("a!a!a!...") quadratic.
constexpr size_t kMaxWordBytes = 32;

// The word before `end` (which follows a '.'), without opening quotes or brackets; at most
// kMaxWordBytes long.
std::string_view word_before(std::string_view text, size_t segment_start, size_t end) {
  size_t start = end;
  size_t limit = end - segment_start > kMaxWordBytes ? end - kMaxWordBytes : segment_start;
  while (start > limit && !is_space(text[start - 1])) --start;
  start = utf8::align_back(text, start);
  while (start < end && is_opening_punct(code_point_at(text, start))) {
    size_t next = start;
    utf8::decode(text, next);
    start = next;
  }
  return text.substr(start, end - start);
}

// The word starting at or after `pos` (skipping spaces and opening punctuation); at most
// kMaxWordBytes long.
std::string_view word_after(std::string_view text, size_t pos, size_t segment_end) {
  while (pos < segment_end && is_space(text[pos])) ++pos;
  while (pos < segment_end && is_opening_punct(code_point_at(text, pos))) {
    utf8::decode(text, pos);
  }
  size_t end = pos;
  size_t limit = segment_end - pos > kMaxWordBytes ? pos + kMaxWordBytes : segment_end;
  while (end < limit && !is_space(text[end])) ++end;
  if (end < segment_end) end = utf8::align_back(text, end);
  return text.substr(pos, end - pos);
}

// Strips trailing punctuation so "The," reads as "the" for the stop-word test.
bool is_capitalised_function_word(std::string_view word) {
  size_t end = 0;
  while (end < word.size() &&
         ((word[end] >= 'a' && word[end] <= 'z') || (word[end] >= 'A' && word[end] <= 'Z'))) {
    ++end;
  }
  if (end == 0 || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
  return is_stop_word(fold_case(word.substr(0, end)));
}

// True when ICU's boundary at `boundary` follows an abbreviation and the text goes on.
bool is_false_break(std::string_view text, size_t segment_start, size_t segment_end,
                    size_t boundary) {
  size_t end = boundary;
  while (end > segment_start && is_space(text[end - 1])) --end;
  if (end == segment_start) return false;
  char32_t last = code_point_before(text, end);
  if (last == '!' || last == '?' || is_closing_punct(last)) {
    // "“Never!” he added." goes on in lower case after the quotation.
    std::string_view after = word_after(text, boundary, segment_end);
    return !after.empty() && u_islower(static_cast<UChar32>(code_point_at(after, 0)));
  }
  if (last != '.') return false;
  std::string_view before = word_before(text, segment_start, end);
  AbbreviationKind kind = classify_abbreviation(before);
  if (kind == AbbreviationKind::kNone) return false;
  std::string_view after = word_after(text, boundary, segment_end);
  if (after.empty()) return false;
  char32_t next = code_point_at(after, 0);
  bool lower_or_digit = u_islower(static_cast<UChar32>(next)) || (next >= '0' && next <= '9');
  switch (kind) {
    case AbbreviationKind::kTitle:
    case AbbreviationKind::kInitial:
    case AbbreviationKind::kLinking:
      return true;
    case AbbreviationKind::kMonth:
    case AbbreviationKind::kBeforeNumber:
      return lower_or_digit;
    case AbbreviationKind::kCanEnd:
      // "the U.S. State Department" goes on; "... in the U.S. The next day" ends.
      return lower_or_digit || !is_capitalised_function_word(after);
    case AbbreviationKind::kNone:
      break;
  }
  return false;
}

icu::BreakIterator* sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return iterator.get();
}

// Appends the sentences of the segment [start, end) (lines already joined) to `out`.
void split_segment(std::string_view text, size_t start, size_t end, std::vector<Span>& out) {
  std::vector<size_t> boundaries;
  icu::BreakIterator* iterator = sentence_iterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* utext =
      utext_openUTF8(nullptr, text.data() + start, static_cast<int64_t>(end - start), &status);
  if (iterator != nullptr && U_SUCCESS(status)) {
    iterator->setText(utext, status);
    if (U_SUCCESS(status)) {
      for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next()) {
        size_t boundary = start + static_cast<size_t>(b);
        if (boundary >= end) break;
        // Newlines inside a joined segment were judged not to end the sentence.
        if (text[boundary - 1] == '\n') continue;
        if (is_false_break(text, start, end, boundary)) continue;
        boundaries.push_back(boundary);
      }
    }
  }
  if (utext != nullptr) utext_close(utext);
  boundaries.push_back(end);
  size_t sentence_start = start;
  for (size_t boundary : boundaries) {
    size_t s = sentence_start, e = boundary;
    while (s < e && is_space(text[s])) ++s;
    while (e > s && is_space(text[e - 1])) --e;
    if (s < e) out.push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(e)});
    sentence_start = boundary;
  }
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text) {
  std::vector<Span> sentences;
  std::vector<Line> lines = split_lines(text);
  size_t i = 0;
  while (i < lines.size()) {
    size_t j = i;
    while (j + 1 < lines.size() && continues(text, lines[j], lines[j + 1])) ++j;
    split_segment(text, lines[i].start, lines[j].end, sentences);
    i = j + 1;
  }
  return sentences;
}

}  // namespace crosscheck::text_internal
