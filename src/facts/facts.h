// facts: statements aligned across the articles of a story; corroboration and conflicts.
//
// Each sentence is read as a frame: its actors (resolved mentions), terms, time (resolved
// timexes), quantities, places and polarity. Frames from different articles that state the same
// thing (same-statement scorer, or frame similarity without it) are aligned into one Fact; its
// sources are counted over independent articles (a copy group counts once). Conflicts are looked
// for only between details of one event (events.h): each date, place and count is attached
// through the dependency tree to the predicate or event noun that governs it, and two details
// are compared only when their governors agree (same lemma, or WordNet synonyms/hypernyms),
// negation, tense, people, places and dates do not set them apart, and their clauses share
// enough content; that score is the conflict's confidence. Kinds: number (values that cannot
// both hold, respecting bounds), date (calendar spans that do not overlap at their own
// granularity, or a weekday that is not the day's), place (two locations of one occasion), role
// (one person given incompatible offices, one office given to two people), polarity (a predicate
// negated in one source and affirmed with the same arguments in another) and attribution (the
// same direct quotation credited to two people named in its own sentences).
// Cost: linear in the story's details per kind squared; a 50-article story takes well under a
// second. Bad input: an empty or unparsed story gives no conflicts; out-of-range indices are
// ignored.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

class StatementScorer;
namespace facts {
class WordNet;
}

struct FactsOptions {
  int corroboration_min_sources = 2;  // independent sources for "corroborated"
  // Frame similarity to align two statements; a group's members must average 0.85 of it.
  // Used when no statement scorer is given.
  double align_threshold = 0.42;
  // Same-statement scorer (load_statement_scorer), loaded once by the caller and shared; when
  // null, statements align by frame similarity alone.
  const StatementScorer* statements = nullptr;
  // With a scorer: sentences of two articles align when the larger of their frame similarity
  // and the probability that they state the same thing reaches `same_statement` (a group's
  // members must average 0.85 of it). Only pairs with a frame similarity of at least
  // `candidate_similarity` are given to the model, which bounds the cost. Chosen by
  // `crosscheck eval coverage-sweep` (docs/facts.md).
  double same_statement = 0.35;
  double candidate_similarity = 0.2;
  // When the scorer carries the shared-fact model (models/shared-fact.model, trained on careful
  // readers' labelled facts of real events), two sentences align when the larger of their frame
  // similarity and the probability that they state one fact reaches `shared_fact` instead.
  // The lowest threshold of the cross-validated sweep (`crosscheck eval coverage-cv`,
  // docs/facts.md) whose fact pair precision is not below the same-statement model's.
  double shared_fact = 0.3;
  // With a scorer, a conflict's confidence is the probability that its two sides, with the
  // detail they disagree on left out, state the same thing; conflicts are ranked by it and
  // those below this are not reported. 0 reports all: `crosscheck eval coverage-sweep` finds no
  // threshold that keeps real conflicts while cutting false alarms (docs/facts.md).
  double min_conflict_confidence = 0.0;
  // Date and place details are compared only when they are about one event: the same predicate
  // or event noun, the same people, and at least this IDF-weighted share of the smaller clause
  // in common (events.h). Chosen by `crosscheck eval coverage-sweep` (docs/facts.md).
  double same_event = 0.4;
  // A statement one source denies and another affirms is a polarity conflict only when the two
  // sentences are at least this similar (StoryFrames::similarity), besides having the same
  // predicate about the same subject and complement. Chosen by the sweep in docs/facts.md
  // (`crosscheck eval conflicts --polarity-similarity` and `eval coverage`).
  double polarity_similarity = 0.45;
  // How large a place is (the extract stage's gazetteer: 0 country, 1 state or province, 2 any
  // other place); places of different levels may be one place named at two levels ("born in
  // the U.S." and "born in San Francisco", "in New South Wales" and "in Canberra"), so they are
  // never a place conflict. Unset: every place is of one level.
  std::function<int(std::string_view)> place_level;
};

// Fills story.facts, story.conflicts, story.timeline and story.numbers. Needs story.actors and
// the extract layers of the story's documents.
void align_facts(const std::vector<Document>& documents, Story& story,
                 const FactsOptions& options = {});

// How much each sentence of an article is about the story, measured against the other
// independent articles (a copy group never supports itself).
struct SentenceRelevance {
  double centroid = 0;         // IDF cosine with the centroid of the other articles' sentences
  double best_match = 0;       // highest frame similarity to one sentence of another article
  int story_actors = 0;        // actors also named by another independent article
  bool story_date = false;     // a calendar day within ten days of a day another article names
  bool counted_event = false;  // a count with a counted noun and event ("killed 3 people")
  int words = 0;
};

// One vector per article of the story (story order), one entry per sentence. Linear in the
// story's sentences apart from best_match, which is computed through an inverted index over
// informative terms.
std::vector<std::vector<SentenceRelevance>> sentence_relevance(
    const std::vector<Document>& documents, const Story& story);

