// The linear pre-pass over raw HTML that keeps gumbo's work small and its tree shallow.
#include <algorithm>
#include <iterator>
#include <string>
#include <unordered_map>

#include "ingest/html.h"
#include "ingest/ingest.h"

namespace crosscheck::ingest_internal {

std::string_view prepare_html(std::string_view html, size_t max_depth, std::string& storage) {
  // Elements whose end tag is optional or absent do not deepen the tree the way a scan of start
  // and end tags would suggest, so they are not counted.
  static constexpr std::string_view kUncounted[] = {
      "area",   "base",     "br",     "col",   "embed", "hr",    "img",      "input", "link",
      "meta",   "param",    "source", "track", "wbr",   "p",     "li",       "dt",    "dd",
      "option", "optgroup", "tr",     "td",    "th",    "tbody", "thead",    "tfoot", "colgroup",
      "rb",     "rt",       "rp",     "html",  "head",  "body",  "!doctype", "image", "basefont"};
  static constexpr std::string_view kRawText[] = {"script",    "style",   "textarea", "title",
                                                  "xmp",       "iframe",  "noembed",  "noframes",
                                                  "plaintext", "noscript"};
  size_t depth = 0;
  std::unordered_map<std::string, size_t> dropped;
  bool copying = false;
  size_t copied_until = 0;  // bytes of `html` already accounted for in `storage`
  auto drop = [&](size_t from, size_t to) {
    if (from < copied_until || to < from) return;  // ranges only ever move forward
    if (!copying) {
      storage.clear();
      storage.reserve(html.size());
      copying = true;
    }
    storage.append(html.substr(copied_until, from - copied_until));
    copied_until = to;
  };
  auto is_name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == ':' || c == '_';
  };
  size_t i = 0;
  while (i < html.size()) {
    size_t open = html.find('<', i);
    if (open == std::string_view::npos || open + 1 >= html.size()) break;
    if (html.compare(open, 4, "<!--") == 0) {
      size_t close = html.find("-->", open + 4);
      if (close == std::string_view::npos) break;  // the rest is a comment to the parser too
      drop(open, close + 3);
      i = close + 3;
      continue;
    }
    bool end_tag = html[open + 1] == '/';
    size_t name_start = open + (end_tag ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
    if (name_end == name_start) {
      i = open + 1;
      continue;
    }
    std::string name = ascii_lower(html.substr(name_start, name_end - name_start));
    // End of the tag, skipping quoted attribute values. Attributes past kMaxHtmlAttributes are
    // cut: the parser checks each new attribute against all earlier ones (quadratic).
    size_t close = name_end;
    char quote = 0;
    size_t attributes = 0;
    size_t attribute_cut = std::string_view::npos;
    bool after_space = false;
    while (close < html.size()) {
      char c = html[close];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '>') {
        break;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        after_space = true;
      } else {
        if (after_space && ++attributes > kMaxHtmlAttributes &&
            attribute_cut == std::string_view::npos) {
          attribute_cut = close;
        }
        after_space = false;
        if (c == '"' || c == '\'') quote = c;
      }
      ++close;
    }
    if (close >= html.size()) break;
    size_t tag_end = close + 1;
    bool uncounted =
        std::find(std::begin(kUncounted), std::end(kUncounted), name) != std::end(kUncounted) ||
        html[close - 1] == '/';
    if (end_tag) {
      auto found = dropped.find(name);
      if (found != dropped.end() && found->second > 0) {
        --found->second;
        drop(open, tag_end);
      } else if (!uncounted && depth > 0) {
        --depth;
      }
      i = tag_end;
      continue;
    }
    if (std::find(std::begin(kRawText), std::end(kRawText), name) != std::end(kRawText)) {
      // Raw text: the content is not markup; jump to the matching end tag.
      std::string lower_end = "</" + name;
      size_t search = tag_end;
      size_t found = std::string_view::npos;
      while (search < html.size()) {
        size_t candidate = html.find("</", search);
        if (candidate == std::string_view::npos) break;
        if (ascii_lower(html.substr(candidate, lower_end.size())) == lower_end) {
          found = candidate;
          break;
        }
        search = candidate + 2;
      }
      if (found == std::string_view::npos) break;
      size_t end_close = html.find('>', found);
      // Scripts, styles and noscript never hold article text; the parser need not read them.
      // JSON-LD scripts stay: they carry the metadata.
      bool droppable =
          name == "style" || name == "noscript" ||
          (name == "script" &&
           ascii_lower(html.substr(open, tag_end - open)).find("ld+json") == std::string::npos);
      if (droppable && end_close != std::string_view::npos) {
        drop(open, end_close + 1);
        i = end_close + 1;
      } else {
        if (attribute_cut != std::string_view::npos) drop(attribute_cut, close);
        i = found;
      }
      continue;
    }
    bool dropped_tag = false;
    if (!uncounted) {
      if (depth >= max_depth) {
        ++dropped[name];
        drop(open, tag_end);
        dropped_tag = true;
      } else {
        ++depth;
      }
    }
    if (!dropped_tag && attribute_cut != std::string_view::npos) drop(attribute_cut, close);
    i = tag_end;
  }
  if (!copying) return html;
  storage.append(html.substr(copied_until));
  return storage;
}

}  // namespace crosscheck::ingest_internal
