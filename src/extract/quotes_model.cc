// The attribution tagger: features, Viterbi decoding, averaged-perceptron training, model file.
#include "extract/quotes_model.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <limits>
#include <numeric>
#include <random>

#include "core/ud.h"

namespace crosscheck::extract {

namespace {

constexpr char kMagic[8] = {'C', 'C', 'Q', 'U', 'O', 'T', 'E', '1'};

uint64_t mix(uint64_t x) {  // splitmix64 finaliser
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
uint64_t combine(uint64_t a, uint64_t b) { return mix(a * 0x100000001b3ULL ^ mix(b)); }
uint64_t hash_text(std::string_view text) { return XXH3_64bits(text.data(), text.size()); }

bool is_quote_mark(std::string_view lower) {
  return lower == "\"" || lower == "\u201c" || lower == "\u201d" || lower == "\u201e" ||
         lower == "``" || lower == "''";
}

// Hash of the coarse word shape: "Xx", "x", "X", "d", or the punctuation itself.
uint64_t shape_hash(const Token& token, std::string_view surface) {
  if (token.shape == TokenShape::kNumber) return hash_text("d");
  if (token.shape != TokenShape::kWord) return hash_text(surface.substr(0, 4));
  if (token.all_caps) return hash_text("X");
  return hash_text(token.capitalized ? "Xx" : "x");
}

// Discretised training-data cue rate: 0 unseen, then < 5%, < 20%, < 50%, the rest.
uint8_t rate_bucket(float rate) {
  if (rate <= 0) return 0;
  if (rate < 0.05f) return 1;
  if (rate < 0.2f) return 2;
  if (rate < 0.5f) return 3;
  return 4;
}

uint8_t distance_bucket(size_t distance) {
  if (distance <= 3) return static_cast<uint8_t>(distance);
  if (distance <= 6) return 4;
  if (distance <= 12) return 5;
  return 6;
}

// Quotation-mark state of each token: 0 outside, 1 inside, 2 opening mark, 3 closing mark.
// Curly marks pair by direction, straight ones alternate; a paragraph break closes an open quote
// (a quotation running over paragraphs reopens in each).
std::vector<uint8_t> quote_states(const Document& doc) {
  const auto& tokens = doc.tokens;
  std::vector<uint8_t> state(tokens.size(), 0);
  bool open = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 && open) {
      std::string_view gap(
          doc.text.data() + tokens[i - 1].span.end,
          tokens[i].span.start - std::min(tokens[i].span.start, tokens[i - 1].span.end));
      if (gap.find('\n') != std::string_view::npos) open = false;
    }
    std::string_view word = tokens[i].lower;
    if (!is_quote_mark(word)) {
      state[i] = open ? 1 : 0;
      continue;
    }
    bool closes = word == "\u201d" || word == "''" || ((word == "\"") && open);
    if (closes) {
      state[i] = 3;
      open = false;
    } else {
      state[i] = 2;
      open = true;
    }
  }
  return state;
}

// Feature templates (the first argument of combine); numbering is part of the model file.
enum Template : uint64_t {
  kBias = 1,
  kWord,
  kWordPrev,
  kWordNext,
  kWordPrev2,
  kWordNext2,
  kStem,
  kShape,
  kSuffix,
  kBigramPrev,
  kBigramNext,
  kShapeContext,
  kCueRate,
  kCueRatePrev,
  kCueRateNext,
  kCueRateNextWord,
  kQuoteState,
  kQuoteContext,
  kSentencePosition,
  kLeftCue,
  kRightCue,
  kLeftCueWord,
  kRightCueWord,
  kLeftCueCommas,
  kRightCueCommas,
  kSentenceCue,
  kCueFollower,
  kUpos,
  kUposPrev,
  kUposNext,
  kDeprel,
  kDeprelHead,
  kHeadCue,
  kGoverningCue,
  kGoverningCueWord,
  kParagraphStart,
  kHeadStem,
  kSubtreeStart,
  kSubtreeEnd,
  kCueChildren,
};

// One bit per relation that marks a speech verb's arguments (0 for the rest).
uint8_t relation_bit(uint8_t deprel) {
  static const std::array<uint8_t, 7> kRelations = {
      deprel_from_name("nsubj"),     deprel_from_name("ccomp"), deprel_from_name("parataxis"),
      deprel_from_name("obj"),       deprel_from_name("xcomp"), deprel_from_name("obl:agent"),
      deprel_from_name("nsubj:pass")};
  for (size_t k = 0; k < kRelations.size(); ++k)
    if (deprel == kRelations[k]) return static_cast<uint8_t>(1u << k);
  return 0;
}

struct TokenInfo {
  uint64_t word = 0, stem = 0, shape = 0, suffix = 0;
  uint8_t rate = 0;
  float cue_rate = 0;
};

}  // namespace

