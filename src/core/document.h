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

struct Token {
  Span span;
  uint32_t sentence = 0;  // index into Document::sentences
  TokenShape shape = TokenShape::kWord;
  bool capitalized = false;  // first letter upper case
  bool all_caps = false;     // every letter upper case and at least two letters
  std::string lower;         // case-folded form
  std::string stem;          // Snowball stem of `lower` (empty for non-words)
};

enum class EntityType : uint8_t { kPerson, kOrganization, kPlace, kMisc };

// A name in the text: "UK Foreign Secretary David Lammy" gives a kPerson mention over
// "David Lammy" with role "Foreign Secretary" and role_qualifier "UK".
struct Mention {
  Span span;
  uint32_t sentence = 0;
  EntityType type = EntityType::kMisc;
  std::string key;        // normalised name used to link aliases ("david lammy")
  std::string role;       // title or apposition role, empty when none ("Foreign Secretary")
  std::string role_qualifier;  // country, organisation or leader the role belongs to ("UK")
  Span role_span;         // where the role is written, empty when none
  double confidence = 1.0;
};

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };

// A time expression with its TIMEX3-style normalised value ("2025-04-17", "2025-W16", "P3Y",
// "PAST_REF"). `anchored_to` says what a relative expression was resolved against.
struct Timex {
  Span span;
  uint32_t sentence = 0;
  TimexType type = TimexType::kDate;
  std::string value;
  std::string anchored_to;  // "absolute", "publication", "story", "unresolved"
  int weekday = -1;         // 0 = Monday .. 6 = Sunday when the text names a weekday, else -1
  std::string explicit_date;  // YYYY-MM-DD written out in the text itself, else empty
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
  std::string published;               // YYYY-MM-DD, empty when unknown
  std::string published_from = "none";  // jsonld|meta|time|url|text|crawl|none
  std::string lang;                    // ISO 639-1 code, empty when unknown
  std::string source;                  // file name or WARC record id
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
