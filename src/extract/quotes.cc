// Quotes: the tagger's source, cue and content spans (quotes_model.h) linked into attributions,
// and each source resolved to a speaker.
//
// Linking: a content span takes the nearest cue whose sentence lies within one sentence of it;
// a cue takes the nearest source span of its own sentence, else (with the syntax layer) the
// subject of the cue verb, the agent of a passive or the object of "according to".
// Speakers (the rule the tests state): a name inside the source names the speaker; a personal
// pronoun takes the nearest person named before it in its own or the previous sentence
// (a named speaker of an earlier quote counts), and stays unattributed otherwise; an
// indefinite description ("one European official", "sources") is anonymous; a definite one
// ("the spokesman") takes the person an earlier mention gives that role, else stays
// unattributed. A quote whose content has no cue keeps no speaker: it is never guessed from a
// nearby name.
#include <algorithm>
#include <optional>
#include <tuple>

#include "core/ud.h"
#include "extract/layers.h"
#include "extract/quotes_model.h"

namespace crosscheck::extract {

namespace {

bool is_mark(std::string_view lower) {
  return lower == "\"" || lower == "\u201c" || lower == "\u201d" || lower == "\u201e" ||
         lower == "``" || lower == "''";
}

// Personal pronouns that can stand for a named speaker.
bool is_personal_pronoun(std::string_view lower) {
  return one_of(lower, {"he", "she", "i", "we", "they"});
}

// Determiners and quantifiers that make a description indefinite: nobody in particular is named.
bool is_indefinite_determiner(std::string_view lower) {
  return one_of(lower, {"a", "an", "one", "some", "several", "many", "two", "three", "four", "few",
                        "other", "another", "multiple", "numerous", "most", "all"});
}

// Definite and possessive determiners: the description points at particular people.
bool is_definite_determiner(std::string_view lower) {
  return one_of(lower, {"the", "this", "that", "these", "those", "his", "her", "their", "its",
                        "our", "my", "your"});
}

class QuoteLinker {
 public:
  explicit QuoteLinker(const Document& doc) : doc_(doc) {}

  std::vector<Quote> link(const std::vector<RoleSpan>& spans) {
    std::vector<Span> sources, cues, contents;
    for (const RoleSpan& span : spans) {
      if (span.role == AttributionRole::kSource) sources.push_back(span.span);
      if (span.role == AttributionRole::kCue) cues.push_back(span.span);
      if (span.role == AttributionRole::kContent) contents.push_back(span.span);
    }
    std::vector<Quote> quotes;
    for (const Span& content : contents) {
      Quote quote;
      quote.content = content;
      quote.sentence = doc_.sentence_at(content.start);
      if (std::optional<Span> cue = nearest(cues, content, 1)) {
        quote.cue = *cue;
        if (std::optional<Span> source = nearest(sources, *cue, 0)) {
          quote.source = *source;
        } else if (std::optional<Span> source = source_from_tree(*cue)) {
          if (!source->overlaps(content)) quote.source = *source;
        }
      }
      strip_marks(quote);
      quotes.push_back(std::move(quote));
    }
    return quotes;
  }

  // The source the dependency tree gives the cue: nsubj of the cue verb, obl:agent of a
  // passive, or the noun "according to" attaches to. nullopt without the syntax layer.
  std::optional<Span> source_from_tree(Span cue) const {
    const auto& tokens = doc_.tokens;
    for (size_t i = first_token_at(cue.start); i < tokens.size() && tokens[i].span.end <= cue.end;
         ++i) {
      if (tokens[i].upos == Upos::kNone) return std::nullopt;
      if (tokens[i].lower == "according") {
        int32_t head = tokens[i].head;
        if (head >= 0 && static_cast<size_t>(head) < tokens.size() &&
            !cue.contains(tokens[static_cast<size_t>(head)].span))
          return subtree_span(static_cast<size_t>(head), cue);
        continue;
      }
      for (size_t j = 0; j < tokens.size(); ++j) {
        if (tokens[j].head != static_cast<int32_t>(i)) continue;
        std::string_view relation = deprel_name(tokens[j].deprel);
        if (relation == "nsubj" || relation == "obl:agent") return subtree_span(j, cue);
      }
    }
    return std::nullopt;
  }

 private:
  size_t first_token_at(uint32_t offset) const {
    const auto& tokens = doc_.tokens;
    return static_cast<size_t>(
        std::lower_bound(tokens.begin(), tokens.end(), offset,
                         [](const Token& t, uint32_t at) { return t.span.end <= at; }) -
        tokens.begin());
  }

