// The word view shared by the time, quantity and quote scanners.
#include "extract/layers.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>

#include "core/utf8.h"
#include "text/text.h"

namespace crosscheck::extract {

namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Letters outside ASCII: treat every code point above U+00BF that is not punctuation we know
// as a letter. Good enough for names such as "Zelenskyy" or "Müller" inside a word.
bool is_letter_cp(char32_t cp) {
  if (cp < 0x80) return is_ascii_alpha(static_cast<char>(cp));
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // general punctuation, currency, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xA3 || cp == 0xA5 || cp == 0xA7 ||
      cp == 0xB0 || cp == 0xB7 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
    return false;
  return cp >= 0xC0;
}

bool is_apostrophe_cp(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// utf8::decode with a fast path for ASCII, which is most of the text.
char32_t next_code_point(std::string_view text, size_t& pos) {
  unsigned char byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    ++pos;
    return byte;
  }
  return utf8::decode(text, pos);
}

// Fallback sentence split when the document has no sentence layer: ., ! or ? followed by
// whitespace, or a line break.
std::vector<uint32_t> fallback_sentence_starts(std::string_view text) {
  std::vector<uint32_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      starts.push_back(static_cast<uint32_t>(i + 1));
    } else if ((c == '.' || c == '!' || c == '?') && i + 1 < text.size() && text[i + 1] == ' ') {
      // Not after a single capital letter (initials) or a short abbreviation like "Mr".
      size_t word_start = i;
      while (word_start > 0 && is_ascii_alpha(text[word_start - 1])) --word_start;
      size_t length = i - word_start;
      std::string_view before = text.substr(word_start, length);
      bool abbreviation = c == '.' && (length == 1 || before == "Mr" || before == "Mrs" ||
                                       before == "Ms" || before == "Dr" || before == "St");
      if (!abbreviation) starts.push_back(static_cast<uint32_t>(i + 2));
    }
  }
  return starts;
}

}  // namespace

std::vector<Word> scan_words(const Document& doc) {
  std::string_view text = doc.text;
  std::vector<Word> words;
  words.reserve(text.size() / 4);
  std::vector<uint32_t> fallback;
  if (doc.sentences.empty()) fallback = fallback_sentence_starts(text);
  size_t fallback_index = 0;
  size_t sentence_index = 0;

  bool space_before = true;
  bool newline_before = true;
  size_t pos = 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (is_space(c)) {
      space_before = true;
      if (c == '\n') newline_before = true;
      ++pos;
      continue;
    }
    size_t start = pos;
    Word word;
    word.space_before = space_before;
    word.newline_before = newline_before;
    space_before = newline_before = false;
    size_t probe = pos;
    char32_t cp = next_code_point(text, probe);
    if (is_ascii_digit(c)) {
      word.kind = WordKind::kNumber;
      while (pos < text.size()) {
        if (is_ascii_digit(text[pos])) {
          ++pos;
        } else if ((text[pos] == ',' || text[pos] == '.') && pos + 1 < text.size() &&
                   is_ascii_digit(text[pos + 1])) {
          pos += 2;
        } else {
          break;
        }
      }
    } else if (is_letter_cp(cp)) {
      pos = probe;
      while (pos < text.size()) {
        size_t next = pos;
        char32_t here = next_code_point(text, next);
        if (is_letter_cp(here)) {
          pos = next;
          continue;
        }
        // Apostrophes inside words ("don't", "Russia's") and dotted abbreviations ("a.m.").
        if (is_apostrophe_cp(here) && next < text.size()) {
          size_t after = next;
          if (is_letter_cp(next_code_point(text, after))) {
            pos = next;
            continue;
          }
        }
        if (here == '.' && next < text.size()) {
          size_t after = next;
          char32_t following = next_code_point(text, after);
          if (is_letter_cp(following) && (after >= text.size() || text[after] == '.')) {
            pos = after;  // letter after the dot; the next dot is taken on the next round
            continue;
          }
          // Closing dot of an abbreviation whose letters are single ("a.m." , "U.S.").
          if (pos - start >= 3 && text[pos - 2] == '.') {
            pos = next;
          }
        }
        break;
      }
    } else {
      pos = probe;
      word.kind = WordKind::kPunct;
    }
    word.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(pos)};
    std::string_view surface = text.substr(start, pos - start);
    word.lower.assign(surface);
    bool curly_apostrophe = false;
    for (char& ch : word.lower) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      curly_apostrophe |= static_cast<unsigned char>(ch) == 0xE2;
    }
    if (curly_apostrophe && word.kind == WordKind::kWord) {
      // "Russia’s" -> "russia's"
      for (size_t at = word.lower.find("\u2019"); at != std::string::npos;
           at = word.lower.find("\u2019", at + 1))
        word.lower.replace(at, 3, "'");
    }
    word.capitalized = (c >= 'A' && c <= 'Z') || (cp >= 0xC0 && cp <= 0xDE);
    if (!doc.sentences.empty()) {
      while (sentence_index + 1 < doc.sentences.size() &&
             doc.sentences[sentence_index + 1].span.start <= start)
        ++sentence_index;
      word.sentence = static_cast<uint32_t>(sentence_index);
    } else {
      while (fallback_index + 1 < fallback.size() && fallback[fallback_index + 1] <= start)
        ++fallback_index;
      word.sentence = static_cast<uint32_t>(fallback_index);
    }
    words.push_back(std::move(word));
  }
  return words;
}

size_t first_word_at(const std::vector<Word>& words, uint32_t offset) {
  auto it =
      std::lower_bound(words.begin(), words.end(), offset,
                       [](const Word& word, uint32_t value) { return word.span.start < value; });
  return static_cast<size_t>(it - words.begin());
}

