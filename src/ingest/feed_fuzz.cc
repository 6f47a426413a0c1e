// Fuzz target: read_feed on arbitrary bytes must return documents or problems, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crosscheck::IngestOptions options;
  options.max_article_bytes = 1 << 20;
  crosscheck::Problems problems;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  crosscheck::read_feed(bytes, "fuzz", problems, options);
  return 0;
}
