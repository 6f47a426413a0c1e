// Date and place conflicts: two details of one event (event_context / same_event: the same
// predicate or event noun, the same people, the rest of the clause in common) that cannot both
// be true — calendar spans that do not overlap at the coarser of their granularities ("on
// Tuesday" against "on Wednesday", "ends in 2019" against "ends in 2018"), or two different
// places for the same occasion ("the event in Norfolk" against "the Norwalk event").
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/ud.h"
#include "facts/events.h"
#include "facts/findings.h"
#include "text/text.h"

namespace crosscheck::facts {

namespace {

constexpr const char* kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};

struct DatedDetail {
  EventContext context;
  uint32_t timex = 0;
  int64_t first = 0, last = 0;  // calendar days covered, inclusive
  bool has_days = false;
  int weekday = -1;  // weekday named without a resolved date
};

// A date expression that names when something happened: a calendar span or a bare weekday.
bool read_date(const Timex& timex, DatedDetail* detail) {
  if (timex.type != TimexType::kDate) return false;
  if (timex_days(timex, &detail->first, &detail->last)) {
    detail->has_days = true;
    return true;
  }
  if (timex.weekday >= 0) {
    detail->weekday = timex.weekday;
    return true;
  }
  return false;
}

// Weekday 0 = Monday .. 6 = Sunday of a day number (1970-01-01 was a Thursday).
int weekday_of_day(int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

bool dates_disagree(const DatedDetail& a, const DatedDetail& b) {
  if (a.has_days && b.has_days) return a.last < b.first || b.last < a.first;
  if (a.weekday >= 0 && b.weekday >= 0) return a.weekday != b.weekday;
  // A bare weekday against one calendar day: the day must fall on that weekday.
  for (const auto& [named, dated] : {std::pair{&a, &b}, std::pair{&b, &a}})
    if (named->weekday >= 0 && dated->has_days && dated->first == dated->last)
      return weekday_of_day(dated->first) != named->weekday;
  return false;
}

std::string date_claim(const Document& doc, const Timex& timex) {
  std::string claim = "'" + std::string(doc.slice(timex.span)) + "'";
  int64_t first, last;
  if (timex_days(timex, &first, &last)) {
    claim += " (" + timex.value;
    if (first == last) claim += std::string(", a ") + kWeekdays[weekday_of_day(first)];
    claim += ")";
  }
  return claim;
}

// What the event is called in an explanation: an event noun as written ("debate"), or "event"
// with the verb as written ("event ('met')").
std::string event_words(const StoryFrames& story, const EventContext& context) {
  const Document& doc = story.doc(story.frames()[context.frame].article);
  if (context.governor < 0) return "event";
  const std::string written(doc.slice(doc.tokens[context.governor].span));
  return context.governor_verb ? "event ('" + written + "')" : written;
}

// Pairs of details of one event, most alike first: calls visit(i, j, score) for those whose
// same_event score reaches `threshold`. Two details of different articles of one copy group are
// one source and never compared; two of one article are (an article may contradict itself).
template <typename Detail, typename Visit>
void for_each_same_event(const StoryFrames& story, const std::vector<Detail>& details,
                         double threshold, Visit&& visit) {
  const std::vector<Frame>& frames = story.frames();
  for (size_t i = 0; i < details.size(); ++i) {
    const EventContext& a = details[i].context;
    if (a.governor < 0) continue;
    for (size_t j = i + 1; j < details.size(); ++j) {
      const EventContext& b = details[j].context;
      if (b.governor < 0 || a.frame == b.frame) continue;
      const Frame& fa = frames[a.frame];
      const Frame& fb = frames[b.frame];
      if (fa.article != fb.article && fa.source == fb.source) continue;
      const double score = same_event(story, a, b);
      if (score > 0 && score >= threshold) visit(i, j, score);
    }
  }
}

Conflict two_sided(ConflictKind kind, double confidence, std::string explanation,
                   std::string claim_a, Cite cite_a, std::string claim_b, Cite cite_b) {
  Conflict conflict;
  conflict.kind = kind;
  conflict.confidence = confidence;
  conflict.explanation = std::move(explanation);
  conflict.internal = cite_a.article == cite_b.article;
  conflict.sides.push_back({std::move(claim_a), {std::move(cite_a)}});
  conflict.sides.push_back({std::move(claim_b), {std::move(cite_b)}});
  return conflict;
}

}  // namespace

void find_date_conflicts(const StoryFrames& story, double threshold, std::vector<Conflict>& out) {
  std::vector<DatedDetail> details;
  const std::vector<Frame>& frames = story.frames();
  for (uint32_t f = 0; f < frames.size(); ++f) {
    const Document& doc = story.doc(frames[f].article);
    for (uint32_t t : frames[f].timexes) {
      DatedDetail detail;
      if (!read_date(doc.timexes[t], &detail)) continue;
      detail.timex = t;
      detail.context = event_context(story, f, doc.timexes[t].span);
      if (detail.context.names_occurrence) {
        // "appeared on the 2013 test": the date says which test; what happened is the verb
        // above the noun, and two sources that date it differently disagree. A noun that no
        // verb governs ("the 1996 elections" as a heading) is not compared.
        int32_t above = doc.tokens[detail.context.governor].head;
        for (int step = 0; step < 3 && above >= 0 && doc.tokens[above].upos == Upos::kNoun; ++step)
          above = doc.tokens[above].head;  // "the 2019 harbour festival": past the compound
        if (above < 0 || doc.tokens[above].upos != Upos::kVerb) continue;
        detail.context = event_context(story, f, doc.timexes[t].span, doc.tokens[above].span);
      }
      details.push_back(std::move(detail));
    }
  }
  std::set<std::pair<size_t, size_t>> reported;  // one conflict per pair of sentences
  for_each_same_event(story, details, threshold, [&](size_t i, size_t j, double score) {
    const DatedDetail& a = details[i];
    const DatedDetail& b = details[j];
    if (!dates_disagree(a, b)) return;
    if (!reported.insert({a.context.frame, b.context.frame}).second) return;
    const Document& da = story.doc(frames[a.context.frame].article);
    const Document& db = story.doc(frames[b.context.frame].article);
    const Timex& ta = da.timexes[a.timex];
    const Timex& tb = db.timexes[b.timex];
    std::string claim_a = date_claim(da, ta), claim_b = date_claim(db, tb);
    out.push_back(two_sided(ConflictKind::kDate, score,
                            std::string(da.id == db.id ? "The article dates" : "The sources date") +
                                " the same " + event_words(story, a.context) +
                                " differently: " + claim_a + " against " + claim_b + ".",
                            claim_a, make_cite(da, ta.span), claim_b, make_cite(db, tb.span)));
  });
}

void find_place_conflicts(const StoryFrames& story, double threshold,
                          const std::function<int(std::string_view)>& place_level,
                          std::vector<Conflict>& out) {
  struct PlaceDetail {
    EventContext context;
    Span span;
    int32_t actor = -1;
    // Given with a second place beside it ("Manchester, N.H."): written at two levels, so a
    // place another source names at one level may contain it.
    bool qualified = false;
  };
  std::vector<PlaceDetail> details;
  const std::vector<Frame>& frames = story.frames();
  for (uint32_t f = 0; f < frames.size(); ++f) {
    const Document& doc = story.doc(frames[f].article);
    for (const Mention& mention : doc.mentions) {
      if (mention.sentence != frames[f].sentence) continue;
      const int32_t actor = story.actor_of_key(mention.key);
      if (actor < 0 || !story.is_place(actor)) continue;
      PlaceDetail detail;
      detail.span = mention.span;
      detail.actor = actor;
      detail.context = event_context(story, f, mention.span);
      if (!locates_event(doc, frames[f].span, mention.span, detail.context.governor)) continue;
      for (const Mention& other : doc.mentions) {
        if (&other == &mention || other.sentence != mention.sentence) continue;
        const int32_t other_actor = story.actor_of_key(other.key);
        if (other_actor < 0 || !story.is_place(other_actor)) continue;
        // Beside it: only a comma, space or "in" between the two names.
        const Span gap = other.span.start >= mention.span.end
                             ? Span{mention.span.end, other.span.start}
                             : Span{other.span.end, mention.span.start};
        const std::string between = fold_case(doc.slice(gap));
        if (between.find_first_not_of(" ,") == std::string::npos || between == " in ")
          detail.qualified = true;
      }
      details.push_back(std::move(detail));
    }
  }
  std::set<std::pair<size_t, size_t>> reported;
  // One conflict per pair of places; further sentences that name them add their cites.
  std::map<std::pair<int32_t, int32_t>, size_t> by_places;
  for_each_same_event(story, details, threshold, [&](size_t i, size_t j, double score) {
    const PlaceDetail& a = details[i];
    const PlaceDetail& b = details[j];
    if (a.actor == b.actor || a.qualified || b.qualified) return;
    if (place_level &&
        place_level(story.actor_name(a.actor)) != place_level(story.actor_name(b.actor)))
      return;
    // A place the other clause also names is a second place of the same account ("in Paris,
    // France"), not a different one.
    if (std::binary_search(a.context.places.begin(), a.context.places.end(), b.actor) ||
        std::binary_search(b.context.places.begin(), b.context.places.end(), a.actor))
      return;
    const std::string name_a = fold_case(story.actor_name(a.actor));
    const std::string name_b = fold_case(story.actor_name(b.actor));
    if (name_a.find(name_b) != std::string::npos || name_b.find(name_a) != std::string::npos)
      return;
    if (!reported.insert({a.context.frame, b.context.frame}).second) return;
    // Sides in the order of the pair of places, so that later sentences find their side.
    const auto key = std::minmax(a.actor, b.actor);
    const PlaceDetail& p = a.actor == key.first ? a : b;
    const PlaceDetail& q = a.actor == key.first ? b : a;
    const Document& dp = story.doc(frames[p.context.frame].article);
    const Document& dq = story.doc(frames[q.context.frame].article);
    if (auto known = by_places.find(key); known != by_places.end()) {
      Conflict& conflict = out[known->second];
      for (auto [side, cite] : {std::pair{&conflict.sides[0], make_cite(dp, p.span)},
                                std::pair{&conflict.sides[1], make_cite(dq, q.span)}}) {
        if (std::none_of(side->cites.begin(), side->cites.end(), [&](const Cite& c) {
              return c.article == cite.article && c.start == cite.start;
            }))
          side->cites.push_back(cite);
        conflict.internal = conflict.internal && cite.article == conflict.sides[0].cites[0].article;
      }
      conflict.confidence = std::max(conflict.confidence, score);
      return;
    }
    by_places[key] = out.size();
    std::string claim_p(dp.slice(p.span)), claim_q(dq.slice(q.span));
    out.push_back(
        two_sided(ConflictKind::kPlace, score,
                  std::string(dp.id == dq.id ? "The article places" : "The sources place") +
                      " the same " + event_words(story, a.context) +
                      " in different places: " + claim_p + " against " + claim_q + ".",
                  claim_p, make_cite(dp, p.span), claim_q, make_cite(dq, q.span)));
  });
}

}  // namespace crosscheck::facts
