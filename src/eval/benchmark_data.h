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

// Reads `path`: a clusters JSON lines file (optionally .gz), or a folder whose files named
// clusters*.jsonl[.gz] are read in name order. Lines that are not a JSON object with
// "articles" are reported in `problems` and skipped.
std::vector<BenchmarkCluster> load_clusters(const std::string& path, Problems& problems);

}  // namespace crosscheck::eval
