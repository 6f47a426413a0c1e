// Cross-document results: copy groups, stories and what the later stages find in a story.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"

namespace crosscheck {

// A citation: the exact slice [start, end) of an article's stored text.
struct Cite {
  std::string article;  // Document::id
  uint32_t sentence = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  std::string text;  // equals the slice; filled by make_cite
};

// Builds a citation for `span` of `doc`, with the sentence that contains the span's start.
Cite make_cite(const Document& doc, Span span);
// Citation of the whole sentence `sentence` of `doc`.
Cite cite_sentence(const Document& doc, uint32_t sentence);

struct ActorRole {
  std::string role;       // "Foreign Secretary"
  std::string qualifier;  // "UK"
  std::vector<Cite> cites;
};

// One person, organisation or place as resolved across the articles of a story.
struct Actor {
  std::string name;  // the fullest form ("Volodymyr Zelensky")
  EntityType type = EntityType::kMisc;
  std::vector<std::string> aliases;  // other spellings and short forms ("Zelenskyy", "Zelensky")
  std::vector<std::string> keys;     // every Mention::key resolved to this actor
  std::vector<ActorRole> roles;
  int mentions = 0;
  int articles = 0;         // how many articles name it
  std::vector<Cite> cites;  // first mention per article
};

enum class FactStatus : uint8_t { kCorroborated, kSingleSource, kContested };

// A statement aligned across the articles that make it.
struct Fact {
  std::string id;
  std::string text;  // representative wording
  FactStatus status = FactStatus::kSingleSource;
  int sources = 0;  // independent sources: a copy group counts once
  std::vector<Cite> cites;
  std::vector<std::string> articles;  // ids of the articles that state it
  // An identity or role statement ("X is the Y"): a fact, but never what a summary leads with
  // unless it is disputed.
  bool identity = false;
};

enum class ConflictKind : uint8_t { kNumber, kDate, kRole, kPolarity, kAttribution, kPlace };

struct ConflictSide {
  std::string claim;
  std::vector<Cite> cites;
};

struct Conflict {
  ConflictKind kind = ConflictKind::kNumber;
  // How sure the facts stage is that both sides speak of the same thing, in [0, 1]; conflicts
  // are reported from FactsOptions::min_conflict_confidence up, most confident first.
  double confidence = 1.0;
  std::string explanation;  // plain words
  std::vector<ConflictSide> sides;
  bool internal = false;  // both sides in one article
};

struct TimelineEntry {
  std::string when;  // ISO date (or TIMEX3 value)
  std::string what;
  std::vector<Cite> cites;
};

struct NumberClaim {
  std::string what;  // "people killed"
  double value = 0;
  Bound bound = Bound::kExact;
  std::string unit;
  std::vector<Cite> cites;
};

struct QuoteClaim {
  std::string speaker;
  std::string text;
  bool anonymous = false;
  std::vector<Cite> cites;
};

struct SummaryLine {
  std::string text;
  std::vector<Cite> cites;
};

// Calibrated machine-written probability from which an article is called likely
// machine-written (issue 19; docs/assess.md shows the false alarms on human news at it).
inline constexpr double kLikelyMachine = 0.9;

struct Assessment {
  std::string article;  // Document::id
  double p_machine = 0;
  std::vector<std::string> machine_reasons;
  double padding_share = 0;
  std::vector<Cite> padding;  // sentences not about the story's event
  // Not covered elsewhere: share of its facts no other independent source states (information
  // about exclusive reporting, not a fault).
  double unsupported_share = 0;
  std::vector<std::string> unsupported_facts;  // Fact ids only this article states
  std::vector<Conflict> internal_conflicts;
  // Contradicted: conflicts with other sources in which this article is on the side fewer
  // sources take.
  std::vector<Conflict> contradicted;
  std::vector<std::string> reasons;  // plain-words verdict lines
};

// A story: the articles about one event and everything found in them.
struct Story {
  std::string id;
  std::string title;
  std::vector<uint32_t> documents;  // indices into the corpus, in corpus order
  std::vector<SummaryLine> summary;
  std::vector<TimelineEntry> timeline;
  std::vector<Actor> actors;
  std::vector<QuoteClaim> quotes;
  std::vector<NumberClaim> numbers;
  std::vector<Fact> facts;
  std::vector<Conflict> conflicts;
  std::vector<Assessment> assessments;
};

const char* to_string(EntityType type);
const char* to_string(TimexType type);
const char* to_string(Bound bound);
const char* to_string(FactStatus status);
const char* to_string(ConflictKind kind);

}  // namespace crosscheck
