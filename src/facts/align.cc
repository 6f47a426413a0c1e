// Alignment of statements across articles: candidate pairs from an inverted index over the
// informative terms, scored by the same-statement model (or StoryFrames::similarity without
// one), merged greedily from the best pair down, never putting two sentences of one article into
// one group.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "facts/findings.h"

namespace crosscheck::facts {

namespace {

// Pairs scored at most per story; a few hundred thousand keep a huge story under a second.
constexpr size_t kMaxPairs = 300000;

struct Candidate {
  uint32_t a = 0, b = 0;
  double similarity = 0;
};

class Groups {
 public:
  explicit Groups(size_t n) : parent_(n), articles_(n), members_(n) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  uint32_t find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void init(uint32_t x, uint32_t article) {
    articles_[x] = {article};
    members_[x] = {x};
  }
  // Merges the groups of x and y unless they hold sentences of the same article or their
  // members are, on average, less similar than `min_average` (no chaining of loose pairs).
  template <typename Similarity>
  bool merge(uint32_t x, uint32_t y, Similarity&& similarity, double min_average) {
    x = find(x), y = find(y);
    if (x == y) return false;
    for (uint32_t article : articles_[y])
      if (std::find(articles_[x].begin(), articles_[x].end(), article) != articles_[x].end())
        return false;
    if (members_[x].size() + members_[y].size() > 2) {
      double sum = 0;
      for (uint32_t a : members_[x])
        for (uint32_t b : members_[y]) sum += similarity(a, b);
      double average = sum / static_cast<double>(members_[x].size() * members_[y].size());
      if (average < min_average) return false;
    }
    if (articles_[x].size() < articles_[y].size()) std::swap(x, y);
    parent_[y] = x;
    articles_[x].insert(articles_[x].end(), articles_[y].begin(), articles_[y].end());
    members_[x].insert(members_[x].end(), members_[y].begin(), members_[y].end());
    articles_[y].clear();
    members_[y].clear();
    return true;
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<std::vector<uint32_t>> articles_;
  std::vector<std::vector<uint32_t>> members_;
};

}  // namespace

std::vector<Alignment> align_statements(const StoryFrames& story, const FactsOptions& options) {
  const std::vector<Frame>& frames = story.frames();
  std::vector<uint32_t> statements;
  for (uint32_t i = 0; i < frames.size(); ++i)
    if (frames[i].statement) statements.push_back(i);

  // Pair scores: the same-statement probability when a scorer is given, else frame similarity.
  const StatementScorer* scorer = options.statements;
  const bool fact_model = scorer && scorer->has_fact_model();
  const double threshold = !scorer       ? options.align_threshold
                           : fact_model ? options.shared_fact
                                        : options.same_statement;
  std::unordered_map<uint64_t, double> scored;
  auto pair_score = [&](uint32_t x, uint32_t y) {
    if (x > y) std::swap(x, y);
    const uint64_t key = (static_cast<uint64_t>(x) << 32) | y;
    if (auto it = scored.find(key); it != scored.end()) return it->second;
    const Frame& a = frames[x];
    const Frame& b = frames[y];
    double score = story.similarity(a, b);
    // Shared words or the same meaning in other words: the stronger of the two. Pairs with
    // little in common are not worth the model's time.
    if (scorer && score >= options.candidate_similarity) {
      // The shared-fact model when there is one, else the same-statement model.
      score = std::max(score, scorer->fact_probability(story.doc(a.article), a.span,
                                                       story.doc(b.article), b.span));
    }
    scored.emplace(key, score);
    return score;
  };

  std::vector<Candidate> candidates;
  for_each_candidate_pair(story, statements, kMaxPairs, [&](uint32_t x, uint32_t y) {
    if (frames[x].article == frames[y].article) return;
    double score = pair_score(x, y);
    if (score >= threshold) candidates.push_back({x, y, score});
  });
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    if (x.similarity != y.similarity) return x.similarity > y.similarity;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });

  Groups groups(frames.size());
  for (uint32_t f : statements) groups.init(f, frames[f].article);
  // A group may take in a member less similar to some of the others than a pair needs to be.
  const double min_average = threshold * 0.85;
  for (const Candidate& candidate : candidates)
    groups.merge(candidate.a, candidate.b, pair_score, min_average);

  std::unordered_map<uint32_t, size_t> group_of_root;
  std::vector<Alignment> alignments;
  for (uint32_t f : statements) {
    uint32_t root = groups.find(f);
    auto [it, inserted] = group_of_root.emplace(root, alignments.size());
    if (inserted) alignments.emplace_back();
    alignments[it->second].frames.push_back(f);
  }
  for (Alignment& alignment : alignments) {
    std::vector<int32_t> sources;
    for (uint32_t f : alignment.frames) sources.push_back(frames[f].source);
    std::sort(sources.begin(), sources.end());
    alignment.sources =
        static_cast<int>(std::unique(sources.begin(), sources.end()) - sources.begin());
  }
  return alignments;
}

}  // namespace crosscheck::facts