void FeatureTable::reserve(size_t count) {
  size_t capacity = 16;
  while (capacity < 2 * count) capacity *= 2;
  keys_.assign(capacity, 0);
  rows_.assign(capacity, kMissing);
  size_ = 0;
}

void FeatureTable::insert(uint64_t hash, uint32_t row) {
  if (hash == 0) hash = 1;
  if (keys_.empty() || 2 * (size_ + 1) > keys_.size()) return;  // reserve() decides the room
  size_t mask = keys_.size() - 1;
  for (size_t slot = mix(hash) & mask;; slot = (slot + 1) & mask) {
    if (keys_[slot] == hash) {
      rows_[slot] = row;
      return;
    }
    if (keys_[slot] == 0) {
      keys_[slot] = hash;
      rows_[slot] = row;
      ++size_;
      return;
    }
  }
}

uint32_t FeatureTable::find(uint64_t hash) const {
  if (keys_.empty()) return kMissing;
  if (hash == 0) hash = 1;
  size_t mask = keys_.size() - 1;
  for (size_t slot = mix(hash) & mask;; slot = (slot + 1) & mask) {
    if (keys_[slot] == hash) return rows_[slot];
    if (keys_[slot] == 0) return kMissing;
  }
}

float QuoteModel::cue_rate(std::string_view stem) const {
  auto it = cue_rate_hashes_.find(hash_text(stem));
  return it == cue_rate_hashes_.end() ? 0.0f : it->second;
}

