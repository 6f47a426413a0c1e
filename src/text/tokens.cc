// Tokens: a hand-written Unicode-aware scanner (ICU's word iterator is several times slower and
// splits "U.S." and "1,200" in ways the later stages would have to undo).
#include <unicode/uchar.h>

#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "text/annotate.h"
#include "text/text.h"

namespace crosscheck::text_internal {

namespace {

enum class CharClass : uint8_t {
  kSpace,
  kLetter,
  kDigit,
  kMark,  // combining marks and format characters: part of the word they sit in
  kApostrophe,
  kHyphen,
  kPunct,
  kSymbol,
};

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLetter;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if (cp <= ' ' || cp == 0x7F) return CharClass::kSpace;
    if (cp == '\'') return CharClass::kApostrophe;
    if (cp == '-') return CharClass::kHyphen;
    if (cp == '$' || cp == '%' || cp == '+' || cp == '<' || cp == '=' || cp == '>' || cp == '^' ||
        cp == '`' || cp == '|' || cp == '~') {
      return CharClass::kSymbol;
    }
    return CharClass::kPunct;
  }
  if (cp == 0x2019) return CharClass::kApostrophe;
  if (cp == 0x2010 || cp == 0x2011) return CharClass::kHyphen;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return CharClass::kLetter;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_FORMAT_CHAR:
      return CharClass::kMark;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR:
      return CharClass::kSpace;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharClass::kPunct;
    default:
      return CharClass::kSymbol;
  }
}

bool is_word_char(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit || c == CharClass::kMark;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool ascii_lower_equals(std::string_view text, size_t pos, std::string_view lower) {
  if (pos + lower.size() > text.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    if (c != lower[i]) return false;
  }
  return true;
}

class Scanner {
 public:
  Scanner(std::string_view text, size_t end) : text_(text), end_(end) {}

  // Code point at `pos` and the position after it (`pos` itself past the end).
  char32_t at(size_t pos, size_t* next = nullptr) const {
    if (pos >= end_) {
      if (next != nullptr) *next = pos;
      return 0;
    }
    size_t after = pos;
    char32_t cp;
    if (static_cast<unsigned char>(text_[pos]) < 0x80) {
      cp = static_cast<unsigned char>(text_[pos]);
      after = pos + 1;
    } else {
      cp = utf8::decode(text_.substr(0, end_), after);
    }
    if (next != nullptr) *next = after;
    return cp;
  }

  CharClass class_at(size_t pos) const {
    return pos >= end_ ? CharClass::kSpace : classify(at(pos));
  }

  size_t after(size_t pos) const {
    size_t next;
    at(pos, &next);
    return next;
  }

  // Length of an English clitic starting at `pos` ("'s", "’re", "n't"), 0 when none. The
  // clitic must be followed by a non-word character.
  size_t clitic_length(size_t pos) const {
    size_t apostrophe = pos;
    bool negation = false;
    if (pos < end_ && (text_[pos] == 'n' || text_[pos] == 'N')) {
      apostrophe = pos + 1;
      negation = true;
    }
    if (class_at(apostrophe) != CharClass::kApostrophe) return 0;
    size_t rest = after(apostrophe);
    static constexpr std::string_view kSuffixes[] = {"s", "re", "ve", "ll", "d", "m"};
    if (negation) {
      if (!ascii_lower_equals(text_, rest, "t") || rest + 1 > end_) return 0;
      return is_word_char(class_at(rest + 1)) ? 0 : rest + 1 - pos;
    }
    for (std::string_view suffix : kSuffixes) {
      if (rest + suffix.size() <= end_ && ascii_lower_equals(text_, rest, suffix) &&
          !is_word_char(class_at(rest + suffix.size()))) {
        return rest + suffix.size() - pos;
      }
    }
    return 0;
  }

  // Length of a web address starting at `pos` ("https://…", "www.…"), up to the next space
  // and without trailing punctuation; 0 when there is none.
  size_t url_length(size_t pos) const {
    if (!ascii_lower_equals(text_, pos, "http://") && !ascii_lower_equals(text_, pos, "https://") &&
        !ascii_lower_equals(text_, pos, "www.")) {
      return 0;
    }
    size_t end = pos;
    while (end < end_ && class_at(end) != CharClass::kSpace) end = after(end);
    while (end > pos) {
      char last = text_[end - 1];
      if (last != '.' && last != ',' && last != ';' && last != ':' && last != ')' && last != '"' &&
          last != '\'' && last != '!' && last != '?') {
        break;
      }
      --end;
    }
    return end > pos + 4 ? end - pos : 0;
  }

  // End of the word starting at `start` (a letter or digit).
  size_t scan_word(size_t start) const {
    size_t pos = start;
    // "U.S.", "a.m.": single ASCII letters joined by periods.
    size_t probe = start, dotted_end = 0;
    while (probe + 1 < end_ && is_ascii_letter(text_[probe]) && text_[probe + 1] == '.') {
      probe += 2;
      if (probe - start >= 4) dotted_end = probe;
    }
    if (dotted_end != 0 && !is_word_char(class_at(dotted_end))) return dotted_end;
    while (true) {
      while (pos < end_ && is_word_char(class_at(pos))) pos = after(pos);
      if (pos >= end_) break;
      CharClass here = class_at(pos);
      size_t next = after(pos);
      CharClass following = class_at(next);
      if (here == CharClass::kHyphen && is_word_char(following)) {  // "30-day", "well-known"
        pos = next;
        continue;
      }
      char c = text_[pos];
      if ((c == '.' || c == ',' || c == ':' || c == '/') && following == CharClass::kDigit &&
          pos > start && class_at(utf8::align_back(text_, pos - 1)) == CharClass::kDigit) {
        pos = next;  // "1,200", "3.5", "10:30", "9/11"
        continue;
      }
      if (here == CharClass::kApostrophe && following == CharClass::kLetter) {
        // "don't" -> "do" + "n't"; "Russia's" -> "Russia" + "'s"; "O'Brien" stays whole.
        size_t n = utf8::align_back(text_, pos - 1);
        if (n > start && clitic_length(n) > 0 && (text_[n] == 'n' || text_[n] == 'N')) {
          return n;
        }
        if (clitic_length(pos) > 0) return pos;
        pos = next;
        continue;
      }
      break;
    }
    // Keep the period of an abbreviation ("Gen.", "Jan.", "J.") with the word.
    if (pos < end_ && text_[pos] == '.' &&
        classify_abbreviation(text_.substr(start, pos + 1 - start)) != AbbreviationKind::kNone) {
      return pos + 1;
    }
    return pos;
  }

  // End of a punctuation token: runs of '.' or '-' stay together ("...", "--").
  size_t scan_punct(size_t start) const {
    char c = text_[start];
    size_t pos = after(start);
    if (c == '.' || c == '-') {
      while (pos < end_ && text_[pos] == c) ++pos;
    }
    return pos;
  }

 private:
  std::string_view text_;
  size_t end_;
};

void set_case_flags(std::string_view text, Token& token) {
  size_t pos = token.span.start;
  int letters = 0, upper = 0;
  bool first_letter_seen = false;
  while (pos < token.span.end) {
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {  // ASCII fast path
      ++pos;
      bool is_lower = byte >= 'a' && byte <= 'z', is_upper = byte >= 'A' && byte <= 'Z';
      if (!is_lower && !is_upper) continue;
      ++letters;
      if (is_upper) ++upper;
      if (!first_letter_seen) token.capitalized = is_upper;
      first_letter_seen = true;
      continue;
    }
    char32_t cp = utf8::decode(text.substr(0, token.span.end), pos);
    if (!u_isalpha(static_cast<UChar32>(cp))) continue;
    ++letters;
    bool is_upper = u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
    if (is_upper) ++upper;
    if (!first_letter_seen) token.capitalized = is_upper;
    first_letter_seen = true;
  }
  token.all_caps = letters >= 2 && upper == letters;
}

}  // namespace

