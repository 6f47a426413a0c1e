#include "ingest/dates.h"

#include <array>
#include <cstdio>
#include <vector>

namespace crosscheck::ingest_internal {

namespace {

struct MonthName {
  std::string_view name;
  int month;
};

// Month names and abbreviations in the languages of most news pages (lower case).
constexpr MonthName kMonthNames[] = {
    {"january", 1},
    {"jan", 1},
    {"february", 2},
    {"feb", 2},
    {"march", 3},
    {"mar", 3},
    {"april", 4},
    {"apr", 4},
    {"may", 5},
    {"june", 6},
    {"jun", 6},
    {"july", 7},
    {"jul", 7},
    {"august", 8},
    {"aug", 8},
    {"september", 9},
    {"sep", 9},
    {"sept", 9},
    {"october", 10},
    {"oct", 10},
    {"november", 11},
    {"nov", 11},
    {"december", 12},
    {"dec", 12},
    // German
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"märz", 3},
    {"mär", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    {"dez", 12},
    // French
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    // Spanish, Italian, Portuguese, Dutch
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    {"janeiro", 1},
    {"fevereiro", 2},
    {"março", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mei", 5},
    {"augustus", 8},
};

enum class Kind { kNumber, kWord, kPunct };

struct Token {
  Kind kind;
  std::string_view text;
  std::string lower;  // words only
  int value = 0;      // numbers only (capped)
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_byte(char c) {
  auto b = static_cast<unsigned char>(c);
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80;
}

// Tokens of `text`, skipping spaces; stops after `max_tokens`.
std::vector<Token> tokenize(std::string_view text, size_t max_tokens) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size() && tokens.size() < max_tokens) {
    char c = text[i];
    if (is_digit(c)) {
      size_t start = i;
      int value = 0;
      while (i < text.size() && is_digit(text[i])) {
        if (value < 100000000) value = value * 10 + (text[i] - '0');
        ++i;
      }
      tokens.push_back({Kind::kNumber, text.substr(start, i - start), {}, value});
    } else if (is_word_byte(c)) {
      size_t start = i;
      while (i < text.size() && is_word_byte(text[i])) ++i;
      Token token{Kind::kWord, text.substr(start, i - start), {}, 0};
      token.lower.assign(token.text);
      for (char& ch : token.lower) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
      tokens.push_back(std::move(token));
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else {
      tokens.push_back({Kind::kPunct, text.substr(i, 1), {}, 0});
      ++i;
    }
  }
  return tokens;
}

int month_of(const Token& token) {
  if (token.kind != Kind::kWord || token.lower.size() < 3 || token.lower.size() > 10) return 0;
  for (const MonthName& entry : kMonthNames) {
    if (entry.name == token.lower) return entry.month;
  }
  return 0;
}

bool valid_date(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1990 || year > 2040 || month < 1 || month > 12 || day < 1) return false;
  if (month == 2 && day == 29) return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1];
}

std::string format_date(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

bool is_number(const Token& token, size_t min_digits, size_t max_digits) {
  return token.kind == Kind::kNumber && token.text.size() >= min_digits &&
         token.text.size() <= max_digits;
}

bool is_punct(const Token& token, std::string_view chars) {
  return token.kind == Kind::kPunct && chars.find(token.text[0]) != std::string_view::npos;
}

bool is_ordinal_suffix(const Token& token) {
  return token.kind == Kind::kWord &&
         (token.lower == "st" || token.lower == "nd" || token.lower == "rd" ||
          token.lower == "th" || token.lower == "er" || token.lower == "º");
}

bool is_connector(const Token& token) {
  return token.kind == Kind::kWord &&
         (token.lower == "of" || token.lower == "de" || token.lower == "del");
}

// Tries every date shape starting at token `i`; returns the date or empty.
std::string date_at(const std::vector<Token>& t, size_t i) {
  auto at = [&](size_t k) -> const Token* { return k < t.size() ? &t[k] : nullptr; };
  const Token& first = t[i];
  // 2025-04-17, 2025/04/17, 2025.04.17 (the separators must agree).
  if (is_number(first, 4, 4) && at(i + 4) != nullptr && is_punct(t[i + 1], "-/.") &&
      is_number(t[i + 2], 1, 2) && t[i + 3].kind == Kind::kPunct &&
      t[i + 3].text == t[i + 1].text && is_number(t[i + 4], 1, 2)) {
    if (valid_date(first.value, t[i + 2].value, t[i + 4].value)) {
      return format_date(first.value, t[i + 2].value, t[i + 4].value);
    }
  }
  // 20250417 (compact ISO, as in URLs and some metadata).
  if (is_number(first, 8, 8)) {
    int year = first.value / 10000, month = first.value / 100 % 100, day = first.value % 100;
    if (valid_date(year, month, day)) return format_date(year, month, day);
  }
  // 17.04.2025 (day first), 04/17/2025 or 17/04/2025 (decided when one part exceeds 12).
  if (is_number(first, 1, 2) && at(i + 4) != nullptr && is_punct(t[i + 1], "./-") &&
      is_number(t[i + 2], 1, 2) && t[i + 3].kind == Kind::kPunct &&
      t[i + 3].text == t[i + 1].text && is_number(t[i + 4], 4, 4)) {
    int a = first.value, b = t[i + 2].value, year = t[i + 4].value;
    if (t[i + 1].text == "." || (a > 12 && b <= 12)) {
      if (valid_date(year, b, a)) return format_date(year, b, a);
    } else if (b > 12 && a <= 12) {
      if (valid_date(year, a, b)) return format_date(year, a, b);
    }
  }
  // April 17, 2025 / Apr. 17th 2025
  if (int month = month_of(first); month != 0) {
    size_t k = i + 1;
    if (at(k) != nullptr && is_punct(t[k], ".")) ++k;
    if (at(k) != nullptr && is_number(t[k], 1, 2)) {
      int day = t[k].value;
      ++k;
      if (at(k) != nullptr && is_ordinal_suffix(t[k])) ++k;
      if (at(k) != nullptr && is_punct(t[k], ",")) ++k;
      if (at(k) != nullptr && is_number(t[k], 4, 4) && valid_date(t[k].value, month, day)) {
        return format_date(t[k].value, month, day);
      }
    }
  }
  // 17 April 2025 / 17. April 2025 / 17th of April, 2025 / 17 de abril de 2025
  if (is_number(first, 1, 2)) {
    int day = first.value;
    size_t k = i + 1;
    if (at(k) != nullptr && (is_punct(t[k], ".") || is_ordinal_suffix(t[k]))) ++k;
    if (at(k) != nullptr && is_connector(t[k])) ++k;
    if (at(k) != nullptr) {
      if (int month = month_of(t[k]); month != 0) {
        ++k;
        if (at(k) != nullptr && is_punct(t[k], ".,")) ++k;
        if (at(k) != nullptr && is_connector(t[k])) ++k;
        if (at(k) != nullptr && is_number(t[k], 4, 4) && valid_date(t[k].value, month, day)) {
          return format_date(t[k].value, month, day);
        }
      }
    }
  }
  return {};
}

std::string first_date(std::string_view text, size_t max_tokens) {
  std::vector<Token> tokens = tokenize(text, max_tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == Kind::kPunct) continue;
    std::string date = date_at(tokens, i);
    if (!date.empty()) return date;
  }
  return {};
}

}  // namespace