// Feature hashes of every token, concatenated; offsets[i]..offsets[i+1] are token i's.
std::vector<uint64_t> QuoteModel::feature_hashes(const Document& doc,
                                                 std::vector<uint32_t>& offsets) const {
  const auto& tokens = doc.tokens;
  const size_t n = tokens.size();
  std::vector<TokenInfo> info(n);
  for (size_t i = 0; i < n; ++i) {
    const Token& token = tokens[i];
    std::string_view stem = token.stem.empty() ? std::string_view(token.lower) : token.stem;
    info[i].word = hash_text(token.lower);
    info[i].stem = hash_text(stem);
    info[i].shape = shape_hash(token, doc.slice(token.span));
    std::string_view lower = token.lower;
    info[i].suffix = hash_text(lower.size() > 3 ? lower.substr(lower.size() - 3) : lower);
    auto rate = cue_rate_hashes_.find(info[i].stem);
    info[i].cue_rate = rate == cue_rate_hashes_.end() ? 0.0f : rate->second;
    info[i].rate = rate_bucket(info[i].cue_rate);
  }
  std::vector<uint8_t> quotes = quote_states(doc);
  const bool parsed = std::any_of(tokens.begin(), tokens.end(),
                                  [](const Token& t) { return t.upos != Upos::kNone; });
  constexpr uint8_t kCandidate = 2;  // rate bucket from which a word anchors cue features

  // Per sentence: nearest cue candidate to the left and right of each token, and the
  // sentence's likeliest cue.
  std::vector<int64_t> left(n, -1), right(n, -1), best(n, -1);
  for (size_t first = 0; first < n;) {
    size_t last = first;
    while (last + 1 < n && tokens[last + 1].sentence == tokens[first].sentence) ++last;
    int64_t seen = -1, top = -1;
    for (size_t i = first; i <= last; ++i) {
      left[i] = seen;
      if (info[i].rate >= kCandidate && quotes[i] == 0) {
        seen = static_cast<int64_t>(i);
        if (top < 0 || info[i].cue_rate > info[static_cast<size_t>(top)].cue_rate)
          top = static_cast<int64_t>(i);
      }
    }
    seen = -1;
    for (size_t i = last + 1; i-- > first;) {
      right[i] = seen;
      if (info[i].rate >= kCandidate && quotes[i] == 0) seen = static_cast<int64_t>(i);
      best[i] = top;
    }
    first = last + 1;
  }
  // Commas before each token (prefix counts), for "commas between token and cue".
  std::vector<uint32_t> commas(n + 1, 0);
  for (size_t i = 0; i < n; ++i) commas[i + 1] = commas[i] + (tokens[i].lower == "," ? 1 : 0);
  auto comma_bucket = [&](size_t a, size_t b) -> uint64_t {
    uint32_t count = commas[std::max(a, b)] - commas[std::min(a, b) + 1];
    return std::min<uint32_t>(count, 2);
  };
  auto word_at = [&](int64_t i) -> uint64_t {
    return i < 0 || i >= static_cast<int64_t>(n) ? 0x5eed : info[static_cast<size_t>(i)].word;
  };
  auto rate_at = [&](int64_t i) -> uint64_t {
    return i < 0 || i >= static_cast<int64_t>(n) ? 9 : info[static_cast<size_t>(i)].rate;
  };
  auto upos_at = [&](int64_t i) -> uint64_t {
    return i < 0 || i >= static_cast<int64_t>(n)
               ? 99
               : static_cast<uint64_t>(tokens[static_cast<size_t>(i)].upos);
  };

  // Leftmost and rightmost token of every subtree, and which relations a word governs.
  std::vector<uint32_t> left_edge(n), right_edge(n);
  std::vector<uint8_t> children(n, 0);
  if (parsed) {
    for (size_t i = 0; i < n; ++i) left_edge[i] = right_edge[i] = static_cast<uint32_t>(i);
    for (size_t i = 0; i < n; ++i) {
      int32_t a = tokens[i].head;
      for (int step = 0; step < 64 && a >= 0 && static_cast<size_t>(a) < n; ++step) {
        auto h = static_cast<size_t>(a);
        left_edge[h] = std::min(left_edge[h], static_cast<uint32_t>(i));
        right_edge[h] = std::max(right_edge[h], static_cast<uint32_t>(i));
        a = tokens[h].head;
      }
      int32_t h = tokens[i].head;
      if (h >= 0 && static_cast<size_t>(h) < n)
        children[static_cast<size_t>(h)] |= relation_bit(tokens[i].deprel);
    }
  }
  auto subtree_edge = [&](size_t i, const std::vector<uint32_t>& edge) -> uint64_t {
    size_t top = i;
    for (int step = 0; step < 64; ++step) {
      int32_t h = tokens[top].head;
      if (h < 0 || static_cast<size_t>(h) >= n || edge[static_cast<size_t>(h)] != i) break;
      top = static_cast<size_t>(h);
    }
    if (top == i && edge[i] != i) return 0;  // inside its own subtree: no edge
    int32_t h = tokens[top].head;
    uint64_t head_rate = h >= 0 && static_cast<size_t>(h) < n ? info[static_cast<size_t>(h)].rate : 9;
    return 1 + tokens[top].deprel * 16 + head_rate;
  };

  std::vector<uint64_t> out;
  out.reserve(n * 48);
  offsets.assign(1, 0);
  for (size_t i = 0; i < n; ++i) {
    const auto at = static_cast<int64_t>(i);
    auto add = [&](Template t, uint64_t value) { out.push_back(combine(t, value)); };
    auto add2 = [&](Template t, uint64_t a, uint64_t b) {
      out.push_back(combine(t, combine(a, b)));
    };
    add(kBias, 0);
    add(kWord, info[i].word);
    add(kWordPrev, word_at(at - 1));
    add(kWordNext, word_at(at + 1));
    add(kWordPrev2, word_at(at - 2));
    add(kWordNext2, word_at(at + 2));
    add(kStem, info[i].stem);
    add(kShape, info[i].shape);
    add(kSuffix, info[i].suffix);
    add2(kBigramPrev, word_at(at - 1), info[i].word);
    add2(kBigramNext, info[i].word, word_at(at + 1));
    add2(kShapeContext, info[i].shape, i > 0 ? info[i - 1].shape : 0);
    add(kCueRate, info[i].rate);
    add(kCueRatePrev, rate_at(at - 1));
    add(kCueRateNext, rate_at(at + 1));
    add2(kCueRateNextWord, info[i].rate, word_at(at + 1));
    add2(kQuoteState, quotes[i], i > 0 ? quotes[i - 1] : 9);
    add2(kQuoteContext, quotes[i], i + 1 < n ? quotes[i + 1] : 9);
    bool sentence_first = i == 0 || tokens[i - 1].sentence != tokens[i].sentence;
    bool sentence_last = i + 1 == n || tokens[i + 1].sentence != tokens[i].sentence;
    bool before_last =
        !sentence_last && (i + 2 == n || tokens[i + 2].sentence != tokens[i].sentence);
    add(kSentencePosition,
        (sentence_first ? 1 : 0) | (sentence_last ? 2 : 0) | (before_last ? 4 : 0));
    if (i > 0 && tokens[i - 1].span.end <= tokens[i].span.start) {
      std::string_view gap(doc.text.data() + tokens[i - 1].span.end,
                           tokens[i].span.start - tokens[i - 1].span.end);
      add(kParagraphStart, gap.find('\n') != std::string_view::npos);
    }
    if (left[i] >= 0) {
      auto c = static_cast<size_t>(left[i]);
      add2(kLeftCue, info[c].rate, distance_bucket(i - c) * 8 + quotes[i]);
      add2(kLeftCueWord, info[c].stem, distance_bucket(i - c) > 3);
      add2(kLeftCueCommas, info[c].rate, comma_bucket(c, i));
      add2(kCueFollower, word_at(left[i] + 1), distance_bucket(i - c));
    } else {
      add(kLeftCue, 1000);
    }
    if (right[i] >= 0) {
      auto c = static_cast<size_t>(right[i]);
      add2(kRightCue, info[c].rate, distance_bucket(c - i) * 8 + quotes[i]);
      add2(kRightCueWord, info[c].stem, distance_bucket(c - i) > 3);
      add2(kRightCueCommas, info[c].rate, comma_bucket(i, c));
    } else {
      add(kRightCue, 1000);
    }
    if (best[i] >= 0) {
      auto c = static_cast<size_t>(best[i]);
      int direction = c < i ? 0 : c == i ? 1 : 2;
      add2(kSentenceCue, info[c].rate, direction * 8 + quotes[i]);
    } else {
      add2(kSentenceCue, 1000, quotes[i]);
    }
    if (!parsed) {
      offsets.push_back(static_cast<uint32_t>(out.size()));
      continue;
    }
    const Token& token = tokens[i];
    add(kUpos, static_cast<uint64_t>(token.upos));
    add2(kUposPrev, upos_at(at - 1), static_cast<uint64_t>(token.upos));
    add2(kUposNext, static_cast<uint64_t>(token.upos), upos_at(at + 1));
    add(kDeprel, token.deprel);
    int32_t head = token.head;
    bool has_head = head >= 0 && static_cast<size_t>(head) < n;
    add2(kDeprelHead, token.deprel,
         has_head ? static_cast<uint64_t>(tokens[static_cast<size_t>(head)].upos) : 98);
    add2(kHeadCue, token.deprel, has_head ? info[static_cast<size_t>(head)].rate : 9);
    // The nearest ancestor that is a likely cue, and the relation under which the path
    // reaches it: ccomp/parataxis for content, nsubj/obl:agent for the source.
    size_t child = i;
    int32_t ancestor = head;
    uint64_t governing = 1000;
    for (int step = 0; step < 8 && ancestor >= 0 && static_cast<size_t>(ancestor) < n; ++step) {
      auto a = static_cast<size_t>(ancestor);
      if (info[a].rate >= 3) {
        governing = combine(info[a].rate, tokens[child].deprel * 16 + std::min(step, 3));
        add(kGoverningCueWord, combine(info[a].stem, tokens[child].deprel));
        break;
      }
      child = a;
      ancestor = tokens[a].head;
    }
    add(kGoverningCue, governing);
    if (has_head) add2(kHeadStem, info[static_cast<size_t>(head)].stem, token.deprel);
    // Span edges: the highest ancestor whose subtree starts (ends) here, with its relation and
    // its head's cue rate (a content is often a complement's subtree, a source a subject's).
    add(kSubtreeStart, subtree_edge(i, left_edge));
    add(kSubtreeEnd, subtree_edge(i, right_edge));
    if (info[i].rate >= 1) add2(kCueChildren, info[i].rate, children[i]);
    offsets.push_back(static_cast<uint32_t>(out.size()));
  }
  return out;
}

