#include "assess/language_model.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace crosscheck::assess {

namespace {

constexpr char kMagic[8] = {'C', 'C', 'N', 'G', 'R', 'M', '0', '1'};
constexpr int kIdBits = 21;
constexpr uint64_t kIdMask = (uint64_t{1} << kIdBits) - 1;
constexpr uint64_t kEmpty = ~uint64_t{0};

uint64_t bigram_key(uint64_t u, uint64_t v) { return (u << kIdBits) | v; }
uint64_t trigram_key(uint64_t u, uint64_t v, uint64_t w) {
  return (u << (2 * kIdBits)) | (v << kIdBits) | w;
}

uint64_t mix(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return key;
}

// Open-addressing table over sorted keys: slot holds the key, `slots` the index + 1.
void build_table(const std::vector<uint64_t>& keys, std::vector<uint64_t>& table,
                 std::vector<uint32_t>& slots) {
  size_t size = 16;
  while (size < keys.size() * 2) size <<= 1;
  table.assign(size, kEmpty);
  slots.assign(size, 0);
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t at = mix(keys[i]) & (size - 1);
    while (table[at] != kEmpty) at = (at + 1) & (size - 1);
    table[at] = keys[i];
    slots[at] = static_cast<uint32_t>(i + 1);
  }
}

class Writer {
 public:
  explicit Writer(gzFile file) : file_(file) {}
  void bytes(const void* data, size_t size) {
    if (ok_ && size > 0 &&
        gzwrite(file_, data, static_cast<unsigned>(size)) != static_cast<int>(size))
      ok_ = false;
  }
  template <typename T>
  void vector(const std::vector<T>& values) {
    uint64_t n = values.size();
    bytes(&n, sizeof n);
    bytes(values.data(), values.size() * sizeof(T));
  }
  bool ok() const { return ok_; }

 private:
  gzFile file_;
  bool ok_ = true;
};

class Reader {
 public:
  explicit Reader(gzFile file) : file_(file) {}
  void bytes(void* data, size_t size) {
    if (ok_ && size > 0 &&
        gzread(file_, data, static_cast<unsigned>(size)) != static_cast<int>(size))
      ok_ = false;
  }
  template <typename T>
  void vector(std::vector<T>& values, uint64_t limit) {
    uint64_t n = 0;
    bytes(&n, sizeof n);
    if (!ok_ || n > limit) {
      ok_ = false;
      return;
    }
    values.resize(n);
    bytes(values.data(), n * sizeof(T));
  }
  bool ok() const { return ok_; }

 private:
  gzFile file_;
  bool ok_ = true;
};

constexpr uint64_t kMaxEntries = uint64_t{1} << 28;

}  // namespace

std::string lm_symbol(const Token& token) {
  switch (token.shape) {
    case TokenShape::kNumber:
      return "<num>";
    case TokenShape::kSymbol:
      if (token.lower.starts_with("http") || token.lower.starts_with("www")) return "<url>";
      return token.lower;
    case TokenShape::kPunct:
      if (token.lower == "\u201c" || token.lower == "\u201d" || token.lower == "''" ||
          token.lower == "``")
        return "\"";
      if (token.lower == "\u2018" || token.lower == "\u2019") return "'";
      return token.lower;
    case TokenShape::kWord:
      break;
  }
  return token.lower;
}

