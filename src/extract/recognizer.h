// The trained name recogniser: a greedy averaged perceptron over BILOU labels (PER, ORG, LOC,
// MISC) on the text stage's tokens.
//
// Features per token: word, lower-cased word and their neighbours (±2), word shape, prefixes
// and suffixes, sentence position and the case style of the sentence (normal, title case,
// capitals), how often the word is capitalised mid-sentence in cased news text (a table learned
// by `crosscheck train ner`), whether the document writes it in lower case or capitalised
// mid-sentence elsewhere, membership in name lists (given names, surnames, countries, places,
// demonyms, organisations; single words and the longest multi-word match), the label the
// document last gave the same word, the previous two labels, and, when the syntax stage has
// run and the model was trained with it, the token's part of speech, relation and those of its
// neighbours. Features are 64-bit hashes; weights are one row of floats per kept feature.
//
// Model files (under models/, written by `crosscheck train ner`): ner.bin (weights),
// ner-names.tsv (name lists, "folded name TAB class letters"), ner-case.tsv ("word TAB
// capitalisation bucket"). Cost: about 40 hash probes per token; no allocation per feature.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "extract/gazetteer.h"

namespace crosscheck::extract {

// Name-list classes of one folded name, as bits.
enum NameClass : uint8_t {
  kGivenName = 1 << 0,
  kSurname = 1 << 1,
  kCountry = 1 << 2,
  kPlace = 1 << 3,
  kDemonym = 1 << 4,
  kOrganisation = 1 << 5,
};

struct NameLists {
  NameMap<uint8_t> classes;        // folded name -> NameClass bits
  size_t longest_name_tokens = 1;  // bound of multi-word lookups
};

// Lower-cased word -> how often news text capitalises it mid-sentence, in buckets 1..5
// (1: almost never, 5: almost always).
using CaseTable = NameMap<uint8_t>;

// A recognised name: tokens [first, last) of Document::tokens.
struct RecognisedName {
  uint32_t first = 0;
  uint32_t last = 0;
  EntityType type = EntityType::kMisc;
  // Mean score margin of the chosen labels over the runner-up, squashed to (0, 1).
  double confidence = 0;
};

class Recogniser {
 public:
  // Reads the three model files of `models_dir`. False and `error` when one is missing or
  // malformed (a truncated or foreign ner.bin is rejected, never read past its end).
  bool load(const std::string& models_dir, std::string& error);
  bool loaded() const { return !weights_.empty(); }

  // Names in `doc` (which needs tokens), sorted by first token. Thread-safe.
  std::vector<RecognisedName> recognise(const Document& doc) const;

  // Training: a perceptron over documents whose gold names are token BILOU labels.
  struct TrainingDocument {
    const Document* doc = nullptr;
    std::vector<uint8_t> labels;  // one per token
  };
  struct TrainingOptions {
    int epochs = 12;
    uint64_t seed = 2003;
    bool syntax = true;  // use syntax features when the training tokens carry them
  };
  // Trains from scratch. After each epoch `after_epoch` (when set) is called with the epoch
  // number and the averaged model, for development scores.
  void train(const std::vector<TrainingDocument>& documents, const TrainingOptions& options,
             const std::function<void(int, const Recogniser&)>& after_epoch);

  // Writes ner.bin, ner-names.tsv and ner-case.tsv into `models_dir`. False and `error`
  // when a file cannot be written.
  bool save(const std::string& models_dir, std::string& error) const;

  NameLists& names() { return names_; }
  CaseTable& case_table() { return case_table_; }
  size_t features() const { return index_.size(); }
  bool uses_syntax() const { return syntax_; }

  // Token labels of gold mentions (tokens whose start lies inside a mention).
  static std::vector<uint8_t> labels_of(const Document& doc, const std::vector<Mention>& gold);

 private:
  void decode(const Document& doc, std::vector<uint8_t>& labels, std::vector<float>* margins) const;

  std::unordered_map<uint64_t, uint32_t> index_;  // feature hash -> row
  std::vector<float> weights_;                    // rows of kLabels
  bool syntax_ = false;
  NameLists names_;
  CaseTable case_table_;
};

// Counts, over news articles with tokens, how often each lower-cased word is written
// capitalised when it is not the first word of a sentence; words seen fewer than `min_count`
// times there are left out.
CaseTable count_capitalisation(const std::vector<Document>& documents, size_t min_count);

// Name lists for features from the gazetteers (given names, surnames, countries and their
// codes, places, demonyms, organisations).
NameLists name_lists_from(const Gazetteer& gazetteer);

}  // namespace crosscheck::extract
