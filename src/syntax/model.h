// Internals of the syntax stage: the tagger, lemmatiser, morphology table and parser that make
// up one model file, and the sentence they work on. See syntax.h for the public side.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "syntax/perceptron.h"

namespace crosscheck::syntax {

// One sentence as the models see it. Inputs: `form`. Outputs: the rest.
struct Words {
  std::vector<std::string_view> form;
  // Filled by prepare():
  std::vector<std::string> lower;                // case-folded form
  std::vector<uint64_t> form_h, lower_h;         // hashes
  std::vector<std::array<uint64_t, 3>> cluster;  // word-cluster ids at three granularities
  std::vector<uint64_t> shape_h;
  // Tagger output (joint tag class), parser input.
  std::vector<uint16_t> tag;
  std::vector<uint8_t> xpos;
  std::vector<Upos> upos;
  // Parser input made from the tags by parser_inputs(): punctuation words before each index.
  std::vector<int> punct_before;
  std::vector<std::string> lemma;
  std::vector<Morph> morph;
  std::vector<int> head;  // 0-based, -1 = root
  std::vector<uint8_t> deprel;
  size_t size() const { return form.size(); }
};

// Word clusters learned from unlabelled text: lower-cased word -> bit-string path id.
struct Clusters {
  std::unordered_map<std::string, std::array<uint32_t, 3>> ids;
  void write(std::string& out) const;
  bool read(std::string_view& in);
};

class Tagger {
 public:
  // Joint (UPOS, XPOS) classes.
  std::vector<std::pair<Upos, uint8_t>> classes;
  Weights pass1, pass2;  // pass2 empty when a single pass is used
  bool two_pass = false;

  void tag(Words& words, std::vector<uint16_t>* pass1_tags = nullptr) const;
  void write(std::string& out) const;
  bool read(std::string_view& in);
};

// Features of the tagger at position i; `left` are this pass's tags so far, `right` the
// previous pass's tags (nullptr in the first pass).
void tagger_features(const Words& words, size_t i, const uint16_t* left, const uint16_t* right,
                     std::vector<uint64_t>& out);

// Lemma edit: remove `strip` bytes from the end of the base, then append `add`; `lower` says
// whether the base is the lower-cased form (else the form as written).
struct LemmaRule {
  uint8_t strip = 0;
  bool lower = true;
  std::string add;
  friend bool operator==(const LemmaRule&, const LemmaRule&) = default;
};

// Suffix edits for one (XPOS, suffix): the most frequent first; `confident` when it covers at
// least 2 word types and half of them (then it applies even without the lexicon's support).
struct SuffixRules {
  bool confident = false;
  std::vector<LemmaRule> rules;
};

class Lemmatizer {
 public:
  std::unordered_map<std::string, LemmaRule> words;  // lower + '\t' + xpos -> rule
  // form + '\t' + xpos -> rule, for the spellings whose lemma differs from what `words` gives.
  std::unordered_map<std::string, LemmaRule> forms;
  std::unordered_map<std::string, SuffixRules> suffixes;    // xpos + '\t' + suffix -> rules
  std::unordered_map<std::string, std::string> exceptions;  // xpos-class + '\t' + lower -> lemma
  // Known base forms: lexicon class + '\t' + lemma (WordNet index files and treebank lemmas).
  std::unordered_set<std::string> lexicon;
  // Per XPOS: unknown words keep their written case (most treebank lemmas of the tag do).
  std::vector<uint8_t> keep_case;
  std::string lemma(std::string_view form, std::string_view lower, uint8_t xpos) const;
  void write(std::string& out) const;
  bool read(std::string_view& in);
  static constexpr int kMaxSuffix = 7;
  static constexpr size_t kMaxRules = 4;
};

// Lexicon class of an XPOS for base-form checks ('n', 'v', 'a', 'r'; 0 for none).
char lexicon_class(uint8_t xpos);

class MorphTable {
 public:
  std::vector<Morph> by_xpos;                      // per XPOS index
  std::unordered_map<std::string, Morph> by_word;  // lower + '\t' + xpos -> features
  Morph morph(std::string_view lower, uint8_t xpos) const;
  void write(std::string& out) const;
  bool read(std::string_view& in);
};

// Arc-eager transition parser (root at the end of the buffer).
class Parser {
 public:
  std::vector<uint8_t> labels;  // deprel indices the parser can assign; label 0 is `root`
  Weights weights;
  // Actions: 0 shift, 1 reduce, 2 + 2k left-arc labels[k], 3 + 2k right-arc labels[k].
  int actions() const { return 2 + 2 * static_cast<int>(labels.size()); }
  void parse(Words& words) const;
  void write(std::string& out) const;
  bool read(std::string_view& in);
};

struct Model {
  Clusters clusters;
  Tagger tagger;
  Lemmatizer lemmatizer;
  MorphTable morph;
  Parser parser;

  // Fills the derived inputs of `words` (lower, hashes, clusters, shapes).
  void prepare(Words& words) const;
  // Tags, lemmatises and parses.
  void run(Words& words) const;

  std::string serialize() const;  // uncompressed
  bool deserialize(std::string_view data, std::string& error);
};

// WordNet exception-list class for an XPOS ('n', 'v', 'a', 'r'; 0 for none).
char wordnet_class(uint8_t xpos);

// Word shape: "Xxxx", "dd", "X.X." with runs collapsed after two.
std::string word_shape(std::string_view form);

}  // namespace crosscheck::syntax

namespace crosscheck::syntax {
// zstd framing of the serialized model (model files on disk).
std::string compress_model(const std::string& raw);
bool decompress_model(std::string_view packed, std::string& raw, std::string& error);
}  // namespace crosscheck::syntax
