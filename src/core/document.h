// The Document: one article, its text stored once, and every annotation as a byte span into it.
//
// Ingest creates a Document with normalised UTF-8 `text` and metadata; after that the text is
// never rewritten. Later stages add layers (sentences, tokens, mentions, time expressions,
// quantities, quotes). Every annotation is a `Span` of byte offsets into `text`, so anything
// shown in a report can be cited as (article, sentence, start, end) and checked by slicing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

// Half-open byte range [start, end) into Document::text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  uint32_t size() const { return end > start ? end - start : 0; }
  bool empty() const { return end <= start; }
  bool contains(const Span& other) const { return start <= other.start && other.end <= end; }
  bool overlaps(const Span& other) const { return start < other.end && other.start < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

struct Sentence {
  Span span;
};

enum class TokenShape : uint8_t { kWord, kNumber, kPunct, kSymbol };

// ---- Syntax layer (UD v2), filled by the syntax stage (src/syntax/syntax.h) ----
// Tables of names and conversions are in core/ud.h. Every field keeps its default on a token
// that was not parsed (non-English sentence, syntax stage not run).

// Universal part-of-speech tag; kNone when the token was not tagged.
enum class Upos : uint8_t {
  kNone,
  kAdj,
  kAdp,
  kAdv,
  kAux,
  kCconj,
  kDet,
  kIntj,
  kNoun,
  kNum,
  kPart,
  kPron,
  kPropn,
  kPunct,
  kSconj,
  kSym,
  kVerb,
  kX
};

enum class Tense : uint8_t { kNone, kPast, kPres, kFut };
enum class VerbForm : uint8_t { kNone, kFin, kInf, kPart, kGer };
enum class Mood : uint8_t { kNone, kInd, kImp, kSub, kCnd };
enum class GrammaticalNumber : uint8_t { kNone, kSing, kPlur };
enum class Voice : uint8_t { kNone, kAct, kPass };

// The morphological features crosscheck reads (a subset of UD FEATS).
struct Morph {
  Tense tense = Tense::kNone;
  VerbForm verb_form = VerbForm::kNone;
  Mood mood = Mood::kNone;
  GrammaticalNumber number = GrammaticalNumber::kNone;
  Voice voice = Voice::kNone;
  uint8_t person = 0;     // 1, 2, 3; 0 when absent
  bool negative = false;  // Polarity=Neg ("not", "n't", "no")
  friend bool operator==(const Morph&, const Morph&) = default;
};

struct Token {
  Span span;
  uint32_t sentence = 0;  // index into Document::sentences
  TokenShape shape = TokenShape::kWord;
  bool capitalized = false;  // first letter upper case
  bool all_caps = false;     // every letter upper case and at least two letters
  std::string lower;         // case-folded form
  std::string stem;          // Snowball stem of `lower` (empty for non-words)

  // Syntax layer (see above). `head` is an index into Document::tokens of this token's
  // syntactic head, -1 for the root of its sentence or when not parsed; heads never leave the
  // token's sentence. `xpos` and `deprel` index the tables `xpos_tag_name()` and
  // `deprel_name()` of core/ud.h (0 = none). `lemma` is empty when not lemmatised.
  Upos upos = Upos::kNone;
  uint8_t xpos = 0;
  uint8_t deprel = 0;
  Morph morph;
  int32_t head = -1;
  std::string lemma;
};

enum class EntityType : uint8_t { kPerson, kOrganization, kPlace, kMisc };

// A name in the text: "UK Foreign Secretary David Lammy" gives a kPerson mention over
// "David Lammy" with role "Foreign Secretary" and role_qualifier "UK".
struct Mention {
  Span span;
  uint32_t sentence = 0;
  EntityType type = EntityType::kMisc;
  std::string key;             // normalised name used to link aliases ("david lammy")
  std::string role;            // title or apposition role, empty when none ("Foreign Secretary")
  std::string role_qualifier;  // country, organisation or leader the role belongs to ("UK")
  Span role_span;              // where the role is written, empty when none
  double confidence = 1.0;
};

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };

