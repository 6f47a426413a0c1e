// Readers for benchmark files laid out as their folders in ../shared/data.
#pragma once

#include <string>
#include <vector>

#include "core/problem.h"

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

// One text of a detection benchmark (aidetect layout). `label` is "human", "machine" or empty
// when the file has none (news-fulltext); `generator` is "human" for human texts.
struct LabelledText {
  std::string id;
  std::string text;
  std::string label;
  std::string generator;
};

// Reads `path`: a JSON lines file (optionally .gz) of {"id", "text", "label", "generator"}, or a
// folder whose *.jsonl[.gz] files are read in name order. Rows without a "text" string are
// reported in `problems` and skipped; a missing id becomes "file:line".
std::vector<LabelledText> load_labelled_texts(const std::string& path, Problems& problems);

// Reads `path`: a clusters JSON lines file (optionally .gz), or a folder whose files named
// clusters*.jsonl[.gz] are read in name order. Lines that are not a JSON object with
// "articles" are reported in `problems` and skipped.
std::vector<BenchmarkCluster> load_clusters(const std::string& path, Problems& problems);

}  // namespace crosscheck::eval
