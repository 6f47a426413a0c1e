// Internal to the assess stage: a word trigram model of human-written news (interpolated
// absolute discounting, Ney et al. 1994), the non-neural stand-in for the scoring model of
// perplexity-based detectors (GLTR, Ghostbuster, Binoculars). Trained by
// `crosscheck train news-lm`; read-only and thread-safe once loaded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"

namespace crosscheck::assess {

// The symbol a token is modelled as: lower-case word, "<num>" for numbers, "<url>" for web
// addresses, quotes folded to one form, other punctuation as it is.
std::string lm_symbol(const Token& token);

struct NgramOptions {
  int min_word_count = 3;      // rarer words are <unk>
  int min_ngram_count = 2;     // rarer bigrams and trigrams are pruned
  double discount = 0.75;      // absolute discount D
  int top_continuations = 10;  // per word, its most frequent next words (rank features)
};

// One token's scores: natural-log probabilities under the trigram and the unigram model, and
// the rank bucket of the token among the continuations of the previous word (0: the most
// frequent, 1: among the top 10, 2: further down or unknown).
struct TokenScore {
  float logprob = 0;
  float unigram_logprob = 0;
  uint8_t rank = 2;
  bool unknown = false;
};

class NgramModel {
 public:
  static constexpr uint32_t kUnknown = 0;
  static constexpr uint32_t kBoundary = 1;

  // Counts the sentences of annotated documents (tokens as lm_symbol). Deterministic.
  static NgramModel train(const std::vector<std::vector<std::string>>& sentences,
                          const NgramOptions& options);

  // Binary file (gzip); false with `error` set when it cannot be written or read.
  bool save(const std::string& path, std::string& error) const;
  static bool load(const std::string& path, NgramModel& model, std::string& error);

  // Scores each token of `symbols` (one sentence, without boundaries); appends to `out`.
  void score_sentence(const std::vector<std::string>& symbols, std::vector<TokenScore>& out) const;

  size_t vocabulary_size() const { return words_.size(); }
  size_t bigram_count() const { return bigram_keys_.size(); }
  size_t trigram_count() const { return trigram_keys_.size(); }

 private:
  uint32_t id_of(std::string_view word) const;
  double unigram(uint32_t w) const;
  void build_index();
  int64_t find(const std::vector<uint64_t>& table, const std::vector<uint32_t>& slots,
               uint64_t key) const;

  double discount_ = 0.75;
  uint64_t total_ = 0;
  std::vector<std::string> words_;
  std::vector<uint32_t> word_counts_;     // per word id
  std::vector<uint32_t> word_followers_;  // distinct next words per word id
  std::vector<uint32_t> top_next_;        // top_k_ ids per word id (kUnknown pads)
  uint32_t top_k_ = 0;
  std::vector<uint64_t> bigram_keys_;  // sorted, (u << 21) | v
  std::vector<uint32_t> bigram_counts_, bigram_followers_;
  std::vector<uint64_t> trigram_keys_;  // sorted, (u << 42) | (v << 21) | w
  std::vector<uint32_t> trigram_counts_;

  // Lookup tables built at load: open addressing, slot -> index + 1 (0 = empty).
  std::unordered_map<std::string_view, uint32_t> word_ids_;
  std::vector<uint64_t> bigram_table_, trigram_table_;
  std::vector<uint32_t> bigram_slots_, trigram_slots_;
};

}  // namespace crosscheck::assess
