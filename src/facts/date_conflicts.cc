// Date conflicts: one event (same event class, same people, same or no place) put on different
// days, or on a weekday that the calendar date given for it does not fall on.
#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>

#include "facts/findings.h"

namespace crosscheck::facts {

namespace {

constexpr const char* kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};
// Two days further apart than this are more likely two occasions than one misdated event.
constexpr int64_t kMaxMisdating = 10;

struct DatedEvent {
  uint32_t frame = 0;
  uint32_t timex = 0;
  int64_t day = 0;
  bool has_day = false;
  int weekday = -1;            // weekday the text names or the calendar date falls on
  bool weekday_named = false;  // the text names the weekday without a calendar date
  bool explicit_date = false;
};

std::vector<int32_t> people_of(const StoryFrames& story, const Frame& frame) {
  std::vector<int32_t> people;
  for (int32_t actor : frame.actors)
    if (!story.is_place(actor)) people.push_back(actor);
  return people;
}

// The one date a sentence gives; sentences with several dates are ambiguous and skipped.
bool dated_event_of(const StoryFrames& story, uint32_t f, DatedEvent* event) {
  const Frame& frame = story.frames()[f];
  if (frame.events.empty() || frame.actors.empty()) return false;
  const Document& doc = story.doc(frame.article);
  int dates = 0;
  for (uint32_t t : frame.timexes) {
    const Timex& timex = doc.timexes[t];
    if (timex.type != TimexType::kDate) continue;
    bool day = timex.anchored_to != "unresolved" && is_day_value(timex.value);
    if (!day && timex.weekday < 0 && timex.explicit_date.empty()) continue;
    if (++dates > 1) return false;
    event->frame = f;
    event->timex = t;
    event->has_day = day && day_number(timex.value, &event->day);
    event->explicit_date = !timex.explicit_date.empty();
    if (event->explicit_date) {
      event->weekday = weekday_of(timex.explicit_date);
      if (!event->has_day) event->has_day = day_number(timex.explicit_date, &event->day);
    } else if (timex.weekday >= 0) {
      event->weekday = timex.weekday;
      event->weekday_named = true;
    }
  }
  return dates == 1;
}

bool same_event(const StoryFrames& story, const Frame& a, const Frame& b,
                std::vector<int32_t>* shared_people) {
  std::vector<std::string> events;
  std::set_intersection(a.events.begin(), a.events.end(), b.events.begin(), b.events.end(),
                        std::back_inserter(events));
  if (events.empty()) return false;
  // Within one article, places named at different levels ("in St. Petersburg", "visited
  // Russia") describe the same occasion; across articles, different places mean two events.
  const bool same_article = a.article == b.article;
  if (!same_article && !a.places.empty() && !b.places.empty()) {
    // Each naming a place the other does not: two places, two events.
    const size_t shared_places = shared_count(a.places, b.places);
    if (shared_places < a.places.size() && shared_places < b.places.size()) return false;
  }
  std::vector<int32_t> pa = people_of(story, a), pb = people_of(story, b);
  shared_people->clear();
  std::set_intersection(pa.begin(), pa.end(), pb.begin(), pb.end(),
                        std::back_inserter(*shared_people));
  if (shared_people->size() >= 2) return true;
  return shared_people->size() == 1 && shared_count(a.places, b.places) > 0;
}

std::string date_claim(const StoryFrames& story, const DatedEvent& event) {
  const Frame& frame = story.frames()[event.frame];
  const Timex& timex = story.doc(frame.article).timexes[event.timex];
  std::string claim = "'" + std::string(story.doc(frame.article).slice(timex.span)) + "'";
  if (event.explicit_date && event.weekday >= 0) {
    claim += " (" + timex.explicit_date + ", a " + kWeekdays[event.weekday] + ")";
  } else if (event.has_day) {
    claim += " (" + timex.value + ")";
  }
  return claim;
}

}  // namespace

void find_date_conflicts(const StoryFrames& story, std::vector<Conflict>& out) {
  std::vector<DatedEvent> events;
  for (uint32_t f = 0; f < story.frames().size(); ++f) {
    DatedEvent event;
    if (dated_event_of(story, f, &event)) events.push_back(event);
  }
  std::set<std::pair<uint32_t, uint32_t>> reported_timexes;  // (frame, timex) already a side
  for (size_t i = 0; i < events.size(); ++i) {
    for (size_t j = i + 1; j < events.size(); ++j) {
      DatedEvent a = events[i], b = events[j];
      const Frame& fa = story.frames()[a.frame];
      const Frame& fb = story.frames()[b.frame];
      std::vector<int32_t> people;
      if (!same_event(story, fa, fb, &people)) continue;
      const bool internal = fa.article == fb.article;
      std::string reason;
      // A named weekday against a written calendar date.
      if (a.explicit_date && !b.explicit_date) std::swap(a, b);
      const bool weekday_clash =
          a.weekday_named && b.explicit_date && b.weekday >= 0 && a.weekday != b.weekday &&
          (internal || !a.has_day || !b.has_day || std::llabs(a.day - b.day) <= kMaxMisdating);
      const bool day_clash =
          a.has_day && b.has_day && a.day != b.day && std::llabs(a.day - b.day) <= kMaxMisdating;
      if (!weekday_clash && !day_clash) continue;
      if (reported_timexes.contains({a.frame, a.timex}) &&
          reported_timexes.contains({b.frame, b.timex}))
        continue;
      reported_timexes.insert({a.frame, a.timex});
      reported_timexes.insert({b.frame, b.timex});

      std::string who;
      for (size_t k = 0; k < people.size() && k < 3; ++k)
        who += (k ? (k + 1 == people.size() || k == 2 ? " and " : ", ") : "") +
               story.actor_name(people[k]);
      Conflict conflict;
      conflict.kind = ConflictKind::kDate;
      conflict.internal = internal;
      const std::string event_name = fa.events.front() == "meeting" ? "meeting" : "event";
      std::string claim_a = date_claim(story, a), claim_b = date_claim(story, b);
      if (weekday_clash) {
        conflict.explanation =
            std::string(internal ? "The same article dates" : "The sources date") + " the " +
            event_name + " involving " + who + " to " + claim_a + ", a " + kWeekdays[a.weekday] +
            ", and to " + claim_b + ", which is not a " + kWeekdays[a.weekday] + ".";
      } else {
        conflict.explanation = std::string(internal ? "The same article puts" : "The sources put") +
                               " the " + event_name + " involving " + who +
                               " on different days: " + claim_a + " and " + claim_b + ".";
      }
      const DatedEvent* sides[] = {&a, &b};
      const std::string claims[] = {claim_a, claim_b};
      for (int k = 0; k < 2; ++k) {
        const Frame& frame = story.frames()[sides[k]->frame];
        const Document& doc = story.doc(frame.article);
        ConflictSide side;
        side.claim = claims[k];
        side.cites.push_back(make_cite(doc, doc.timexes[sides[k]->timex].span));
        conflict.sides.push_back(std::move(side));
      }
      out.push_back(std::move(conflict));
    }
  }
}

}  // namespace crosscheck::facts
