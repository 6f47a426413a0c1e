// Placeholder until the readers land.
#include "ingest/ingest.h"

namespace crosscheck {

IngestResult ingest(const std::vector<std::string>& inputs, const IngestOptions&) {
  IngestResult result;
  for (const auto& input : inputs) result.problems.push_back({input, "ingest not built yet"});
  return result;
}

}  // namespace crosscheck
