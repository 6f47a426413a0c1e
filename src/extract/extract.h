// extract: who, when, how many and who said what, per article; aliases and roles per story.
//
// Per document (after the text stage): name mentions (person, organisation, place) from
// capitalisation, gazetteers (../shared/data/gazetteers and Debian iso-codes) and context
// words, with roles from titles and appositions ("UK Foreign Secretary David Lammy"); time
// expressions with TIMEX3 values resolved against the publication date; quantities with bound,
// unit, counted noun and event; quotes (direct and reported speech, "according to") with source,
// cue and content spans in PolNeAR's conventions, read by a tagger trained on PolNeAR
// (models/quotes.bin, docs/quotes.md), and the speaker resolved by the rule in quotes.cc.
// Per story: mentions linked into actors (surname to full name, transliteration variants such as
// Zelensky/Zelenskyy), and relative dates of undated articles resolved against the dates the
// story itself states.
#pragma once

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

// Holds the gazetteers and the quote tagger (models/quotes.bin). Load once, share read-only between
// threads.
class Extractor {
 public:
  // Loads gazetteers from `resources` and the quote tagger from resources.models_dir; missing
  // files are tolerated (fewer names recognised; no quotes without the tagger) and reported in
  // `warnings`.
  static std::unique_ptr<Extractor> load(const Resources& resources,
                                         std::vector<std::string>* warnings = nullptr);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Adds mentions, timexes, quantities and quotes to `doc` (which needs sentences and tokens).
  // Relative dates are resolved against doc.published when known, else left for
  // resolve_story_times. The quote tagger reads about 2.7 MB of text per second per core.
  // Thread-safe.
  void annotate(Document& doc, const ExtractOptions& options = {}) const;

  // Name mentions of `doc` (which needs tokens), sorted by start, without changing `doc`: what
  // annotate puts in doc.mentions. Persons, organisations and places carry a normalised `key`
  // and, for people, the role written in a title or apposition ("UK Foreign Secretary David
  // Lammy": role "Foreign Secretary", qualifier "UK"; "French President ..." gives qualifier
  // "France"). Nationality adjectives are kMisc mentions (CoNLL MISC) and never become actors.
  // Costs a few hash probes per token. Thread-safe.
  std::vector<Mention> find_entities(const Document& doc) const;

  struct Gazetteer;

 private:
  Extractor();
  std::unique_ptr<Gazetteer> gazetteer_;
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

}  // namespace crosscheck
