// Number conflicts: two counts of the same thing (the same counted noun; one event by
// event_context / same_event, the event read from the tree above the counted noun; no two
// different places, compatible dates) whose values cannot both hold given their bounds.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <set>
#include <string>
#include <tuple>

#include "core/ud.h"
#include "facts/events.h"
#include "facts/findings.h"
#include "facts/lexicon.h"
#include "text/text.h"

namespace crosscheck::facts {

namespace {

struct Range {
  double low = 0;
  double high = std::numeric_limits<double>::infinity();
};

Range range_of(const Quantity& q) {
  const double v = q.value;
  switch (q.bound) {
    case Bound::kExact:
      return {v, v};
    case Bound::kAtLeast:
      return {v, std::numeric_limits<double>::infinity()};
    case Bound::kMoreThan:
      return {v, std::numeric_limits<double>::infinity()};
    case Bound::kAtMost:
      return {0, v};
    case Bound::kLessThan:
      return {0, v};
    // Vague counts ("about 30", "dozens") cover a wide band: they contradict only far values.
    case Bound::kAbout:
      return {v * 0.5, v * 2.0};
  }
  return {v, v};
}

std::string noun_key(const std::string& noun) {
  std::string key = noun;
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (key == "person") return "people";
  if (key.size() > 3 && key.ends_with("s") && !key.ends_with("ss")) key.pop_back();
  return key;
}

// "4 times", "3 years": frequencies and durations, not counts of things that happened.
bool is_time_noun(const std::string& noun) {
  std::string key = noun_key(noun);
  return key == "time" || key == "year" || key == "month" || key == "week" || key == "day" ||
         key == "hour" || key == "minute" || key == "second" || key == "decade" ||
         key == "occasion";
}

// Day numbers of the calendar-day time expressions of a frame's sentence.
std::vector<int64_t> days_of(const StoryFrames& story, const Frame& frame) {
  std::vector<int64_t> days;
  const Document& doc = story.doc(frame.article);
  for (uint32_t t : frame.timexes) {
    int64_t day;
    if (doc.timexes[t].anchored_to != "unresolved" && day_number(doc.timexes[t].value, &day))
      days.push_back(day);
  }
  return days;
}

// Dates say "different occasions" only when both sentences give days and none are within a day.
bool dates_compatible(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  if (a.empty() || b.empty()) return true;
  for (int64_t x : a)
    for (int64_t y : b)
      if (std::llabs(x - y) <= 1) return true;
  return false;
}

// Nationality words ("Ukrainian", "French") name a country's people, not where something
// happened; some taggers still mark them as places.
bool is_demonym_like(const std::string& name) {
  std::string lower = fold_case(name);
  if (lower.find(' ') != std::string::npos) return false;
  if (canonical_qualifier(lower) != lower) return true;
  for (const char* suffix : {"ian", "ean", "ese", "ish"})
    if (lower.size() > 5 && lower.ends_with(suffix)) return true;
  return false;
}

// Named non-person actors of a sentence (places, and organisations that taggers often confuse
// with places), without nationality words.
std::vector<int32_t> named_subjects(const StoryFrames& story, const Frame& frame) {
  std::vector<int32_t> out;
  for (int32_t actor : frame.actors)
    if (story.actor_type(actor) != EntityType::kPerson && !is_demonym_like(story.actor_name(actor)))
      out.push_back(actor);
  return out;
}

// The places two sentences name: each naming a place the other does not means two events
// (counts from two towns); a shared place is kept for the explanation.
bool places_compatible(const StoryFrames& story, const Frame& fa, const Frame& fb,
                       std::vector<int32_t>* places) {
  std::vector<int32_t> sa = named_subjects(story, fa), sb = named_subjects(story, fb);
  std::vector<int32_t> shared;
  std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(), std::back_inserter(shared));
  if (shared.size() < sa.size() && shared.size() < sb.size()) return false;
  places->clear();
  for (int32_t actor : shared)
    if (story.is_place(actor)) places->push_back(actor);
  return true;
}

// Where the event of a count is read: the token that governs the counted noun in the tree
// ("killed" in "killed at least five people", "team" in "a team of 19 experts"), past
// appositions and coordinations ("the suspects — two men and a woman — were arrested"). Empty
// when the noun is unknown or the sentence not parsed; the extractor's verb is used then.
Span count_governor(const Document& doc, const Quantity& q) {
  if (q.noun_span.empty()) return q.event_span;
  const auto [first, last] = token_range(doc, q.noun_span);
  for (size_t t = first; t < last; ++t) {
    const Token* noun = &doc.tokens[t];
    if (noun->head < 0 || q.noun_span.contains(doc.tokens[noun->head].span)) continue;
    for (int guard = 0; guard < 8 && noun->head >= 0; ++guard) {
      const std::string_view relation = deprel_name(noun->deprel);
      if (relation != "appos" && relation != "conj") break;
      noun = &doc.tokens[noun->head];
    }
    if (noun->head < 0) return q.event_span;
    return doc.tokens[noun->head].span;
  }
  return q.event_span;
}

// The event's words for an explanation: the governing verb as written ("killed"); nothing when
// the governor is a noun the count stands inside ("a team of 19 experts").
std::string event_words(const Document& doc, const EventContext& event) {
  if (event.governor < 0 || !event.governor_verb) return "";
  return std::string(doc.slice(doc.tokens[event.governor].span));
}

// The counted noun as written ("people"), else its lemma.
std::string noun_written(const Document& doc, const Quantity& q) {
  return q.noun_span.empty() ? q.noun : std::string(doc.slice(q.noun_span));
}

// "at least 5 people killed": the value, the counted noun as written and the event's verb.
std::string count_claim(const Document& doc, const Quantity& q, const EventContext& event) {
  std::string claim = describe_value(q) + " " + noun_written(doc, q);
  const std::string verb = event_words(doc, event);
  return verb.empty() ? claim : claim + " " + verb;
}

// A number that is also a date expression ("the 2011 photo", "in 1999") is not a count.
bool inside_timex(const Document& doc, const Quantity& q) {
  return std::any_of(doc.timexes.begin(), doc.timexes.end(),
                     [&](const Timex& t) { return t.span.overlaps(q.span); });
}

}  // namespace

