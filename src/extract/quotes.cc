// Quotes: direct quotations in straight or curly marks and indirect speech, each with its cue
// ("said", "according to") and source, following PolNeAR's conventions:
// - the source is the whole noun phrase as written ("one European official", "UK Foreign
//   Secretary David Lammy", "he"); `speaker` is the name it resolves to (pronouns to the last
//   person named before the quote), empty for anonymous or unknown sources;
// - the cue is the reporting verb with its auxiliaries ("has said") or "according to";
// - indirect content is the reported clause including "that" and without the final period.
// Direct content is the text inside the marks (PolNeAR spans also cover the marks themselves:
// widen by the adjacent mark on each side to compare).
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_set>

#include "extract/layers.h"

namespace crosscheck::extract {

namespace {

bool is_cue_verb(std::string_view lower) {
  static const std::unordered_set<std::string_view> kCues = {
      "said",      "says",         "say",        "told",       "tells",     "added",     "adds",
      "wrote",     "writes",       "stated",     "warned",     "warns",     "claimed",   "claims",
      "noted",     "notes",        "explained",  "explains",   "insisted",  "insists",   "argued",
      "argues",    "asked",        "announced",  "announces",  "declared",  "declares",  "stressed",
      "stresses",  "acknowledged", "admitted",   "confirmed",  "confirms",  "denied",    "denies",
      "suggested", "suggests",     "urged",      "urges",      "reported",  "reports",   "tweeted",
      "replied",   "responded",    "recalled",   "saying",     "adding",    "insisting", "warning",
      "telling",   "cautioned",    "emphasised", "emphasized", "predicted", "observed",  "conceded",
      "vowed",     "promised",     "pledged",    "estimated",  "believes",  "believed",  "thinks",
      "agreed",    "posted"};
  return kCues.count(lower) > 0;
}

bool is_that_cue_verb(std::string_view lower) {
  static const std::unordered_set<std::string_view> kCues = {
      "found",        "finds",      "find",       "shows",    "show",      "showed",
      "shown",        "indicated",  "indicates",  "believe",  "think",     "thought",
      "hopes",        "hoped",      "fears",      "feared",   "worries",   "worried",
      "expects",      "expect",     "revealed",   "reveals",  "concluded", "concludes",
      "learned",      "argue",      "insist",     "claim",    "maintains", "maintained",
      "contends",     "contended",  "alleged",    "alleges",  "signaled",  "signalled",
      "acknowledge",  "admit",      "warn",       "predict",  "note",      "demonstrated",
      "demonstrates", "recognized", "recognised", "realized", "realised",  "assured",
      "reminded",     "informed",   "hinted"};
  return kCues.count(lower) > 0;
}

bool is_quote_mark(std::string_view word) {
  return word == "\"" || word == "\u201c" || word == "\u201d" || word == "\u201e";
}

bool is_pronoun(std::string_view lower) {
  return one_of(lower, {"he", "she", "they", "it", "i", "we", "you"});
}

bool is_person_pronoun(std::string_view lower) { return lower == "he" || lower == "she"; }

// Heads of unnamed sources ("a senior diplomat", "officials").
bool is_generic_person_noun(std::string_view lower) {
  static constexpr std::string_view kNouns[] = {
      "official",        "officials",   "diplomat",     "diplomats",  "source",
      "sources",         "aide",        "aides",        "spokesman",  "spokeswoman",
      "spokesperson",    "adviser",     "advisers",     "advisor",    "advisors",
      "officer",         "officers",    "analyst",      "analysts",   "expert",
      "experts",         "insider",     "insiders",     "person",     "people",
      "resident",        "residents",   "witness",      "witnesses",  "member",
      "members",         "minister",    "ministers",    "negotiator", "negotiators",
      "envoy",           "lawmaker",    "lawmakers",    "observers",  "observer",
      "commander",       "commanders",  "staffer",      "staffers",   "representative",
      "representatives", "participant", "participants", "delegate",   "delegates",
      "colleague",       "colleagues",  "figure",       "figures",    "executive",
      "executives",      "employee",    "employees",    "worker",     "workers",
      "soldier",         "soldiers",    "activist",     "activists",  "critics"};
  for (std::string_view noun : kNouns)
    if (noun == lower) return true;
  return false;
}

// Titles that precede a name and are not part of it.
bool is_title_word(std::string_view lower) {
  return one_of(lower,
                {"president",    "minister",    "secretary",  "foreign", "prime",      "chancellor",
                 "spokesman",    "spokeswoman", "general",    "gen.",    "mr",         "mrs",
                 "ms",           "dr",          "mr.",        "mrs.",    "ms.",        "dr.",
                 "sen.",         "rep.",        "senator",    "envoy",   "special",    "defence",
                 "defense",      "deputy",      "chief",      "head",    "ambassador", "gov.",
                 "governor",     "mayor",       "king",       "queen",   "prince",     "pope",
                 "vice",         "state",       "the",        "a",       "an",         "former",
                 "top",          "senior",      "uk",         "us",      "u.s.",       "eu",
                 "rep",          "sen",         "gov",        "gen",     "lt",         "col",
                 "sgt",          "capt",        "prof",       "rev",     "sir",        "dame",
                 "lord",         "lady",        "justice",    "judge",   "attorney",   "director",
                 "commissioner", "chairman",    "chairwoman", "chair",   "leader",     "speaker"});
}

// Words that end a source noun phrase when walking left from a cue.
bool stops_source(const Word& word) {
  if (word.kind == WordKind::kPunct) return word.lower != "-" && word.lower != "&";
  return one_of(word.lower, {"that",  "and",   "but",    "which", "when", "as",     "because",
                             "while", "after", "before", "if",    "so",   "though", "although",
                             "where", "who",   "whom",   "whose", "what", "how",    "why",
                             "said",  "says",  "also",   "has",   "have", "had",    "will",
                             "would", "is",    "was",    "are",   "were", "in",     "on",
                             "at",    "to",    "by",     "with",  "from", "it",     "not",
                             "then",  "since", "or",     "nor",   "yet",  "we",     "they"}) &&
         !is_pronoun(word.lower);
}

struct QuotedSpan {
  size_t open = 0;           // index of the opening mark
  size_t content_first = 0;  // first word inside the marks
  size_t close = 0;          // index of the closing mark (or one past the last content word)
  size_t after = 0;          // first word after the closing mark
};

struct Attribution {
  Span cue;
  Span source;
};

class QuoteScanner {
 public:
  QuoteScanner(const Document& doc, const std::vector<Word>& words)
      : doc_(doc), words_(words), quoted_(words.size(), false) {}