NgramModel NgramModel::train(const std::vector<std::vector<std::string>>& sentences,
                             const NgramOptions& options) {
  NgramModel model;
  model.discount_ = options.discount;
  // Vocabulary: words seen min_word_count times, ordered by count then spelling (deterministic).
  std::unordered_map<std::string, uint64_t> counts;
  for (const auto& sentence : sentences)
    for (const std::string& word : sentence) ++counts[word];
  std::vector<std::pair<std::string, uint64_t>> kept;
  for (auto& [word, count] : counts)
    if (count >= static_cast<uint64_t>(options.min_word_count)) kept.emplace_back(word, count);
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (kept.size() + 2 > kIdMask) kept.resize(kIdMask - 2);
  model.words_ = {"<unk>", "<s>"};
  for (auto& [word, count] : kept) model.words_.push_back(word);
  model.build_index();

  // N-gram counts over id sequences with two boundary symbols in front and one at the end.
  std::unordered_map<uint64_t, uint32_t> bigrams, trigrams;
  model.word_counts_.assign(model.words_.size(), 0);
  std::vector<uint32_t> ids;
  for (const auto& sentence : sentences) {
    ids.assign({kBoundary, kBoundary});
    for (const std::string& word : sentence) ids.push_back(model.id_of(word));
    ids.push_back(kBoundary);
    for (size_t i = 2; i < ids.size(); ++i) {
      ++model.word_counts_[ids[i]];
      ++model.total_;
      ++bigrams[bigram_key(ids[i - 1], ids[i])];
      ++trigrams[trigram_key(ids[i - 2], ids[i - 1], ids[i])];
    }
    ++model.word_counts_[kBoundary];  // as a history
  }

  // Distinct followers of each history, over all n-grams before pruning.
  model.word_followers_.assign(model.words_.size(), 0);
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> next(model.words_.size());
  for (const auto& [key, count] : bigrams) {
    uint32_t u = static_cast<uint32_t>(key >> kIdBits), v = static_cast<uint32_t>(key & kIdMask);
    ++model.word_followers_[u];
    if (v != kUnknown && v != kBoundary) next[u].emplace_back(count, v);
  }
  model.top_k_ = static_cast<uint32_t>(std::max(options.top_continuations, 1));
  model.top_next_.assign(model.words_.size() * model.top_k_, kUnknown);
  for (size_t u = 0; u < next.size(); ++u) {
    auto& list = next[u];
    size_t k = std::min<size_t>(model.top_k_, list.size());
    std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(k), list.end(),
                      [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    for (size_t j = 0; j < k; ++j) model.top_next_[u * model.top_k_ + j] = list[j].second;
  }
  std::unordered_map<uint64_t, uint32_t> bigram_followers;
  for (const auto& [key, count] : trigrams) ++bigram_followers[key >> kIdBits];

  const uint32_t min_count = static_cast<uint32_t>(std::max(options.min_ngram_count, 1));
  for (const auto& [key, count] : bigrams)
    if (count >= min_count) model.bigram_keys_.push_back(key);
  std::sort(model.bigram_keys_.begin(), model.bigram_keys_.end());
  for (uint64_t key : model.bigram_keys_) {
    model.bigram_counts_.push_back(bigrams[key]);
    model.bigram_followers_.push_back(bigram_followers[key]);
  }
  for (const auto& [key, count] : trigrams)
    if (count >= min_count) model.trigram_keys_.push_back(key);
  std::sort(model.trigram_keys_.begin(), model.trigram_keys_.end());
  for (uint64_t key : model.trigram_keys_) model.trigram_counts_.push_back(trigrams[key]);
  model.build_index();
  return model;
}

bool NgramModel::save(const std::string& path, std::string& error) const {
  gzFile file = gzopen(path.c_str(), "wb9");
  if (file == nullptr) {
    error = path + ": cannot write";
    return false;
  }
  Writer out(file);
  out.bytes(kMagic, sizeof kMagic);
  out.bytes(&discount_, sizeof discount_);
  out.bytes(&total_, sizeof total_);
  out.bytes(&top_k_, sizeof top_k_);
  std::string joined;
  for (const std::string& word : words_) joined += word + '\n';
  std::vector<char> chars(joined.begin(), joined.end());
  out.vector(chars);
  out.vector(word_counts_);
  out.vector(word_followers_);
  out.vector(top_next_);
  out.vector(bigram_keys_);
  out.vector(bigram_counts_);
  out.vector(bigram_followers_);
  out.vector(trigram_keys_);
  out.vector(trigram_counts_);
  bool ok = out.ok();
  if (gzclose(file) != Z_OK) ok = false;
  if (!ok) error = path + ": write failed";
  return ok;
}

bool NgramModel::load(const std::string& path, NgramModel& model, std::string& error) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    error = path + ": cannot open";
    return false;
  }
  gzbuffer(file, 1 << 18);
  Reader in(file);
  char magic[sizeof kMagic] = {};
  in.bytes(magic, sizeof magic);
  NgramModel loaded;
  in.bytes(&loaded.discount_, sizeof loaded.discount_);
  in.bytes(&loaded.total_, sizeof loaded.total_);
  in.bytes(&loaded.top_k_, sizeof loaded.top_k_);
  std::vector<char> chars;
  in.vector(chars, kMaxEntries);
  in.vector(loaded.word_counts_, kMaxEntries);
  in.vector(loaded.word_followers_, kMaxEntries);
  in.vector(loaded.top_next_, kMaxEntries);
  in.vector(loaded.bigram_keys_, kMaxEntries);
  in.vector(loaded.bigram_counts_, kMaxEntries);
  in.vector(loaded.bigram_followers_, kMaxEntries);
  in.vector(loaded.trigram_keys_, kMaxEntries);
  in.vector(loaded.trigram_counts_, kMaxEntries);
  bool ok = in.ok() && std::memcmp(magic, kMagic, sizeof kMagic) == 0;
  gzclose(file);
  if (ok) {
    size_t start = 0;
    for (size_t i = 0; i < chars.size(); ++i) {
      if (chars[i] != '\n') continue;
      loaded.words_.emplace_back(chars.data() + start, i - start);
      start = i + 1;
    }
    const size_t n = loaded.words_.size();
    ok = n >= 2 && n <= kIdMask && loaded.word_counts_.size() == n &&
         loaded.word_followers_.size() == n && loaded.top_k_ > 0 && loaded.top_k_ < 1000 &&
         loaded.top_next_.size() == n * loaded.top_k_ &&
         loaded.bigram_counts_.size() == loaded.bigram_keys_.size() &&
         loaded.bigram_followers_.size() == loaded.bigram_keys_.size() &&
         loaded.trigram_counts_.size() == loaded.trigram_keys_.size() && loaded.total_ > 0 &&
         std::all_of(loaded.top_next_.begin(), loaded.top_next_.end(),
                     [n](uint32_t id) { return id < n; });
  }
  if (!ok) {
    error = path + ": not a crosscheck n-gram model or truncated";
    return false;
  }
  model = std::move(loaded);
  model.build_index();
  return true;
}

