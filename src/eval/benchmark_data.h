// Readers for benchmark files laid out as their folders in ../shared/data.
#pragma once

#include <cstdint>
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

namespace crosscheck::eval {

// One sentence pair of the MSR Paraphrase Corpus layout (TSV with a header line:
// Quality, #1 ID, #2 ID, #1 String, #2 String).
struct ParaphrasePair {
  bool paraphrase = false;
  std::string id_a, id_b;
  std::string a, b;
  std::string key() const { return id_a + " " + id_b; }
};

// Reads pairs from a .tsv or .tsv.gz file; malformed lines are reported in `problems` and
// skipped. False when the file cannot be read.
bool read_paraphrase_pairs(const std::string& path, std::vector<ParaphrasePair>& pairs,
                           Problems& problems);

// The seeded split of a paraphrase file: fold 0..folds-1 of a pair from a stable hash (FNV-1a)
// of its ids and `seed`, so the split does not depend on the order of the file.
int paraphrase_fold(const ParaphrasePair& pair, int folds, uint64_t seed);

}  // namespace crosscheck::eval
