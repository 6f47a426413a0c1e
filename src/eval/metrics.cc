#include "eval/metrics.h"

#include <algorithm>
#include <map>
#include <utility>

namespace crosscheck::eval {

double f1(double precision, double recall) {
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
}

ClusteringScores score_clustering(const std::vector<int64_t>& gold,
                                  const std::vector<int64_t>& predicted) {
  ClusteringScores scores;
  size_t n = std::min(gold.size(), predicted.size());
  if (n == 0) return scores;
  std::map<int64_t, double> gold_size, predicted_size;
  std::map<std::pair<int64_t, int64_t>, double> overlap;
  for (size_t i = 0; i < n; ++i) {
    ++gold_size[gold[i]];
    ++predicted_size[predicted[i]];
    ++overlap[{gold[i], predicted[i]}];
  }
  // B-cubed: each item's precision is |its cell| / |its predicted cluster|, summed per cell.
  double precision = 0, recall = 0, true_pairs = 0;
  for (const auto& [cell, count] : overlap) {
    precision += count * count / predicted_size[cell.second];
    recall += count * count / gold_size[cell.first];
    true_pairs += count * (count - 1) / 2;
  }
  scores.bcubed_p = precision / static_cast<double>(n);
  scores.bcubed_r = recall / static_cast<double>(n);
  scores.bcubed_f1 = f1(scores.bcubed_p, scores.bcubed_r);
  double predicted_pairs = 0, gold_pairs = 0;
  for (const auto& [label, count] : predicted_size) predicted_pairs += count * (count - 1) / 2;
  for (const auto& [label, count] : gold_size) gold_pairs += count * (count - 1) / 2;
  scores.pairwise_p = predicted_pairs > 0 ? true_pairs / predicted_pairs : 1;
  scores.pairwise_r = gold_pairs > 0 ? true_pairs / gold_pairs : 1;
  scores.pairwise_f1 = f1(scores.pairwise_p, scores.pairwise_r);
  scores.predicted_clusters = predicted_size.size();
  scores.gold_clusters = gold_size.size();
  return scores;
}

}  // namespace crosscheck::eval