void NgramModel::build_index() {
  word_ids_.clear();
  word_ids_.reserve(words_.size());
  for (size_t i = 0; i < words_.size(); ++i)
    word_ids_.emplace(std::string_view(words_[i]), static_cast<uint32_t>(i));
  build_table(bigram_keys_, bigram_table_, bigram_slots_);
  build_table(trigram_keys_, trigram_table_, trigram_slots_);
}

uint32_t NgramModel::id_of(std::string_view word) const {
  auto it = word_ids_.find(word);
  return it == word_ids_.end() || it->second == kBoundary ? kUnknown : it->second;
}

int64_t NgramModel::find(const std::vector<uint64_t>& table, const std::vector<uint32_t>& slots,
                         uint64_t key) const {
  if (table.empty()) return -1;
  const size_t mask = table.size() - 1;
  for (size_t at = mix(key) & mask;; at = (at + 1) & mask) {
    if (table[at] == key) return static_cast<int64_t>(slots[at]) - 1;
    if (table[at] == kEmpty) return -1;
  }
}

double NgramModel::unigram(uint32_t w) const {
  const double vocabulary = static_cast<double>(words_.size());
  return (word_counts_[w] + 0.5) / (static_cast<double>(total_) + 0.5 * vocabulary);
}

void NgramModel::score_sentence(const std::vector<std::string>& symbols,
                                std::vector<TokenScore>& out) const {
  uint32_t u = kBoundary, v = kBoundary;
  for (const std::string& symbol : symbols) {
    const uint32_t w = id_of(symbol);
    TokenScore score;
    score.unknown = w == kUnknown;
    const double p1 = unigram(w);
    // Bigram level: P(w | v).
    double p2 = p1;
    const double history = word_counts_[v];
    if (history > 0) {
      int64_t at = find(bigram_table_, bigram_slots_, bigram_key(v, w));
      double count = at >= 0 ? bigram_counts_[static_cast<size_t>(at)] : 0;
      p2 = (std::max(count - discount_, 0.0) + discount_ * word_followers_[v] * p1) / history;
      p2 = std::clamp(p2, 1e-12, 1.0);
    }
    // Trigram level: P(w | u v), when the history u v was kept.
    double p3 = p2;
    int64_t h = find(bigram_table_, bigram_slots_, bigram_key(u, v));
    if (h >= 0) {
      const double uv = bigram_counts_[static_cast<size_t>(h)];
      int64_t at = find(trigram_table_, trigram_slots_, trigram_key(u, v, w));
      double count = at >= 0 ? trigram_counts_[static_cast<size_t>(at)] : 0;
      p3 = (std::max(count - discount_, 0.0) +
            discount_ * bigram_followers_[static_cast<size_t>(h)] * p2) /
           uv;
      p3 = std::clamp(p3, 1e-12, 1.0);
    }
    score.logprob = static_cast<float>(std::log(p3));
    score.unigram_logprob = static_cast<float>(std::log(p1));
    if (w != kUnknown) {
      const uint32_t* top = &top_next_[static_cast<size_t>(v) * top_k_];
      if (top[0] == w) {
        score.rank = 0;
      } else if (std::find(top, top + top_k_, w) != top + top_k_) {
        score.rank = 1;
      }
    }
    out.push_back(score);
    u = v;
    v = w;
  }
}

}  // namespace crosscheck::assess
