// ingest: raw inputs -> Documents with normalised UTF-8 text and metadata.
//
// Inputs are files, folders (recursive; entries sorted by name, hidden entries skipped) or "-"
// for stdin. The format comes from the extension, with ".gz" removed first:
//   .txt .text .md             plain text; the first line becomes the title when it reads as a
//                              headline (short, no final full stop, followed by more text)
//   .html .htm .xhtml          HTML; main text and metadata through gumbo (see below)
//   .jsonl .json .ndjson       JSON lines of DESIGN.md "Article" rows, multinews-style rows
//                              ({"id","text",...}) or cluster rows ({"articles": [...]});
//                              a pretty-printed .json document (one row or an array of rows)
//                              is read as a whole
//   .rss .atom (or XML content  RSS 2.0, RSS 1.0 (RDF) and Atom feeds through libxml2: one
//    whose root is rss, feed,  article per item (title, link, date, authors, and as text
//    rdf:RDF)                  content:encoded / content, else description / summary, read
//                              as HTML when it is markup); `site` is the feed's title, `source`
//                              "path item N"; no entity expansion, nothing fetched
//   .warc                      WARC 1.0/1.1/0.17: HTTP 200 HTML `response` records and
//                              text/html `resource` records
// Without a known extension the content decides ("WARC/1." prefix, "<!doctype html"/"<html",
// lines starting with "{", else plain text). Gzip is recognised by its magic bytes as well as
// by ".gz"; multi-member gzip (one member per WARC record) is read as one stream.
//
// HTML: the page is parsed with gumbo; block containers are scored by text length, commas,
// paragraphs, link density and boilerplate class/id names (Readability-style), and the best
// container's paragraphs become the text ("\n\n" between paragraphs, headings on their own
// line); Readability's retries relax the rules for pages whose text stays under 500 characters.
// Metadata: title (JSON-LD name/headline, dc:title, og:title, twitter:title, then <title>
// without the site's name, then <h1>), canonical_url, site (og:site_name, JSON-LD publisher,
// host), authors (JSON-LD, meta author, rel/itemprop author, byline class names), published
// (JSON-LD, meta, <time>, URL path, dated elements, modification dates, and for WARC the crawl
// date as a last resort) with `published_from` saying which.
// Charset: byte order mark; bytes that are valid UTF-8 are UTF-8; else HTTP Content-Type
// (WARC), <meta charset>/http-equiv, else ICU detection (ucsdet); converted with ICU (ucnv). Plain
// text and JSON lines must be UTF-8 (a UTF-8 or UTF-16 byte order mark is accepted).
//
// Every document's text is passed through crosscheck::normalize (text stage) and its language
// identified with CLD2. `id` is the input's own id (JSON `id`, WARC-Record-ID), else a hash of
// its normalised URL (the canonical URL when it names a page), else a hash of its normalised
// text and its name relative to the input given (a file's name, a folder entry's path inside
// the folder, nothing for stdin): the same content gives the same id from any working
// directory, a changed file gives a new id, two articles on stdin two ids. `source` is the
// path as given (joined with the entry's path inside a
// given folder), the row's own `source`, else "path:LINE" for a JSON line ("path:LINE
// article N" inside a cluster row), or the WARC-Record-ID.
//
// Limits (each enforced before the work it bounds; exceeding one gives a Problem, not a crash):
//   - size: one article input (text or HTML file, JSON line, WARC record body) may have at most
//     IngestOptions::max_article_bytes bytes; a plain file is checked by its size on disk
//     before anything is read, a gzip file while it is decompressed. Containers (JSON lines,
//     WARC) are streamed record by record and have no total size limit.
//   - depth: HTML nested deeper than kMaxHtmlDepth elements is flattened (the extra tags are
//     dropped before parsing, the text is kept), and attributes past kMaxHtmlAttributes on one
//     element are dropped (the parser's duplicate check is quadratic in them); a JSON line
//     nested deeper than kMaxJsonDepth is rejected.
//   - time: every reader is linear in its input apart from gumbo's own tree building, which
//     the depth limit keeps near-linear. Comments, styles and scripts are cut before parsing;
//     a typical 150 KB news page takes a few ms (gumbo is most of it), text and JSON lines
//     well under 0.1 ms per article plus language identification (CLD2 reads at most 16 KiB).
//   - memory: about 10x the largest article input per worker thread, plus the documents.
//
// Bad input is never fatal and never throws: a missing path, a binary file, an empty file,
// invalid UTF-8 (with the byte offset), a file or record over the size limit, a malformed
// JSON line ("path:LINE: reason") or a truncated WARC record each add a Problem naming the
// input and the reason, and the rest of the batch is processed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/problem.h"

namespace crosscheck {

inline constexpr size_t kMaxHtmlDepth = 256;
inline constexpr size_t kMaxHtmlAttributes = 256;  // per element; the rest are dropped
inline constexpr size_t kMaxJsonDepth = 256;

struct IngestOptions {
  // Largest single article input (a text or HTML file, one JSON line, one WARC record body).
  size_t max_article_bytes = size_t{32} << 20;
  // Articles whose text has fewer words than this are rejected ("empty" when it has none).
  size_t min_words = 1;
  // Worker threads for parsing (0 = all hardware threads).
  unsigned jobs = 0;
};

struct IngestResult {
  // In a deterministic order: inputs as given, folder entries sorted, records in file order.
  std::vector<Document> documents;
  Problems problems;  // in the same order as the inputs they name
};

// Reads every input. Never throws on bad input.
IngestResult ingest(const std::vector<std::string>& inputs, const IngestOptions& options);

// Readers for one input already in memory; `name` is used for ids, `source` and problems.
// Each returns the documents found and appends problems; they never throw.
std::vector<Document> read_text(std::string_view bytes, const std::string& name, Problems& problems,
                                const IngestOptions& options);
// `url` (may be empty) is where the page came from: recorded as the article's url and used for
// the site name and URL-path dates.
std::vector<Document> read_html(std::string_view bytes, const std::string& name, Problems& problems,
                                const IngestOptions& options, std::string_view url = {});
std::vector<Document> read_jsonl(std::string_view bytes, const std::string& name,
                                 Problems& problems, const IngestOptions& options);
std::vector<Document> read_feed(std::string_view bytes, const std::string& name, Problems& problems,
                                const IngestOptions& options);
std::vector<Document> read_warc(std::string_view bytes, const std::string& name, Problems& problems,
                                const IngestOptions& options);

// Converts bytes in a declared (may be empty) or unknown charset to UTF-8: a byte order mark
// decides first, then bytes that are valid UTF-8 stay as they are, then `declared_charset`,
// then ICU detection. Malformed sequences become U+FFFD. Returns false (with `reason`, and
// `out` empty) when the bytes look binary or no converter could be opened.
bool to_utf8(std::string_view bytes, const std::string& declared_charset, std::string& out,
             std::string& reason);

// ISO 639-1 code of the text's language (CLD2), empty when unknown or unreliable.
std::string identify_language(std::string_view text);

// The registered domain of a URL or host by the Public Suffix List of Debian's `publicsuffix`
// package ("https://www.bbc.co.uk/news/x" -> "bbc.co.uk"); the host without "www." when the
// list is missing, the host itself for IP addresses; empty for an empty or unparsable URL.
std::string registered_domain(std::string_view url);

// 16 hex digits of XXH64 (seed 0) of `source`; the hash behind the ids of articles without
// their own.
std::string stable_id(std::string_view source);

}  // namespace crosscheck