  std::vector<Quote> scan() {
    std::vector<Quote> quotes;
    std::vector<QuotedSpan> spans = find_quoted_spans();
    std::optional<Attribution> previous;
    uint32_t previous_sentence = 0;
    for (const QuotedSpan& span : spans) {
      if (span.close <= span.content_first) continue;
      Quote quote;
      quote.direct = true;
      quote.content = {words_[span.content_first].span.start, words_[span.close - 1].span.end};
      quote.sentence = doc_.sentence_at(quote.content.start);
      std::optional<Attribution> attribution = attribution_after(span);
      if (!attribution) attribution = attribution_before(span);
      if (!attribution) {
        attribution = attribution_in_sentence(span);
        if (attribution) partial_cues_.insert(attribution->cue.start);
      }
      // A quote that continues the previous speaker's words: “A,” he said. “B.”
      if (!attribution && previous && words_[span.open].sentence <= previous_sentence + 1)
        attribution = previous;
      if (!attribution) continue;
      quote.cue = attribution->cue;
      quote.source = attribution->source;
      resolve_speaker(quote);
      previous = attribution;
      previous_sentence = words_[span.close - 1].sentence;
      quotes.push_back(std::move(quote));
    }
    find_indirect(quotes);
    name_pronoun_speakers(quotes, doc_);
    std::sort(quotes.begin(), quotes.end(),
              [](const Quote& a, const Quote& b) { return a.content.start < b.content.start; });
    return quotes;
  }

 private:
  std::string_view lower(size_t i) const {
    return i < words_.size() ? std::string_view(words_[i].lower) : std::string_view();
  }
  bool same_sentence(size_t a, size_t b) const {
    return a < words_.size() && b < words_.size() && words_[a].sentence == words_[b].sentence;
  }

