// Placeholder until fact alignment lands.
#include "facts/facts.h"

namespace crosscheck {

void align_facts(const std::vector<Document>&, Story&, const FactsOptions&) {}

}  // namespace crosscheck
