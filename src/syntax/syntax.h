// syntax: part-of-speech tags, morphology, lemmas and dependency trees for English sentences.
//
// Takes a Document whose text stage has run (sentences and tokens) and fills, on every token of
// every English sentence, the syntax layer of core/document.h: `upos`, `xpos`, `morph`, `lemma`,
// `head` (index into Document::tokens, -1 for the sentence root) and `deprel` (Universal
// Dependencies v2, English subtypes; tables in core/ud.h). The project's own tokens are parsed as
// they are: there is no second tokeniser. A document whose `lang` is set and is not "en" is left
// untouched; so is every token when no model could be loaded.
//
// The model (models/syntax-en.bin, card models/syntax-en.md) is trained by
// `crosscheck train syntax --data ../shared/data/ud-ewt` on UD English EWT (CC BY-SA 4.0):
//   - tagger: averaged perceptron over joint (UPOS, XPOS) tags, two left-to-right passes (the
//     second sees the first pass's tags to its right), word shape, affixes, neighbouring words
//     and word clusters learned from the unlabelled news text;
//   - lemmatiser: treebank lookup by (spelling, XPOS) then (lower-cased word, XPOS), WordNet
//     exception lists, then suffix edit rules learned per XPOS, checked against known base forms
//     (WordNet index files and treebank lemmas) as WordNet's morphy does; unknown words keep
//     their capitals when the tag's treebank lemmas do (proper nouns, addresses);
//   - morphology: features (tense, verb form, mood, number, person, voice, polarity) by
//     (word, XPOS) with a per-XPOS default, Voice=Pass from the tree;
//   - parser: arc-eager transitions with the root at the end, averaged perceptron with the
//     Zhang & Nivre (2011) rich non-local features plus word clusters, the tags next to each
//     end of the span between s0 and n0 and the punctuation inside it, trained with a dynamic
//     oracle (Goldberg & Nivre 2012) on jackknifed predicted tags; greedy decoding.
// Work is linear in the sentence length; sentences of any length, of punctuation only or of
// mixed scripts parse without special cases. Training is deterministic for a given seed.
// docs/syntax.md has the design and the dev results; thread-safe: one loaded model may annotate
// many documents at once.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/resources.h"

namespace crosscheck {

namespace syntax {
struct Model;
struct ConlluSentence;
}  // namespace syntax

// One word of a sentence given with its tokens (gold tokens, `crosscheck parse --conllu`).
struct SyntaxWord {
  std::string form;
  Upos upos = Upos::kNone;
  uint8_t xpos = 0;
  Morph morph;
  std::string lemma;
  int head = -1;  // 0-based index into the sentence; -1 = root
  uint8_t deprel = 0;
};

class SyntaxModel {
 public:
  static constexpr const char* kFileName = "syntax-en.bin";

  // Loads a model file; nullptr with `error` when it is missing, damaged or of another format.
  static std::unique_ptr<SyntaxModel> load_file(const std::string& path, std::string& error);
  // Loads models_dir/syntax-en.bin; nullptr, with a warning, when that fails.
  static std::unique_ptr<SyntaxModel> load(const Resources& resources,
                                           std::vector<std::string>* warnings = nullptr);
  // Wraps a model built in memory (training).
  explicit SyntaxModel(std::unique_ptr<syntax::Model> model);
  ~SyntaxModel();

  // Fills the syntax layer of every token of every English sentence of `doc`.
  void annotate(Document& doc) const;
  // Tags, lemmatises and parses one sentence of words.
  void parse(std::vector<SyntaxWord>& words) const;

  const syntax::Model& model() const { return *model_; }

 private:
  std::unique_ptr<syntax::Model> model_;
};

// CoNLL-U of a parsed document: `# sent_id`, `# text`, one line per token with
// TokenRange=start:end (byte offsets into doc.text) and SpaceAfter=No in MISC.
std::string document_conllu(const Document& doc);

// Parses CoNLL-U text with its gold tokens and writes it back with predicted columns 3-8.
std::string parse_conllu_text(const SyntaxModel& model, std::string_view conllu);

// ---- Training and evaluation (crosscheck train syntax / eval syntax) ----

struct SyntaxTrainOptions {
  std::string data;  // folder with en_ewt-ud-train.conllu.gz (and -dev for scores)
  std::string out;   // model file to write
  std::string news;  // unlabelled text (any input ingest takes) for word clusters; "" = none
  std::string wordnet_dir = "/usr/share/wordnet";  // *.exc exception lists; missing = none
  uint64_t seed = 20250801;
  int tagger_iterations = 10;
  int parser_iterations = 15;
  int jackknife = 5;  // folds for the parser's predicted training tags; 0 = gold tags
  bool two_pass = true;
  // Training is single-threaded per model; folds run in parallel.
};

// Trains and writes the model; returns a process exit code. Progress and dev scores on `log`.
int train_syntax(const SyntaxTrainOptions& options, std::ostream& log);

struct SyntaxScores {
  size_t words = 0, sentences = 0;
  double upos = 0, xpos = 0, lemma = 0, feats = 0, uas = 0, las = 0;
  double seconds = 0;  // CPU seconds of tagging, lemmas and parsing (one thread)
  double tokens_per_s() const { return seconds > 0 ? words / seconds : 0; }
};

// Gold tokens: parses every sentence and scores it (CoNLL 2018 definitions, punctuation
// included, LAS on the universal part of the relation).
SyntaxScores evaluate_syntax(const SyntaxModel& model,
                             const std::vector<syntax::ConlluSentence>& gold);

}  // namespace crosscheck