  // Pairs quotation marks within a paragraph. Curly marks pair by direction; a straight mark
  // opens when it is not glued to the word before it. An unclosed quote runs to the end of its
  // paragraph (a quotation that continues in the next paragraph reopens there).
  std::vector<QuotedSpan> find_quoted_spans() {
    std::vector<QuotedSpan> spans;
    std::optional<QuotedSpan> open;
    auto close_at = [&](size_t close, size_t width) {
      open->close = close;
      open->after = close + width;
      spans.push_back(*open);
      for (size_t k = open->open; k < open->after && k < words_.size(); ++k) quoted_[k] = true;
      open.reset();
    };
    for (size_t i = 0; i < words_.size(); ++i) {
      const Word& word = words_[i];
      if (open && word.newline_before) close_at(i, 0);
      // Typewriter double quotes written as two apostrophes or backticks ('' or ``).
      size_t width = 1;
      std::string_view mark = word.lower;
      if ((mark == "'" || mark == "`") && i + 1 < words_.size() && words_[i + 1].lower == mark &&
          !words_[i + 1].space_before) {
        width = 2;
        mark = "\"";
      }
      if (!is_quote_mark(mark)) continue;
      bool straight = mark == "\"";
      bool opening = mark == "\u201c" || mark == "\u201e" ||
                     (straight && !open &&
                      (word.space_before || i == 0 || words_[i - 1].kind == WordKind::kPunct));
      if (mark == "\u201d" || (straight && open)) {
        if (open) close_at(i, width);
      } else if (opening) {
        if (open) close_at(i, 0);  // a new quote starts before the last one closed
        open = QuotedSpan{i, i + width, 0, 0};
      }
      i += width - 1;
    }
    if (open) close_at(words_.size(), 0);
    return spans;
  }

  // Cue span at word c with its auxiliaries ("has said", "had told").
  Span cue_span(size_t c) const {
    if (lower(c) == "according") {
      return {words_[c].span.start, words_[std::min(c + 1, words_.size() - 1)].span.end};
    }
    return {words_[cue_start(c)].span.start, words_[c].span.end};
  }
  // First word of the cue: auxiliaries and adverbs before the verb belong to it ("has
  // repeatedly said", "recently told").
  size_t cue_start(size_t c) const {
    size_t first = c;
    while (first > 0 && same_sentence(first - 1, c) && first + 3 > c) {
      std::string_view word = lower(first - 1);
      bool adverb =
          word.size() > 4 && word.substr(word.size() - 2) == "ly" && !words_[first - 1].capitalized;
      if (!adverb &&
          !one_of(word, {"has", "have", "had", "would", "will", "also", "later", "again"}))
        break;
      --first;
    }
    return first;
  }

  // "these claims", "alarming reports", "his notes": a cue word used as a noun.
  bool reads_as_noun(size_t c) const {
    if (!one_of(lower(c), {"claims", "reports", "notes", "states", "warns", "estimates", "posted",
                           "says", "adds", "asks", "urges", "denies", "believes", "insists",
                           "stresses", "argues", "declares", "announces", "confirms"}))
      return false;
    if (c == 0 || !same_sentence(c - 1, c)) return true;
    std::string_view before = lower(c - 1);
    if (one_of(before, {"the",  "a",   "an",   "these",  "those", "his", "her",   "their",
                        "its",  "our", "such", "of",     "in",    "on",  "about", "by",
                        "with", "for", "new",  "recent", "any",   "no",  "and",   "or"}))
      return true;
    for (std::string_view suffix : {"ing", "ed", "ous"})
      if (before.size() > suffix.size() + 2 &&
          before.substr(before.size() - suffix.size()) == suffix && !words_[c - 1].capitalized)
        return true;
    return false;
  }

  bool is_cue_at(size_t c) const {
    if (c >= words_.size() || quoted_[c]) return false;
    if (lower(c) == "according") return lower(c + 1) == "to";
    if (words_[c].capitalized) return false;
    if (is_cue_verb(lower(c))) return !reads_as_noun(c);
    // Verbs of finding and believing report content only with a that-clause: "a poll found
    // that ...", "she believes that ...".
    return is_that_cue_verb(lower(c)) &&
           (lower(c + 1) == "that" || (lower(c + 2) == "that" && !quoted_[c + 1]));
  }

