// Scoring of reported conflicts and facts against careful readers' labels of real events
// (../shared/data/basil-labels, scoring rule in its README). Text is compared, not offsets:
// whitespace is collapsed in article text, labelled quotes and cite texts, and a cite matches a
// quote when both are found in the same article and their character ranges overlap.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/story.h"

namespace crosscheck::eval {

// One labelled side: an article id and an exact substring of its text.
struct LabelledQuote {
  std::string article;
  std::string quote;
};

struct LabelledPair {
  std::string kind;
  bool clear = true;  // "clear" certainty; false for "borderline"
  LabelledQuote a, b;
};

struct LabelledFact {
  std::string fact;
  std::vector<LabelledQuote> stated_by;
};

struct LabelledEvent {
  std::string id;
  std::string name;
  std::vector<std::string> article_ids;
  std::vector<std::string> article_texts;  // as the pipeline stores them (normalised)
  std::vector<LabelledPair> conflicts;
  std::vector<LabelledPair> compatible;
  std::vector<LabelledFact> facts;
};

// Collapsed-whitespace texts of one event's articles and where a string sits in them.
class EventTexts {
 public:
  explicit EventTexts(const LabelledEvent& event);
  // Collapsed [begin, end) ranges where `text` occurs in the article; empty when it does not.
  std::vector<std::pair<size_t, size_t>> find(const std::string& article,
                                              std::string_view text) const;
  bool matches(const Cite& cite, const LabelledQuote& quote) const;

 private:
  std::unordered_map<std::string, std::string> collapsed_;
};

// Whitespace runs to one space, trimmed.
std::string collapse_whitespace(std::string_view text);

struct EventScore {
  int reported = 0;       // conflicts reported (story and internal ones)
  int true_positive = 0;  // reported conflicts matching a clear label
  int borderline = 0;     // matching only a borderline label (ignored)
  int false_alarm = 0;
  int lookalike = 0;  // false alarms matching a compatible pair
  int clear_labels = 0, clear_found = 0;
  int shared_facts = 0, shared_facts_found = 0;  // facts stated by two or more outlets
  // Pairs of cites of one reported multi-source fact, from two articles, that both cite
  // labelled facts' quotes; right when some labelled fact holds both.
  int fact_pairs = 0, fact_pairs_right = 0;
};

// True when two different sides of `conflict` cite side a and side b of `label`.
bool conflict_matches(const EventTexts& texts, const Conflict& conflict, const LabelledPair& label);

// Scores what the pipeline reported for one event.
EventScore score_event(const LabelledEvent& event, const std::vector<Conflict>& conflicts,
                       const std::vector<Fact>& facts);

}  // namespace crosscheck::eval
