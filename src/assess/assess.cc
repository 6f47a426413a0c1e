#include "assess/assess.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>

#include "facts/facts.h"
#include "text/text.h"

namespace crosscheck {

namespace {

// Shorter sentences are not counted (headings, datelines); a generic closer has four words.
constexpr int kMinSentenceWords = 3;
// Content words shared with the lead that tie a sentence to the event.
constexpr int kLeadTermsTie = 2;
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

// What ties a sentence to the story's event, read from the article's own layers.
struct Ties {
  bool quoted = false;      // somebody's words on the record
  bool named = false;       // a person, organisation or place is named
  bool day = false;         // a time expression of a calendar day or a relative day
  bool figure = false;      // a quantity
  bool lead_terms = false;  // two or more content words of the article's lead
};

// Padding: a sentence that states nothing tied to the story's event — nobody quoted, nobody
// and nowhere named, no day, no figure, nothing of the lead and, when other sources exist,
// nothing they say (frame match or closeness to their centroid). Generic closers ("Only time
// will tell.") and boilerplate commentary are caught whatever their wording.
bool is_padding(const SentenceRelevance& relevance, const Ties& ties, bool other_sources,
                const AssessOptions& options) {
  if (ties.quoted || ties.named || ties.day || ties.figure || ties.lead_terms) return false;
  if (relevance.story_date || relevance.counted_event || relevance.story_actors > 0) return false;
  if (!other_sources) return true;
  if (relevance.best_match >= options.padding_match) return false;
  return relevance.centroid < options.padding_similarity;
}

std::vector<Ties> sentence_ties(const Document& doc) {
  std::vector<Ties> ties(doc.sentences.size());
  for (const Quote& quote : doc.quotes)
    if (quote.sentence < ties.size()) ties[quote.sentence].quoted = true;
  for (const Mention& mention : doc.mentions)
    if (mention.sentence < ties.size()) ties[mention.sentence].named = true;
  for (const Timex& timex : doc.timexes) {
    if (timex.sentence >= ties.size()) continue;
    // "2025-04-17", "PRESENT_REF", weekday and relative days; a bare year ("in 1961") is
    // background, not the event's time.
    const bool calendar_day = timex.value.size() >= 10 && timex.value[4] == '-';
    if (calendar_day || timex.weekday >= 0 || timex.anchored_to == "publication")
      ties[timex.sentence].day = true;
  }
  for (const Quantity& quantity : doc.quantities)
    if (quantity.sentence < ties.size()) ties[quantity.sentence].figure = true;
  // The lead: the first two sentences of three or more words.
  std::set<std::string> lead;
  uint32_t lead_sentences = 0;
  std::vector<std::set<std::string>> stems(doc.sentences.size());
  for (const Token& token : doc.tokens) {
    if (token.shape != TokenShape::kWord || token.stem.empty() || is_stop_word(token.lower))
      continue;
    if (token.sentence < stems.size()) stems[token.sentence].insert(token.stem);
  }
  uint32_t lead_end = 0;
  for (; lead_end < stems.size() && lead_sentences < 2; ++lead_end) {
    if (stems[lead_end].size() < 3) continue;
    lead.insert(stems[lead_end].begin(), stems[lead_end].end());
    ++lead_sentences;
  }
  for (uint32_t s = lead_end; s < stems.size(); ++s) {
    int shared = 0;
    for (const std::string& stem : stems[s]) shared += lead.contains(stem);
    ties[s].lead_terms = shared >= kLeadTermsTie;
  }
  for (uint32_t s = 0; s < lead_end && s < ties.size(); ++s) ties[s].lead_terms = true;
  return ties;
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
  MachineScore machine;
  if (options.detector) machine = options.detector->score(doc);
  out.p_machine = machine.p;
  out.machine_reasons = machine.reasons;

  const std::vector<Ties> ties = sentence_ties(doc);
  int counted = 0;
  std::vector<uint32_t> padding;
  for (uint32_t s = 0; s < doc.sentences.size() && s < relevance.size(); ++s) {
    std::string_view sentence = doc.slice(doc.sentences[s].span);
    if (relevance[s].words < kMinSentenceWords || is_heading(sentence)) continue;
    ++counted;
    if (is_padding(relevance[s], ties[s], other_sources, options)) padding.push_back(s);
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

  for (const Conflict& conflict : story.conflicts) {
    if (!cites_article(conflict, doc.id)) continue;
    if (conflict.internal) {
      out.internal_conflicts.push_back(conflict);
    } else if (on_minority_side(conflict, doc.id)) {
      out.contradicted.push_back(conflict);
    }
  }

  // Plain-words verdict.
  char buffer[128];
  if (out.p_machine >= kLikelyMachine) {
    std::snprintf(buffer, sizeof buffer, "likely machine-written (p = %.2f)", out.p_machine);
    std::string line = buffer;
    for (size_t k = 0; k < machine.reasons.size() && k < 2; ++k)
      line += (k ? "; " : ": ") + machine.reasons[k];
    out.reasons.push_back(line);
  }
  if (!padding.empty()) {
    std::snprintf(buffer, sizeof buffer,
                  "padded: %zu of %d sentences state nothing tied to this event", padding.size(),
                  counted);
    out.reasons.push_back(std::string(buffer) + " (e.g. \"" +
                          clipped(doc.slice(doc.sentences[padding.front()].span), 90) + "\")");
  }
  if (other_sources && !out.unsupported_facts.empty()) {
    std::snprintf(buffer, sizeof buffer,
                  "%s of its statements (%zu of %d) are not covered elsewhere (its own reporting, "
                  "not a fault)",
                  percent(out.unsupported_share).c_str(), out.unsupported_facts.size(), facts);
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
  for (size_t k = 0; k < out.contradicted.size() && k < kMaxConflictReasons; ++k)
    out.reasons.push_back("contradicted by other sources (" +
                          std::string(to_string(out.contradicted[k].kind)) +
                          "): " + out.contradicted[k].explanation);
  return out;
}

}  // namespace

void assess_story(const std::vector<Document>& documents, Story& story,
                  const AssessOptions& options) {
  story.assessments.clear();
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
}

}  // namespace crosscheck