std::vector<QuoteLabel> QuoteModel::viterbi(const std::vector<Weights>& scores) const {
  const size_t n = scores.size();
  std::vector<QuoteLabel> labels(n, kOutside);
  if (n == 0) return labels;
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  // An Inside label continues its own role only.
  auto allowed = [](size_t previous, size_t next) {
    if (next == kSourceInside) return previous == kSourceBegin || previous == kSourceInside;
    if (next == kCueInside) return previous == kCueBegin || previous == kCueInside;
    if (next == kContentInside) return previous == kContentBegin || previous == kContentInside;
    return true;
  };
  std::vector<std::array<uint8_t, kLabelCount>> back(n);
  Weights best{};
  for (size_t y = 0; y < kLabelCount; ++y) {
    bool inside = y == kSourceInside || y == kCueInside || y == kContentInside;
    best[y] = inside ? kNever : start_[y] + scores[0][y];
  }
  for (size_t i = 1; i < n; ++i) {
    Weights next{};
    for (size_t y = 0; y < kLabelCount; ++y) {
      float top = kNever;
      uint8_t from = 0;
      for (size_t p = 0; p < kLabelCount; ++p) {
        if (!allowed(p, y) || best[p] == kNever) continue;
        float score = best[p] + transitions_[p][y];
        if (score > top) {
          top = score;
          from = static_cast<uint8_t>(p);
        }
      }
      next[y] = top == kNever ? kNever : top + scores[i][y];
      back[i][y] = from;
    }
    best = next;
  }
  size_t y = static_cast<size_t>(std::max_element(best.begin(), best.end()) - best.begin());
  for (size_t i = n; i-- > 0;) {
    labels[i] = static_cast<QuoteLabel>(y);
    if (i > 0) y = back[i][y];
  }
  return labels;
}