  // Source noun phrase ending just before word `end` (exclusive), walking left.
  std::optional<Span> source_before(size_t end) const {
    if (end == 0) return std::nullopt;
    size_t first = end;
    size_t limit = end > 10 ? end - 10 : 0;
    while (first > limit) {
      const Word& word = words_[first - 1];
      if (quoted_[first - 1] || !same_sentence(first - 1, end - 1)) break;
      if (word.lower == "." && abbreviation_dot(first - 1)) {
        --first;
        continue;
      }
      if (word.lower == ")") {
        // A parenthesis inside the name: "Sen. Ann Lee (D-Ore.)".
        size_t open = first - 1;
        while (open > limit && lower(open) != "(") --open;
        if (lower(open) != "(" || open == 0) break;
        first = open;
        continue;
      }
      if (stops_source(word)) break;
      --first;
      if (is_pronoun(word.lower)) break;  // "he" is the whole source
    }
    if (first == end) return std::nullopt;
    return Span{words_[first].span.start, words_[end - 1].span.end};
  }

  // Source noun phrase starting at word `start`, walking right: "said one European official".
  std::optional<Span> source_after(size_t start) const {
    size_t last = start;
    while (last < words_.size() && last < start + 10 && !quoted_[last] &&
           ((same_sentence(last, start) && !stops_source(words_[last]) &&
             !one_of(lower(last), {"for", "of"})) ||
            (lower(last) == "." && abbreviation_dot(last))))
      ++last;
    // "for" and "of" continue a source only inside it: "a spokesman for the ministry".
    while (last < words_.size() && last < start + 12 && one_of(lower(last), {"for", "of"}) &&
           same_sentence(last, start)) {
      size_t next = last + 1;
      while (next < words_.size() && next < start + 14 && same_sentence(next, start) &&
             !quoted_[next] && !stops_source(words_[next]) && !one_of(lower(next), {"for", "of"}))
        ++next;
      if (next == last + 1) break;
      last = next;
    }
    if (last == start) return std::nullopt;
    return Span{words_[start].span.start, words_[last - 1].span.end};
  }

  // “...,” he said. / “...,” said X. / “...,” X told reporters. / “...,” Ann Lee, a
  // writer for the paper, said on Twitter.
  std::optional<Attribution> attribution_after(const QuotedSpan& span) const {
    size_t k = span.after;
    if (k < words_.size() && lower(k) == ",") ++k;
    // The cue must sit in the sentence the quotation ends in, not in the next one.
    size_t last_content = span.close - 1;
    size_t closing = std::min(span.close, words_.size() - 1);
    int parenthesis_depth = 0;
    for (size_t c = k; c < words_.size() && c < k + 30; ++c) {
      if (quoted_[c] || is_quote_mark(lower(c))) break;
      // Inside parentheses anything goes: "Rep. Ann Lee (D-Wis.) said".
      if (lower(c) == "(") ++parenthesis_depth;
      if (lower(c) == ")" && parenthesis_depth > 0) --parenthesis_depth;
      if (parenthesis_depth > 0) continue;
      if (!same_sentence(c, last_content) && !same_sentence(c, closing) &&
          !(c > k && lower(c - 1) == ")"))
        break;
      if (c == k && one_of(lower(last_content), {".", "!", "?"}) && words_[c].capitalized &&
          !is_cue_at(c + 1) && !is_cue_at(c + 2) && !is_cue_at(c + 3))
        break;
      if (c > k && words_[c].kind == WordKind::kPunct &&
          !one_of(lower(c), {"-", ",", "(", ")", "&"}) && !(lower(c) == "." && abbreviation_dot(c)))
        break;
      if (!is_cue_at(c)) continue;
      Attribution attribution;
      attribution.cue = cue_span(c);
      size_t before_cue = cue_start(c);
      if (before_cue > k) {
        size_t last = before_cue - 1;
        while (last > k && lower(last) == ",") --last;
        attribution.source = {words_[k].span.start, words_[last].span.end};
      } else {
        size_t after = lower(c) == "according" ? c + 2 : c + 1;
        auto source = source_after(after);
        if (!source) return std::nullopt;
        attribution.source = *source;
      }
      return attribution;
    }
    return std::nullopt;
  }

