// extract: who, when, how many and who said what, per article; aliases and roles per story.
//
// Per document (after the text stage): name mentions (person, organisation, place) from
// capitalisation, gazetteers (../shared/data/gazetteers and Debian iso-codes) and context
// words, with roles from titles and appositions ("UK Foreign Secretary David Lammy"); time
// expressions with TIMEX3 values resolved against the publication date; quantities with bound,
// unit, counted noun and event; quotes with cue and speaker.
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

// Holds the gazetteers. Load once, share read-only between threads.
class Extractor {
 public:
  // Loads gazetteers from `resources`; missing files are tolerated (fewer names recognised) and
  // reported in `warnings`.
  static std::unique_ptr<Extractor> load(const Resources& resources,
                                         std::vector<std::string>* warnings = nullptr);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Adds mentions, timexes, quantities and quotes to `doc` (which needs sentences and tokens).
  // Relative dates are resolved against doc.published when known, else left for
  // resolve_story_times. Thread-safe.
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
};

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
