#include "facts/events.h"

#include <algorithm>

#include "core/ud.h"
#include "text/text.h"

namespace crosscheck::facts {

namespace {

// Score of two details whose clauses share two people and little wording.
constexpr double kSharedPeople = 0.5;
// Share of the smaller clause two reporting clauses must have in common to be one statement.
constexpr double kSameStatement = 0.8;

bool relation_is(const Token& token, std::string_view base) {
  return deprel_base(token.deprel) == base;
}

// Relations that open a clause of their own: the governor's clause stops climbing there.
bool opens_clause(const Token& token) {
  const std::string_view base = deprel_base(token.deprel);
  return token.head < 0 || base == "root" || base == "ccomp" || base == "advcl" ||
         base == "parataxis" || base == "csubj" || base == "acl" || base == "xcomp" ||
         (base == "conj" && token.upos == Upos::kVerb);
}

// Tokens that carry the meaning of a predicate or an event noun.
bool can_govern(const Token& token) {
  return token.upos == Upos::kVerb || token.upos == Upos::kNoun || token.upos == Upos::kAdj;
}

std::string lemma_of(const Document& doc, const Token& token) {
  if (!token.lemma.empty()) return fold_case(token.lemma);
  return token.lower.empty() ? fold_case(doc.slice(token.span)) : token.lower;
}

}  // namespace

std::pair<size_t, size_t> token_range(const Document& doc, Span span) {
  auto begin = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.start,
                                [](const Token& t, uint32_t at) { return t.span.start < at; });
  auto end = std::lower_bound(begin, doc.tokens.end(), span.end,
                              [](const Token& t, uint32_t at) { return t.span.start < at; });
  return {static_cast<size_t>(begin - doc.tokens.begin()),
          static_cast<size_t>(end - doc.tokens.begin())};
}

bool locates_event(const Document& doc, Span sentence, Span place, int32_t governor) {
  const auto [first, last] = token_range(doc, sentence);
  // The place name's own head token: the token of the name attached outside it.
  for (size_t t = first; t < last; ++t) {
    const Token& token = doc.tokens[t];
    if (!place.contains(token.span) || token.head < 0) continue;
    if (place.contains(doc.tokens[token.head].span)) continue;
    const std::string_view relation = deprel_name(token.deprel);
    if (relation == "compound")
      return governor >= 0 && token.head == governor && doc.tokens[governor].upos == Upos::kNoun;
    if (relation != "obl" && relation != "nmod") return false;
    for (size_t c = first; c < last; ++c) {
      const Token& child = doc.tokens[c];
      if (child.head != static_cast<int32_t>(t) || deprel_base(child.deprel) != "case") continue;
      return child.lower == "in" || child.lower == "at" || child.lower == "near" ||
             child.lower == "outside" || child.lower == "inside";
    }
    return false;
  }
  return false;
}

bool timex_days(const Timex& timex, int64_t* first, int64_t* last) {
  if (timex.type != TimexType::kDate || timex.anchored_to == "unresolved") return false;
  if (day_number(timex.first_day, first) && day_number(timex.last_day, last)) return true;
  if (day_number(timex.value, first)) {
    *last = *first;
    return true;
  }
  return false;
}

