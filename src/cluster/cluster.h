// cluster: articles -> stories (events).
//
// Each article is a TF-IDF vector over stemmed content words plus a set of named-entity keys
// (from the extract layer when present, else capitalised words). Two articles belong to one story
// when their combined similarity passes `threshold` (single-link over an inverted index of
// each article's top terms, so adding an article costs about the same however many came
// before). The threshold is documented in docs/cluster.md with the measurement that chose it.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

struct ClusterOptions {
  double threshold = 0.3;       // combined similarity to join a story
  double entity_weight = 0.35;  // weight of shared named entities against TF-IDF cosine
  int top_terms = 40;           // terms per article used for candidate lookup
};

// Groups documents (annotated by the text stage) into stories. Every document is in exactly
// one story; stories are ordered by their first document; Story::id is stable for the same
// input (hash of the first member's id).
std::vector<Story> cluster(const std::vector<Document>& documents, const ClusterOptions& options);

// Pairwise similarity used by `cluster`, exposed for tests and evaluation.
double story_similarity(const Document& a, const Document& b, const ClusterOptions& options);

}  // namespace crosscheck
