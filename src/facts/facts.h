// facts: statements aligned across the articles of a story; corroboration and conflicts.
//
// Each sentence is read as a frame: its actors (resolved mentions), predicate (stemmed content
// verbs), time (resolved timexes), quantities (value, bound, noun, event), place and polarity.
// Frames from different articles that share actors and predicate (or event and counted noun for
// quantities) are aligned into one Fact; its sources are counted over independent articles (a
// copy group counts once). Aligned frames that disagree give Conflicts of kind number (values
// that cannot both hold, respecting bounds), date (the same event on different days, or a date
// that is not the weekday the same article names), role (one office held by two people, or one
// person given incompatible offices or administrations), polarity (negated in one source) and
// attribution (one quote or claim credited to different speakers).
#pragma once

#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

struct FactsOptions {
  int corroboration_min_sources = 2;  // independent sources for "corroborated"
  // Frame similarity to align two statements; a group's members must average 0.85 of it.
  double align_threshold = 0.42;
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

}  // namespace crosscheck
