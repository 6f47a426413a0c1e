#include "bench/corpus.h"

#include <cstdlib>
#include <filesystem>

#include "core/resources.h"
#include "ingest/ingest.h"

namespace crosscheck::bench {

std::vector<Document> load_corpus(const std::string& path, size_t limit) {
  IngestResult result = ingest({path}, IngestOptions{});
  if (limit && result.documents.size() > limit) result.documents.resize(limit);
  return std::move(result.documents);
}

std::vector<Document> default_corpus() {
  if (const char* path = std::getenv("CROSSCHECK_BENCH_CORPUS")) return load_corpus(path, 0);
  Resources resources = find_resources();
  std::string multinews = resources.data_dir + "/multinews/clusters.dev.jsonl.gz";
  std::error_code ec;
  if (!resources.data_dir.empty() && std::filesystem::exists(multinews, ec)) {
    return load_corpus(multinews, 2000);
  }
  return load_corpus(std::string(CROSSCHECK_SOURCE_DIR) + "/examples/paris-talks", 0);
}

size_t total_bytes(const std::vector<Document>& documents) {
  size_t bytes = 0;
  for (const Document& doc : documents) bytes += doc.text.size();
  return bytes;
}

}  // namespace crosscheck::bench