  // The dot of "Mr.", "Sen." or an initial ("Vann R. Newkirk"), which does not end a phrase.
  bool abbreviation_dot(size_t dot) const {
    if (dot == 0 || words_[dot].space_before) return false;
    const Word& before = words_[dot - 1];
    if (before.kind != WordKind::kWord) return false;
    if (before.lower.size() == 1 && before.capitalized) return true;
    return one_of(before.lower,
                  {"mr", "mrs", "ms",  "dr",   "sen", "rep",  "gov", "gen", "st",   "jr",
                   "lt", "col", "sgt", "prof", "rev", "capt", "maj", "adm", "pres", "sr"});
  }

  // X said: “...” / X told reporters, “...”
  std::optional<Attribution> attribution_before(const QuotedSpan& span) const {
    if (span.open == 0) return std::nullopt;
    size_t k = span.open;
    if (k > 0 && one_of(lower(k - 1), {":", ","})) --k;
    for (size_t c = k; c > 0 && c + 4 > k;) {
      --c;
      if (!same_sentence(c, span.open) && !(words_[span.open].newline_before == false)) break;
      if (quoted_[c]) break;
      if (!is_cue_at(c)) continue;
      // Only a cue that introduces the quotation: right before it, or separated by ":" or ","
      // ("said: “", "told reporters, “"). "said that “...”" and "said Ann's “...”" quote part
      // of a reported clause.
      bool introduces = c + 1 == span.open || k < span.open;
      if (!introduces) return std::nullopt;
      Attribution attribution;
      attribution.cue = cue_span(c);
      auto source = source_before(cue_start(c));
      if (!source) source = source_after(c + 1);
      if (!source) return std::nullopt;
      attribution.source = *source;
      return attribution;
    }
    return std::nullopt;
  }

  // A partial quote inside reported speech: Lammy said the talks put “pressure” on Russia.
  std::optional<Attribution> attribution_in_sentence(const QuotedSpan& span) const {
    for (size_t c = span.open; c > 0;) {
      --c;
      if (!same_sentence(c, span.open)) break;
      if (!is_cue_at(c)) continue;
      Attribution attribution;
      attribution.cue = cue_span(c);
      auto source = source_before(cue_start(c));
      if (!source) return std::nullopt;
      attribution.source = *source;
      return attribution;
    }
    return std::nullopt;
  }

