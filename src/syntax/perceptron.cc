#include "syntax/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace crosscheck::syntax {

uint64_t hash_string(std::string_view text) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001B3ull;
  }
  return mix64(h ^ text.size());
}

namespace {
uint64_t slot_of(uint64_t key, uint64_t mask) { return (key ^ (key >> 29)) & mask; }

// Power of two with a load of at most 0.7.
size_t table_size(size_t n) {
  size_t size = 16;
  while (size * 7 < n * 10) size <<= 1;
  return size;
}
}  // namespace

// ---- Weights ----

void Weights::build_index(bool keep_source) {
  features_ = keys_.size();
  slots_.assign(table_size(keys_.size()), Slot{0, 0, 0});
  mask_ = slots_.size() - 1;
  entries_.resize(cls_.size());
  for (size_t e = 0; e < cls_.size(); ++e) entries_[e] = Entry{cls_[e], w_[e]};
  for (size_t f = 0; f < keys_.size(); ++f) {
    uint64_t s = slot_of(keys_[f], mask_);
    while (slots_[s].count) s = (s + 1) & mask_;
    slots_[s] = Slot{keys_[f], starts_[f], starts_[f + 1] - starts_[f]};
  }
  if (!keep_source) {
    keys_ = {};
    starts_ = {};
    cls_ = {};
    w_ = {};
  }
}

void Weights::score(std::span<const uint64_t> features, float* scores) const {
  if (slots_.empty()) return;
  // Three passes over a batch so that its memory reads overlap: prefetch the slots, find the
  // keys and prefetch their entry runs, then add the runs.
  constexpr size_t kBatch = 32;
  uint64_t at[kBatch];
  const Slot* found[kBatch];
  for (size_t begin = 0; begin < features.size(); begin += kBatch) {
    const size_t m = std::min(features.size() - begin, kBatch);
    const uint64_t* keys = features.data() + begin;
    for (size_t i = 0; i < m; ++i) {
      at[i] = slot_of(keys[i], mask_);
      __builtin_prefetch(&slots_[at[i]]);
    }
    size_t hits = 0;
    for (size_t i = 0; i < m; ++i) {
      uint64_t s = at[i];
      while (slots_[s].count) {
        if (slots_[s].key == keys[i]) {
          found[hits++] = &slots_[s];
          __builtin_prefetch(&entries_[slots_[s].start]);
          break;
        }
        s = (s + 1) & mask_;
      }
    }
    for (size_t h = 0; h < hits; ++h) {
      const Entry* e = &entries_[found[h]->start];
      const Entry* stop = e + found[h]->count;
      for (; e < stop; ++e) scores[e->cls] += e->w;
    }
  }
}

void Weights::write(std::string& out) const {
  put_u32(out, static_cast<uint32_t>(classes_));
  put_u64(out, keys_.size());
  put_u64(out, cls_.size());
  out.append(reinterpret_cast<const char*>(keys_.data()), keys_.size() * sizeof(uint64_t));
  out.append(reinterpret_cast<const char*>(starts_.data()), starts_.size() * sizeof(uint32_t));
  out.append(reinterpret_cast<const char*>(cls_.data()), cls_.size() * sizeof(uint16_t));
  out.append(reinterpret_cast<const char*>(w_.data()), w_.size() * sizeof(float));
}

bool Weights::read(std::string_view& in) {
  uint32_t classes = 0;
  uint64_t nkeys = 0, nentries = 0;
  if (!get_u32(in, classes) || !get_u64(in, nkeys) || !get_u64(in, nentries)) return false;
  if (classes == 0 || classes > 65535) return false;
  if (nkeys > in.size() || nentries > in.size()) return false;
  const uint64_t bytes = nkeys * 8 + (nkeys + 1) * 4 + nentries * 2 + nentries * 4;
  if (bytes > in.size()) return false;
  classes_ = static_cast<int>(classes);
  // Straight from the file's arrays into the lookup form, without a second copy.
  const char* keys = in.data();
  const char* starts = keys + nkeys * 8;
  const char* cls = starts + (nkeys + 1) * 4;
  const char* w = cls + nentries * 2;
  auto start_at = [&](uint64_t f) {
    uint32_t v;
    std::memcpy(&v, starts + f * 4, 4);
    return v;
  };
  if (start_at(0) != 0 || start_at(nkeys) != nentries) return false;
  entries_.resize(nentries);
  for (uint64_t e = 0; e < nentries; ++e) {
    uint16_t c;
    std::memcpy(&c, cls + e * 2, 2);
    if (c >= classes_) return false;
    entries_[e].cls = c;
    std::memcpy(&entries_[e].w, w + e * 4, 4);
  }
  features_ = nkeys;
  slots_.assign(table_size(nkeys), Slot{0, 0, 0});
  mask_ = slots_.size() - 1;
  for (uint64_t f = 0; f < nkeys; ++f) {
    uint64_t key;
    std::memcpy(&key, keys + f * 8, 8);
    const uint32_t begin = start_at(f), end = start_at(f + 1);
    if (begin >= end) return false;  // every stored feature has weights
    uint64_t s = slot_of(key, mask_);
    while (slots_[s].count) s = (s + 1) & mask_;
    slots_[s] = Slot{key, begin, end - begin};
  }
  in.remove_prefix(bytes);
  return true;
}

