#include "core/utf8.h"

namespace crosscheck::utf8 {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length and validity of the sequence at `pos`; returns 0 when malformed.
size_t sequence_length(std::string_view text, size_t pos, char32_t& cp) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  size_t remaining = text.size() - pos;
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  size_t len;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (remaining < len) return 0;
  for (size_t i = 1; i < len; ++i) {
    unsigned char next = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(next)) return 0;
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

bool is_valid(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    char32_t cp;
    size_t len = sequence_length(text, pos, cp);
    if (len == 0) return false;
    pos += len;
  }
  return true;
}

char32_t decode(std::string_view text, size_t& pos) {
  if (pos >= text.size()) return 0;
  char32_t cp;
  size_t len = sequence_length(text, pos, cp);
  if (len == 0) {
    ++pos;
    return kReplacement;
  }
  pos += len;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string repair(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t before = pos;
    char32_t cp = decode(text, pos);
    if (cp == kReplacement && pos - before == 1 &&
        static_cast<unsigned char>(text[before]) >= 0x80) {
      append(out, kReplacement);
    } else {
      out.append(text.substr(before, pos - before));
    }
  }
  return out;
}

size_t align_back(std::string_view text, size_t pos) {
  if (pos > text.size()) pos = text.size();
  while (pos > 0 && pos < text.size() && is_continuation(static_cast<unsigned char>(text[pos]))) {
    --pos;
  }
  return pos;
}

}  // namespace crosscheck::utf8