void tokenize(std::string_view text, Span span, uint32_t sentence, std::vector<Token>& out) {
  size_t end = span.end > text.size() ? text.size() : span.end;
  Scanner scanner(text, end);
  size_t pos = span.start;
  while (pos < end) {
    CharClass kind = scanner.class_at(pos);
    if (kind == CharClass::kSpace) {
      pos = scanner.after(pos);
      continue;
    }
    Token token;
    token.sentence = sentence;
    size_t token_end;
    bool clitic = false;
    size_t clitic_len = pos > span.start ? scanner.clitic_length(pos) : 0;
    size_t url_len = kind == CharClass::kLetter ? scanner.url_length(pos) : 0;
    if (url_len > 0) {
      token_end = pos + url_len;
      token.shape = TokenShape::kSymbol;
    } else if (clitic_len > 0 &&
               (text[pos - 1] == '.' ||  // "U.S.'s"
                is_word_char(scanner.class_at(utf8::align_back(text, pos - 1))))) {
      token_end = pos + clitic_len;
      token.shape = TokenShape::kWord;
      clitic = true;
    } else if (is_word_char(kind)) {
      token_end = scanner.scan_word(pos);
      token.shape = kind == CharClass::kDigit ? TokenShape::kNumber : TokenShape::kWord;
    } else if (kind == CharClass::kSymbol) {
      token_end = scanner.after(pos);
      token.shape = TokenShape::kSymbol;
    } else {
      token_end = scanner.scan_punct(pos);
      token.shape = TokenShape::kPunct;
    }
    token.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(token_end)};
    std::string_view surface = text.substr(pos, token_end - pos);
    token.lower = fold_case(surface);
    if (token.shape == TokenShape::kWord) {
      token.stem = clitic ? token.lower : stem(token.lower);
      set_case_flags(text, token);
    }
    out.push_back(std::move(token));
    pos = token_end;
  }
}

}  // namespace crosscheck::text_internal
