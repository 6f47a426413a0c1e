// assess: per-article judgement with reasons in plain words.
//
// - machine_generated: a probability from documented stylometric features (boilerplate
//   connectives, hedging and summary phrases, encyclopedia-style background, lexical and
//   sentence-length uniformity, "By AI" bylines, Q&A and key-point scaffolding), each feature
//   that fires giving a reason.
// - padding: share of sentences not about the story's event (no story actor, place, date or
//   number, and low overlap with the story's centroid).
// - unsupported: share of the article's facts that no independent source states.
// - internal conflicts: conflicts whose both sides are in the article (story.conflicts with
//   internal = true), such as a date that is not the weekday the same article names.
#pragma once

#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

struct AssessOptions {
  // IDF cosine with the other articles' centroid below which a sentence tied to the event by
  // nothing (no story date, count, or pair of story actors) is padding; 0.6 of it when the
  // sentence names one story actor.
  double padding_similarity = 0.08;
  // A sentence this similar to one sentence of another independent article is never padding.
  double padding_match = 0.3;
};

// Probability that a text is machine-written, with the reasons that drove it.
struct MachineScore {
  double p = 0;
  std::vector<std::string> reasons;
};
MachineScore score_machine(const Document& doc);

// Fills story.assessments (one per article of the story, in story order). Needs facts.
void assess_story(const std::vector<Document>& documents, Story& story,
                  const AssessOptions& options = {});

}  // namespace crosscheck
