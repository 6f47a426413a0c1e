// Internal to the facts stage: which event a detail (a date, a place, a count, a negation) is
// about, read from the dependency tree, and whether two details from different articles are
// about the same event. Conflicts are only ever looked for between details of one event.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "facts/frames.h"

namespace crosscheck::facts {

// The event a detail belongs to: the predicate or event noun that governs it ("voted" in "voted
// on Tuesday", "event" in "the 2008 event in Norfolk", "ends" in "his term ends in 2019") and
// the clause around that governor.
struct EventContext {
  uint32_t frame = 0;
  Span detail;
  int32_t governor = -1;       // token index, -1 when the sentence is not parsed
  std::string lemma;           // lower-case lemma of the governor
  bool governor_verb = false;  // a verb (else a noun or adjective)
  bool negated = false;        // the governor has a negation ("not", "never") of its own
  bool future = false;         // the governor is under "will" or "shall"
  bool reporting = false;      // the governor is the cue of a quote or of reported speech
  std::vector<uint32_t> core;  // sorted term ids of the governor's own dependents
  // Sorted term ids of its agent: subject, possessor ("Obama's performance") or passive agent.
  std::vector<uint32_t> agent;
  std::vector<uint32_t> terms;  // sorted content-term ids of the clause, detail excluded
  std::vector<int32_t> people;  // sorted actor ids of people named in the clause
  // Sorted actor ids of the places where the event itself took place: locatives (locates_event)
  // attached to the governor or the verbs above it in its clause.
  std::vector<int32_t> places;
  // Calendar spans [first, last] (day numbers) of the other dates of the clause, or of the
  // sentence when the clause gives none ("Overnight on Wednesday, officials said a strike
  // killed ...").
  std::vector<std::pair<int64_t, int64_t>> days;
  bool running_total = false;  // the clause counts "since" a date: a total, not one occurrence
  // The detail modifies the governing noun itself ("the 1996 elections", "Tuesday's debate"):
  // it says which of several occasions is meant rather than when or where one happened.
  bool names_occurrence = false;
  double weight = 0;  // sum of the IDF weights of `terms`
};

// Tokens [first, last) that start inside `span` (a sentence, a name), as indices into
// doc.tokens; binary search on byte offsets.
std::pair<size_t, size_t> token_range(const Document& doc, Span span);

// Reads the event context of `detail` (a byte span inside the frame's sentence). The governor is
// read from the tree, or is the first token of `governor_hint` when that is given (the verb an
// extractor already attached a count to). When the sentence has no parse, the governor is -1 and
// the clause is the whole sentence.
EventContext event_context(const StoryFrames& story, uint32_t frame, Span detail,
                           Span governor_hint = {});

// True when the place name at `place` (inside `sentence`) says where something happened:
// attached with a locative preposition ("in Norfolk", "at the base") or naming the kind of
// occasion its noun `governor` is ("the Norwalk event"). Affiliations ("Texas Republican"),
// possessives ("Colorado's law"), origins ("the hometown of Hope"), objects ("visited Russia")
// and places that act ("Nebraska asked") are not.
bool locates_event(const Document& doc, Span sentence, Span place, int32_t governor);

// The calendar days [first, last] a date expression covers (day numbers); false for durations,
// sets, unresolved values and anything that is not a calendar span.
bool timex_days(const Timex& timex, int64_t* first, int64_t* last);

// How sure we are that two details are about one event, in [0, 1]: 0 when either governor is a
// reporting cue (two statements made on different days are two events), when the governors differ
// (governors_agree), when both are verbs whose own dependents share no term, when one is negated or
// future and the other not, when one is a running total and the other not, when both clauses name
// people and none in common, or places and none in common, or dates and none overlapping, or
// when both governors have agents and none in common; otherwise the IDF-weighted share of the
// smaller clause's terms (the governor's own excluded) that the other clause also has, and at
// least 0.5 when both clauses name the same two people.
double same_event(const StoryFrames& story, const EventContext& a, const EventContext& b);

// The governor lemmas of two contexts agree: equal, one the other's nominalisation by a shared
// stem ("vote"/"voted", "meeting"/"met"), or two verbs related in WordNet (synonyms, or one a
// direct hypernym of the other) when the story has WordNet.
bool governors_agree(const StoryFrames& story, const EventContext& a, const EventContext& b);

}  // namespace crosscheck::facts
