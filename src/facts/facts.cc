#include "facts/facts.h"

#include <algorithm>
#include <exception>
#include <set>
#include <string>
#include <utility>

#include "facts/findings.h"
#include "facts/frames.h"

namespace crosscheck {

namespace {

using facts::Alignment;
using facts::Frame;
using facts::StoryFrames;

// The member that says best what the group says: most similar to the others, not overlong.
uint32_t representative(const StoryFrames& story, const Alignment& group) {
  const std::vector<Frame>& frames = story.frames();
  uint32_t best = group.frames.front();
  double best_score = -1e9;
  for (uint32_t f : group.frames) {
    double sum = 0;
    for (uint32_t g : group.frames)
      if (g != f) sum += story.similarity(frames[f], frames[g]);
    double score = group.frames.size() > 1 ? sum / static_cast<double>(group.frames.size() - 1) : 0;
    score -= 0.004 * std::max(0, frames[f].words - 35);
    if (score > best_score + 1e-12) best_score = score, best = f;
  }
  return best;
}

Fact make_fact(const StoryFrames& story, const Alignment& group, int corroboration_min_sources,
               const std::set<std::pair<std::string, uint32_t>>& contested_sentences) {
  const std::vector<Frame>& frames = story.frames();
  Fact fact;
  fact.text = facts::statement_text(story, frames[representative(story, group)]);
  fact.sources = group.sources;
  bool contested = false;
  for (uint32_t f : group.frames) {
    const Document& doc = story.doc(frames[f].article);
    fact.cites.push_back(cite_sentence(doc, frames[f].sentence));
    fact.articles.push_back(doc.id);
    if (contested_sentences.contains({doc.id, frames[f].sentence})) contested = true;
  }
  fact.status = contested                                   ? FactStatus::kContested
                : fact.sources >= corroboration_min_sources ? FactStatus::kCorroborated
                                                            : FactStatus::kSingleSource;
  return fact;
}

// The sentence of the first cite of a conflict side, and the cited detail to leave out.
bool side_sentence(const StoryFrames& story, const ConflictSide& side, const Document** doc,
                   Span* sentence, Span* detail) {
  if (side.cites.empty()) return false;
  const Cite& cite = side.cites.front();
  for (uint32_t article = 0; article < story.articles(); ++article) {
    const Document& candidate = story.doc(article);
    if (candidate.id != cite.article || cite.sentence >= candidate.sentences.size()) continue;
    *doc = &candidate;
    *sentence = candidate.sentences[cite.sentence].span;
    *detail = {cite.start, cite.end};
    return true;
  }
  return false;
}

// Confidence of each conflict: the probability that its two sides, without the detail they
// disagree on, state the same thing. Drops those below the reporting threshold and ranks the
// rest, most confident first.
void rate_conflicts(const StoryFrames& story, const StatementScorer& scorer,
                    const FactsOptions& options, std::vector<Conflict>& conflicts) {
  for (Conflict& conflict : conflicts) {
    const Document *a = nullptr, *b = nullptr;
    Span a_sentence, b_sentence, a_detail, b_detail;
    if (conflict.sides.size() < 2 ||
        !side_sentence(story, conflict.sides[0], &a, &a_sentence, &a_detail) ||
        !side_sentence(story, conflict.sides[1], &b, &b_sentence, &b_detail)) {
      conflict.confidence = 0;
      continue;
    }
    // A side that cites its whole sentence disagrees on more than one detail: keep it all.
    std::vector<Span> a_skip, b_skip;
    if (a_detail.size() < a_sentence.size()) a_skip.push_back(a_detail);
    if (b_detail.size() < b_sentence.size()) b_skip.push_back(b_detail);
    conflict.confidence = scorer.probability(*a, a_sentence, *b, b_sentence, a_skip, b_skip);
  }
  std::erase_if(conflicts, [&](const Conflict& conflict) {
    return conflict.confidence < options.min_conflict_confidence;
  });
  std::stable_sort(conflicts.begin(), conflicts.end(), [](const Conflict& x, const Conflict& y) {
    return x.confidence > y.confidence;
  });
}

void align_story(const std::vector<Document>& documents, Story& story,
                 const FactsOptions& options) {
  StoryFrames frames(documents, story);
  if (options.statements) frames.set_wordnet(&options.statements->wordnet());
  std::vector<Alignment> groups = facts::align_statements(frames, options);

  std::vector<Conflict> conflicts;
  std::vector<Conflict> event_conflicts;  // rated by event identity already
  facts::find_number_conflicts(frames, options.same_event, event_conflicts);
  facts::find_date_conflicts(frames, options.same_event, event_conflicts);
  facts::find_place_conflicts(frames, options.same_event, options.place_level, event_conflicts);
  facts::find_role_conflicts(frames, conflicts);
  facts::find_polarity_conflicts(frames, groups, options.polarity_similarity, conflicts);
  facts::find_attribution_conflicts(frames, conflicts);
  if (options.statements) rate_conflicts(frames, *options.statements, options, conflicts);
  conflicts.insert(conflicts.end(), event_conflicts.begin(), event_conflicts.end());
  std::stable_sort(conflicts.begin(), conflicts.end(), [](const Conflict& x, const Conflict& y) {
    return x.confidence > y.confidence;
  });

  std::set<std::pair<std::string, uint32_t>> contested_sentences;
  for (const Conflict& conflict : conflicts)
    for (const ConflictSide& side : conflict.sides)
      for (const Cite& cite : side.cites) contested_sentences.insert({cite.article, cite.sentence});

  // Most widely reported first; ties in reading order.
  std::stable_sort(groups.begin(), groups.end(), [](const Alignment& a, const Alignment& b) {
    if (a.sources != b.sources) return a.sources > b.sources;
    return a.frames.front() < b.frames.front();
  });
  std::vector<Fact> facts;
  for (const Alignment& group : groups)
    facts.push_back(
        make_fact(frames, group, options.corroboration_min_sources, contested_sentences));
  // A role fact is contested only by a role conflict over the same words.
  std::set<std::pair<std::string, uint32_t>> contested_roles;
  for (const Conflict& conflict : conflicts)
    if (conflict.kind == ConflictKind::kRole)
      for (const ConflictSide& side : conflict.sides)
        for (const Cite& cite : side.cites) contested_roles.insert({cite.article, cite.start});
  for (Fact& fact : facts::role_facts(frames)) {
    bool contested = false;
    for (const Cite& cite : fact.cites)
      contested |= contested_roles.contains({cite.article, cite.start});
    fact.status = contested                                           ? FactStatus::kContested
                  : fact.sources >= options.corroboration_min_sources ? FactStatus::kCorroborated
                                                                      : FactStatus::kSingleSource;
    facts.push_back(std::move(fact));
  }
  // What happened first, most widely reported first; identity and role statements after
  // them unless disputed; ties in reading order.
  std::stable_sort(facts.begin(), facts.end(), [](const Fact& a, const Fact& b) {
    const bool a_role = a.identity && a.status != FactStatus::kContested;
    const bool b_role = b.identity && b.status != FactStatus::kContested;
    if (a_role != b_role) return b_role;
    return a.sources > b.sources;
  });
  story.facts.clear();
  for (Fact& fact : facts) {
    fact.id = "f" + std::to_string(story.facts.size() + 1);
    story.facts.push_back(std::move(fact));
  }
  story.conflicts = std::move(conflicts);
  story.numbers = facts::collect_numbers(frames);
  story.timeline = facts::collect_timeline(frames);
  story.quotes = facts::collect_quotes(frames);
}

}  // namespace

void align_facts(const std::vector<Document>& documents, Story& story,
                 const FactsOptions& options) {
  try {
    align_story(documents, story, options);
  } catch (const std::exception&) {
    // Out of memory on a pathological story: leave it without findings rather than fail the run.
    story.facts.clear();
    story.conflicts.clear();
    story.numbers.clear();
    story.timeline.clear();
    story.quotes.clear();
  }
}

}  // namespace crosscheck