  // Span of the token's subtree outside `cue`, without a leading "by", "to" or punctuation.
  Span subtree_span(size_t root, Span cue) const {
    const auto& tokens = doc_.tokens;
    size_t first = root, last = root;
    for (size_t j = 0; j < tokens.size(); ++j) {
      if (tokens[j].sentence != tokens[root].sentence || cue.overlaps(tokens[j].span)) continue;
      size_t k = j;
      for (int depth = 0; depth < 64 && k != root && tokens[k].head >= 0; ++depth)
        k = static_cast<size_t>(tokens[k].head);
      if (k != root) continue;
      first = std::min(first, j);
      last = std::max(last, j);
    }
    while (first < root &&
           (deprel_base(tokens[first].deprel) == "case" || tokens[first].upos == Upos::kPunct))
      ++first;
    while (last > root && tokens[last].upos == Upos::kPunct) --last;
    return {tokens[first].span.start, tokens[last].span.end};
  }

  uint32_t sentence_gap(Span a, Span b) const {
    uint32_t sa = doc_.sentence_at(a.start), ea = doc_.sentence_at(a.end ? a.end - 1 : 0);
    uint32_t sb = doc_.sentence_at(b.start), eb = doc_.sentence_at(b.end ? b.end - 1 : 0);
    if (eb < sa) return sa - eb;
    if (ea < sb) return sb - ea;
    return 0;
  }

  // The span of `candidates` nearest to `anchor` (byte gap) within `max_sentences` sentences.
  std::optional<Span> nearest(const std::vector<Span>& candidates, Span anchor,
                              uint32_t max_sentences) const {
    std::optional<Span> best;
    uint32_t best_gap = UINT32_MAX;
    for (const Span& candidate : candidates) {
      if (sentence_gap(candidate, anchor) > max_sentences) continue;
      uint32_t gap = candidate.end <= anchor.start   ? anchor.start - candidate.end
                     : anchor.end <= candidate.start ? candidate.start - anchor.end
                                                     : 0;
      if (gap < best_gap) {
        best_gap = gap;
        best = candidate;
      }
    }
    return best;
  }

  // A content span in quotation marks is a direct quote; the Quote keeps the words inside.
  void strip_marks(Quote& quote) const {
    size_t first = first_token_at(quote.content.start);
    size_t last = first;
    const auto& tokens = doc_.tokens;
    while (last + 1 < tokens.size() && tokens[last + 1].span.end <= quote.content.end) ++last;
    if (first >= tokens.size() || last <= first + 1) {
      quote.direct = false;
      return;
    }
    bool opens = is_mark(tokens[first].lower) && tokens[first].span.start == quote.content.start;
    bool closes = is_mark(tokens[last].lower) && tokens[last].span.end == quote.content.end;
    quote.direct = opens && closes;
    if (!quote.direct) return;
    quote.content = {tokens[first + 1].span.start, tokens[last - 1].span.end};
  }

  const Document& doc_;
};

class SpeakerResolver {
 public:
  explicit SpeakerResolver(const Document& doc) : doc_(doc) {}

  // Resolves quotes in text order, so a pronoun can take an earlier quote's named speaker.
  void resolve(std::vector<Quote>& quotes) {
    std::vector<size_t> order(quotes.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return quotes[a].source.start < quotes[b].source.start; });
    for (size_t i : order) {
      Quote& quote = quotes[i];
      if (quote.source.empty()) continue;
      resolve_one(quote);
      if (!quote.speaker.empty() && !quote.anonymous)
        named_sources_.push_back({quote.source, quote.speaker});
    }
  }

 private:
  void resolve_one(Quote& quote) const {
    if (const Mention* named = name_in(quote.source)) {
      quote.speaker = full_name(*named);
      return;
    }
    std::vector<const Token*> words = tokens_in(quote.source);
    if (words.empty()) return;
    if (words.size() == 1 && is_personal_pronoun(words[0]->lower)) {
      quote.speaker = antecedent(quote.source.start);
      return;
    }
    if (is_indefinite(words)) {
      quote.anonymous = true;
      return;
    }
    quote.speaker = holder_of_role(words, quote.source.start);
  }