// ---- TrainWeights ----

TrainWeights::TrainWeights(int classes) : classes_(classes) {
  slots_.assign(1 << 16, 0);
  mask_ = slots_.size() - 1;
}

TrainWeights::Row* TrainWeights::find(uint64_t key) const {
  uint64_t s = slot_of(key, mask_);
  while (uint32_t r = slots_[s]) {
    if (rows_[r - 1].key == key) return const_cast<Row*>(&rows_[r - 1]);
    s = (s + 1) & mask_;
  }
  return nullptr;
}

TrainWeights::Row& TrainWeights::find_or_add(uint64_t key) {
  if (Row* row = find(key)) return *row;
  if ((rows_.size() + 1) * 2 > slots_.size()) {
    slots_.assign(slots_.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (size_t r = 0; r < rows_.size(); ++r) {
      uint64_t s = slot_of(rows_[r].key, mask_);
      while (slots_[s]) s = (s + 1) & mask_;
      slots_[s] = static_cast<uint32_t>(r + 1);
    }
  }
  rows_.push_back(Row{key, {}});
  uint64_t s = slot_of(key, mask_);
  while (slots_[s]) s = (s + 1) & mask_;
  slots_[s] = static_cast<uint32_t>(rows_.size());
  return rows_.back();
}

void TrainWeights::score(std::span<const uint64_t> features, float* scores) const {
  for (uint64_t key : features) {
    if (const Row* row = find(key)) {
      for (const Entry& e : row->entries) scores[e.cls] += e.w;
    }
  }
}

void TrainWeights::add(Row& row, int cls, float delta) {
  for (Entry& e : row.entries) {
    if (e.cls == cls) {
      e.total += static_cast<double>(now_ - e.stamp) * e.w;
      e.stamp = now_;
      e.w += delta;
      return;
    }
  }
  row.entries.push_back(Entry{static_cast<uint16_t>(cls), delta, 0.0, now_});
}

void TrainWeights::update(std::span<const uint64_t> features, int truth, int guess) {
  ++now_;
  if (truth == guess) return;
  for (uint64_t key : features) {
    Row& row = find_or_add(key);
    add(row, truth, 1.0f);
    add(row, guess, -1.0f);
  }
}

Weights TrainWeights::average(float prune) const {
  Weights out;
  out.classes_ = classes_;
  std::vector<uint32_t> order(rows_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [this](uint32_t a, uint32_t b) { return rows_[a].key < rows_[b].key; });
  const double now = static_cast<double>(std::max<int64_t>(now_, 1));
  out.starts_.push_back(0);
  for (uint32_t r : order) {
    const Row& row = rows_[r];
    std::vector<std::pair<uint16_t, float>> kept;
    for (const Entry& e : row.entries) {
      double total = e.total + static_cast<double>(now_ - e.stamp) * e.w;
      float avg = static_cast<float>(total / now);
      if (std::fabs(avg) > prune) kept.emplace_back(e.cls, avg);
    }
    if (kept.empty()) continue;
    std::sort(kept.begin(), kept.end());
    out.keys_.push_back(row.key);
    for (auto [c, w] : kept) {
      out.cls_.push_back(c);
      out.w_.push_back(w);
    }
    out.starts_.push_back(static_cast<uint32_t>(out.cls_.size()));
  }
  out.build_index(true);
  return out;
}

// ---- binary helpers ----

void put_u32(std::string& out, uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
void put_u64(std::string& out, uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
void put_f32(std::string& out, float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, 4);
  put_u32(out, bits);
}
void put_str(std::string& out, std::string_view value) {
  put_u32(out, static_cast<uint32_t>(value.size()));
  out.append(value);
}
bool get_u32(std::string_view& in, uint32_t& value) {
  if (in.size() < 4) return false;
  value = 0;
  for (int i = 0; i < 4; ++i)
    value |= static_cast<uint32_t>(static_cast<uint8_t>(in[i])) << (8 * i);
  in.remove_prefix(4);
  return true;
}
bool get_u64(std::string_view& in, uint64_t& value) {
  if (in.size() < 8) return false;
  value = 0;
  for (int i = 0; i < 8; ++i)
    value |= static_cast<uint64_t>(static_cast<uint8_t>(in[i])) << (8 * i);
  in.remove_prefix(8);
  return true;
}
bool get_f32(std::string_view& in, float& value) {
  uint32_t bits;
  if (!get_u32(in, bits)) return false;
  std::memcpy(&value, &bits, 4);
  return true;
}
bool get_str(std::string_view& in, std::string& value) {
  uint32_t size;
  if (!get_u32(in, size) || size > in.size()) return false;
  value.assign(in.substr(0, size));
  in.remove_prefix(size);
  return true;
}

}  // namespace crosscheck::syntax
