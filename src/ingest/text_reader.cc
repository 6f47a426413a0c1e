// Plain text and HTML files as single articles, and telling formats apart.
#include <algorithm>
#include <string>

#include "ingest/dates.h"
#include "ingest/encoding.h"
#include "ingest/html.h"
#include "ingest/readers.h"

namespace crosscheck::ingest_internal {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// Headline markup of Markdown and of text pasted from it: "# Title", "**Title**".
std::string_view strip_markup(std::string_view line) {
  while (!line.empty() && line.front() == '#') line.remove_prefix(1);
  line = trim(line);
  while (line.size() >= 4 && line.substr(0, 2) == "**" && ends_with(line, "**")) {
    line = trim(line.substr(2, line.size() - 4));
  }
  return line;
}

struct WordShape {
  size_t words = 0;
  size_t long_words = 0;        // four letters or more
  size_t capitalised_long = 0;  // of those, starting with a capital
};

WordShape word_shape(std::string_view line) {
  WordShape shape;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i == start) break;
    std::string_view word = line.substr(start, i - start);
    ++shape.words;
    if (word.size() >= 4) {
      ++shape.long_words;
      unsigned char first = static_cast<unsigned char>(word.front());
      if ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9')) {
        ++shape.capitalised_long;
      }
    }
  }
  return shape;
}

size_t count_code_points(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Whether `line` (markup removed) reads as a headline: short, several words, and either no
// sentence-final full stop or Title Case with a blank line after it.
bool reads_as_headline(std::string_view line, bool blank_line_follows, bool markdown_heading) {
  if (markdown_heading) return !line.empty();
  size_t length = count_code_points(line);
  if (length < 3 || length > 160) return false;
  WordShape shape = word_shape(line);
  if (shape.words > 24 || (shape.words < 2 && !blank_line_follows)) return false;
  if (!std::any_of(line.begin(), line.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               static_cast<unsigned char>(c) >= 0x80;
      })) {
    return false;
  }
  // A dateline or a byline above the text is not its headline.
  if (shape.words <= 6 && !normalize_date(line).empty()) return false;
  if (shape.words <= 5 && (line.rfind("By ", 0) == 0 || line.rfind("by ", 0) == 0)) return false;
  char last = line.back();
  // A lead-in or an unfinished clause is not a headline.
  if (last == ':' || last == ',' || last == ';' || last == '-') return false;
  if (line.front() == '-' || line.front() == '*' || line.front() == '(') return false;
  bool title_case = shape.long_words > 0 && shape.capitalised_long * 10 >= shape.long_words * 7;
  if (last == '.' && !ends_with(line, "...")) {
    return blank_line_follows && title_case && shape.words <= 14;
  }
  return true;
}

}  // namespace

void split_title(std::string_view text, bool markdown, std::string& title, std::string_view& body) {
  title.clear();
  body = text;
  size_t start = 0;
  // Leading blank lines.
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!trim(text.substr(start, end - start)).empty()) break;
    start = end + 1;
  }
  if (start >= text.size()) return;
  size_t line_end = text.find('\n', start);
  if (line_end == std::string_view::npos) return;  // one line: it is the text
  std::string_view raw_line = trim(text.substr(start, line_end - start));
  std::string_view rest = text.substr(line_end + 1);
  size_t next = 0;
  bool blank_line_follows = false;
  while (next < rest.size()) {
    size_t end = rest.find('\n', next);
    if (end == std::string_view::npos) end = rest.size();
    if (!trim(rest.substr(next, end - next)).empty()) break;
    blank_line_follows = true;
    next = end + 1;
  }
  if (next >= rest.size()) return;  // nothing follows: the line is the text
  bool markdown_heading = markdown && !raw_line.empty() && raw_line.front() == '#';
  std::string_view line = strip_markup(raw_line);
  if (!reads_as_headline(line, blank_line_follows, markdown_heading)) return;
  title.assign(line);
  body = rest.substr(next);
}

void parse_text(std::string_view bytes, const std::string& name, bool markdown,
                const PendingSink& sink) {
  Pending pending;
  pending.input = name;
  std::string text, reason;
  if (!decode_utf8_text(bytes, text, reason)) {
    pending.kind = Pending::Kind::kProblem;
    pending.problem = {name, reason};
    sink(std::move(pending));
    return;
  }
  std::string_view body;
  split_title(text, markdown, pending.doc.title, body);
  pending.doc.text.assign(body);
  pending.doc.source = name;
  sink(std::move(pending));
}

void parse_html(std::string_view bytes, const std::string& name, const PendingSink& sink) {
  Pending pending;
  pending.kind = Pending::Kind::kHtml;
  pending.input = name;
  pending.html.assign(bytes);
  pending.charset = html_declared_charset(bytes);
  pending.doc.source = name;
  sink(std::move(pending));
}

Format format_from_name(std::string_view name, bool& gzipped) {
  std::string lower = ascii_lower(name);
  gzipped = ends_with(lower, ".gz");
  if (gzipped) lower.resize(lower.size() - 3);
  size_t dot = lower.rfind('.');
  size_t slash = lower.find_last_of("/\\");
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return Format::kUnknown;
  }
  std::string_view extension = std::string_view(lower).substr(dot + 1);
  if (extension == "txt" || extension == "text" || extension == "md") return Format::kText;
  if (extension == "html" || extension == "htm" || extension == "xhtml") return Format::kHtml;
  if (extension == "jsonl" || extension == "json" || extension == "ndjson") {
    return Format::kJsonLines;
  }
  if (extension == "warc") return Format::kWarc;
  if (extension == "rss" || extension == "atom") return Format::kFeed;
  return Format::kUnknown;
}

Format format_from_content(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (head.substr(0, 5) == "WARC/") return Format::kWarc;
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Format::kText;
  std::string lower = ascii_lower(head.substr(first, 2048));
  if (lower.front() == '{') return Format::kJsonLines;
  if (looks_like_feed(lower)) return Format::kFeed;
  if (lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0 ||
      lower.rfind("<?xml", 0) == 0 || lower.rfind("<!--", 0) == 0 ||
      lower.find("<html") != std::string::npos || lower.find("<body") != std::string::npos ||
      lower.find("<head") != std::string::npos) {
    return Format::kHtml;
  }
  return Format::kText;
}

}  // namespace crosscheck::ingest_internal