  // A person (preferred) or organisation mention inside `source`; nationality words (kMisc)
  // are no speaker ("one European official" names nobody).
  const Mention* name_in(Span source) const {
    const Mention* named = nullptr;
    for (const Mention& mention : doc_.mentions) {
      if (mention.span.start >= source.end) break;
      if (!source.contains(mention.span) || mention.type == EntityType::kMisc) continue;
      if (!named || (mention.type == EntityType::kPerson && named->type != EntityType::kPerson))
        named = &mention;
    }
    return named;
  }

  std::vector<const Token*> tokens_in(Span span) const {
    std::vector<const Token*> out;
    auto first = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), span.start,
                                  [](const Token& t, uint32_t at) { return t.span.start < at; });
    for (auto it = first; it != doc_.tokens.end() && it->span.start < span.end; ++it)
      if (span.contains(it->span)) out.push_back(&*it);
    return out;
  }

  // Indefinite determiner first ("one official"), or a plural head without a definite or
  // possessive determiner ("sources", "senior officials"). The head is the last word before a
  // complement ("of", "for", ","). A capitalised head inside the sentence is a name.
  bool is_indefinite(const std::vector<const Token*>& words) const {
    if (is_indefinite_determiner(words[0]->lower)) return true;
    size_t head = 0;
    while (head + 1 < words.size() && words[head + 1]->shape == TokenShape::kWord &&
           !one_of(words[head + 1]->lower, {"of", "for", "with", "from", "at", "in", "close"}))
      ++head;
    const Token& noun = *words[head];
    bool sentence_initial = &noun == &doc_.tokens.front() || (&noun)[-1].sentence != noun.sentence;
    if (noun.capitalized && !sentence_initial) return false;
    bool plural = noun.morph.number == GrammaticalNumber::kPlur ||
                  (noun.upos == Upos::kNone && noun.lower.size() > 3 && noun.lower.back() == 's');
    bool definite = false;
    for (size_t i = 0; i < head; ++i)
      definite |= is_definite_determiner(words[i]->lower) || words[i]->lower == "'s" ||
                  words[i]->lower == "\u2019s";
    return plural && !definite;
  }

  // "the spokesman": the person an earlier mention gives a role containing the head word.
  std::string holder_of_role(const std::vector<const Token*>& words, uint32_t before) const {
    if (words[0]->lower != "the" || words.size() < 2) return {};
    std::string_view head = words.back()->lower;
    for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend(); ++it) {
      if (it->span.start >= before || it->type != EntityType::kPerson || it->role.empty()) continue;
      std::string role;
      for (char c : it->role) role.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      if (role.find(head) != std::string::npos) return full_name(*it);
    }
    return {};
  }

  // The nearest person named before `offset` in its own or the previous sentence: a person
  // mention or an earlier quote's named source, whichever is later.
  std::string antecedent(uint32_t offset) const {
    uint32_t sentence = doc_.sentence_at(offset);
    uint32_t earliest = sentence > 0 ? sentence - 1 : 0;
    const Mention* person = nullptr;
    for (const Mention& mention : doc_.mentions) {
      if (mention.span.start >= offset) break;
      if (mention.type == EntityType::kPerson && doc_.sentence_at(mention.span.start) >= earliest)
        person = &mention;
    }
    const std::pair<Span, std::string>* quoted = nullptr;
    for (const auto& named : named_sources_)
      if (named.first.start < offset && doc_.sentence_at(named.first.start) >= earliest)
        quoted = &named;
    if (quoted && (!person || quoted->first.start > person->span.start)) return quoted->second;
    return person ? full_name(*person) : std::string();
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

  const Document& doc_;
  std::vector<std::pair<Span, std::string>> named_sources_;
};

}  // namespace

void find_quotes(Document& doc, const QuoteModel& model) {
  doc.quotes.clear();
  if (doc.tokens.empty() || model.empty()) return;
  doc.quotes = quotes_from_spans(doc, spans_from_labels(doc, model.tag(doc)));
}

std::vector<Quote> quotes_from_spans(const Document& doc, const std::vector<RoleSpan>& spans) {
  std::vector<Quote> quotes = QuoteLinker(doc).link(spans);
  SpeakerResolver(doc).resolve(quotes);
  std::sort(quotes.begin(), quotes.end(),
            [](const Quote& a, const Quote& b) { return a.content.start < b.content.start; });
  return quotes;
}

std::optional<Span> source_from_tree(const Document& doc, Span cue) {
  return QuoteLinker(doc).source_from_tree(cue);
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