bool values_compatible(const Quantity& a, const Quantity& b) {
  Range x = range_of(a), y = range_of(b);
  const double tolerance = 1e-9;
  if (x.high < y.low - tolerance || y.high < x.low - tolerance) return false;
  // Open bounds touching a value ("fewer than 300" and "300") are read as closed: that is a
  // rounding of one count, not two counts.
  return true;
}

std::string describe_value(const Quantity& q) {
  char number[32];
  if (std::abs(q.value - std::round(q.value)) < 1e-9 && std::abs(q.value) < 1e15) {
    std::snprintf(number, sizeof number, "%.0f", q.value);
  } else {
    std::snprintf(number, sizeof number, "%g", q.value);
  }
  std::string text;
  switch (q.bound) {
    case Bound::kExact:
      break;
    case Bound::kAtLeast:
      text = "at least ";
      break;
    case Bound::kAtMost:
      text = "at most ";
      break;
    case Bound::kMoreThan:
      text = "more than ";
      break;
    case Bound::kLessThan:
      text = "less than ";
      break;
    case Bound::kAbout:
      text = "about ";
      break;
  }
  text += number;
  if (!q.unit.empty()) text += (q.unit == "%" ? "" : " ") + q.unit;
  return text;
}

void find_number_conflicts(const StoryFrames& story, double same_event_threshold,
                           std::vector<Conflict>& out) {
  struct Counted {
    uint32_t frame;
    uint32_t quantity;
    EventContext event;  // read once per count, compared with every other
  };
  const std::vector<Frame>& frames = story.frames();
  std::vector<Counted> counts;
  for (uint32_t f = 0; f < frames.size(); ++f) {
    const Document& doc = story.doc(frames[f].article);
    for (uint32_t q : frames[f].quantities) {
      const Quantity& quantity = doc.quantities[q];
      if (!quantity.noun.empty() && !is_time_noun(quantity.noun) && !inside_timex(doc, quantity))
        counts.push_back(
            {f, q, event_context(story, f, quantity.span, count_governor(doc, quantity))});
    }
  }
  struct Pending {
    std::string subject;
    Conflict conflict;
  };
  std::vector<Pending> found;
  for (size_t i = 0; i < counts.size(); ++i) {
    for (size_t j = i + 1; j < counts.size(); ++j) {
      const Frame& fa = frames[counts[i].frame];
      const Frame& fb = frames[counts[j].frame];
      if (counts[i].frame == counts[j].frame) continue;
      const Document& da = story.doc(fa.article);
      const Document& db = story.doc(fb.article);
      const Quantity& qa = da.quantities[counts[i].quantity];
      const Quantity& qb = db.quantities[counts[j].quantity];
      if (qa.unit != qb.unit || noun_key(qa.noun) != noun_key(qb.noun)) continue;
      std::vector<int32_t> places;
      if (!places_compatible(story, fa, fb, &places)) continue;
      const EventContext& ea = counts[i].event;
      const EventContext& eb = counts[j].event;
      const double identity = same_event(story, ea, eb);
      if (identity <= 0 || identity < same_event_threshold) continue;
      if (!dates_compatible(days_of(story, fa), days_of(story, fb))) continue;
      if (values_compatible(qa, qb)) continue;

      std::string where = places.empty() ? std::string() : " in " + story.actor_name(places[0]);
      std::string subject = noun_key(qa.noun) + "|" + ea.lemma + "|" + where;
      std::string claim_a = count_claim(da, qa, ea);
      std::string claim_b = count_claim(db, qb, eb);
      auto it = std::find_if(found.begin(), found.end(),
                             [&](const Pending& p) { return p.subject == subject; });
      if (it == found.end()) {
        Pending pending;
        pending.subject = subject;
        pending.conflict.kind = ConflictKind::kNumber;
        pending.conflict.confidence = identity;
        const std::string verb = event_words(da, ea);
        pending.conflict.explanation = "The sources give counts of " + noun_written(da, qa) +
                                       (verb.empty() ? "" : " " + verb) + where +
                                       " that cannot all be true: ";
        found.push_back(std::move(pending));
        it = std::prev(found.end());
      }
      for (auto [claim, doc, quantity] :
           {std::tuple{claim_a, &da, &qa}, std::tuple{claim_b, &db, &qb}}) {
        Cite cite = make_cite(*doc, quantity->span);
        auto side = std::find_if(it->conflict.sides.begin(), it->conflict.sides.end(),
                                 [&](const ConflictSide& s) { return s.claim == claim; });
        if (side == it->conflict.sides.end()) {
          it->conflict.sides.push_back({claim, {cite}});
        } else if (std::none_of(side->cites.begin(), side->cites.end(), [&](const Cite& c) {
                     return c.article == cite.article && c.start == cite.start;
                   })) {
          side->cites.push_back(cite);
        }
      }
    }
  }
  for (Pending& pending : found) {
    Conflict& conflict = pending.conflict;
    std::set<std::string> articles;
    for (size_t k = 0; k < conflict.sides.size(); ++k) {
      const ConflictSide& side = conflict.sides[k];
      conflict.explanation += (k ? " versus " : "") + side.claim + " (" +
                              std::to_string(side.cites.size()) +
                              (side.cites.size() == 1 ? " source)" : " sources)");
      for (const Cite& cite : side.cites) articles.insert(cite.article);
    }
    conflict.explanation += ".";
    conflict.internal = articles.size() == 1;
    out.push_back(std::move(conflict));
  }
}

}  // namespace crosscheck::facts
