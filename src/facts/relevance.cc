// Relevance of each sentence to its story, for the padding judgement of the assess stage.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "facts/facts.h"
#include "facts/frames.h"

namespace crosscheck {

namespace {

using facts::Frame;
using facts::StoryFrames;

constexpr int64_t kStoryDateDays = 10;
constexpr size_t kMaxPairs = 300000;

using SparseVector = std::unordered_map<uint32_t, double>;

}  // namespace

std::vector<std::vector<SentenceRelevance>> sentence_relevance(
    const std::vector<Document>& documents, const Story& story) {
  StoryFrames frames(documents, story);
  const std::vector<Frame>& all = frames.frames();
  std::vector<std::vector<SentenceRelevance>> relevance(frames.articles());
  for (uint32_t article = 0; article < frames.articles(); ++article)
    relevance[article].resize(frames.doc(article).sentences.size());

  // Who and when each independent source names.
  std::map<int32_t, std::set<int32_t>> sources_of_actor;
  std::map<int32_t, std::vector<int64_t>> days_of_source;
  std::map<int32_t, SparseVector> vector_of_source;
  SparseVector total;
  for (const Frame& frame : all) {
    for (int32_t actor : frame.actors) sources_of_actor[actor].insert(frame.source);
    const Document& doc = frames.doc(frame.article);
    for (uint32_t t : frame.timexes) {
      int64_t day;
      if (doc.timexes[t].anchored_to != "unresolved" &&
          facts::day_number(doc.timexes[t].value, &day))
        days_of_source[frame.source].push_back(day);
    }
    SparseVector& own = vector_of_source[frame.source];
    for (uint32_t term : frame.terms) {
      own[term] += frames.idf(term);
      total[term] += frames.idf(term);
    }
  }
  double total_norm2 = 0;
  for (const auto& [term, weight] : total) total_norm2 += weight * weight;
  std::map<int32_t, double> others_norm;  // norm of total minus the source's own vector
  for (const auto& [source, own] : vector_of_source) {
    double norm2 = total_norm2;
    for (const auto& [term, weight] : own) {
      double all_weight = total[term];
      norm2 -= all_weight * all_weight - (all_weight - weight) * (all_weight - weight);
    }
    others_norm[source] = std::sqrt(std::max(norm2, 0.0));
  }

  for (const Frame& frame : all) {
    SentenceRelevance& out = relevance[frame.article][frame.sentence];
    out.words = frame.words;
    for (int32_t actor : frame.actors) {
      const std::set<int32_t>& sources = sources_of_actor[actor];
      if (sources.size() > 1 || (!sources.empty() && *sources.begin() != frame.source))
        ++out.story_actors;
    }
    const Document& doc = frames.doc(frame.article);
    for (uint32_t t : frame.timexes) {
      int64_t day;
      if (doc.timexes[t].anchored_to == "unresolved" ||
          !facts::day_number(doc.timexes[t].value, &day))
        continue;
      for (const auto& [source, days] : days_of_source) {
        if (source == frame.source) continue;
        for (int64_t other : days)
          if (std::llabs(other - day) <= kStoryDateDays) out.story_date = true;
      }
    }
    for (uint32_t q : frame.quantities)
      if (!doc.quantities[q].noun.empty() && !doc.quantities[q].event.empty())
        out.counted_event = true;
    const double others = others_norm[frame.source];
    if (frame.norm > 0 && others > 0) {
      const SparseVector& own = vector_of_source[frame.source];
      double dot = 0;
      for (uint32_t term : frame.terms) {
        auto it = own.find(term);
        double weight = total[term] - (it == own.end() ? 0 : it->second);
        dot += frames.idf(term) * weight;
      }
      out.centroid = dot / (frame.norm * others);
    }
  }

  // Best match in another source, over candidate pairs that share an informative term.
  std::vector<uint32_t> indices(all.size());
  for (uint32_t f = 0; f < all.size(); ++f) indices[f] = f;
  for_each_candidate_pair(frames, indices, kMaxPairs, [&](uint32_t x, uint32_t y) {
    const Frame& a = all[x];
    const Frame& b = all[y];
    if (a.source == b.source) return;
    double similarity = frames.similarity(a, b);
    SentenceRelevance& ra = relevance[a.article][a.sentence];
    SentenceRelevance& rb = relevance[b.article][b.sentence];
    ra.best_match = std::max(ra.best_match, similarity);
    rb.best_match = std::max(rb.best_match, similarity);
  });
  return relevance;
}

}  // namespace crosscheck
