// Placeholder until clustering lands.
#include "cluster/cluster.h"

namespace crosscheck {

std::vector<Story> cluster(const std::vector<Document>& documents, const ClusterOptions&) {
  std::vector<Story> stories(documents.empty() ? 0 : 1);
  if (!documents.empty()) {
    stories[0].id = "s0";
    for (uint32_t i = 0; i < documents.size(); ++i) stories[0].documents.push_back(i);
  }
  return stories;
}

}  // namespace crosscheck