// How coarse a time value is, so that a day is never compared with a month as if both were
// days. kNone for durations, sets and references ("PAST_REF").
enum class TimeGranularity : uint8_t {
  kNone,
  kTime,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kSeason,
  kHalf,
  kYear,
  kDecade,
  kCentury
};

// A time expression with its TIMEX3-style normalised value ("2025-04-17", "2025-W16", "P3Y",
// "PAST_REF"). `anchored_to` says what a relative expression was resolved against.
struct Timex {
  Span span;
  uint32_t sentence = 0;
  TimexType type = TimexType::kDate;
  std::string value;
  std::string anchored_to;    // "absolute", "publication", "story", "unresolved"
  int weekday = -1;           // 0 = Monday .. 6 = Sunday when the text names a weekday, else -1
  std::string explicit_date;  // YYYY-MM-DD written out in the text itself, else empty
  TimeGranularity granularity = TimeGranularity::kNone;
  // The calendar days the value covers, inclusive, YYYY-MM-DD ("2025-04" -> 2025-04-01 ..
  // 2025-04-30; "2025-W16" -> 2025-04-14 .. 2025-04-20); empty when the value is not a resolved
  // calendar span (durations, sets, references, "XXXX-WXX-5").
  std::string first_day, last_day;
};

enum class Bound : uint8_t { kExact, kAtLeast, kAtMost, kMoreThan, kLessThan, kAbout };

// A number with what it counts: "killed at least 35 people" gives value 35, bound kAtLeast,
// noun "people", event "killed".
struct Quantity {
  Span span;  // the number expression as written ("at least 35")
  uint32_t sentence = 0;
  double value = 0;
  Bound bound = Bound::kExact;
  std::string unit;   // "%", "USD", "km", empty for plain counts
  std::string noun;   // lemma-ish head noun counted ("people"), empty when unknown
  std::string event;  // governing verb stem ("kill"), empty when unknown
  Span noun_span;
  Span event_span;
  // The values the expression allows, for comparing across articles: [value, value] when exact;
  // the written range ("35-40", "between 35 and 40"); for vague counts ("dozens",
  // "thousands") the conventional range of extract/quantities.cc with `vague` set (value is
  // then its geometric centre and bound kAbout, never a made-up lower bound); an open side is
  // infinity (low 0 for "at most"); "about" keeps [value, value] and its bound.
  double low = 0;
  double high = 0;
  bool vague = false;
};

// A quotation with its speaker. `source` is the speaker as written in the text (may be a
// pronoun); `speaker` is the resolved name, empty when anonymous or unknown.
struct Quote {
  Span content;
  Span cue;
  Span source;
  uint32_t sentence = 0;
  std::string speaker;
  bool anonymous = false;  // "one European official said"
  bool direct = true;      // inside quotation marks
};

struct Document {
  // Metadata (DESIGN.md "Article"); unknown fields stay empty and are written as null.
  std::string id;
  std::string url;
  std::string canonical_url;
  std::string site;
  std::string title;
  std::vector<std::string> authors;
  std::string published;                // YYYY-MM-DD, empty when unknown
  std::string published_from = "none";  // jsonld|meta|time|url|text|crawl|none
  std::string lang;                     // ISO 639-1 code, empty when unknown
  std::string source;                   // file name or WARC record id
  // Index (into the corpus) of the first article of this article's copy group; set by dedup.
  // An article that copies no other is its own group.
  int32_t copy_group = -1;

  // Normalised UTF-8 body. Never modified after ingest.
  std::string text;

  // Annotation layers, each sorted by start offset.
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<Timex> timexes;
  std::vector<Quantity> quantities;
  std::vector<Quote> quotes;

  std::string_view slice(Span span) const {
    if (span.start >= text.size() || span.end <= span.start) return {};
    uint32_t end = span.end > text.size() ? static_cast<uint32_t>(text.size()) : span.end;
    return std::string_view(text).substr(span.start, end - span.start);
  }

  // Index of the sentence containing byte `offset` (the last sentence starting at or before
  // it); 0 when there are no sentences.
  uint32_t sentence_at(uint32_t offset) const;
};

}  // namespace crosscheck
