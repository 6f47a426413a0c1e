// Word clusters from unlabelled text: distributional vectors (counts of the 300 most frequent
// words at offsets -2, -1, +1, +2), Hellinger-transformed (square roots of the context
// distribution), reduced by a seeded random projection, then clustered by k-means at three
// granularities (fine clusters first, coarser ones by clustering their centroids, so the three
// ids nest). Words below the frequent-word limit are assigned to the nearest fine centroid.
#include "syntax/clusters.h"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <unordered_map>

#include "ingest/ingest.h"
#include "text/text.h"

namespace crosscheck::syntax {
namespace {

constexpr int kContexts = 300;  // context words
constexpr int kOffsets = 4;     // -2 -1 +1 +2
constexpr int kDims = 96;       // projected dimensions
constexpr size_t kVocabulary = 60000;
constexpr size_t kClustered = 20000;  // words k-means sees directly
constexpr int kMinCount = 3;
constexpr int kLevels[3] = {32, 128, 512};  // coarse, medium, fine

using Vec = std::array<float, kDims>;

float dist2(const Vec& a, const Vec& b) {
  float d = 0;
  for (int i = 0; i < kDims; ++i) d += (a[i] - b[i]) * (a[i] - b[i]);
  return d;
}

// Lloyd's k-means, initialised with evenly spaced items of `points` (sorted by frequency, so the
// seeds are spread over frequency bands), then shuffled by the seed. Returns assignments.
std::vector<int> kmeans(const std::vector<Vec>& points, const std::vector<float>& weight, int k,
                        int iterations, Rng& rng, std::vector<Vec>& centroids) {
  const size_t n = points.size();
  k = static_cast<int>(std::min<size_t>(k, n));
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  rng.shuffle(order);
  centroids.assign(k, Vec{});
  for (int c = 0; c < k; ++c) centroids[c] = points[order[c]];
  std::vector<int> assign(n, 0);
  for (int it = 0; it < iterations; ++it) {
    tbb::parallel_for(size_t{0}, n, [&](size_t i) {
      int best = 0;
      float best_d = dist2(points[i], centroids[0]);
      for (int c = 1; c < k; ++c) {
        float d = dist2(points[i], centroids[c]);
        if (d < best_d) {
          best_d = d;
          best = c;
        }
      }
      assign[i] = best;
    });
    std::vector<std::array<double, kDims>> sum(k);
    std::vector<double> mass(k, 0);
    for (auto& s : sum) s.fill(0);
    for (size_t i = 0; i < n; ++i) {
      for (int d = 0; d < kDims; ++d) sum[assign[i]][d] += weight[i] * points[i][d];
      mass[assign[i]] += weight[i];
    }
    for (int c = 0; c < k; ++c) {
      if (mass[c] <= 0) {
        centroids[c] = points[order[(c + it * 7919) % n]];  // re-seed an empty cluster
        continue;
      }
      for (int d = 0; d < kDims; ++d) centroids[c][d] = static_cast<float>(sum[c][d] / mass[c]);
    }
  }
  return assign;
}

}  // namespace

bool train_clusters(const std::string& inputs, uint64_t seed, Clusters& out, std::ostream& log) {
  out.ids.clear();
  IngestResult result = ingest({inputs}, IngestOptions{});
  if (result.documents.empty()) {
    log << "crosscheck: " << inputs << ": no text for word clusters\n";
    return false;
  }
  std::vector<Document>& docs = result.documents;
  tbb::parallel_for(size_t{0}, docs.size(), [&](size_t i) { annotate_text(docs[i]); });

  // Vocabulary by frequency (ties by spelling, so the order is fixed).
  std::unordered_map<std::string, uint32_t> counts;
  size_t tokens = 0;
  for (const Document& doc : docs) {
    for (const Token& t : doc.tokens) {
      ++counts[t.lower];
      ++tokens;
    }
  }
  std::vector<std::pair<std::string, uint32_t>> vocab(counts.begin(), counts.end());
  std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  while (!vocab.empty() && (vocab.back().second < kMinCount || vocab.size() > kVocabulary)) {
    vocab.pop_back();
  }
  std::unordered_map<std::string, int> index;
  for (size_t i = 0; i < vocab.size(); ++i) index[vocab[i].first] = static_cast<int>(i);
  const size_t v = vocab.size();
  const int features = kContexts * kOffsets + 2;  // + sentence start and end
  std::vector<uint32_t> matrix(v * features, 0);
  for (const Document& doc : docs) {
    std::vector<int> ids(doc.tokens.size());
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      auto it = index.find(doc.tokens[i].lower);
      ids[i] = it == index.end() ? -1 : it->second;
    }
    for (size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] < 0) continue;
      uint32_t* row = &matrix[static_cast<size_t>(ids[i]) * features];
      const uint32_t sentence = doc.tokens[i].sentence;
      const int offsets[kOffsets] = {-2, -1, 1, 2};
      for (int o = 0; o < kOffsets; ++o) {
        long j = static_cast<long>(i) + offsets[o];
        if (j < 0 || j >= static_cast<long>(ids.size()) || doc.tokens[j].sentence != sentence) {
          if (offsets[o] == -1) ++row[features - 2];
          if (offsets[o] == 1) ++row[features - 1];
          continue;
        }
        if (ids[j] >= 0 && ids[j] < kContexts) ++row[o * kContexts + ids[j]];
      }
    }
  }
  docs.clear();
  // Hellinger transform and a seeded random projection (+-1 entries).
  Rng rng(seed);
  std::vector<float> projection(static_cast<size_t>(features) * kDims);
  for (float& x : projection) x = (rng.next() & 1) ? 1.0f : -1.0f;
  std::vector<Vec> vectors(v);
  tbb::parallel_for(size_t{0}, v, [&](size_t w) {
    const uint32_t* row = &matrix[w * features];
    double total = 0;
    for (int f = 0; f < features; ++f) total += row[f];
    Vec vec{};
    if (total > 0) {
      for (int f = 0; f < features; ++f) {
        if (!row[f]) continue;
        float value = static_cast<float>(std::sqrt(row[f] / total));
        const float* p = &projection[static_cast<size_t>(f) * kDims];
        for (int d = 0; d < kDims; ++d) vec[d] += value * p[d];
      }
    }
    float norm = 0;
    for (float x : vec) norm += x * x;
    norm = norm > 0 ? 1.0f / std::sqrt(norm) : 0;
    for (float& x : vec) x *= norm;
    vectors[w] = vec;
  });
  matrix.clear();
  matrix.shrink_to_fit();

  // Fine clusters over the most frequent words, weighted by log frequency.
  const size_t clustered = std::min(v, kClustered);
  std::vector<Vec> head(vectors.begin(), vectors.begin() + clustered);
  std::vector<float> weight(clustered);
  for (size_t i = 0; i < clustered; ++i)
    weight[i] = std::log1p(static_cast<float>(vocab[i].second));
  std::vector<Vec> fine, medium, coarse;
  kmeans(head, weight, kLevels[2], 12, rng, fine);
  std::vector<float> unit(fine.size(), 1.0f);
  std::vector<int> fine_to_medium = kmeans(fine, unit, kLevels[1], 20, rng, medium);
  std::vector<float> unit2(medium.size(), 1.0f);
  std::vector<int> medium_to_coarse = kmeans(medium, unit2, kLevels[0], 20, rng, coarse);
  // Every vocabulary word to its nearest fine centroid.
  std::vector<int> assign(v);
  tbb::parallel_for(size_t{0}, v, [&](size_t w) {
    int best = 0;
    float best_d = dist2(vectors[w], fine[0]);
    for (size_t c = 1; c < fine.size(); ++c) {
      float d = dist2(vectors[w], fine[c]);
      if (d < best_d) {
        best_d = d;
        best = static_cast<int>(c);
      }
    }
    assign[w] = best;
  });
  for (size_t w = 0; w < v; ++w) {
    int f = assign[w];
    int m = fine_to_medium[f];
    out.ids[vocab[w].first] = {static_cast<uint32_t>(medium_to_coarse[m]), static_cast<uint32_t>(m),
                               static_cast<uint32_t>(f)};
  }
  log << "crosscheck: word clusters: " << tokens << " tokens, " << v << " words in " << kLevels[0]
      << "/" << kLevels[1] << "/" << kLevels[2] << " clusters\n";
  return true;
}

}  // namespace crosscheck::syntax
