// ingest: raw inputs -> Documents with normalised UTF-8 text and metadata.
//
// Takes files, folders (recursive) or "-" for stdin. Formats: plain text (.txt; the first line
// becomes the title when it reads as a headline), HTML (.html/.htm, optionally .gz; main text
// through gumbo), JSON lines (.jsonl/.json, optionally .gz; fields of DESIGN.md "Article"),
// WARC (.warc/.warc.gz; HTML response records). The format is sniffed from content when the
// extension says nothing. Bytes are converted to UTF-8 with ICU (declared charset first, then
// detection), normalised (core text normalisation of the text stage) and the language is
// identified with CLD2.
//
// Bad input is never fatal: a missing path, a binary file, an empty file, undecodable bytes, a
// file or record over the size limit, a malformed JSON line or a truncated WARC record each
// add a Problem naming the input and the reason, and the rest is processed.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/problem.h"

namespace crosscheck {

struct IngestOptions {
  // Largest single article input (a text or HTML file, one JSON line, one WARC record).
  size_t max_article_bytes = size_t{32} << 20;
  // Articles whose extracted text has fewer words than this are rejected as empty.
  size_t min_words = 1;
  // Worker threads for parsing (0 = hardware concurrency).
  unsigned jobs = 0;
};

struct IngestResult {
  std::vector<Document> documents;  // in a deterministic order: inputs as given, folders sorted
  Problems problems;
};

// Reads every input. Never throws on bad input.
IngestResult ingest(const std::vector<std::string>& inputs, const IngestOptions& options);

// Readers for one input already in memory; `name` is used for ids, `source` and problems.
// Each returns the documents found and appends problems.
std::vector<Document> read_text(std::string_view bytes, const std::string& name, Problems& problems,
                                const IngestOptions& options);
std::vector<Document> read_html(std::string_view bytes, const std::string& name,
                                Problems& problems, const IngestOptions& options);
std::vector<Document> read_jsonl(std::string_view bytes, const std::string& name,
                                 Problems& problems, const IngestOptions& options);
std::vector<Document> read_warc(std::string_view bytes, const std::string& name,
                                Problems& problems, const IngestOptions& options);

// Converts bytes in an unknown or declared charset to UTF-8. Returns false (and leaves `out`
// empty) when the bytes look binary or cannot be decoded.
bool to_utf8(std::string_view bytes, const std::string& declared_charset, std::string& out,
             std::string& reason);

// ISO 639-1 code of the text's language (CLD2), empty when unreliable.
std::string identify_language(std::string_view text);

// Stable id for an input without one (hex of a 64-bit hash of the source name).
std::string stable_id(std::string_view source);

}  // namespace crosscheck
