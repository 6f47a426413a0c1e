// dedup: copy groups (exact and near-duplicate articles, such as wire copies).
//
// MinHash signatures over word shingles, banded LSH to find candidate pairs, then the estimated
// Jaccard similarity decides. Deterministic (fixed seeds). Incremental: CopyIndex::add costs
// about the same however many articles came before.
#pragma once

#include <cstdint>
#include <vector>

#include "core/document.h"

namespace crosscheck {

struct DedupOptions {
  int shingle_words = 5;       // words per shingle
  int num_hashes = 128;        // MinHash signature length (bands * rows)
  int bands = 32;              // LSH bands
  double min_jaccard = 0.6;    // estimated Jaccard for two articles to be copies
};

// Incremental copy detector over annotated documents (tokens needed).
class CopyIndex {
 public:
  explicit CopyIndex(const DedupOptions& options = {});
  ~CopyIndex();
  CopyIndex(const CopyIndex&) = delete;
  CopyIndex& operator=(const CopyIndex&) = delete;

  // Adds the document as number `index` (indices must be added in increasing order) and returns
  // the index of the first article of its copy group (itself when it copies no earlier one).
  int32_t add(const Document& doc, uint32_t index);

  // Estimated Jaccard similarity of two added documents.
  double similarity(uint32_t a, uint32_t b) const;

 private:
  struct Impl;
  Impl* impl_;
};

// Sets Document::copy_group on every document.
void find_copies(std::vector<Document>& documents, const DedupOptions& options = {});

}  // namespace crosscheck
