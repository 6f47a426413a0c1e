#include "assess/assess.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <set>
#include <string>

#include "assess/features.h"
#include "facts/facts.h"

namespace crosscheck {

namespace {

constexpr int kMinSentenceWords = 6;
constexpr size_t kMaxConflictReasons = 3;

std::string clipped(std::string_view text, size_t max_bytes) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// A line without closing punctuation ("A Call for Pressure") is a heading, not a sentence.
bool is_heading(std::string_view sentence) {
  size_t end = sentence.find_last_not_of(" \n");
  if (end == std::string_view::npos) return true;
  const unsigned char last = static_cast<unsigned char>(sentence[end]);
  // Closing curly quotes end in 0x9D or 0x99 (U+201D, U+2019).
  return !(last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' ||
           last == ')' || last == 0x9D || last == 0x99);
}

// Padding: a sentence that is not about the story's event. Encyclopedia-style background is
// padding unless another source says much the same; other sentences are padding when nothing
// ties them to the event (no shared actor pair, story date or count) and they are far from what
// the other sources write.
bool is_padding(std::string_view sentence, const SentenceRelevance& relevance, bool quoted,
                bool other_sources, const AssessOptions& options) {
  if (relevance.words < kMinSentenceWords) return false;
  if (quoted) return false;  // somebody's words on the record are reporting
  if (assess::is_encyclopedic(sentence) && relevance.best_match < 0.5) return true;
  if (!other_sources) return false;
  if (relevance.story_date || relevance.counted_event || relevance.story_actors >= 2) return false;
  if (relevance.best_match >= options.padding_match) return false;
  const double threshold =
      relevance.story_actors == 1 ? options.padding_similarity * 0.6 : options.padding_similarity;
  return relevance.centroid < threshold;
}

bool cites_article(const Conflict& conflict, const std::string& id) {
  for (const ConflictSide& side : conflict.sides)
    for (const Cite& cite : side.cites)
      if (cite.article == id) return true;
  return false;
}

// True when the article is on a side that the fewest sources take: the odd one out ("the Biden
// administration" against every source naming another president) is the one to flag.
bool on_minority_side(const Conflict& conflict, const std::string& id) {
  size_t fewest = SIZE_MAX;
  for (const ConflictSide& side : conflict.sides) fewest = std::min(fewest, side.cites.size());
  for (const ConflictSide& side : conflict.sides) {
    if (side.cites.size() != fewest) continue;
    for (const Cite& cite : side.cites)
      if (cite.article == id) return true;
  }
  return false;
}

std::string percent(double share) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f%%", share * 100);
  return buffer;
}

Assessment assess_article(const Document& doc, const Story& story,
                          const std::vector<SentenceRelevance>& relevance, bool other_sources,
                          const AssessOptions& options) {
  Assessment out;
  out.article = doc.id;
  MachineScore machine = score_machine(doc);
  out.p_machine = machine.p;
  out.machine_reasons = machine.reasons;

  std::vector<bool> quoted(doc.sentences.size(), false);
  for (const Quote& quote : doc.quotes)
    if (quote.sentence < quoted.size() && !quote.anonymous) quoted[quote.sentence] = true;
  int counted = 0;
  std::vector<uint32_t> padding;
  for (uint32_t s = 0; s < doc.sentences.size() && s < relevance.size(); ++s) {
    std::string_view sentence = doc.slice(doc.sentences[s].span);
    if (relevance[s].words < kMinSentenceWords || is_heading(sentence)) continue;
    ++counted;
    if (is_padding(sentence, relevance[s], quoted[s], other_sources, options)) padding.push_back(s);
  }
  for (uint32_t s : padding) out.padding.push_back(cite_sentence(doc, s));
  out.padding_share = counted ? static_cast<double>(padding.size()) / counted : 0;

  int facts = 0;
  for (const Fact& fact : story.facts) {
    if (std::find(fact.articles.begin(), fact.articles.end(), doc.id) == fact.articles.end())
      continue;
    ++facts;
    if (fact.sources < 2) out.unsupported_facts.push_back(fact.id);
  }
  out.unsupported_share =
      facts && other_sources ? static_cast<double>(out.unsupported_facts.size()) / facts : 0;
  if (!other_sources) out.unsupported_facts.clear();

  std::vector<const Conflict*> external;
  for (const Conflict& conflict : story.conflicts) {
    if (!cites_article(conflict, doc.id)) continue;
    if (conflict.internal) {
      out.internal_conflicts.push_back(conflict);
    } else if (on_minority_side(conflict, doc.id)) {
      external.push_back(&conflict);
    }
  }

  // Plain-words verdict.
  char buffer[96];
  if (out.p_machine >= 0.5) {
    std::snprintf(buffer, sizeof buffer, "likely machine-written (p = %.2f)", out.p_machine);
    std::string line = buffer;
    for (size_t k = 0; k < machine.reasons.size() && k < 2; ++k)
      line += (k ? "; " : ": ") + machine.reasons[k];
    out.reasons.push_back(line);
  }
  if (!padding.empty()) {
    std::snprintf(buffer, sizeof buffer, "%zu of %d sentences are background not about this event",
                  padding.size(), counted);
    out.reasons.push_back(std::string(buffer) + " (e.g. \"" +
                          clipped(doc.slice(doc.sentences[padding.front()].span), 90) + "\")");
  }
  if (other_sources && !out.unsupported_facts.empty()) {
    std::snprintf(buffer, sizeof buffer,
                  "%zu of %d statements (%s) are reported by no other source",
                  out.unsupported_facts.size(), facts, percent(out.unsupported_share).c_str());
    out.reasons.push_back(buffer);
  }
  if (other_sources) {
    int own_figures = 0;
    for (const NumberClaim& number : story.numbers) {
      bool only_here = !number.cites.empty() &&
                       std::all_of(number.cites.begin(), number.cites.end(),
                                   [&](const Cite& cite) { return cite.article == doc.id; });
      if (only_here) ++own_figures;
    }
    if (own_figures > 0) {
      std::snprintf(buffer, sizeof buffer, "states %d figure%s no other source gives", own_figures,
                    own_figures == 1 ? "" : "s");
      out.reasons.push_back(buffer);
    }
  }
  for (const Conflict& conflict : out.internal_conflicts)
    out.reasons.push_back("contradicts itself (" + std::string(to_string(conflict.kind)) +
                          "): " + conflict.explanation);
  for (size_t k = 0; k < external.size() && k < kMaxConflictReasons; ++k)
    out.reasons.push_back("disagrees with other sources (" +
                          std::string(to_string(external[k]->kind)) +
                          "): " + external[k]->explanation);
  return out;
}

}  // namespace

void assess_story(const std::vector<Document>& documents, Story& story,
                  const AssessOptions& options) {
  story.assessments.clear();
  try {
    std::vector<std::vector<SentenceRelevance>> relevance = sentence_relevance(documents, story);
    std::set<int32_t> sources;
    std::vector<const Document*> docs;
    for (uint32_t index : story.documents) {
      if (index >= documents.size()) continue;
      docs.push_back(&documents[index]);
      const Document& doc = documents[index];
      sources.insert(doc.copy_group >= 0 ? doc.copy_group : -1 - static_cast<int32_t>(index));
    }
    const bool other_sources = sources.size() > 1;
    for (size_t k = 0; k < docs.size() && k < relevance.size(); ++k)
      story.assessments.push_back(
          assess_article(*docs[k], story, relevance[k], other_sources, options));
  } catch (const std::exception&) {
    // Out of memory on a pathological story: no assessment rather than a failed run.
    story.assessments.clear();
  }
}

}  // namespace crosscheck