std::vector<QuoteLabel> QuoteModel::tag(const Document& doc) const {
  std::vector<uint32_t> offsets;
  std::vector<uint64_t> hashes = feature_hashes(doc, offsets);
  std::vector<Weights> scores(doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    Weights sum{};
    for (uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
      uint32_t row = features_.find(hashes[k]);
      if (row == FeatureTable::kMissing) continue;
      const Weights& w = weights_[row];
      for (size_t y = 0; y < kLabelCount; ++y) sum[y] += w[y];
    }
    scores[i] = sum;
  }
  return viterbi(scores);
}

QuoteModel QuoteModel::train(const std::vector<const Document*>& documents,
                             const std::vector<std::vector<RoleSpan>>& gold,
                             const QuoteTrainOptions& options, QuoteTrainReport* report) {
  QuoteModel model;
  const size_t docs = std::min(documents.size(), gold.size());
  std::vector<std::vector<QuoteLabel>> labels(docs);
  // The cue lexicon: how often each stem is (part of) a gold cue, add-one smoothed.
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> stem_counts;  // cue, total
  for (size_t d = 0; d < docs; ++d) {
    labels[d] = labels_from_spans(*documents[d], gold[d]);
    const auto& tokens = documents[d]->tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
      std::string stem = tokens[i].stem.empty() ? tokens[i].lower : tokens[i].stem;
      auto& counts = stem_counts[stem];
      counts.second++;
      if (labels[d][i] == kCueBegin || labels[d][i] == kCueInside) counts.first++;
    }
  }
  for (const auto& [stem, counts] : stem_counts) {
    if (counts.first < 2) continue;
    float rate = static_cast<float>(counts.first) / static_cast<float>(counts.second + 1);
    model.cue_rates_[stem] = rate;
    model.cue_rate_hashes_[hash_text(stem)] = rate;
  }

  // Features, counted; rare ones left out.
  std::vector<std::vector<uint64_t>> hashes(docs);
  std::vector<std::vector<uint32_t>> offsets(docs);
  std::unordered_map<uint64_t, uint32_t> counts;
  size_t total_tokens = 0;
  for (size_t d = 0; d < docs; ++d) {
    hashes[d] = model.feature_hashes(*documents[d], offsets[d]);
    for (uint64_t h : hashes[d]) counts[h]++;
    total_tokens += documents[d]->tokens.size();
  }
  std::vector<uint64_t> kept;
  for (const auto& [h, count] : counts)
    if (count >= static_cast<uint32_t>(std::max(options.min_feature_count, 1))) kept.push_back(h);
  std::sort(kept.begin(), kept.end());  // row order independent of hash-map iteration
  std::unordered_map<uint64_t, uint32_t> kept_rows;
  kept_rows.reserve(kept.size());
  for (size_t row = 0; row < kept.size(); ++row) kept_rows[kept[row]] = static_cast<uint32_t>(row);
  counts.clear();
  std::vector<std::vector<uint32_t>> rows(docs);
  for (size_t d = 0; d < docs; ++d) {
    rows[d].resize(hashes[d].size());
    for (size_t k = 0; k < hashes[d].size(); ++k) {
      auto it = kept_rows.find(hashes[d][k]);
      rows[d][k] = it == kept_rows.end() ? UINT32_MAX : it->second;
    }
    hashes[d].clear();
    hashes[d].shrink_to_fit();
  }

  // Averaged perceptron with the lazy-averaging trick: w - u / c.
  using Accumulator = std::array<double, kLabelCount>;
  std::vector<Accumulator> w(kept.size(), Accumulator{}), u(kept.size(), Accumulator{});
  std::array<Accumulator, kLabelCount> tw{}, tu{};
  Accumulator sw{}, su{};
  double c = 1;
  std::vector<size_t> order(docs);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 random(options.seed);
  auto load_current = [&] {
    for (size_t r = 0; r < kept.size(); ++r)
      for (size_t y = 0; y < kLabelCount; ++y) model.weights_[r][y] = static_cast<float>(w[r][y]);
    for (size_t p = 0; p < kLabelCount; ++p)
      for (size_t y = 0; y < kLabelCount; ++y)
        model.transitions_[p][y] = static_cast<float>(tw[p][y]);
    for (size_t y = 0; y < kLabelCount; ++y) model.start_[y] = static_cast<float>(sw[y]);
  };
  model.weights_.assign(kept.size(), Weights{});
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with the seeded generator, the same on every platform.
    for (size_t i = docs; i > 1; --i) std::swap(order[i - 1], order[random() % i]);
    size_t correct = 0;
    for (size_t d : order) {
      const auto& gold_labels = labels[d];
      const size_t n = gold_labels.size();
      std::vector<Weights> scores(n);
      for (size_t i = 0; i < n; ++i) {
        Weights sum{};
        for (uint32_t k = offsets[d][i]; k < offsets[d][i + 1]; ++k) {
          uint32_t row = rows[d][k];
          if (row == UINT32_MAX) continue;
          for (size_t y = 0; y < kLabelCount; ++y) sum[y] += static_cast<float>(w[row][y]);
        }
        scores[i] = sum;
      }
      // Current weights into the model for decoding (transitions only; scores are above).
      for (size_t p = 0; p < kLabelCount; ++p)
        for (size_t y = 0; y < kLabelCount; ++y)
          model.transitions_[p][y] = static_cast<float>(tw[p][y]);
      for (size_t y = 0; y < kLabelCount; ++y) model.start_[y] = static_cast<float>(sw[y]);
      std::vector<QuoteLabel> predicted = model.viterbi(scores);
      for (size_t i = 0; i < n; ++i) {
        if (predicted[i] == gold_labels[i]) {
          ++correct;
        } else {
          for (uint32_t k = offsets[d][i]; k < offsets[d][i + 1]; ++k) {
            uint32_t row = rows[d][k];
            if (row == UINT32_MAX) continue;
            w[row][gold_labels[i]] += 1;
            u[row][gold_labels[i]] += c;
            w[row][predicted[i]] -= 1;
            u[row][predicted[i]] -= c;
          }
        }
        if (i == 0) {
          if (predicted[0] != gold_labels[0]) {
            sw[gold_labels[0]] += 1, su[gold_labels[0]] += c;
            sw[predicted[0]] -= 1, su[predicted[0]] -= c;
          }
        } else if (predicted[i] != gold_labels[i] || predicted[i - 1] != gold_labels[i - 1]) {
          tw[gold_labels[i - 1]][gold_labels[i]] += 1, tu[gold_labels[i - 1]][gold_labels[i]] += c;
          tw[predicted[i - 1]][predicted[i]] -= 1, tu[predicted[i - 1]][predicted[i]] -= c;
        }
      }
      c += 1;
    }
    if (report)
      report->epoch_token_accuracy.push_back(
          total_tokens ? static_cast<double>(correct) / static_cast<double>(total_tokens) : 0);
  }
  // Averaged weights; rows that stayed zero are dropped.
  for (size_t r = 0; r < kept.size(); ++r)
    for (size_t y = 0; y < kLabelCount; ++y) w[r][y] -= u[r][y] / c;
  for (size_t p = 0; p < kLabelCount; ++p)
    for (size_t y = 0; y < kLabelCount; ++y) tw[p][y] -= tu[p][y] / c;
  for (size_t y = 0; y < kLabelCount; ++y) sw[y] -= su[y] / c;
  load_current();
  QuoteModel trimmed;
  trimmed.cue_rates_ = std::move(model.cue_rates_);
  trimmed.cue_rate_hashes_ = std::move(model.cue_rate_hashes_);
  trimmed.transitions_ = model.transitions_;
  trimmed.start_ = model.start_;
  std::vector<size_t> nonzero;
  for (size_t r = 0; r < kept.size(); ++r) {
    const Weights& row = model.weights_[r];
    if (!std::all_of(row.begin(), row.end(), [](float x) { return x == 0.0f; }))
      nonzero.push_back(r);
  }
  trimmed.features_.reserve(nonzero.size());
  for (size_t r : nonzero) {
    trimmed.features_.insert(kept[r], static_cast<uint32_t>(trimmed.weights_.size()));
    trimmed.weights_.push_back(model.weights_[r]);
  }
  if (report) {
    report->documents = docs;
    report->tokens = total_tokens;
    report->features = trimmed.weights_.size();
    report->cue_words = trimmed.cue_rates_.size();
  }
  return trimmed;
}

