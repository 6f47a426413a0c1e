#include "brief/markup.h"

#include <cctype>

#include "core/utf8.h"

namespace crosscheck::markup {

std::string html(std::string_view raw) {
  std::string text = utf8::is_valid(raw) ? std::string(raw) : utf8::repair(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

bool is_web_url(std::string_view url) {
  auto starts_with_ci = [&url](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  if (!starts_with_ci("http://") && !starts_with_ci("https://")) return false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\'' || c == '<' || c == '>' ||
        c == '`') {
      return false;
    }
  }
  return true;
}

std::string code_safe(std::string_view text) {
  std::string out = utf8::repair(text);
  for (char& c : out) {
    if (c == '`') c = '\'';
    if (c == '\n' || c == '\r' || c == '|') c = c == '|' ? '/' : ' ';
  }
  return out;
}

}  // namespace crosscheck::markup
