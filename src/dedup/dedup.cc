// Copy detection: MinHash signatures over word shingles, banded LSH, union-find groups.
#include "dedup/dedup.h"

#include <tbb/parallel_for.h>
#include <xxhash.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/text.h"

namespace crosscheck {

namespace {

// A band bucket shared by this many articles is a boilerplate or a large copy group whose
// members are already linked; more entries would only make each addition slower.
constexpr size_t kMaxBucketSize = 256;

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

struct Signature {
  std::vector<uint32_t> minima;  // empty when the article has no words
  uint32_t shingles = 0;         // distinct shingles
  uint64_t text_hash = 0;
};

// Hashes of the lower-cased words and numbers of `doc`.
std::vector<uint64_t> word_hashes(const Document& doc) {
  Document scratch;
  const Document* source = &with_tokens(doc, scratch);
  std::vector<uint64_t> hashes;
  hashes.reserve(source->tokens.size());
  for (const Token& token : source->tokens) {
    if (token.shape != TokenShape::kWord && token.shape != TokenShape::kNumber) continue;
    hashes.push_back(XXH3_64bits(token.lower.data(), token.lower.size()));
  }
  return hashes;
}

// Distinct shingle hashes: every run of `width` consecutive words, or all words when fewer.
std::vector<uint64_t> shingles(const std::vector<uint64_t>& words, int width) {
  std::vector<uint64_t> out;
  if (words.empty()) return out;
  size_t w = static_cast<size_t>(std::max(1, width));
  size_t count = words.size() >= w ? words.size() - w + 1 : 1;
  size_t span = std::min(w, words.size());
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    out.push_back(XXH3_64bits(words.data() + i, span * sizeof(uint64_t)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

struct HashFamily {
  std::vector<uint64_t> multipliers;
  std::vector<uint64_t> offsets;

  explicit HashFamily(int count) {
    uint64_t state = 0x63726F7373636865ull;  // fixed seed: signatures are reproducible
    for (int i = 0; i < count; ++i) {
      multipliers.push_back(splitmix64(state) | 1);
      offsets.push_back(splitmix64(state));
    }
  }
};

Signature make_signature(const Document& doc, const DedupOptions& options,
                         const HashFamily& family) {
  Signature signature;
  signature.text_hash = XXH3_64bits(doc.text.data(), doc.text.size());
  std::vector<uint64_t> set = shingles(word_hashes(doc), options.shingle_words);
  signature.shingles = static_cast<uint32_t>(set.size());
  if (set.empty()) return signature;
  size_t n = family.multipliers.size();
  std::vector<uint64_t> minima(n, UINT64_MAX);
  for (uint64_t shingle : set) {
    for (size_t i = 0; i < n; ++i) {
      uint64_t h = family.multipliers[i] * shingle + family.offsets[i];
      if (h < minima[i]) minima[i] = h;
    }
  }
  signature.minima.resize(n);
  for (size_t i = 0; i < n; ++i) signature.minima[i] = static_cast<uint32_t>(minima[i] >> 32);
  return signature;
}

double estimated_jaccard(const Signature& a, const Signature& b) {
  if (a.minima.empty() || a.minima.size() != b.minima.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.minima.size(); ++i) equal += a.minima[i] == b.minima[i];
  return static_cast<double>(equal) / static_cast<double>(a.minima.size());
}

}  // namespace

struct CopyIndex::Impl {
  DedupOptions options;
  HashFamily family;
  int rows = 4;
  std::vector<Signature> signatures;  // by index; empty minima for indices never added
  std::vector<int32_t> parent;        // union-find; -1 for indices never added
  std::vector<std::unordered_map<uint64_t, std::vector<uint32_t>>> buckets;
  std::unordered_map<uint64_t, uint32_t> first_with_text;

  explicit Impl(const DedupOptions& opts) : options(sanitize(opts)), family(options.num_hashes) {
    rows = options.num_hashes / options.bands;
    buckets.resize(static_cast<size_t>(options.bands));
  }

  static DedupOptions sanitize(DedupOptions opts) {
    opts.num_hashes = std::clamp(opts.num_hashes, 1, 4096);
    opts.bands = std::clamp(opts.bands, 1, opts.num_hashes);
    opts.num_hashes = opts.num_hashes / opts.bands * opts.bands;
    opts.shingle_words = std::clamp(opts.shingle_words, 1, 64);
    return opts;
  }

  int32_t find(int32_t x) const {
    while (parent[static_cast<size_t>(x)] != x) x = parent[static_cast<size_t>(x)];
    return x;
  }

  int32_t find_compress(int32_t x) {
    int32_t root = find(x);
    while (parent[static_cast<size_t>(x)] != root) {
      int32_t next = parent[static_cast<size_t>(x)];
      parent[static_cast<size_t>(x)] = root;
      x = next;
    }
    return root;
  }

  // The group keeps its smallest index as root, so group ids never depend on merge order.
  void unite(int32_t a, int32_t b) {
    int32_t ra = find_compress(a), rb = find_compress(b);
    if (ra == rb) return;
    if (ra < rb) {
      parent[static_cast<size_t>(rb)] = ra;
    } else {
      parent[static_cast<size_t>(ra)] = rb;
    }
  }

  bool are_copies(const Signature& a, const Signature& b) const {
    double jaccard = estimated_jaccard(a, b);
    if (jaccard >= options.min_jaccard) return true;
    if (options.min_containment <= 0) return false;
    uint32_t smaller = std::min(a.shingles, b.shingles);
    if (jaccard <= 0 || smaller < static_cast<uint32_t>(options.min_shingles_for_containment)) {
      return false;
    }
    // |A ∩ B| = J (|A| + |B|) / (1 + J).
    double intersection = jaccard * (a.shingles + b.shingles) / (1 + jaccard);
    return intersection / smaller >= options.min_containment;
  }

  int32_t add(Signature signature, uint32_t index) {
    if (index >= parent.size()) {
      parent.resize(index + 1, -1);
      signatures.resize(index + 1);
    }
    if (parent[index] != -1) return find_compress(static_cast<int32_t>(index));
    parent[index] = static_cast<int32_t>(index);
    auto [exact, inserted] = first_with_text.emplace(signature.text_hash, index);
    if (!inserted) unite(static_cast<int32_t>(exact->second), static_cast<int32_t>(index));

    if (!signature.minima.empty()) {
      std::vector<uint32_t> candidates;
      std::vector<uint64_t> keys(buckets.size());
      for (size_t band = 0; band < buckets.size(); ++band) {
        keys[band] = XXH3_64bits_withSeed(signature.minima.data() + band * rows,
                                          static_cast<size_t>(rows) * sizeof(uint32_t), band);
        auto found = buckets[band].find(keys[band]);
        if (found != buckets[band].end()) {
          candidates.insert(candidates.end(), found->second.begin(), found->second.end());
        }
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (uint32_t other : candidates) {
        if (find_compress(static_cast<int32_t>(other)) ==
            find_compress(static_cast<int32_t>(index))) {
          continue;
        }
        if (are_copies(signature, signatures[other])) {
          unite(static_cast<int32_t>(other), static_cast<int32_t>(index));
        }
      }
      for (size_t band = 0; band < buckets.size(); ++band) {
        std::vector<uint32_t>& bucket = buckets[band][keys[band]];
        if (bucket.size() < kMaxBucketSize) bucket.push_back(index);
      }
    }
    signatures[index] = std::move(signature);
    return find_compress(static_cast<int32_t>(index));
  }
};

CopyIndex::CopyIndex(const DedupOptions& options) : impl_(new Impl(options)) {}

CopyIndex::~CopyIndex() { delete impl_; }

int32_t CopyIndex::add(const Document& doc, uint32_t index) {
  return impl_->add(make_signature(doc, impl_->options, impl_->family), index);
}

int32_t CopyIndex::group(uint32_t index) const {
  if (index >= impl_->parent.size() || impl_->parent[index] == -1) return -1;
  return impl_->find(static_cast<int32_t>(index));
}

double CopyIndex::similarity(uint32_t a, uint32_t b) const {
  if (a >= impl_->signatures.size() || b >= impl_->signatures.size()) return 0;
  if (impl_->parent[a] == -1 || impl_->parent[b] == -1) return 0;
  if (a == b) return 1;
  const Signature& sa = impl_->signatures[a];
  const Signature& sb = impl_->signatures[b];
  if (sa.text_hash == sb.text_hash && sa.minima == sb.minima) return 1;
  return estimated_jaccard(sa, sb);
}

void find_copies(std::vector<Document>& documents, const DedupOptions& options) {
  CopyIndex index(options);
  std::vector<Signature> signatures(documents.size());
  const DedupOptions& effective = index.impl_->options;
  const HashFamily& family = index.impl_->family;
  tbb::parallel_for(size_t{0}, documents.size(), [&](size_t i) {
    signatures[i] = make_signature(documents[i], effective, family);
  });
  for (size_t i = 0; i < documents.size(); ++i) {
    index.impl_->add(std::move(signatures[i]), static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < documents.size(); ++i) {
    documents[i].copy_group = index.group(static_cast<uint32_t>(i));
  }
}

}  // namespace crosscheck