EventContext event_context(const StoryFrames& story, uint32_t frame_index, Span detail,
                           Span governor_hint) {
  const Frame& frame = story.frames()[frame_index];
  const Document& doc = story.doc(frame.article);
  EventContext context;
  context.frame = frame_index;
  context.detail = detail;
  const auto [first, last] = token_range(doc, frame.span);
  auto inside_detail = [&](size_t t) { return detail.contains(doc.tokens[t].span); };

  // The detail's own head: its first token whose head lies outside the detail.
  int32_t head = -1;
  bool parsed = false;
  for (size_t t = first; t < last; ++t) {
    if (doc.tokens[t].upos != Upos::kNone) parsed = true;
    if (head >= 0 || !inside_detail(t)) continue;
    const int32_t up = doc.tokens[t].head;
    if (up < 0 || !inside_detail(static_cast<size_t>(up))) head = static_cast<int32_t>(t);
  }
  size_t clause_head = last;  // a token index, or `last` for the whole sentence
  std::vector<int32_t> path;  // the governor and the tokens up to its clause head
  if (parsed && head >= 0) {
    // Climb past names, numbers and function words to the predicate or event noun.
    int32_t governor = doc.tokens[head].head;
    if (!governor_hint.empty()) {
      const auto [hint, hint_end] = token_range(doc, governor_hint);
      if (hint < hint_end && hint >= first && hint < last) governor = static_cast<int32_t>(hint);
    }
    while (governor >= 0 &&
           (!can_govern(doc.tokens[governor]) || inside_detail(static_cast<size_t>(governor))))
      governor = doc.tokens[governor].head;
    if (governor < 0) {
      // The detail is the predicate itself ("The vote was on Tuesday"): its subject names the
      // event.
      for (size_t t = first; t < last && governor < 0; ++t)
        if (doc.tokens[t].head == head && relation_is(doc.tokens[t], "nsubj") && !inside_detail(t))
          governor = static_cast<int32_t>(t);
    }
    if (governor >= 0) {
      const Token& g = doc.tokens[governor];
      context.governor = governor;
      context.lemma = lemma_of(doc, g);
      context.governor_verb = g.upos == Upos::kVerb;
      context.names_occurrence = !context.governor_verb && doc.tokens[head].head == governor;
      for (const Quote& quote : doc.quotes)
        if (quote.cue.contains(g.span)) context.reporting = true;
      for (size_t t = first; t < last; ++t) {
        const Token& child = doc.tokens[t];
        if (child.head != governor || inside_detail(t)) continue;
        // Arguments name the event; adverbs and particles ("dates back to") do not.
        if (child.upos == Upos::kAdv || child.upos == Upos::kAdp || child.upos == Upos::kPart)
          continue;
        const int64_t id = story.term_id(term_of(doc, child));
        if (id < 0) continue;
        context.core.push_back(static_cast<uint32_t>(id));
        const std::string_view relation = deprel_name(child.deprel);
        if (relation == "nsubj" || relation == "nmod:poss" || relation == "obl:agent")
          context.agent.push_back(static_cast<uint32_t>(id));
      }
      // The clause: climb from the governor to the token that opens its clause.
      size_t top = static_cast<size_t>(governor);
      path = {governor};
      while (!opens_clause(doc.tokens[top])) {
        top = static_cast<size_t>(doc.tokens[top].head);
        path.push_back(static_cast<int32_t>(top));
      }
      clause_head = top;
      // Negation and future tense of the governor or of the verb its clause hangs on ("will
      // speak at a rally in ...").
      for (size_t t = first; t < last; ++t) {
        const Token& child = doc.tokens[t];
        if (std::find(path.begin(), path.end(), child.head) == path.end()) continue;
        if (child.morph.negative || child.lower == "never") context.negated = true;
        if (relation_is(child, "aux") &&
            (child.lower == "will" || child.lower == "shall" || child.lower == "'ll"))
          context.future = true;
      }
    }
  }

  auto in_clause = [&](size_t t) {
    if (clause_head == last) return true;
    for (int32_t up = static_cast<int32_t>(t), steps = 0; up >= 0 && steps < 64;
         up = doc.tokens[up].head, ++steps)
      if (static_cast<size_t>(up) == clause_head) return true;
    return false;
  };
  const std::string governor_term =
      context.governor >= 0 ? term_of(doc, doc.tokens[context.governor]) : std::string();
  for (size_t t = first; t < last; ++t) {
    if (inside_detail(t) || !in_clause(t)) continue;
    std::string term = term_of(doc, doc.tokens[t]);
    if (term.empty() || term == governor_term) continue;
    const int64_t id = story.term_id(term);
    if (id >= 0) context.terms.push_back(static_cast<uint32_t>(id));
  }
  std::sort(context.agent.begin(), context.agent.end());
  std::sort(context.core.begin(), context.core.end());
  context.core.erase(std::unique(context.core.begin(), context.core.end()), context.core.end());
  std::sort(context.terms.begin(), context.terms.end());
  context.terms.erase(std::unique(context.terms.begin(), context.terms.end()), context.terms.end());
  for (uint32_t term : context.terms) context.weight += story.idf(term) * story.idf(term);

  for (const Mention& mention : doc.mentions) {
    if (mention.sentence != frame.sentence || mention.span.overlaps(detail)) continue;
    const auto [m_first, m_last] = token_range(doc, mention.span);
    if (m_first >= m_last || !in_clause(m_first)) continue;
    const int32_t actor = story.actor_of_key(mention.key);
    if (actor < 0) continue;
    if (story.is_place(actor)) {
      // Where the event itself took place: a locative attached to the governor, to the verbs
      // above it in its clause or to its own arguments, not one deep inside a noun phrase
      // ("the war in X").
      if (!locates_event(doc, frame.span, mention.span, -1)) continue;
      int32_t head = -1;
      for (size_t t = m_first; t < last && doc.tokens[t].span.start < mention.span.end; ++t)
        if (doc.tokens[t].head >= 0 && !mention.span.contains(doc.tokens[doc.tokens[t].head].span))
          head = doc.tokens[t].head;
      const bool on_path = std::find(path.begin(), path.end(), head) != path.end();
      // Or to one of the governor's own arguments ("met Brand in Geneva").
      const bool on_argument = head >= 0 && !path.empty() && doc.tokens[head].head == path.front();
      if (on_path || on_argument) context.places.push_back(actor);
    } else if (story.actor_type(actor) == EntityType::kPerson) {
      context.people.push_back(actor);
    }
  }
  std::vector<std::pair<int64_t, int64_t>> sentence_days;
  for (const Timex& timex : doc.timexes) {
    if (timex.sentence != frame.sentence || timex.span.overlaps(detail)) continue;
    const auto [t_first, t_last] = token_range(doc, timex.span);
    if (t_first >= t_last) continue;
    // "since 2014": what the clause counts runs from that date to now.
    if (t_first > first && doc.tokens[t_first - 1].lower == "since" && in_clause(t_first))
      context.running_total = true;
    int64_t from, to;
    if (!timex_days(timex, &from, &to)) continue;
    (in_clause(t_first) ? context.days : sentence_days).emplace_back(from, to);
  }
  if (context.days.empty()) context.days = std::move(sentence_days);
  for (auto* list : {&context.people, &context.places}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return context;
}

bool governors_agree(const StoryFrames& story, const EventContext& a, const EventContext& b) {
  if (a.governor < 0 || b.governor < 0) return false;
  if (a.lemma == b.lemma) return true;
  const Document& da = story.doc(story.frames()[a.frame].article);
  const Document& db = story.doc(story.frames()[b.frame].article);
  const std::string x = term_of(da, da.tokens[a.governor]);
  const std::string y = term_of(db, db.tokens[b.governor]);
  if (!x.empty() && x == y) return true;
  // Two verbs, one a synonym or a direct kind of the other ("visited" a kind of "met").
  return a.governor_verb && b.governor_verb && story.wordnet() &&
         story.wordnet()->related(a.lemma, b.lemma);
}

double same_event(const StoryFrames& story, const EventContext& a, const EventContext& b) {
  if (a.reporting != b.reporting || a.negated != b.negated || a.future != b.future ||
      a.running_total != b.running_total || !governors_agree(story, a, b))
    return 0;
  // A verb's own subject, object or complement names the event; a noun ("the 2008 event") is
  // often bare and leaves it to the clause.
  if (a.governor_verb && b.governor_verb && shared_count(a.core, b.core) == 0) return 0;
  if (!a.people.empty() && !b.people.empty() && shared_count(a.people, b.people) == 0) return 0;
  // Different agents: two people's performances, two attackers' strikes.
  if (!a.agent.empty() && !b.agent.empty() && shared_count(a.agent, b.agent) == 0) return 0;
  if (!a.places.empty() && !b.places.empty() && shared_count(a.places, b.places) == 0) return 0;
  if (!a.days.empty() && !b.days.empty()) {
    bool overlap = false;
    for (const auto& [x_first, x_last] : a.days)
      for (const auto& [y_first, y_last] : b.days)
        overlap |= x_first <= y_last && y_first <= x_last;
    if (!overlap) return 0;
  }
  // Two people named in both clauses take part in both: the same occasion even when the rest
  // of the clause is worded differently ("met Putin in St. Petersburg" / "visited Russia to hold
  // talks with Putin").
  const double people = shared_count(a.people, b.people) >= 2 ? kSharedPeople : 0.0;
  const double smaller = std::min(a.weight, b.weight);
  if (smaller <= 0) return a.reporting ? 0.0 : people;
  const double shared = std::min(1.0, story.dot(a.terms, b.terms) / smaller);
  // Two statements are one only when they say nearly the same words: a speaker who repeats a
  // point on two days made two statements.
  if (a.reporting) return shared >= kSameStatement ? shared : 0.0;
  return std::max(people, shared);
}

}  // namespace crosscheck::facts
