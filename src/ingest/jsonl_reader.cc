// JSON lines: one article per line (DESIGN.md "Article", multinews-style {"id","text"}), or a
// cluster row whose "articles" array holds the articles.
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/dates.h"
#include "ingest/encoding.h"
#include "ingest/readers.h"

namespace crosscheck::ingest_internal {

namespace {

using nlohmann::json;

std::string string_field(const json& row, const char* key) {
  auto found = row.find(key);
  if (found == row.end()) return {};
  if (found->is_string()) return found->get<std::string>();
  if (found->is_number_integer() || found->is_number_unsigned()) return found->dump();
  return {};
}

bool json_depth_exceeds(std::string_view text) {
  return json_nesting_depth(text, kMaxJsonDepth) > kMaxJsonDepth;
}

bool is_published_from(std::string_view value) {
  return value == "jsonld" || value == "meta" || value == "time" || value == "url" ||
         value == "text" || value == "crawl" || value == "none";
}

// Builds the pending article of one JSON object; false with `reason` when it has no text.
bool article_from_object(const json& row, Pending& pending, std::string& reason) {
  Document& doc = pending.doc;
  for (const char* key : {"text", "body", "content", "article"}) {
    auto found = row.find(key);
    if (found != row.end() && found->is_string()) {
      doc.text = found->get<std::string>();
      break;
    }
  }
  if (doc.text.empty() || is_blank(doc.text)) {
    reason = "no text";
    return false;
  }
  doc.id = string_field(row, "id");
  doc.url = string_field(row, "url");
  doc.canonical_url = string_field(row, "canonical_url");
  doc.site = string_field(row, "site");
  doc.title = string_field(row, "title");
  if (doc.title.empty()) doc.title = string_field(row, "headline");
  if (auto authors = row.find("authors"); authors != row.end()) {
    if (authors->is_array()) {
      for (const json& author : *authors) {
        if (author.is_string() && !author.get<std::string>().empty()) {
          doc.authors.push_back(author.get<std::string>());
        }
      }
    } else if (authors->is_string() && !authors->get<std::string>().empty()) {
      doc.authors.push_back(authors->get<std::string>());
    }
  }
  std::string published = string_field(row, "published");
  if (published.empty()) published = string_field(row, "date");
  doc.published = normalize_date(published);
  if (!doc.published.empty()) {
    std::string from = string_field(row, "published_from");
    doc.published_from = is_published_from(from) && from != "none" ? from : "meta";
  }
  doc.lang = string_field(row, "lang");
  std::string source = string_field(row, "source");
  if (!source.empty()) doc.source = source;
  // Outlet: the row's site, else its publisher, else a source that names one ("Fox News")
  // rather than a file or a record ("wire/a.txt", "urn:uuid:...").
  if (doc.site.empty()) doc.site = string_field(row, "publisher");
  if (doc.site.empty() && source.find_first_of("/\\:") == std::string::npos) doc.site = source;
  return true;
}

// Emits the article(s) of one parsed row, or a problem naming `where`.
void emit_row(const json& row, const std::string& where, const PendingSink& sink) {
  auto problem = [&](std::string input, std::string reason) {
    Pending pending;
    pending.kind = Pending::Kind::kProblem;
    pending.problem = {std::move(input), std::move(reason)};
    sink(std::move(pending));
  };
  if (row.is_array() && !row.empty() && row.front().is_object()) {
    for (size_t i = 0; i < row.size(); ++i)
      emit_row(row[i], where + "[" + std::to_string(i) + "]", sink);
    return;
  }
  if (!row.is_object()) {
    problem(where, "not a JSON object");
    return;
  }
  auto articles = row.find("articles");
  if (articles != row.end() && articles->is_array()) {
    if (articles->empty()) problem(where, "no articles");
    size_t index = 0;
    for (const json& article : *articles) {
      std::string article_where = where + " article " + std::to_string(index++);
      Pending pending;
      pending.input = article_where;
      pending.doc.source = article_where;
      std::string reason;
      if (!article.is_object()) {
        problem(article_where, "not a JSON object");
      } else if (!article_from_object(article, pending, reason)) {
        problem(article_where, reason);
      } else {
        sink(std::move(pending));
      }
    }
    return;
  }
  Pending pending;
  pending.input = where;
  pending.doc.source = where;
  std::string reason;
  if (!article_from_object(row, pending, reason)) {
    problem(where, reason);
    return;
  }
  sink(std::move(pending));
}

// A .json file holding one pretty-printed document: an array of rows or a single row.
void parse_json_document(std::string_view text, const std::string& name, const PendingSink& sink) {
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    Pending pending;
    pending.kind = Pending::Kind::kProblem;
    pending.problem = {name, "not valid JSON lines or JSON"};
    sink(std::move(pending));
    return;
  }
  emit_row(document, name, sink);
}

}  // namespace

size_t json_nesting_depth(std::string_view text, size_t limit) {
  size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

void parse_jsonl(Reader& reader, const std::string& name, const IngestOptions& options,
                 const PendingSink& sink) {
  auto problem = [&](std::string input, std::string reason) {
    Pending pending;
    pending.kind = Pending::Kind::kProblem;
    pending.problem = {std::move(input), std::move(reason)};
    sink(std::move(pending));
  };
  {
    // One JSON document over several lines (a pretty-printed .json file) rather than JSON
    // lines: the first line is not a complete value on its own.
    std::string_view head = reader.peek(65536);
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    size_t first = head.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (head[first] == '[' || head[first] == '{')) {
      size_t newline = head.find('\n', first);
      std::string_view first_line = head.substr(
          first, newline == std::string_view::npos ? std::string_view::npos : newline - first);
      bool whole_line_value = json::accept(first_line);
      if (!whole_line_value && (head[first] == '[' || newline != std::string_view::npos)) {
        std::string text;
        bool too_long = false;
        reader.read_all(text, options.max_article_bytes, too_long);
        if (too_long) {
          problem(name, "JSON document larger than " + std::to_string(options.max_article_bytes) +
                            " bytes");
        } else if (size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
          problem(name, "invalid UTF-8 at byte " + std::to_string(bad));
        } else if (json_depth_exceeds(text)) {
          problem(name, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        } else {
          parse_json_document(text, name, sink);
        }
        return;
      }
    }
  }
  std::string line;
  size_t line_number = 0;
  bool too_long = false;
  while (true) {
    size_t line_offset = reader.offset();
    if (!reader.read_line(line, options.max_article_bytes, too_long)) break;
    ++line_number;
    std::string where = name + ":" + std::to_string(line_number);
    if (too_long) {
      problem(where, "line longer than " + std::to_string(options.max_article_bytes) + " bytes");
      continue;
    }
    std::string_view view = line;
    if (line_number == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") {
      view.remove_prefix(3);
      line_offset += 3;
    }
    if (is_blank(view)) continue;
    if (size_t bad = first_invalid_utf8(view); bad != std::string_view::npos) {
      problem(where, "invalid UTF-8 at byte " + std::to_string(line_offset + bad));
      continue;
    }
    if (json_depth_exceeds(view)) {
      problem(where, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
      continue;
    }
    json row = json::parse(view, nullptr, /*allow_exceptions=*/false);
    if (row.is_discarded()) {
      problem(where, "not valid JSON");
      continue;
    }
    emit_row(row, where, sink);
  }
  if (!reader.error().empty()) {
    problem(name, reader.error() + " after line " + std::to_string(line_number));
  }
}

}  // namespace crosscheck::ingest_internal
