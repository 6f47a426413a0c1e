// Polarity and attribution conflicts: an aligned statement negated by one source and affirmed
// by another, and one quotation credited to different speakers.
#include <algorithm>
#include <cctype>
#include <string>

#include "facts/findings.h"

namespace crosscheck::facts {

namespace {

// Similarity above which a negated and an affirmed sentence are one statement read two ways.
constexpr double kPolaritySimilarity = 0.6;
// Quotes sharing this much of the shorter one's words are one quotation.
constexpr double kQuoteOverlap = 0.7;
constexpr size_t kQuoteMinWords = 5;

// Term of the first content word the negation governs ("failed to sign" -> "sign"), looking at
// most four tokens ahead; empty when none.
std::string negated_term(const Document& doc, int cue) {
  for (size_t t = static_cast<size_t>(cue) + 1;
       t < doc.tokens.size() && t <= static_cast<size_t>(cue) + 4; ++t) {
    if (doc.tokens[t].sentence != doc.tokens[cue].sentence) break;
    std::string term = term_of(doc, doc.tokens[t]);
    if (!term.empty()) return term;
  }
  return {};
}

// True when the cue negates a verb phrase ("did not sign", "never met", "failed to", "denied")
// rather than a noun ("no votes", "without him") or nothing ("not only", "whether or not").
bool negates_predicate(const Document& doc, int cue) {
  const std::string& word = doc.tokens[cue].lower;
  const bool verbal = word == "not" || word == "n't" || word == "never" || word == "failed" ||
                      word == "yet" || word == "denied" || word == "refused" ||
                      word == "rejected" || word == "declined";
  if (!verbal) return false;
  if (static_cast<size_t>(cue) + 1 < doc.tokens.size()) {
    const std::string& next = doc.tokens[cue + 1].lower;
    if (next == "only" || next == "just" || next == "even") return false;
  }
  if (cue > 0) {
    const std::string& before = doc.tokens[cue - 1].lower;
    if (before == "or" || before == "if" || before == "whether") return false;
  }
  return true;
}

std::string clipped(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

std::vector<std::string> quote_words(std::string_view text) {
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
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

}  // namespace

void find_polarity_conflicts(const StoryFrames& story, const std::vector<Alignment>& groups,
                             std::vector<Conflict>& out) {
  const std::vector<Frame>& frames = story.frames();
  for (const Alignment& group : groups) {
    if (group.frames.size() < 2) continue;
    bool found = false;
    for (uint32_t n : group.frames) {
      const Frame& negated = frames[n];
      if (negated.negation_token < 0 || found) continue;
      const Document& negated_doc = story.doc(negated.article);
      if (!negates_predicate(negated_doc, negated.negation_token)) continue;
      std::string term = negated_term(negated_doc, negated.negation_token);
      int64_t id = term.empty() ? -1 : story.term_id(term);
      if (id < 0) continue;
      for (uint32_t p : group.frames) {
        const Frame& affirmed = frames[p];
        if (affirmed.negation_token >= 0 || affirmed.source == negated.source) continue;
        if (!std::binary_search(affirmed.terms.begin(), affirmed.terms.end(),
                                static_cast<uint32_t>(id)))
          continue;
        if (shared_count(negated.actors, affirmed.actors) == 0) continue;
        if (story.similarity(negated, affirmed) < kPolaritySimilarity) continue;
        const Document& affirmed_doc = story.doc(affirmed.article);
        Conflict conflict;
        conflict.kind = ConflictKind::kPolarity;
        conflict.explanation =
            "One source denies what another affirms: '" +
            std::string(negated_doc.slice(negated_doc.tokens[negated.negation_token].span)) +
            "' stands before '" + term + "...' in one and not in the other.";
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

void find_attribution_conflicts(const StoryFrames& story, std::vector<Conflict>& out) {
  struct Said {
    uint32_t article;
    const Quote* quote;
    std::vector<std::string> words;
    int32_t actor;
  };
  std::vector<Said> said;
  for (uint32_t article = 0; article < story.articles(); ++article) {
    const Document& doc = story.doc(article);
    for (const Quote& quote : doc.quotes) {
      if (quote.anonymous || quote.speaker.empty()) continue;
      // Only people named in full: "police" and "officials", or a first name cut from its
      // surname, are too vague to say the words were credited to someone else.
      const int32_t actor = story.actor_of_name(quote.speaker);
      if (actor < 0 || story.actor_type(actor) != EntityType::kPerson ||
          story.actor_name(actor).find(' ') == std::string::npos)
        continue;
      std::vector<std::string> words = quote_words(doc.slice(quote.content));
      if (words.size() < kQuoteMinWords) continue;
      said.push_back({article, &quote, std::move(words), story.actor_of_name(quote.speaker)});
    }
  }
  for (size_t i = 0; i < said.size(); ++i) {
    for (size_t j = i + 1; j < said.size(); ++j) {
      const Said& a = said[i];
      const Said& b = said[j];
      if (a.article == b.article) continue;
      size_t shared = shared_count(a.words, b.words);
      if (shared < kQuoteOverlap * std::min(a.words.size(), b.words.size())) continue;
      bool same;
      if (a.actor >= 0 && b.actor >= 0) {
        same = same_person(story, a.actor, b.actor);
      } else {
        std::string x = last_word(a.quote->speaker), y = last_word(b.quote->speaker);
        same = x == y || edit_distance(x, y) <= 2;
      }
      if (same) continue;
      const Document& da = story.doc(a.article);
      const Document& db = story.doc(b.article);
      Conflict conflict;
      conflict.kind = ConflictKind::kAttribution;
      conflict.explanation = "The same words are credited to " + a.quote->speaker +
                             " by one "
                             "source and to " +
                             b.quote->speaker + " by another.";
      for (const auto& [side, doc] : {std::pair{&a, &da}, std::pair{&b, &db}}) {
        ConflictSide entry;
        entry.claim =
            side->quote->speaker + " said '" + clipped(doc->slice(side->quote->content), 160) + "'";
        entry.cites.push_back(make_cite(*doc, side->quote->content));
        Span who = side->quote->source.empty() ? side->quote->cue : side->quote->source;
        if (!who.empty()) entry.cites.push_back(make_cite(*doc, who));
        conflict.sides.push_back(std::move(entry));
      }
      out.push_back(std::move(conflict));
    }
  }
}

}  // namespace crosscheck::facts
