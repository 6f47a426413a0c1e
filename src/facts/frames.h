// Internal to the facts stage: every sentence of a story read as a frame (who, what, when, how
// many, where, negated or not), with the story-wide vocabulary and IDF weights that make frames
// of different articles comparable.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "core/story.h"
#include "facts/wordnet.h"

namespace crosscheck::facts {

struct Frame {
  uint32_t article = 0;   // position in Story::documents
  uint32_t sentence = 0;  // index into the document's sentences
  Span span;
  int32_t source = 0;           // independent source (copy group) of the article
  std::vector<int32_t> actors;  // sorted actor ids (places included)
  std::vector<int32_t> places;  // sorted actor ids of places
  std::vector<uint32_t> terms;  // sorted content-term ids (stems; irregular verbs lemmatised)
  // Terms of each clause (split at , ; : dashes and "but", "while", ...) with at least
  // kMinClauseTerms terms, so one statement inside a long sentence can still match.
  std::vector<std::vector<uint32_t>> clauses;
  std::vector<double> clause_norms;
  std::vector<std::string> events;      // sorted event classes named ("meeting", "casualties")
  std::vector<uint32_t> timexes;        // indices into the document's timexes
  std::vector<uint32_t> quantities;     // indices into the document's quantities
  std::vector<int64_t> days;            // sorted day numbers of resolved calendar-day timexes
  std::vector<uint64_t> counted_kinds;  // sorted hashes of (counted noun, event) of quantities
  int words = 0;
  int negation_token = -1;  // token index of the first negation cue, -1 when affirmative
  bool statement = false;   // a full declarative sentence that can stand as a fact
  double norm = 0;          // Euclidean norm of the IDF-weighted term vector
};

// The story read as frames. Actor ids below story.actors.size() are story actors; larger ids
// are mention keys that no actor resolves (so hand-built or partial stories still link names).
class StoryFrames {
 public:
  StoryFrames(const std::vector<Document>& documents, const Story& story);

  // WordNet for relating predicates (synonyms, hypernyms); null when none was loaded.
  void set_wordnet(const WordNet* wordnet) { wordnet_ = wordnet; }
  const WordNet* wordnet() const { return wordnet_; }

  const Document& doc(uint32_t article) const { return *docs_[article]; }
  size_t articles() const { return docs_.size(); }
  const std::vector<Frame>& frames() const { return frames_; }
  // First frame of each article and one past its last, as [begin, end) into frames().
  std::pair<uint32_t, uint32_t> frames_of(uint32_t article) const {
    return {frame_begin_[article], frame_begin_[article + 1]};
  }
  const Frame& frame_at(uint32_t article, uint32_t sentence) const {
    return frames_[frame_begin_[article] + sentence];
  }
  double idf(uint32_t term) const { return idf_[term]; }
  size_t vocabulary_size() const { return idf_.size(); }

  // Id of a content term (as made by term_of), -1 when the story never uses it.
  int64_t term_id(const std::string& term) const;

  // Actor id of a mention key, -1 when the key is empty.
  int32_t actor_of_key(const std::string& key) const;
  // Actor id of a speaker name or key ("Volodymyr Zelensky", "zelensky"), -1 when unknown.
  int32_t actor_of_name(const std::string& name) const;
  // Display name of an actor id.
  std::string actor_name(int32_t actor) const;
  bool is_place(int32_t actor) const;
  // Number of sentences of the story that name the actor.
  int sentences_naming(int32_t actor) const;
  EntityType actor_type(int32_t actor) const;

  // Weighted similarity of two frames in [0, 1]: IDF cosine of terms (or containment of the
  // shorter in the longer), shared actors, shared quantity event and noun, shared dates.
  double similarity(const Frame& a, const Frame& b) const;
  // IDF-weighted dot product of the term vectors.
  double dot(const Frame& a, const Frame& b) const;
  double dot(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) const;

 private:
  void read_article(uint32_t article, const Story& story);

  std::vector<const Document*> docs_;
  std::vector<Frame> frames_;
  std::vector<uint32_t> frame_begin_;
  std::vector<double> idf_;
  std::unordered_map<std::string, int32_t> actor_by_key_;
  std::vector<EntityType> actor_types_;
  std::vector<int> actor_sentences_;
  std::vector<std::string> actor_names_;
  std::unordered_map<std::string, uint32_t> vocabulary_;
  const WordNet* wordnet_ = nullptr;
};

inline constexpr size_t kMinClauseTerms = 4;

// Sorted intersection size.
template <typename T>
size_t shared_count(const std::vector<T>& a, const std::vector<T>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

// Calls visit(x, y) once for each pair x < y of `frames` (indices into StoryFrames::frames()) that
// share an informative term: one named by at most max(4, |frames| / 2) of them. Rare terms go
// first, and the walk stops after `max_pairs` pairs, which bounds the cost on huge stories.
template <typename Visit>
void for_each_candidate_pair(const StoryFrames& story, const std::vector<uint32_t>& frames,
                             size_t max_pairs, Visit&& visit) {
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  for (uint32_t f : frames)
    for (uint32_t term : story.frames()[f].terms) postings[term].push_back(f);
  const size_t informative = std::min<size_t>(400, std::max<size_t>(4, frames.size() / 2));
  std::vector<std::pair<size_t, uint32_t>> order;  // (list size, term)
  for (const auto& [term, list] : postings)
    if (list.size() >= 2 && list.size() <= informative) order.emplace_back(list.size(), term);
  std::sort(order.begin(), order.end());
  std::unordered_set<uint64_t> seen;
  for (const auto& [size, term] : order) {
    const std::vector<uint32_t>& list = postings[term];
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        uint32_t x = std::min(list[i], list[j]), y = std::max(list[i], list[j]);
        if (!seen.insert((static_cast<uint64_t>(x) << 32) | y).second) continue;
        if (seen.size() > max_pairs) return;
        visit(x, y);
      }
    }
  }
}

// Content term of a token: Snowball stem, irregular verbs lemmatised first; empty for stop
// words (all-caps abbreviations such as "US" are kept), one-letter words and punctuation.
std::string term_of(const Document& doc, const Token& token);

// True when a TIMEX3 value is a calendar day (YYYY-MM-DD).
bool is_day_value(const std::string& value);
// Days since 1970-01-01 of a YYYY-MM-DD value; false when it is not one.
bool day_number(const std::string& value, int64_t* days);
// Weekday 0 = Monday .. 6 = Sunday of a YYYY-MM-DD value, -1 when it is not one.
int weekday_of(const std::string& value);

}  // namespace crosscheck::facts
