// Clustering metrics: B-cubed (Bagga and Baldwin 1998) and pairwise precision/recall.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace crosscheck::eval {

struct ClusteringScores {
  double bcubed_p = 0, bcubed_r = 0, bcubed_f1 = 0;
  double pairwise_p = 0, pairwise_r = 0, pairwise_f1 = 0;
  size_t predicted_clusters = 0, gold_clusters = 0;
};

// Scores `predicted` against `gold` labels (one label per item, any integers). O(n log n).
// Precision (recall) of pairs is 1 when there are no predicted (gold) pairs.
ClusteringScores score_clustering(const std::vector<int64_t>& gold,
                                  const std::vector<int64_t>& predicted);

double f1(double precision, double recall);

}  // namespace crosscheck::eval