  // "X said (that) ...", "..., X said.", "According to X, ...", "..., according to X."
  void find_indirect(std::vector<Quote>& quotes) {
    std::vector<Span> used_cues;
    // A partial quotation inside reported speech leaves the cue free for the reported clause.
    for (const Quote& quote : quotes)
      if (!partial_cues_.count(quote.cue.start)) used_cues.push_back(quote.cue);
    for (size_t c = 0; c < words_.size(); ++c) {
      if (!is_cue_at(c)) continue;
      Span cue = cue_span(c);
      bool used = std::any_of(used_cues.begin(), used_cues.end(),
                              [&](const Span& span) { return span.overlaps(cue); });
      if (used) continue;
      size_t sentence_first = c, sentence_last = c;
      while (sentence_first > 0 && same_sentence(sentence_first - 1, c)) --sentence_first;
      while (sentence_last + 1 < words_.size() && same_sentence(sentence_last + 1, c))
        ++sentence_last;
      // Drop the closing period from the clause.
      size_t clause_last = sentence_last;
      while (clause_last > c && words_[clause_last].kind == WordKind::kPunct &&
             !is_quote_mark(lower(clause_last)))
        --clause_last;

      // A later cue in the same sentence ends this clause: "X said ..., according to Y."
      // So does a trailing attribution: "X told police that ..., the source added."
      for (size_t later = c + 2; later < clause_last; ++later) {
        if (lower(later) != ",") continue;
        bool cue_follows = false;
        for (size_t probe = later + 1; probe <= clause_last && probe < later + 6; ++probe) {
          if (words_[probe].kind == WordKind::kPunct) break;
          if (is_cue_at(probe)) cue_follows = true;
        }
        if (cue_follows) {
          clause_last = later - 1;
          break;
        }
      }
      Quote quote;
      quote.direct = false;
      quote.cue = cue;
      quote.sentence = doc_.sentence_at(cue.start);
      if (lower(c) == "according") {
        auto source = source_after(c + 2);
        if (!source) continue;
        quote.source = *source;
        size_t source_end = c + 2;
        while (source_end < words_.size() && words_[source_end].span.end <= source->end)
          ++source_end;
        if (c > sentence_first + 1 && lower(c - 1) == ",") {
          quote.content = {words_[sentence_first].span.start, words_[c - 2].span.end};
        } else if (lower(source_end) == "," && source_end < clause_last) {
          quote.content = {words_[source_end + 1].span.start, words_[clause_last].span.end};
        } else {
          continue;
        }
      } else {
        size_t start = cue_start(c);
        auto source = source_before(start);
        bool source_after_cue = false;
        if (!source && start > sentence_first + 1 && lower(start - 1) == ",") {
          // "X, the party's chairman, said that ...": a name with an apposition.
          auto apposition = source_before(start - 1);
          if (apposition && apposition->start > words_[sentence_first].span.start) {
            size_t comma = word_index_at(apposition->start);
            if (comma > sentence_first && lower(comma - 1) == ",") {
              if (auto name = source_before(comma - 1);
                  name && name->start == words_[sentence_first].span.start)
                source = Span{name->start, apposition->end};
            }
          }
        }
        if (!source && start > sentence_first && lower(start - 1) == ",") {
          // "..., said one official." The source phrase ends the sentence or the clause.
          source = source_after(c + 1);
          if (source) {
            size_t after = word_index_at(source->end);
            if (after < words_.size() && !one_of(lower(after), {".", ",", ";", "!", "?"}) &&
                same_sentence(after, c))
              source.reset();
          }
          source_after_cue = true;
        }
        if (!source) continue;
        quote.source = *source;
        size_t source_first = start;
        while (source_first > sentence_first &&
               words_[source_first - 1].span.start >= source->start)
          --source_first;
        if (!source_after_cue && source_first > sentence_first + 1 &&
            lower(source_first - 1) == ",") {
          // "The talks will continue, officials said." -- unless a clause follows the cue, and
          // what precedes the comma is only an adverbial ("Ahead of the talks, X said ...").
          bool clause_follows = clause_last > c + 4 || (c < clause_last && lower(c + 1) == "that");
          if (!clause_follows) {
            quote.content = {words_[sentence_first].span.start, words_[source_first - 2].span.end};
          } else if (!fill_content_after_cue(quote, c, clause_last)) {
            continue;
          }
        } else if (source_after_cue) {
          quote.content = {words_[sentence_first].span.start, words_[start - 2].span.end};
        } else if (!fill_content_after_cue(quote, c, clause_last)) {
          continue;
        }
      }
      if (quote.content.empty() || quote.content.overlaps(quote.source)) continue;
      bool overlaps_other = std::any_of(quotes.begin(), quotes.end(), [&](const Quote& other) {
        return other.cue.overlaps(quote.content) || other.source.overlaps(quote.content);
      });
      if (overlaps_other) continue;
      resolve_speaker(quote);
      used_cues.push_back(cue);
      quotes.push_back(std::move(quote));
    }
  }

  // Index of the first word starting at or after `offset`.
  size_t word_index_at(uint32_t offset) const { return first_word_at(words_, offset); }

  // Content after the cue at `c` up to `clause_last`: skips the addressee of "told" and a
  // short phrase before "that" ("said in a statement that"). False when no clause follows.
  bool fill_content_after_cue(Quote& quote, size_t c, size_t clause_last) const {
    size_t k = c + 1;
    if (one_of(lower(c), {"told", "tells", "telling"})) {
      while (k <= clause_last && !one_of(lower(k), {"that", ",", ":"}) && k < c + 5) ++k;
    }
    // "said in a statement that", "said Friday that", "told CNN on Monday that"
    for (size_t probe = k; probe <= clause_last && probe < k + 6; ++probe) {
      if (lower(probe) == "that") {
        k = probe;
        break;
      }
      if (quoted_[probe] || (words_[probe].kind == WordKind::kPunct && lower(probe) != ",")) break;
    }
    if (lower(k) == ",") ++k;
    if (k > clause_last || clause_last - k < 2) return false;
    if (is_quote_mark(lower(k)) || words_[k].kind == WordKind::kPunct || quoted_[k]) return false;
    // A noun object rather than a clause ("said nothing") is not speech content.
    if (lower(k) != "that" && is_function_word(lower(k)) &&
        !one_of(lower(k), {"the", "a", "an", "he", "she", "it", "they", "we", "there", "this",
                           "his", "her", "their", "its", "no", "some", "all", "more"}))
      return false;
    quote.content = {words_[k].span.start, words_[clause_last].span.end};
    return true;
  }

