// Averaged perceptron over hashed sparse features (internal to the syntax stage).
//
// A feature is a 64-bit hash; each feature holds weights for the few classes it was ever
// updated for. `TrainWeights` learns with lazy averaging (Collins 2002; Daumé's trick);
// `Weights` is the frozen, averaged table used for prediction: an open-addressing map from
// feature to a run of (class, weight) pairs.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::syntax {

// 64-bit mixing (splitmix64 finaliser) and combination of feature parts.
inline uint64_t mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}
inline uint64_t feat(uint64_t a) { return mix64(a); }
inline uint64_t feat(uint64_t a, uint64_t b) { return mix64(a * 0x100000001B3ull ^ mix64(b)); }
inline uint64_t feat(uint64_t a, uint64_t b, uint64_t c) { return feat(feat(a, b), c); }
inline uint64_t feat(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  return feat(feat(feat(a, b), c), d);
}
// Stable string hash (FNV-1a then mixed), independent of the platform.
uint64_t hash_string(std::string_view text);

// Frozen averaged weights.
class Weights {
 public:
  int classes() const { return classes_; }
  // Adds each feature's weights to scores[0..classes).
  void score(std::span<const uint64_t> features, float* scores) const;
  size_t features() const { return features_; }
  size_t entries() const { return entries_.size(); }

  // Only weights made by TrainWeights::average() can be written (a loaded table keeps just
  // its lookup form).
  void write(std::string& out) const;
  bool read(std::string_view& in);

 private:
  friend class TrainWeights;
  // Builds the lookup form; `keep_source` keeps the arrays write() needs.
  void build_index(bool keep_source);
  int classes_ = 0;
  size_t features_ = 0;
  // Serialised form: features sorted by key, their entry ranges, then the entries.
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> starts_;
  std::vector<uint16_t> cls_;
  std::vector<float> w_;
  // Lookup form: open addressing on the key (count 0 = empty slot); one slot holds the key and
  // its entry range, so a feature costs two memory reads.
  struct Slot {
    uint64_t key;
    uint32_t start;
    uint32_t count;
  };
  struct Entry {
    uint32_t cls;
    float w;
  };
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  uint64_t mask_ = 0;
};

class TrainWeights {
 public:
  explicit TrainWeights(int classes);
  int classes() const { return classes_; }
  void score(std::span<const uint64_t> features, float* scores) const;
  // Moves weight from `guess` to `truth` for every feature; counts one step.
  void update(std::span<const uint64_t> features, int truth, int guess);
  // Counts one prediction without an update (the averaging clock).
  void tick() { ++now_; }
  // Averaged weights; entries with |w| < prune dropped.
  Weights average(float prune = 0.0f) const;

 private:
  struct Entry {
    uint16_t cls;
    float w;
    double total;
    int64_t stamp;
  };
  struct Row {
    uint64_t key;
    std::vector<Entry> entries;
  };
  Row* find(uint64_t key) const;
  Row& find_or_add(uint64_t key);
  void add(Row& row, int cls, float delta);
  int classes_;
  int64_t now_ = 0;
  std::vector<Row> rows_;
  std::vector<uint32_t> slots_;
  uint64_t mask_ = 0;
};

// Little binary writer/reader for model files (little-endian, length-prefixed).
void put_u32(std::string& out, uint32_t value);
void put_u64(std::string& out, uint64_t value);
void put_f32(std::string& out, float value);
void put_str(std::string& out, std::string_view value);
bool get_u32(std::string_view& in, uint32_t& value);
bool get_u64(std::string_view& in, uint64_t& value);
bool get_f32(std::string_view& in, float& value);
bool get_str(std::string_view& in, std::string& value);

// Deterministic random numbers for training (same sequence on every platform).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() { return mix64(state_++); }
  double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[next() % i]);
  }

 private:
  uint64_t state_;
};

}  // namespace crosscheck::syntax