// ---- Same-statement scorer ----
// Do two sentences (or clauses) state the same thing? A logistic regression (trained with
// liblinear by `crosscheck train paraphrase` on news paraphrase pairs, MSRP) over overlap
// features: stems, IDF-weighted terms (models/news-df.tsv), WordNet synonyms (Debian
// wordnet-base), word n-grams, longest common subsequence, numbers, names, negation and length;
// machine-translation metrics (n-gram precision both ways on words, stems and lemmas, BLEU,
// METEOR-like alignment, edit distance, character trigrams); and dependency triples read from
// the syntax layer the tokens already carry (missing, NaN, when a side is unparsed).
// Model: models/same-statement.model with its card models/same-statement.md.

// Feature extraction shared by training and scoring. Load once, share read-only between threads.
class StatementFeatures {
 public:
  // Reads the reference term frequencies and WordNet. Null with `error` when either is missing.
  static std::unique_ptr<StatementFeatures> load(const std::string& models_dir,
                                                 const std::string& wordnet_dir,
                                                 std::string& error);
  ~StatementFeatures();
  StatementFeatures(const StatementFeatures&) = delete;
  StatementFeatures& operator=(const StatementFeatures&) = delete;

  // Feature vector of the tokens of `a` inside `a_span` against those of `b` inside `b_span`
  // (documents need the text stage's tokens). Symmetric in a and b. Cost: O(words^2) per pair.
  // Tokens inside a span of `a_skip` (`b_skip`) are left out: the detail two conflicting
  // sides disagree on, so that what remains says whether they speak of the same thing.
  std::vector<double> compute(const Document& a, Span a_span, const Document& b, Span b_span,
                              const std::vector<Span>& a_skip = {},
                              const std::vector<Span>& b_skip = {}) const;
  static const std::vector<std::string>& names();
  const facts::WordNet& wordnet() const;

  struct Resources;

 private:
  StatementFeatures();
  std::unique_ptr<Resources> resources_;
};

// Weights of the logistic regression and the decision threshold chosen by the training sweep.
struct StatementModel {
  std::vector<std::string> features;  // must equal StatementFeatures::names()
  std::vector<double> mean, scale;    // standardisation applied before the weights
  std::vector<double> weights;
  double bias = 0;
  double threshold = 0.5;  // probability from which two statements are the same
  double probability(const std::vector<double>& features) const;
};

// Text file: a header line, then "threshold", "bias" and one "name mean scale weight" line per
// feature. False with `error` when unreadable or when its features differ from names().
bool load_statement_model(const std::string& path, StatementModel& model, std::string& error);
bool save_statement_model(const StatementModel& model, const std::string& path, std::string& error);

// Trains L2-regularised logistic regression (liblinear, deterministic) on feature rows and 0/1
// labels; standardises features first (a NaN, missing feature, counts as the mean, both here
// and in `probability`). `cost` is liblinear's C.
StatementModel train_statement_model(const std::vector<std::vector<double>>& rows,
                                     const std::vector<int>& labels, double cost);

// Features and model together, as the facts stage uses them. Thread-safe after loading.
class StatementScorer {
 public:
  StatementScorer(std::unique_ptr<StatementFeatures> features, StatementModel model);
  // Probability that the two spans state the same thing.
  double probability(const Document& a, Span a_span, const Document& b, Span b_span,
                     const std::vector<Span>& a_skip = {},
                     const std::vector<Span>& b_skip = {}) const;
  const StatementModel& model() const { return model_; }
  // The shared-fact model, when one was loaded: does one sentence state a fact the other states
  // (a clause of a longer sentence, in other words)? Same features, other weights.
  void set_fact_model(StatementModel model) { fact_model_ = std::move(model); }
  bool has_fact_model() const { return fact_model_.has_value(); }
  // Probability that the spans share a stated fact; the same-statement probability without the
  // shared-fact model.
  double fact_probability(const Document& a, Span a_span, const Document& b, Span b_span) const;
  // The WordNet the features read (synonyms and hypernyms of predicates for event identity).
  const facts::WordNet& wordnet() const;

 private:
  std::unique_ptr<StatementFeatures> features_;
  StatementModel model_;
  std::optional<StatementModel> fact_model_;
};

// Loads models/same-statement.model, models/news-df.tsv and WordNet (`wordnet_dir`), and
// models/shared-fact.model when it is there. Null with `error` when any of the first three is
// missing or unreadable, or when the shared-fact model is there but unreadable.
std::unique_ptr<StatementScorer> load_statement_scorer(const std::string& models_dir,
                                                       const std::string& wordnet_dir,
                                                       std::string& error);

// Where Debian's wordnet-base installs the WordNet 3.0 database.
inline constexpr const char* kWordNetDir = "/usr/share/wordnet";

}  // namespace crosscheck
