// dedup: copy groups (exact and near-duplicate articles, such as wire copies).
//
// Each article becomes a set of word shingles (`shingle_words` consecutive lower-cased words and
// numbers; an article shorter than one shingle is a single shingle of all its words). MinHash
// signatures (`num_hashes` 64-bit universal hashes over xxHash shingle hashes) are split into
// `bands` for locality-sensitive hashing; articles sharing a band are candidates, and a candidate
// pair is a copy when the estimated Jaccard similarity reaches `min_jaccard`, or, when enabled,
// the smaller article is mostly contained in the larger (`min_containment`). Articles with the
// same normalised text are always copies. Defaults chosen by `crosscheck eval copies-sweep`.
//
// Deterministic (fixed seeds, groups named by their smallest index). Incremental: CopyIndex::add
// costs about the same however many articles came before (band buckets are capped).
#pragma once

#include <cstdint>
#include <vector>

#include "core/document.h"

namespace crosscheck {

struct DedupOptions {
  int shingle_words = 4;     // words per shingle
  int num_hashes = 128;      // MinHash signature length (bands * rows)
  int bands = 64;            // LSH bands; rows per band = num_hashes / bands
  double min_jaccard = 0.4;  // estimated Jaccard for two articles to be copies
  // Estimated share of the smaller article found in the larger that also makes a copy (for
  // trimmed wire copies); 0 turns the test off. Off by default: on Multi-News it mostly joined
  // pages that embed the same tweet or quotation (see `crosscheck eval copies-sweep`).
  double min_containment = 0;
  int min_shingles_for_containment = 40;  // containment is unreliable on very short texts
};

// Incremental copy detector over annotated documents (the text stage's tokens; a document
// without tokens is tokenised on the fly).
class CopyIndex {
 public:
  explicit CopyIndex(const DedupOptions& options = {});
  ~CopyIndex();
  CopyIndex(const CopyIndex&) = delete;
  CopyIndex& operator=(const CopyIndex&) = delete;

  // Adds the document as number `index` (indices must be added in increasing order) and returns
  // the index of the first article of its copy group (itself when it copies no earlier one).
  // A later article can join two groups; `group` then gives the merged group.
  int32_t add(const Document& doc, uint32_t index);

  // Current copy group (smallest index of the group) of an added document; -1 if not added.
  int32_t group(uint32_t index) const;

  // Estimated Jaccard similarity of two added documents (0 when either was not added).
  double similarity(uint32_t a, uint32_t b) const;

 private:
  // find_copies computes signatures in parallel and feeds them to the index in order.
  friend void find_copies(std::vector<Document>& documents, const DedupOptions& options);
  struct Impl;
  Impl* impl_;
};

// Sets Document::copy_group on every document (signatures are computed in parallel).
void find_copies(std::vector<Document>& documents, const DedupOptions& options = {});

}  // namespace crosscheck
