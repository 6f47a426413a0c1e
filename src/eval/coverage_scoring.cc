#include "eval/coverage_scoring.h"

#include <algorithm>
#include <set>

namespace crosscheck::eval {

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

EventTexts::EventTexts(const LabelledEvent& event) {
  for (size_t i = 0; i < event.article_ids.size() && i < event.article_texts.size(); ++i)
    collapsed_[event.article_ids[i]] = collapse_whitespace(event.article_texts[i]);
}

std::vector<std::pair<size_t, size_t>> EventTexts::find(const std::string& article,
                                                        std::string_view text) const {
  std::vector<std::pair<size_t, size_t>> ranges;
  auto it = collapsed_.find(article);
  std::string needle = collapse_whitespace(text);
  if (it == collapsed_.end() || needle.empty()) return ranges;
  for (size_t at = it->second.find(needle); at != std::string::npos;
       at = it->second.find(needle, at + 1))
    ranges.emplace_back(at, at + needle.size());
  return ranges;
}

bool EventTexts::matches(const Cite& cite, const LabelledQuote& quote) const {
  if (cite.article != quote.article) return false;
  for (auto [cb, ce] : find(cite.article, cite.text))
    for (auto [qb, qe] : find(quote.article, quote.quote))
      if (cb < qe && qb < ce) return true;
  return false;
}

namespace {

bool side_cites(const EventTexts& texts, const ConflictSide& side, const LabelledQuote& quote) {
  for (const Cite& cite : side.cites)
    if (texts.matches(cite, quote)) return true;
  return false;
}

}  // namespace

bool conflict_matches(const EventTexts& texts, const Conflict& conflict,
                      const LabelledPair& label) {
  for (size_t i = 0; i < conflict.sides.size(); ++i)
    for (size_t j = 0; j < conflict.sides.size(); ++j)
      if (i != j && side_cites(texts, conflict.sides[i], label.a) &&
          side_cites(texts, conflict.sides[j], label.b))
        return true;
  return false;
}

EventScore score_event(const LabelledEvent& event, const std::vector<Conflict>& conflicts,
                       const std::vector<Fact>& facts) {
  const EventTexts texts(event);
  EventScore score;
  std::vector<bool> found(event.conflicts.size(), false);
  for (const Conflict& conflict : conflicts) {
    ++score.reported;
    bool clear = false, borderline = false;
    for (size_t l = 0; l < event.conflicts.size(); ++l) {
      if (!conflict_matches(texts, conflict, event.conflicts[l])) continue;
      (event.conflicts[l].clear ? clear : borderline) = true;
      found[l] = true;
    }
    if (clear) {
      ++score.true_positive;
    } else if (borderline) {
      ++score.borderline;
    } else {
      ++score.false_alarm;
      for (const LabelledPair& pair : event.compatible) {
        if (conflict_matches(texts, conflict, pair)) {
          ++score.lookalike;
          break;
        }
      }
    }
  }
  for (size_t l = 0; l < event.conflicts.size(); ++l) {
    if (!event.conflicts[l].clear) continue;
    ++score.clear_labels;
    if (found[l]) ++score.clear_found;
  }
  // Which labelled facts each cite of a reported fact falls on.
  for (const Fact& fact : facts) {
    if (fact.sources < 2) continue;
    std::vector<std::set<size_t>> on(fact.cites.size());
    for (size_t c = 0; c < fact.cites.size(); ++c)
      for (size_t l = 0; l < event.facts.size(); ++l)
        for (const LabelledQuote& quote : event.facts[l].stated_by)
          if (texts.matches(fact.cites[c], quote)) on[c].insert(l);
    for (size_t x = 0; x < fact.cites.size(); ++x)
      for (size_t y = x + 1; y < fact.cites.size(); ++y) {
        if (fact.cites[x].article == fact.cites[y].article || on[x].empty() || on[y].empty())
          continue;
        ++score.fact_pairs;
        for (size_t l : on[x])
          if (on[y].count(l)) {
            ++score.fact_pairs_right;
            break;
          }
      }
  }
  for (const LabelledFact& labelled : event.facts) {
    std::set<std::string> outlets;
    for (const LabelledQuote& quote : labelled.stated_by) outlets.insert(quote.article);
    if (outlets.size() < 2) continue;
    ++score.shared_facts;
    for (const Fact& fact : facts) {
      if (fact.sources < 2) continue;
      std::set<std::string> cited;
      for (const LabelledQuote& quote : labelled.stated_by)
        for (const Cite& cite : fact.cites)
          if (texts.matches(cite, quote)) cited.insert(quote.article);
      if (cited.size() >= 2) {
        ++score.shared_facts_found;
        break;
      }
    }
  }
  return score;
}

}  // namespace crosscheck::eval
