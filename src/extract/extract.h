// extract: who, when, how many and who said what, per article; aliases and roles per story.
//
// Per document (after the text stage): name mentions (person, organisation, place, MISC) from
// the trained recogniser in models/ (extract/recognizer.h; capitalisation rules with
// gazetteers when no model is installed), with roles from titles and appositions ("UK Foreign
// Secretary David Lammy"); time expressions with TIMEX3 values resolved against the publication
// date; quantities with bound, unit, counted noun and event; quotes (direct and reported speech,
// "according to") with source, cue and content spans in PolNeAR's conventions, read by a tagger
// trained on PolNeAR (models/quotes.bin, docs/quotes.md), and the speaker resolved by the rule in
// quotes.cc. Per story: mentions linked into actors (surname to full name, transliteration variants
// such as Zelensky/Zelenskyy), and relative dates of undated articles resolved against the dates
// the story itself states.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/resources.h"
#include "core/story.h"

namespace crosscheck {

namespace extract {
class QuoteModel;
}

// The roles of an attribution in PolNeAR's scheme: who (source) said or thought what (content),
// signalled by which words (cue).
enum class AttributionRole : uint8_t { kSource, kCue, kContent };

struct RoleSpan {
  AttributionRole role = AttributionRole::kContent;
  Span span;
  friend bool operator==(const RoleSpan&, const RoleSpan&) = default;
};

struct ExtractOptions {
  bool entities = true;
  bool times = true;
  bool quantities = true;
  bool quotes = true;
};

struct NerTrainingOptions {
  int epochs = 12;
  uint64_t seed = 2003;
  // Words seen fewer times mid-sentence in the news text get no capitalisation bucket.
  size_t case_min_count = 3;
};

// Holds the gazetteers, the name recogniser and the quote tagger. Load once, share read-only
// between threads.
class Extractor {
 public:
  // Loads gazetteers from `resources`, the name recogniser (ner.bin, ner-names.tsv,
  // ner-case.tsv) and the quote tagger (quotes.bin) from resources.models_dir; missing files are
  // tolerated (without the recogniser names come from capitalisation rules; no quotes without
  // the tagger) and reported in `warnings`. The recogniser loads in about 0.3 s.
  static std::unique_ptr<Extractor> load(const Resources& resources,
                                         std::vector<std::string>* warnings = nullptr);

  // Trains the name recogniser (`crosscheck train ner`): gold names are the doc.mentions of
  // `training` (documents with tokens, and syntax when the syntax stage ran), name lists come
  // from the gazetteers of `resources`, the capitalisation table from `news` (documents with
  // tokens). Seeded by `options.seed`: the same inputs give the same model. After each epoch
  // `after_epoch` is called with the epoch and an Extractor using the averaged model so far.
  static std::unique_ptr<Extractor> train_ner(
      const Resources& resources, const std::vector<Document>& training,
      const std::vector<Document>& news, const NerTrainingOptions& options,
      const std::function<void(int, const Extractor&)>& after_epoch,
      std::vector<std::string>* warnings = nullptr);
  // Writes the recogniser's files into `models_dir`; false and `error` when one cannot be
  // written.
  bool save_ner(const std::string& models_dir, std::string& error) const;
  // True when a trained recogniser is in use.
  bool has_recogniser() const;
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Adds mentions, timexes, quantities and quotes to `doc` (which needs sentences and tokens).
  // Relative dates are resolved against doc.published when known, else left for
  // resolve_story_times. The quote tagger reads about 2.2 MB of text per second per core; it
  // reads the syntax layer when the syntax stage has filled it (models/quotes.bin expects it).
  // Thread-safe.
  void annotate(Document& doc, const ExtractOptions& options = {}) const;

  // Name mentions of `doc` (which needs tokens), sorted by start, without changing `doc`: what
  // annotate puts in doc.mentions. Persons, organisations and places carry a normalised `key`
  // and, for people, the role written in a title or apposition ("UK Foreign Secretary David
  // Lammy": role "Foreign Secretary", qualifier "UK"; "French President ..." gives qualifier
  // "France"). Nationality adjectives are kMisc mentions (CoNLL MISC) and never become actors.
  // Costs a few hash probes per token. Thread-safe.
  std::vector<Mention> find_entities(const Document& doc) const;

  // True when `name` names a country (iso-codes and gazetteer country names, alternative
  // spellings, and initials written in capitals such as "U.S."). Thread-safe.
  bool is_country(std::string_view name) const;

  // How large a place `name` is: 0 a country (is_country), 1 a first-level subdivision of one
  // (iso-codes 3166-2 states, provinces, regions), 2 anything else (a city, a town, a venue).
  // A name that is both ("New York") counts as the larger. Thread-safe.
  int place_level(std::string_view name) const;

  struct Gazetteer;
  struct Recogniser;

 private:
  Extractor();
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Recogniser> recogniser_;
  std::unique_ptr<extract::QuoteModel> quote_model_;
};

// Training of the quote tagger (`crosscheck train quotes`): an averaged structured perceptron
// over token features, Viterbi-decoded (see docs/quotes.md).
struct QuoteTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  // Features seen in fewer training tokens are left out of the model (its size).
  int min_feature_count = 2;
};

struct QuoteTrainReport {
  size_t documents = 0, tokens = 0, features = 0, cue_words = 0;
  std::vector<double> epoch_token_accuracy;  // on the training data, per epoch
};

// Trains on `documents` (with tokens, and the syntax layer when the model is to use it) and
// their gold attribution spans, and writes the model to `path`. Deterministic for the same data
// and options; costs about a second per epoch per 100,000 tokens. False with `error` when the
// file cannot be written.
bool train_quote_model(const std::vector<Document>& documents,
                       const std::vector<std::vector<RoleSpan>>& gold,
                       const QuoteTrainOptions& options, const std::string& path,
                       QuoteTrainReport& report, std::string& error);

// Resolves relative time expressions of undated articles in a story against the dates the story
// states (the most frequent absolute date its articles name, checked against named weekdays).
void resolve_story_times(std::vector<Document>& documents, const Story& story);

// Links the story's mentions into actors with aliases and roles: same key; a surname alone to
// the one full name ending in it ("Zelensky" -> "Volodymyr Zelensky"); transliteration variants
// (Zelensky/Zelenskyy/Zelenskiy, Andriy/Andrii); acronyms to their expansion when both occur
// (US, U.S., United States). kMisc mentions are not linked. Actors are sorted by articles, then
// mentions, then name. Indices in story.documents outside `documents` are ignored.
std::vector<Actor> resolve_actors(const std::vector<Document>& documents, const Story& story);

// The spans of doc.quotes in PolNeAR's conventions, sorted by start and without repeats: a
// direct quote's content widened by the quotation marks next to it, empty spans left out.
std::vector<RoleSpan> attribution_spans(const Document& doc);

// Tagging entry points for the `ner`, `timex` and `quotes` commands and their evaluations.
// `dct` is YYYY-MM-DD.
void annotate_times(Document& doc, const std::string& dct);
// Time expressions and quantities (`eval values`); numbers inside dates are not quantities.
void annotate_values(Document& doc, const std::string& dct);

}  // namespace crosscheck