namespace {

template <typename T>
void put(std::ostream& out, const T& value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof(T));
}
template <typename T>
bool get(std::istream& in, T& value) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(&value), sizeof(T)));
}

}  // namespace

bool QuoteModel::save(const std::string& path, std::string& error) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    error = path + ": cannot write the model";
    return false;
  }
  out.write(kMagic, sizeof(kMagic));
  put(out, static_cast<uint32_t>(kLabelCount));
  // Sorted, so the same model gives the same bytes.
  std::vector<std::pair<std::string, float>> rates(cue_rates_.begin(), cue_rates_.end());
  std::sort(rates.begin(), rates.end());
  put(out, static_cast<uint32_t>(rates.size()));
  for (const auto& [stem, rate] : rates) {
    put(out, static_cast<uint16_t>(std::min<size_t>(stem.size(), UINT16_MAX)));
    out.write(stem.data(), static_cast<std::streamsize>(std::min<size_t>(stem.size(), UINT16_MAX)));
    put(out, rate);
  }
  for (const Weights& row : transitions_) put(out, row);
  put(out, start_);
  std::vector<std::pair<uint64_t, uint32_t>> rows;
  features_.for_each([&](uint64_t hash, uint32_t row) { rows.emplace_back(hash, row); });
  std::sort(rows.begin(), rows.end());
  put(out, static_cast<uint32_t>(rows.size()));
  for (const auto& [hash, row] : rows) {
    put(out, hash);
    put(out, weights_[row]);
  }
  if (!out) {
    error = path + ": write failed";
    return false;
  }
  return true;
}

