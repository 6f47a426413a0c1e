// The ingest readers' common shape: each format turns bytes into Pending articles, which are
// then converted (HTML extraction, normalisation, language) in parallel batches. Internal to the
// ingest stage.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/problem.h"
#include "ingest/byte_source.h"
#include "ingest/ingest.h"

namespace crosscheck::ingest_internal {

// One article read from an input but not yet finished, or a problem met while reading, kept in
// input order so documents and problems come out in the order of the input.
struct Pending {
  enum class Kind { kDocument, kHtml, kProblem };
  Kind kind = Kind::kDocument;
  Document doc;            // metadata known so far; kDocument: raw (unnormalised) text
  std::string html;        // kHtml: the page bytes
  std::string charset;     // kHtml: charset declared by HTTP, lower case, may be empty
  std::string crawl_date;  // kHtml from WARC: the capture date, YYYY-MM-DD
  std::string input;       // what a problem with this article names
  // The input's name relative to the root it was found under (a file given by path: its file
  // name; a folder entry: its path inside the folder; stdin: empty). Part of the id of an
  // article without its own id or URL, so ids do not depend on the working directory.
  std::string scope;
  Problem problem;  // kProblem
};

using PendingSink = std::function<void(Pending&&)>;

enum class Format { kUnknown, kText, kHtml, kJsonLines, kWarc, kFeed };

// Format named by a file name's extension (".gz" removed first), kUnknown when none.
Format format_from_name(std::string_view name, bool& gzipped);
// Format guessed from the first bytes of (decompressed) content; never kUnknown.
Format format_from_content(std::string_view head);

void parse_text(std::string_view bytes, const std::string& name, bool markdown,
                const PendingSink& sink);
void parse_html(std::string_view bytes, const std::string& name, const PendingSink& sink);
// RSS/Atom: one pending article per item (feed_reader.cc).
void parse_feed(std::string_view bytes, const std::string& name, const PendingSink& sink);
// True when lower-case `head` starts an RSS, RDF or Atom feed rather than an HTML page.
bool looks_like_feed(std::string_view head);
void parse_jsonl(Reader& reader, const std::string& name, const IngestOptions& options,
                 const PendingSink& sink);
void parse_warc(Reader& reader, const std::string& name, const IngestOptions& options,
                const PendingSink& sink);

// Finishes a pending article: extracts HTML, normalises the text, rejects empty text,
// identifies the language and fills the id. Appends to `documents` or to `problems`.
void convert(Pending&& pending, std::vector<Document>& documents, Problems& problems,
             const IngestOptions& options);

// The id of an article without its own: XXH64 of its normalised URL (canonical URL when that
// names a page rather than a site's front page, else the URL), else of `scope` and its text.
std::string content_id(const Document& doc, std::string_view scope);

// A URL reduced to what names the page: scheme, "www.", fragment, tracking parameters
// (utm_*, fbclid, gclid) and a trailing slash removed, host lower case.
std::string normalize_url(std::string_view url);

// Deepest nesting of JSON brackets outside strings; counting stops once past `limit`.
size_t json_nesting_depth(std::string_view text, size_t limit);

// Splits plain text into a headline (empty when the first line does not read as one) and the
// body; the body is the input from the line after the headline, unchanged.
void split_title(std::string_view text, bool markdown, std::string& title, std::string_view& body);

}  // namespace crosscheck::ingest_internal
