// Word clusters for the syntax stage, learned from unlabelled text (internal).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "syntax/model.h"

namespace crosscheck::syntax {

// Learns word clusters at three granularities from the text of `inputs` (any input ingest
// takes). Deterministic for a seed. False, with a message on `log`, when nothing could be read.
bool train_clusters(const std::string& inputs, uint64_t seed, Clusters& out, std::ostream& log);

}  // namespace crosscheck::syntax
