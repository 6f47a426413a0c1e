// Internal to the extract stage: the attribution tagger behind find_quotes.
//
// Every token of a document gets one of seven labels (outside, or the beginning or inside of a
// source, cue or content span; PolNeAR's annotation is univocal, so one label per token loses
// nothing but the links). Scores are a linear model over sparse features of the token and its
// context (words, stems, shapes, quotation-mark state, the sentence's likeliest cue word from a
// cue lexicon learned on the training data, and, when the syntax layer is filled, tags, relations
// and the path to a governing cue verb), decoded with first-order Viterbi over the whole
// document. Trained as an averaged structured perceptron (Collins 2002).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "extract/extract.h"

namespace crosscheck::extract {

enum QuoteLabel : uint8_t {
  kOutside,
  kSourceBegin,
  kSourceInside,
  kCueBegin,
  kCueInside,
  kContentBegin,
  kContentInside,
  kLabelCount
};

// Open-addressing map from feature hash to weight row; about one cache miss per lookup.
class FeatureTable {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;
  void reserve(size_t count);
  void insert(uint64_t hash, uint32_t row);  // reserve() room first
  uint32_t find(uint64_t hash) const;
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  template <typename F>
  void for_each(F f) const {
    for (size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != 0) f(keys_[i], rows_[i]);
  }

 private:
  std::vector<uint64_t> keys_;  // 0 = empty slot (hash 0 is stored as 1)
  std::vector<uint32_t> rows_;
  size_t size_ = 0;
};

class QuoteModel {
 public:
  // Reads a model written by save(). False with `error` on a missing, truncated or foreign file.
  bool load(const std::string& path, std::string& error);
  bool save(const std::string& path, std::string& error) const;

  // Trains on documents with tokens (and the syntax layer when it is to be used) and their gold
  // spans. Deterministic for the same data and options.
  static QuoteModel train(const std::vector<const Document*>& documents,
                          const std::vector<std::vector<RoleSpan>>& gold,
                          const QuoteTrainOptions& options, QuoteTrainReport* report = nullptr);

  // One label per doc.tokens entry. Linear in the tokens.
  std::vector<QuoteLabel> tag(const Document& doc) const;

  bool empty() const { return features_.empty(); }
  // Training-data cue rate of a stem (smoothed), 0 for stems never seen in a cue.
  float cue_rate(std::string_view stem) const;

 private:
  using Weights = std::array<float, kLabelCount>;
  std::vector<uint64_t> feature_hashes(const Document& doc, std::vector<uint32_t>& offsets) const;
  std::vector<QuoteLabel> viterbi(const std::vector<Weights>& scores) const;

  std::unordered_map<std::string, float> cue_rates_;     // stem -> smoothed cue rate
  std::unordered_map<uint64_t, float> cue_rate_hashes_;  // the same, by hash of the stem
  FeatureTable features_;                                // feature hash -> row of weights_
  std::vector<Weights> weights_;
  std::array<Weights, kLabelCount> transitions_{};  // [previous][next]
  std::array<float, kLabelCount> start_{};          // first token
};

// Gold labels of doc.tokens from byte spans: a token belongs to the span covering most of it.
std::vector<QuoteLabel> labels_from_spans(const Document& doc, const std::vector<RoleSpan>& spans);

// Spans of a label sequence (a run starting at a Begin label, or at an Inside label after a
// different role, up to the last token of its role).
std::vector<RoleSpan> spans_from_labels(const Document& doc, const std::vector<QuoteLabel>& labels);

}  // namespace crosscheck::extract