std::optional<double> digit_value(std::string_view number) {
  if (number.empty() || !is_ascii_digit(number[0])) return std::nullopt;
  std::string digits;
  digits.reserve(number.size());
  // A comma followed by exactly three digits is a thousands separator; any other comma or a
  // dot is a decimal point ("3,5" in European text).
  for (size_t i = 0; i < number.size(); ++i) {
    char c = number[i];
    if (is_ascii_digit(c)) {
      digits.push_back(c);
    } else if (c == ',') {
      size_t run = 0;
      while (i + 1 + run < number.size() && is_ascii_digit(number[i + 1 + run])) ++run;
      digits.push_back(run == 3 ? '\0' : '.');
      if (digits.back() == '\0') digits.pop_back();
    } else if (c == '.') {
      digits.push_back('.');
    } else {
      return std::nullopt;
    }
  }
  char* end = nullptr;
  double value = std::strtod(digits.c_str(), &end);
  if (end == digits.c_str()) return std::nullopt;
  return value;
}

namespace {

struct NamedValue {
  std::string_view name;
  int value;
};

constexpr std::array<NamedValue, 28> kCardinals = {{
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},
}};

constexpr std::array<NamedValue, 31> kOrdinals = {{
    {"first", 1},         {"second", 2},          {"third", 3},       {"fourth", 4},
    {"fifth", 5},         {"sixth", 6},           {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},         {"tenth", 10},          {"eleventh", 11},   {"twelfth", 12},
    {"thirteenth", 13},   {"fourteenth", 14},     {"fifteenth", 15},  {"sixteenth", 16},
    {"seventeenth", 17},  {"eighteenth", 18},     {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},    {"fortieth", 40},       {"fiftieth", 50},   {"sixtieth", 60},
    {"seventieth", 70},   {"eightieth", 80},      {"ninetieth", 90},  {"hundredth", 100},
    {"thousandth", 1000}, {"millionth", 1000000}, {"last", -1},
}};

}  // namespace

std::optional<double> cardinal_word_value(std::string_view lower) {
  for (const NamedValue& entry : kCardinals)
    if (entry.name == lower) return entry.value;
  if (lower == "dozen") return 12;
  return std::nullopt;
}

std::optional<int> ordinal_word_value(std::string_view lower) {
  for (const NamedValue& entry : kOrdinals)
    if (entry.name == lower && entry.value > 0) return entry.value;
  // "17th", "1st", "22nd", "3rd"
  size_t digits = 0;
  while (digits < lower.size() && is_ascii_digit(lower[digits])) ++digits;
  if (digits > 0 && digits <= 4 && lower.size() == digits + 2) {
    std::string_view suffix = lower.substr(digits);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")
      return std::atoi(std::string(lower.substr(0, digits)).c_str());
  }
  return std::nullopt;
}

std::optional<double> read_cardinal(const std::vector<Word>& words, size_t i, size_t* end) {
  if (i >= words.size()) return std::nullopt;
  const Word& first = words[i];
  if (first.kind == WordKind::kNumber) {
    auto value = digit_value(first.lower);
    if (!value) return std::nullopt;
    *end = i + 1;
    return value;
  }
  auto value = cardinal_word_value(first.lower);
  if (!value || first.lower == "dozen") return std::nullopt;
  size_t next = i + 1;
  // "twenty-five", "twenty five"
  if (*value >= 20 && static_cast<int>(*value) % 10 == 0 && next < words.size()) {
    size_t unit_index = words[next].lower == "-" && !words[next].space_before ? next + 1 : next;
    if (unit_index < words.size()) {
      if (auto unit = cardinal_word_value(words[unit_index].lower);
          unit && *unit < 10 && *unit > 0) {
        *value += *unit;
        next = unit_index + 1;
      }
    }
  }
  // "two hundred", "three thousand"
  while (next < words.size() &&
         (words[next].lower == "hundred" || words[next].lower == "thousand")) {
    *value *= words[next].lower == "hundred" ? 100 : 1000;
    ++next;
  }
  *end = next;
  return value;
}

std::string word_stem(const Document& doc, const Word& word) {
  auto it =
      std::lower_bound(doc.tokens.begin(), doc.tokens.end(), word.span.start,
                       [](const Token& token, uint32_t start) { return token.span.start < start; });
  if (it != doc.tokens.end() && it->span == word.span && !it->stem.empty()) return it->stem;
  return stem(word.lower);
}

bool is_function_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a",       "an",        "the",    "this",  "that",   "these",   "those",   "and",
      "or",      "but",       "of",     "in",    "on",     "at",      "to",      "for",
      "from",    "by",        "with",   "as",    "into",   "over",    "after",   "before",
      "since",   "until",     "about",  "than",  "is",     "are",     "was",     "were",
      "be",      "been",      "being",  "has",   "have",   "had",     "do",      "does",
      "did",     "will",      "would",  "can",   "could",  "may",     "might",   "must",
      "shall",   "should",    "he",     "she",   "it",     "they",    "we",      "i",
      "you",     "his",       "her",    "its",   "their",  "our",     "my",      "your",
      "him",     "them",      "us",     "me",    "who",    "which",   "what",    "when",
      "where",   "while",     "if",     "so",    "not",    "no",      "also",    "more",
      "most",    "other",     "such",   "than",  "then",   "there",   "here",    "all",
      "each",    "some",      "any",    "both",  "per",    "during",  "against", "between",
      "among",   "including", "around", "under", "up",     "down",    "out",     "off",
      "through", "across",    "near",   "via",   "within", "without", "toward",  "towards",
      "upon"};
  for (std::string_view word : kWords)
    if (word == lower) return true;
  return false;
}

}  // namespace crosscheck::extract