  // Fills speaker and anonymous from the source span.
  void resolve_speaker(Quote& quote) const {
    std::string_view source = doc_.slice(quote.source);
    std::string source_lower;
    for (char c : source) source_lower.push_back(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    // Named in the source.
    const Mention* named = nullptr;
    for (const Mention& mention : doc_.mentions) {
      if (mention.span.start >= quote.source.end) break;
      if (!quote.source.contains(mention.span)) continue;
      if (!named || (mention.type == EntityType::kPerson && named->type != EntityType::kPerson))
        named = &mention;
    }
    if (named) {
      quote.speaker = full_name(*named);
      return;
    }
    if (is_pronoun(source_lower)) {
      if (is_person_pronoun(source_lower) || source_lower == "i") {
        // Without an entity layer, name_pronoun_speakers fills it from the quotes around.
        if (const Mention* last = last_person_before(quote.source.start))
          quote.speaker = full_name(*last);
      }
      return;
    }
    // Head of the source phrase: its last word before any "of"/"for" complement
    // ("a spokesman for the ministry", "the involvement of advisers").
    std::string_view phrase = source_lower;
    for (std::string_view complement : {" of ", " for ", " with ", " from ", ",", " ("})
      if (size_t at = phrase.find(complement); at != std::string_view::npos)
        phrase = phrase.substr(0, at);
    size_t head_end = phrase.find_last_not_of(" .,");
    std::string_view head = phrase.substr(0, head_end == std::string_view::npos ? 0 : head_end + 1);
    std::string_view determiner = head.substr(0, head.find(' '));
    if (size_t space = head.find_last_of(' '); space != std::string_view::npos)
      head = head.substr(space + 1);
    // Unnamed means indefinite ("one official", "a senior diplomat", "several aides") or a bare
    // plural ("officials"); "the US envoy" or "Russia's negotiator" point at one known person.
    bool indefinite =
        one_of(determiner, {"a", "an", "one", "some", "several", "two", "three", "four", "many",
                            "other", "another", "senior", "western", "european", "top"}) ||
        (determiner == head && head.size() > 1 && head.back() == 's') ||
        (determiner != "the" && determiner.find('\'') == std::string_view::npos &&
         head.size() > 1 && head.back() == 's' && determiner != head &&
         !one_of(determiner,
                 {"his", "her", "their", "its", "our", "this", "that", "these", "those"}));
    if (is_generic_person_noun(head) && indefinite) {
      quote.anonymous = true;
      return;
    }
    // No entity layer: a name only when the head of the source is capitalised ("Ukrainian
    // authorities" and "Russia's top negotiator" name no one).
    size_t head_at = static_cast<size_t>(head.data() - source_lower.data());
    if (head_at >= source.size() || !(source[head_at] >= 'A' && source[head_at] <= 'Z')) return;
    quote.speaker = capitalised_name(quote.source);
  }

  // Pronoun sources with no entity layer to resolve them take the last named speaker before
  // them in the text.
  static void name_pronoun_speakers(std::vector<Quote>& quotes, const Document& doc) {
    if (!doc.mentions.empty()) return;
    std::vector<Quote*> by_source;
    for (Quote& quote : quotes) by_source.push_back(&quote);
    std::sort(by_source.begin(), by_source.end(),
              [](const Quote* a, const Quote* b) { return a->source.start < b->source.start; });
    std::string last_name;
    for (Quote* quote : by_source) {
      std::string source;
      for (char c : doc.slice(quote->source))
        source.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      if (is_person_pronoun(source) || source == "i") {
        if (quote->speaker.empty()) quote->speaker = last_name;
      } else if (!quote->speaker.empty() && !quote->anonymous) {
        last_name = quote->speaker;
      }
    }
  }

  std::string full_name(const Mention& mention) const {
    std::string name(doc_.slice(mention.span));
    if (mention.type != EntityType::kPerson || name.find(' ') != std::string::npos) return name;
    // A surname alone: the fuller form named earlier ("Lammy" -> "David Lammy").
    for (const Mention& earlier : doc_.mentions) {
      if (earlier.span.start >= mention.span.start) break;
      if (earlier.type != EntityType::kPerson) continue;
      std::string_view text = doc_.slice(earlier.span);
      if (text.size() > name.size() + 1 && text.substr(text.size() - name.size()) == name &&
          text[text.size() - name.size() - 1] == ' ')
        return std::string(text);
    }
    return name;
  }

  const Mention* last_person_before(uint32_t offset) const {
    const Mention* last = nullptr;
    for (const Mention& mention : doc_.mentions) {
      if (mention.span.start >= offset) break;
      if (mention.type == EntityType::kPerson) last = &mention;
    }
    return last;
  }

  // The longest run of capitalised words in the source, titles and parentheses left out
  // ("Rep. Ann Lee (D-Wis.)" -> "Ann Lee").
  std::string capitalised_name(Span source) const {
    size_t i = word_index_at(source.start);
    Span best;
    size_t best_words = 0, run_start = SIZE_MAX, run_words = 0;
    int depth = 0;
    for (; i <= words_.size(); ++i) {
      bool inside = i < words_.size() && words_[i].span.end <= source.end;
      if (inside && words_[i].lower == "(") ++depth;
      if (inside && words_[i].lower == ")" && depth > 0) --depth;
      bool name_word = inside && depth == 0 && words_[i].capitalized &&
                       words_[i].kind == WordKind::kWord && !is_title_word(words_[i].lower);
      // "R." in "Vann R. Newkirk", the hyphen in "Jean-Noel"
      bool dot_in_name = inside && depth == 0 && run_start != SIZE_MAX &&
                         ((words_[i].lower == "." && words_[i - 1].lower.size() == 1) ||
                          (words_[i].lower == "-" && !words_[i].space_before));
      if (name_word && run_start == SIZE_MAX) run_start = i;
      if (name_word) ++run_words;
      if (!name_word && !dot_in_name && run_start != SIZE_MAX) {
        if (run_words >= best_words) {
          best = {words_[run_start].span.start, words_[i - 1].span.end};
          best_words = run_words;
        }
        run_start = SIZE_MAX;
        run_words = 0;
      }
      if (!inside) break;
    }
    return std::string(doc_.slice(best));
  }

  const Document& doc_;
  const std::vector<Word>& words_;
  std::vector<bool> quoted_;
  std::set<uint32_t> partial_cues_;
};

}  // namespace

void find_quotes(Document& doc) {
  std::vector<Word> words = scan_words(doc);
  doc.quotes = QuoteScanner(doc, words).scan();
}

}  // namespace crosscheck::extract

namespace crosscheck {

namespace {

// Length of the quotation mark ending just before `end` / starting at `start`, 0 when none.
size_t mark_before(std::string_view text, size_t end) {
  for (std::string_view mark : {"''", "``", "\"", "\u201c", "\u201d", "\u201e"})
    if (end >= mark.size() && text.substr(end - mark.size(), mark.size()) == mark)
      return mark.size();
  return 0;
}
size_t mark_after(std::string_view text, size_t start) {
  for (std::string_view mark : {"''", "``", "\"", "\u201c", "\u201d", "\u201e"})
    if (text.substr(start, mark.size()) == mark) return mark.size();
  return 0;
}

}  // namespace

std::vector<RoleSpan> attribution_spans(const Document& doc) {
  std::vector<RoleSpan> spans;
  for (const Quote& quote : doc.quotes) {
    Span content = quote.content;
    if (quote.direct && !content.empty() && content.end <= doc.text.size()) {
      content.start -= static_cast<uint32_t>(mark_before(doc.text, content.start));
      content.end += static_cast<uint32_t>(mark_after(doc.text, content.end));
    }
    for (RoleSpan span :
         {RoleSpan{AttributionRole::kSource, quote.source},
          RoleSpan{AttributionRole::kCue, quote.cue}, RoleSpan{AttributionRole::kContent, content}})
      if (!span.span.empty()) spans.push_back(span);
  }
  std::sort(spans.begin(), spans.end(), [](const RoleSpan& a, const RoleSpan& b) {
    return std::tie(a.span.start, a.span.end, a.role) < std::tie(b.span.start, b.span.end, b.role);
  });
  spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
  return spans;
}

}  // namespace crosscheck
