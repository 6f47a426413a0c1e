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

  struct Gazetteer;

 private:
  Extractor();
  std::unique_ptr<Gazetteer> gazetteer_;
};

// Resolves relative time expressions of undated articles in a story against the dates the story
// states (the most frequent absolute date its articles name, checked against named weekdays).
void resolve_story_times(std::vector<Document>& documents, const Story& story);

// Links the story's mentions into actors with aliases and roles.
std::vector<Actor> resolve_actors(const std::vector<Document>& documents, const Story& story);

// Tagging entry points for the `ner`, `timex` and `quotes` commands and their evaluations.
// `dct` is YYYY-MM-DD.
void annotate_times(Document& doc, const std::string& dct);

}  // namespace crosscheck