bool QuoteModel::load(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open the quote model";
    return false;
  }
  char magic[sizeof(kMagic)];
  uint32_t labels = 0, words = 0, rows = 0;
  if (!in.read(magic, sizeof(magic)) || std::memcmp(magic, kMagic, sizeof(kMagic)) != 0 ||
      !get(in, labels) || labels != kLabelCount || !get(in, words) || words > (1u << 24)) {
    error = path + ": not a crosscheck quote model (version 1)";
    return false;
  }
  QuoteModel model;
  for (uint32_t i = 0; i < words; ++i) {
    uint16_t size = 0;
    float rate = 0;
    std::string stem;
    if (!get(in, size)) break;
    stem.resize(size);
    if (!in.read(stem.data(), size) || !get(in, rate)) break;
    model.cue_rate_hashes_[hash_text(stem)] = rate;
    model.cue_rates_[stem] = rate;
  }
  for (Weights& row : model.transitions_) get(in, row);
  get(in, model.start_);
  if (!in || !get(in, rows) || rows > (1u << 26)) {
    error = path + ": truncated quote model";
    return false;
  }
  model.weights_.resize(rows);
  model.features_.reserve(rows);
  for (uint32_t r = 0; r < rows; ++r) {
    uint64_t hash = 0;
    if (!get(in, hash) || !get(in, model.weights_[r])) {
      error = path + ": truncated quote model";
      return false;
    }
    model.features_.insert(hash, r);
  }
  *this = std::move(model);
  return true;
}

