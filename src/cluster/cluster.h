// cluster: articles -> stories (events).
//
// Each article is a TF-IDF vector over stemmed content words (stop words, numbers and
// punctuation left out; sublinear term frequency; smoothed IDF from the documents being
// clustered) plus a set of named-entity keys: the extract layer's Mention::key when the
// document has mentions, else capitalised words that do not start a sentence. The similarity
// of two articles is the cosine of their term vectors, blended with the IDF-weighted cosine of
// their entity sets when both have entities.
//
// Articles that dedup put in a copy group (Document::copy_group pointing to an earlier article)
// join the story of the group's first article without being clustered themselves.
//
// Candidate pairs come from an inverted index over each article's `top_terms` heaviest terms
// (for a term in many top lists, only the `max_postings` articles just before), so the cost
// grows about linearly with the corpus. Candidates are merged by average-link agglomeration over
// the candidate graph (pairs never compared count as similarity 0), which avoids the chaining of
// single-link; single-link is available for comparison. The default threshold and linkage
// were chosen by the sweep in docs/cluster.md.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

// kAverage: mean similarity over all member pairs of two groups, pairs never compared count 0.
// kAverageCompared: mean over the pairs that were compared (candidates) only.
enum class Linkage : uint8_t { kSingle, kAverage, kAverageCompared };

// Document frequencies of terms in a reference news corpus. Blended into the IDF, they keep term
// weights meaningful when the input is small (five articles about one event share most of
// their words, so IDF from those five alone would weigh the event's own words near zero).
struct TermFrequencies {
  uint64_t documents = 0;
  std::unordered_map<std::string, uint32_t> df;  // term (stem) -> documents containing it
};

// Counts the terms `cluster` uses (stems of content words) over `documents`.
TermFrequencies count_term_frequencies(const std::vector<Document>& documents);
// Tab-separated file: a first line "#documents<TAB>N", then "term<TAB>df" per line, terms with df
// below `min_df` left out. False and `error` on failure.
bool save_term_frequencies(const TermFrequencies& frequencies, const std::string& path,
                           uint32_t min_df, std::string& error);
bool load_term_frequencies(const std::string& path, TermFrequencies& frequencies,
                           std::string& error);

struct ClusterOptions {
  // Reference frequencies blended into the IDF (models/news-df.tsv); none when null.
  const TermFrequencies* background = nullptr;
  double threshold = 0.175;     // combined similarity to join a story (see docs/cluster.md)
  double entity_weight = 0.35;  // weight of shared named entities against TF-IDF cosine
  int top_terms = 20;           // terms per article used for candidate lookup
  int max_postings = 500;       // earlier articles looked up per top term
  int min_shared_terms = 2;     // top terms two articles must share to be compared
  int min_entities = 3;         // entity keys each article needs for entity evidence to count
  Linkage linkage = Linkage::kAverage;
};

// Groups documents (annotated by the text stage; mentions optional) into stories. Every
// document is in exactly one story; stories are ordered by their first document and list
// their documents in corpus order; Story::id is the hex xxHash64 of the first member's id
// (of its index when the id is empty), so it is stable for the same input. Documents without
// tokens are tokenised on the fly. Deterministic; parallel over documents.
std::vector<Story> cluster(const std::vector<Document>& documents, const ClusterOptions& options);

// Pairwise similarity used by `cluster`, with IDF taken from the two documents alone; for
// tests and evaluation.
double story_similarity(const Document& a, const Document& b, const ClusterOptions& options);

}  // namespace crosscheck
