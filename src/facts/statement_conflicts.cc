// Polarity and attribution conflicts: an aligned statement negated by one source and affirmed
// by another, and one quotation credited to different speakers.
#include <algorithm>
#include <cctype>
#include <string>

#include "core/ud.h"
#include "facts/events.h"
#include "facts/findings.h"
#include "text/text.h"

namespace crosscheck::facts {

namespace {

// Quotes sharing one run of words this long, as a share of the shorter one, are one quotation.
constexpr double kQuoteOverlap = 0.8;
constexpr size_t kQuoteMinWords = 5;

std::string clipped(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// Lower-case words of a quotation, in order.
std::vector<std::string> ordered_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      words.push_back(word), word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// Length of the longest run of words two quotations share in the same order.
size_t longest_common_run(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<size_t> previous(b.size() + 1, 0), current(b.size() + 1, 0);
  size_t best = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0;
      best = std::max(best, current[j]);
    }
    std::swap(previous, current);
  }
  return best;
}

}  // namespace

namespace {

struct Predicate {
  size_t token = 0;
  std::string term;
  int negation = -1;  // token index of its own negation ("did not sign"), -1 when affirmed
  // Not stated as happening: inside the scope of a negation above it ("won't be required to
  // use", "never retained him or paid the fees"; a coordinated verb with a subject of its own
  // is outside it: "did not say, but the talks remain open") or an infinitival complement,
  // whose truth its governor does not assert ("was required to sign").
  bool unasserted = false;
  bool own_subject = false;
  std::string modal;  // lemma of its modal auxiliary ("could", "will"), empty when none
  std::vector<std::string> subject, rest;  // terms of its subject and of its other dependents
};

// True when token `t` is `ancestor` or lies in its subtree (heads followed within the sentence
// that starts at token `first`).
bool descends_from(const Document& doc, size_t t, size_t ancestor, size_t first) {
  for (int guard = 0; guard < 64; ++guard) {
    if (t == ancestor) return true;
    const int32_t head = doc.tokens[t].head;
    if (head < 0 || static_cast<size_t>(head) < first) return false;
    t = static_cast<size_t>(head);
  }
  return false;
}

// Every verb (or predicative adjective) of a sentence with what depends on it.
std::vector<Predicate> predicates_of(const Document& doc, Span sentence) {
  const auto [first, last] = token_range(doc, sentence);
  std::vector<Predicate> predicates;
  for (size_t t = first; t < last; ++t) {
    const Token& token = doc.tokens[t];
    if (token.upos != Upos::kVerb && token.upos != Upos::kAdj) continue;
    Predicate predicate;
    predicate.token = t;
    predicate.term = term_of(doc, token);
    if (predicate.term.empty()) continue;
    for (size_t c = first; c < last; ++c) {
      const Token& child = doc.tokens[c];
      if (child.head != static_cast<int32_t>(t)) continue;
      // "not only signed", "not just": a negation focusing an adverb beside it negates nothing.
      const bool focus = c + 1 < last && doc.tokens[c + 1].upos == Upos::kAdv &&
                         doc.tokens[c + 1].head == child.head;
      // Only an adverbial negation denies the predicate; "no" as a determiner ("no one asked")
      // or an interjection ("No," he said) does not.
      const bool negative =
          (child.morph.negative || child.lower == "never") && deprel_base(child.deprel) == "advmod";
      if (negative && !focus) predicate.negation = static_cast<int>(c);
      // "not only signed" is no denial, and "was not immediately available" no affirmation.
      if (negative && focus) predicate.unasserted = true;
      // A modal auxiliary ("could", "will", "must": tag MD) qualifies the predicate; a denial
      // and an affirmation conflict only under the same modal.
      if (deprel_base(child.deprel) == "aux" && xpos_tag_name(child.xpos) == "MD")
        predicate.modal = child.lemma.empty() ? child.lower : fold_case(child.lemma);
      if (deprel_base(child.deprel) == "nsubj") {
        predicate.own_subject = true;
        // The whole subject phrase: "Mitt Romney" and "Romney", "Oasis Beverages and TSG" and
        // "Oasis" name one subject by a word they share.
        for (size_t d = first; d < last; ++d)
          if (descends_from(doc, d, c, first)) {
            std::string term = term_of(doc, doc.tokens[d]);
            if (!term.empty()) predicate.subject.push_back(std::move(term));
          }
        continue;
      }
      std::string term = term_of(doc, child);
      if (!term.empty()) predicate.rest.push_back(std::move(term));
    }
    predicates.push_back(std::move(predicate));
  }
  // Negation reaches down the tree: what is coordinated with or complements a negated verb is not
  // asserted (but not denied either: a parse that attaches a clause wrongly must not make up a
  // denial).
  auto predicate_at = [&](int32_t token) -> Predicate* {
    for (Predicate& p : predicates)
      if (static_cast<int32_t>(p.token) == token) return &p;
    return nullptr;
  };
  for (Predicate& predicate : predicates) {
    const std::string_view own = deprel_base(doc.tokens[predicate.token].deprel);
    if (own == "xcomp") predicate.unasserted = true;
    bool coordinated = true;  // every step so far is a coordination
    size_t t = predicate.token;
    for (int guard = 0; guard < 16; ++guard) {
      const std::string_view relation = deprel_base(doc.tokens[t].deprel);
      if (relation != "conj" && relation != "xcomp" && relation != "ccomp" && relation != "csubj")
        break;
      coordinated = coordinated && relation == "conj";
      const int32_t head = doc.tokens[t].head;
      const Predicate* above = head >= 0 ? predicate_at(head) : nullptr;
      if (above == nullptr) break;
      if (above->negation >= 0) {
        predicate.unasserted = !(coordinated && predicate.own_subject);
        break;
      }
      t = static_cast<size_t>(head);
    }
  }
  return predicates;
}

bool share_term(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  return false;
}

}  // namespace