std::string normalize_date(std::string_view value) {
  if (value.size() > 200) value = value.substr(0, 200);
  return first_date(value, 64);
}

std::string find_date_in_text(std::string_view text) { return first_date(text, 1u << 20); }

std::string date_from_url(std::string_view url) {
  // Only the path: hosts and query strings hold numbers that are not dates.
  size_t scheme = url.find("://");
  size_t path_start = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path_start == std::string_view::npos) return {};
  std::string_view path = url.substr(path_start);
  path = path.substr(0, path.find_first_of("?#"));
  std::vector<Token> tokens = tokenize(path, 256);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    // A date in a path must start a segment: the token before is '/' (or '-'/'_' for slugs).
    if (i == 0 || !is_punct(tokens[i - 1], "/-_")) continue;
    if (is_number(token, 4, 4) && i + 4 < tokens.size() && is_punct(tokens[i + 1], "/-_") &&
        is_number(tokens[i + 2], 2, 2) && is_punct(tokens[i + 3], "/-_") &&
        is_number(tokens[i + 4], 1, 2) &&
        valid_date(token.value, tokens[i + 2].value, tokens[i + 4].value)) {
      return format_date(token.value, tokens[i + 2].value, tokens[i + 4].value);
    }
    if (is_number(token, 8, 8)) {
      int year = token.value / 10000, month = token.value / 100 % 100, day = token.value % 100;
      if (valid_date(year, month, day)) return format_date(year, month, day);
    }
  }
  return {};
}

}  // namespace crosscheck::ingest_internal
