// Injected contradictions and meaning-preserving controls for `crosscheck eval conflicts`.
//
// Takes the annotated articles of one real multi-outlet cluster (text, syntax and extract
// layers, copy groups, as the pipeline leaves them). Finds anchors: one detail (a number with
// its counted noun, a calendar date, a title before a person, a place, the main verb) that two
// independent articles state in sentences whose other content words overlap, so that both
// really state the same thing. Gives one edit of one article's text per anchor: a contradiction
// (the detail changed to one that cannot also hold) or a control (the same detail written
// differently). The annotations only locate candidates; which pair is an anchor is decided by
// the text overlap of the two sentences. Replacement words that are not grammar (another
// office, another place, a number or month written as a word) come from RewritePools, learned
// from the annotations of other clusters, never from a list in the code.
// Cost: anchors are O(sentences^2) per cluster pair of articles; edits are O(sentence).
// Bad input: articles without layers give no anchors; no edit is ever made outside a detail.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/story.h"
#include "eval/random.h"

namespace crosscheck::eval {

enum class Detail : uint8_t { kNumber, kDate, kRole, kPlace, kPolarity };
inline constexpr int kDetailKinds = 5;
const char* detail_name(Detail kind);  // "number", "date", "role", "place", "polarity"

// One detail stated by two independent articles. Side 0 is the article whose copy is edited.
struct Anchor {
  Detail kind = Detail::kNumber;
  uint32_t article[2] = {0, 0};   // indices into the cluster's documents
  uint32_t sentence[2] = {0, 0};  // sentence indices in those documents
  Span detail[2];                 // where each article writes the detail
  double overlap = 0;             // shared content words / content words of the shorter sentence
  int shared = 0;                 // shared content words (the detail left out)
};

struct AnchorOptions {
  // Two sentences state the same thing when, the detail left out, they share at least
  // `min_shared` content words (nouns, names, verbs, adjectives, numbers by stem) and these make
  // at least `min_overlap` of the shorter sentence's content words (docs/facts.md).
  int min_shared = 3;
  double min_overlap = 0.3;
};

// Content-word overlap of two sentences, tokens inside the skip spans left out.
double sentence_overlap(const Document& a, uint32_t sentence_a, Span skip_a, const Document& b,
                        uint32_t sentence_b, Span skip_b, int* shared = nullptr);

// Every anchor of `kind` between articles of different copy groups, best overlap first (ties in
// text order). Side 0 is the earlier article; callers may swap the sides.
std::vector<Anchor> find_anchors(const std::vector<Document>& documents, Detail kind,
                                 const AnchorOptions& options = {});

// Anchor with its two sides swapped.
Anchor swapped(const Anchor& anchor);

// Words learned from annotated articles, per cluster ("group"), for replacements that need
// vocabulary: another office or place (taken from other clusters), numbers, months and
// weekdays as the articles write them, abbreviations of titles.
class RewritePools {
 public:
  void learn(const std::vector<Document>& documents, const std::string& group);
  // Called once after every learn(): settles votes and abbreviation pairs.
  void finish();

  const std::string* number_word(long value) const;  // "five" for 5, when seen
  const std::string* month_word(int month) const;    // 1..12
  const std::string* weekday_word(int weekday) const;  // 0 = Monday
  // A title seen in at least two clusters, not `group`, sharing no word with `unlike`.
  const std::string* other_role(const std::string& group, const std::string& unlike,
                                Random& random) const;
  // A place name of another cluster whose key is none of `avoid` and whose word count is that of
  // `like` when possible.
  const std::string* other_place(const std::string& group, const std::vector<std::string>& avoid,
                                 const std::string& like, Random& random) const;
  // The other form of a title's abbreviation ("sen." <-> "senator"), when learned.
  const std::string* role_variant(const std::string& role) const;
  // The past participle the articles write for a verb lemma ("say" -> "said"), when seen.
  const std::string* participle(const std::string& lemma) const;

 private:
  struct Named {
    std::string text, key, group;
  };
  std::map<long, std::map<std::string, int>> number_votes_;
  std::map<int, std::map<std::string, int>> month_votes_, weekday_votes_;
  std::map<std::string, std::map<std::string, int>> role_groups_;  // role -> group -> count
  std::map<std::string, std::map<std::string, int>> participle_votes_;
  std::map<std::string, std::string> participles_;
  std::vector<Named> places_;
  std::map<long, std::string> numbers_;
  std::map<int, std::string> months_, weekdays_;
  std::vector<std::string> roles_;  // seen in two clusters or more, sorted
  std::map<std::string, std::string> role_variants_;
};

// One edit of one article: replace `span` of its text by `replacement`.
struct Rewrite {
  Detail kind = Detail::kNumber;
  bool control = false;  // meaning-preserving
  std::string how;       // "number 35 -> 105", "number 1,200 -> 1200 (control)"
  Span span;
  std::string replacement;
};

// A contradiction of the anchor's detail in its side-0 article; nullopt when the detail cannot
// be changed there (a relative date, a verb without a finite form, no replacement known).
std::optional<Rewrite> contradict(const std::vector<Document>& documents, const Anchor& anchor,
                                  const RewritePools& pools, const std::string& group,
                                  Random& random);
// The same detail written differently in the side-0 article, or nullopt.
std::optional<Rewrite> preserve(const std::vector<Document>& documents, const Anchor& anchor,
                                const RewritePools& pools, Random& random);

// `text` with the rewrite applied.
std::string apply_rewrite(const std::string& text, const Rewrite& rewrite);
// Where `span` of the original text lies after the rewrite (a span that contains the rewrite
// grows or shrinks with it; one after it moves).
Span shifted(Span span, const Rewrite& rewrite);

// Does a cite of `cites` lie in `article` and overlap `span`?
bool cites_span(const std::vector<Cite>& cites, const std::string& article, Span span);
// Does one side of `conflict` cite (article_a, span_a) and another side (article_b, span_b)?
bool conflict_joins(const Conflict& conflict, const std::string& article_a, Span span_a,
                    const std::string& article_b, Span span_b);
// Does any side of `conflict` cite (article, span)?
bool conflict_touches(const Conflict& conflict, const std::string& article, Span span);

}  // namespace crosscheck::eval