void find_polarity_conflicts(const StoryFrames& story, const std::vector<Alignment>& groups,
                             double min_similarity, std::vector<Conflict>& out) {
  const std::vector<Frame>& frames = story.frames();
  for (const Alignment& group : groups) {
    if (group.frames.size() < 2) continue;
    // Each sentence of the group read once.
    std::vector<std::vector<Predicate>> read;
    for (uint32_t f : group.frames)
      read.push_back(predicates_of(story.doc(frames[f].article), frames[f].span));
    bool found = false;
    for (size_t ni = 0; ni < group.frames.size(); ++ni) {
      if (found) break;
      const Frame& negated = frames[group.frames[ni]];
      const Document& negated_doc = story.doc(negated.article);
      for (const Predicate& denied : read[ni]) {
        if (found || denied.negation < 0) continue;
        for (size_t pi = 0; pi < group.frames.size(); ++pi) {
          const Frame& affirmed = frames[group.frames[pi]];
          if (found || affirmed.source == negated.source) continue;
          if (story.similarity(negated, affirmed) < min_similarity) continue;
          const Document& affirmed_doc = story.doc(affirmed.article);
          // The same predicate, affirmed, about the same thing: its object or complement
          // shares a word, and its subject too when both name one.
          const std::vector<Predicate>& other = read[pi];
          // A sentence that itself denies the predicate too says both; it does not contradict.
          if (std::any_of(other.begin(), other.end(), [&](const Predicate& q) {
                return q.negation >= 0 && q.term == denied.term;
              }))
            continue;
          for (const Predicate& stated : other) {
            if (stated.negation >= 0 || stated.unasserted || stated.term != denied.term ||
                stated.modal != denied.modal)
              continue;
            if (!share_term(stated.rest, denied.rest)) continue;
            if (!stated.subject.empty() && !denied.subject.empty() &&
                !share_term(stated.subject, denied.subject))
              continue;
            Conflict conflict;
            conflict.kind = ConflictKind::kPolarity;
            conflict.explanation =
                "One source denies what another affirms: '" +
                std::string(negated_doc.slice(negated_doc.tokens[denied.negation].span)) + " " +
                std::string(negated_doc.slice(negated_doc.tokens[denied.token].span)) +
                "' in one, '" +
                std::string(affirmed_doc.slice(affirmed_doc.tokens[stated.token].span)) +
                "' in the other.";
            conflict.sides.push_back({clipped(negated_doc.slice(negated.span), 200),
                                      {cite_sentence(negated_doc, negated.sentence)}});
            conflict.sides.push_back({clipped(affirmed_doc.slice(affirmed.span), 200),
                                      {cite_sentence(affirmed_doc, affirmed.sentence)}});
            out.push_back(std::move(conflict));
            found = true;
            break;
          }
        }
      }
    }
  }
}

