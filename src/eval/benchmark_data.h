// Readers for benchmark files laid out as their folders in ../shared/data.
#pragma once

#include <string>
#include <vector>

#include "core/problem.h"
#include "extract/extract.h"

namespace crosscheck::eval {

// Lines of a text file, gunzipped when it is gzip (zlib reads plain files unchanged).
// Returns false with `problem` set when the file cannot be read.
bool read_lines(const std::string& path, std::vector<std::string>& lines, Problem& problem);

struct BenchmarkArticle {
  std::string id;
  std::string text;
};

// One event cluster of a multi-document benchmark (Multi-News, DUC 2004).
struct BenchmarkCluster {
  std::string id;
  std::vector<BenchmarkArticle> articles;
};

// Reads `path`: a clusters JSON lines file (optionally .gz), or a folder whose files named
// clusters*.jsonl[.gz] are read in name order. Lines that are not a JSON object with
// "articles" are reported in `problems` and skipped.
std::vector<BenchmarkCluster> load_clusters(const std::string& path, Problems& problems);

// One PolNeAR article: its text as stored (not normalised, so the offsets hold) and the
// attribution spans of one annotator, as byte spans into `text`. A discontinuous brat span
// ("10 14;30 35") gives one RoleSpan per fragment.
struct AttributionArticle {
  std::string id;
  std::string text;
  std::vector<RoleSpan> spans;  // sorted by start
};

// Reads one brat standoff file of attributions against its text: T lines labelled Source, Cue
// and Content (code-point offsets) become byte spans; Attribution triggers, Discuss and Discard
// lines, E relations and # notes are skipped; a line that continues the previous T record (a
// surface text with a newline) is skipped. False with `error` ("line 7: offset 90 beyond the
// text") on a malformed T line, an offset beyond the text, more than 1,000,000 lines or input
// over 16 MiB; `text` must be valid UTF-8.
bool parse_brat_attributions(std::string_view ann, std::string_view text,
                             std::vector<RoleSpan>& spans, std::string& error);

// Reads a PolNeAR split folder (text/*.txt, attributions/*_ANNOTATOR.ann): per article the
// lexicographically first annotator's file, in file name order. Articles without annotations,
// unreadable files and parse errors are named in `problems` and skipped. `path` may also be the
// folder holding text/ and attributions/ of one split only.
std::vector<AttributionArticle> load_polnear(const std::string& path, Problems& problems);

}  // namespace crosscheck::eval
