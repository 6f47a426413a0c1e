// Internal to the facts stage: the steps align_facts runs over a story's frames.
#pragma once

#include <cstdint>
#include <vector>

#include "core/story.h"
#include "facts/facts.h"
#include "facts/frames.h"

namespace crosscheck::facts {

// A group of frames from different articles that state the same thing.
struct Alignment {
  std::vector<uint32_t> frames;  // indices into StoryFrames::frames(), in article order
  int sources = 0;
};

// Groups statement frames across articles (at most one frame per article per group) by frame
// similarity; every statement frame ends in exactly one group.
std::vector<Alignment> align_statements(const StoryFrames& story, const FactsOptions& options);

// Conflicts, each appended to `out`.
void find_number_conflicts(const StoryFrames& story, double same_event, std::vector<Conflict>& out);
// Date and place conflicts are looked for only between details whose same_event score (events.h)
// reaches `same_event`; that score is their confidence.
void find_date_conflicts(const StoryFrames& story, double same_event, std::vector<Conflict>& out);
// Places of different levels are never a place conflict (FactsOptions::place_level).
void find_place_conflicts(const StoryFrames& story, double same_event,
                          const std::function<int(std::string_view)>& place_level,
                          std::vector<Conflict>& out);
void find_role_conflicts(const StoryFrames& story, std::vector<Conflict>& out);
void find_polarity_conflicts(const StoryFrames& story, const std::vector<Alignment>& groups,
                             double min_similarity, std::vector<Conflict>& out);
void find_attribution_conflicts(const StoryFrames& story, std::vector<Conflict>& out);

// Story-level claims.
std::vector<NumberClaim> collect_numbers(const StoryFrames& story);
std::vector<TimelineEntry> collect_timeline(const StoryFrames& story);
std::vector<QuoteClaim> collect_quotes(const StoryFrames& story);

// Shared helpers.
// True when the [low, high] ranges implied by two quantities' values and bounds intersect.
bool values_compatible(const Quantity& a, const Quantity& b);
// "at least 5", "about 30", "3" with unit.
std::string describe_value(const Quantity& quantity);
// The sentence of a frame with leading connectives dropped and whitespace trimmed.
std::string statement_text(const StoryFrames& story, const Frame& frame);
// True when a mention's role is marked as past or future ("former", "then-", "outgoing").
bool role_in_past(const Document& doc, const Mention& mention);

// Facts of the form "<person> is <qualifier> <role>" for roles that at least two independent
// sources give the same person, cited to each role-and-name phrase.
std::vector<Fact> role_facts(const StoryFrames& story);

// Two actor ids that are probably one person spelled two ways ("Zelensky", "Zelenskyy").
bool same_person(const StoryFrames& story, int32_t a, int32_t b);
// Lower-case last word of a name.
std::string last_word(const std::string& name);
// Edit distance of two short strings.
size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace crosscheck::facts
