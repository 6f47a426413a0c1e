// Benchmark corpora: articles read through the real ingest stage.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace crosscheck::bench {

// Ingests `path` (any input ingest takes) and keeps the first `limit` articles (0 = all).
std::vector<Document> load_corpus(const std::string& path, size_t limit);

// The default corpus of the per-stage benchmarks: $CROSSCHECK_BENCH_CORPUS, else the first
// 2,000 Multi-News articles of the shared data, else examples/paris-talks.
std::vector<Document> default_corpus();

size_t total_bytes(const std::vector<Document>& documents);

}  // namespace crosscheck::bench
