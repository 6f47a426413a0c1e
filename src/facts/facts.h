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
  double align_threshold = 0.5;       // frame similarity to align two statements
};

// Fills story.facts, story.conflicts, story.timeline and story.numbers. Needs story.actors and
// the extract layers of the story's documents.
void align_facts(const std::vector<Document>& documents, Story& story,
                 const FactsOptions& options = {});

}  // namespace crosscheck