void find_attribution_conflicts(const StoryFrames& story, std::vector<Conflict>& out) {
  struct Said {
    uint32_t article;
    const Quote* quote;
    std::vector<std::string> words;  // in order
    int32_t actor;
    std::string source;  // the source phrase as written, lower case
  };
  std::vector<Said> said;
  for (uint32_t article = 0; article < story.articles(); ++article) {
    const Document& doc = story.doc(article);
    for (const Quote& quote : doc.quotes) {
      // Only direct quotations whose own sentence names the speaker: a pronoun ("she wrote")
      // or a description resolved elsewhere is a reading, not what the source says.
      if (quote.anonymous || !quote.direct || quote.speaker.empty() || quote.source.empty())
        continue;
      const int32_t actor = story.actor_of_name(quote.speaker);
      if (actor < 0 || story.actor_type(actor) != EntityType::kPerson ||
          story.actor_name(actor).find(' ') == std::string::npos)
        continue;
      std::string source = fold_case(doc.slice(quote.source));
      if (source.find(last_word(story.actor_name(actor))) == std::string::npos) continue;
      std::vector<std::string> words = ordered_words(doc.slice(quote.content));
      if (words.size() < kQuoteMinWords) continue;
      said.push_back({article, &quote, std::move(words), actor, std::move(source)});
    }
  }
  // People named together in one sentence of the story (a spokesman and the person he speaks
  // for, an attorney and a client) may both be given the same words.
  auto named_together = [&](int32_t x, int32_t y) {
    for (const Frame& frame : story.frames())
      if (std::binary_search(frame.actors.begin(), frame.actors.end(), x) &&
          std::binary_search(frame.actors.begin(), frame.actors.end(), y))
        return true;
    return false;
  };
  for (size_t i = 0; i < said.size(); ++i) {
    for (size_t j = i + 1; j < said.size(); ++j) {
      const Said& a = said[i];
      const Said& b = said[j];
      if (a.article == b.article || same_person(story, a.actor, b.actor)) continue;
      // The same words: one run of words covering most of the shorter quotation.
      const size_t shorter = std::min(a.words.size(), b.words.size());
      if (longest_common_run(a.words, b.words) < kQuoteOverlap * static_cast<double>(shorter))
        continue;
      if (a.source.find(last_word(story.actor_name(b.actor))) != std::string::npos ||
          b.source.find(last_word(story.actor_name(a.actor))) != std::string::npos ||
          named_together(a.actor, b.actor))
        continue;
      const Document& da = story.doc(a.article);
      const Document& db = story.doc(b.article);
      Conflict conflict;
      conflict.kind = ConflictKind::kAttribution;
      conflict.explanation = "The same words are credited to " + story.actor_name(a.actor) +
                             " by one source and to " + story.actor_name(b.actor) + " by another.";
      for (const auto& [side, doc] : {std::pair{&a, &da}, std::pair{&b, &db}}) {
        ConflictSide entry;
        entry.claim = story.actor_name(side->actor) + " said '" +
                      clipped(doc->slice(side->quote->content), 160) + "'";
        entry.cites.push_back(make_cite(*doc, side->quote->content));
        entry.cites.push_back(make_cite(*doc, side->quote->source));
        conflict.sides.push_back(std::move(entry));
      }
      out.push_back(std::move(conflict));
    }
  }
}

}  // namespace crosscheck::facts