std::vector<QuoteLabel> labels_from_spans(const Document& doc, const std::vector<RoleSpan>& spans) {
  const auto& tokens = doc.tokens;
  std::vector<QuoteLabel> labels(tokens.size(), kOutside);
  size_t first = 0;
  for (const RoleSpan& span : spans) {
    while (first < tokens.size() && tokens[first].span.end <= span.span.start) ++first;
    bool begun = false;
    for (size_t i = first; i < tokens.size() && tokens[i].span.start < span.span.end; ++i) {
      const Span& t = tokens[i].span;
      uint32_t overlap = std::min(t.end, span.span.end) - std::max(t.start, span.span.start);
      if (2 * overlap < t.size()) continue;  // a token belongs where most of it lies
      uint8_t base = span.role == AttributionRole::kSource ? kSourceBegin
                     : span.role == AttributionRole::kCue  ? kCueBegin
                                                           : kContentBegin;
      labels[i] = static_cast<QuoteLabel>(begun ? base + 1 : base);
      begun = true;
    }
  }
  return labels;
}

std::vector<RoleSpan> spans_from_labels(const Document& doc,
                                        const std::vector<QuoteLabel>& labels) {
  std::vector<RoleSpan> spans;
  const size_t n = std::min(labels.size(), doc.tokens.size());
  auto role_of = [](QuoteLabel label) {
    return label <= kSourceInside ? AttributionRole::kSource
           : label <= kCueInside  ? AttributionRole::kCue
                                  : AttributionRole::kContent;
  };
  for (size_t i = 0; i < n;) {
    if (labels[i] == kOutside) {
      ++i;
      continue;
    }
    AttributionRole role = role_of(labels[i]);
    size_t last = i;
    while (last + 1 < n && labels[last + 1] != kOutside && role_of(labels[last + 1]) == role &&
           (labels[last + 1] - 1) % 2 == 1)  // an Inside label of the same role
      ++last;
    spans.push_back({role, {doc.tokens[i].span.start, doc.tokens[last].span.end}});
    i = last + 1;
  }
  return spans;
}

}  // namespace crosscheck::extract
