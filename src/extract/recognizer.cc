#include "extract/recognizer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <numeric>
#include <sstream>

#include "core/utf8.h"
#include "text/text.h"

namespace crosscheck::extract {

namespace {

// Labels: 0 = O, then 1 + type * 4 + position (B, I, L, U) for PER, ORG, LOC, MISC.
constexpr size_t kTypes = 4;
constexpr size_t kLabels = 1 + kTypes * 4;
enum Position : uint8_t { kBegin, kInside, kLast, kUnit };

uint8_t label_of(size_t type, Position position) {
  return static_cast<uint8_t>(1 + type * 4 + position);
}
size_t type_of(uint8_t label) { return (label - 1) / 4; }
Position position_of(uint8_t label) { return static_cast<Position>((label - 1) % 4); }

EntityType entity_type(size_t type) {
  static constexpr EntityType kOrder[] = {EntityType::kPerson, EntityType::kOrganization,
                                          EntityType::kPlace, EntityType::kMisc};
  return kOrder[type];
}
size_t type_index(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return 0;
    case EntityType::kOrganization:
      return 1;
    case EntityType::kPlace:
      return 2;
    case EntityType::kMisc:
      return 3;
  }
  return 3;
}

// Whether `next` may follow `previous` (BILOU: an open name continues with I or L of its type).
bool allowed(uint8_t previous, uint8_t next) {
  bool open =
      previous != 0 && (position_of(previous) == kBegin || position_of(previous) == kInside);
  if (open) {
    return next != 0 && type_of(next) == type_of(previous) &&
           (position_of(next) == kInside || position_of(next) == kLast);
  }
  return next == 0 || position_of(next) == kBegin || position_of(next) == kUnit;
}

uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}
uint64_t hash_text(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return mix(hash);
}
uint64_t feature(uint64_t kind, uint64_t value) {
  return mix(kind * 0x9e3779b97f4a7c15ULL ^ value);
}
uint64_t feature(uint64_t kind, uint64_t a, uint64_t b) { return feature(kind, mix(a) ^ (b + 1)); }

// Feature kinds (stable numbers: they are part of the model file's meaning).
enum Kind : uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kLowerAt,  // + offset
  kShape = 20,
  kShapeAt,
  kShapePair,
  kPrefix = 30,
  kSuffix,
  kLength,
  kInitialShape = 40,
  kSentenceCase,
  kCaseBucket,
  kCaseBucketShape,
  kLowerSeen,
  kCapSeen,
  kNameClass = 50,
  kNameClassAt,
  kNameMatch,
  kNameMatchShape,
  kPrevLabel = 60,
  kPrevTwoLabels,
  kPrevLabelShape,
  kHistory,
  kUpos = 70,
  kUposAt,
  kUposPair,
  kDeprel,
  kHeadUpos,
  kUposShape,
};

enum class Case : uint8_t { kNormal, kTitle, kCapitals };

// Compressed shape: runs of one character class written once ("Xx", "X.X.", "d,d", "x-Xx").
std::string shape_of(std::string_view text) {
  std::string shape;
  char last = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = utf8::decode(text, i);
    char c;
    if (cp >= '0' && cp <= '9') {
      c = 'd';
    } else if (cp < 0x80) {
      c = (cp >= 'A' && cp <= 'Z') ? 'X' : (cp >= 'a' && cp <= 'z') ? 'x' : static_cast<char>(cp);
    } else {
      std::string one;
      utf8::append(one, cp);
      c = fold_case(one) != one ? 'X' : 'x';
    }
    if (c != last) shape.push_back(c);
    last = c;
  }
  return shape;
}

// Per-token values that do not depend on labels, computed once per document.
struct TokenInfo {
  uint64_t word = 0, lower = 0, shape = 0;
  uint8_t name_classes = 0;
  uint8_t name_match = 0;  // position (1..3) * 64 + classes of the longest multi-word match
  uint8_t case_bucket = 0;
  bool capitalised = false, sentence_initial = false, lower_seen = false, cap_seen = false;
  Case sentence_case = Case::kNormal;
  std::vector<uint64_t> statics;  // features without labels
};

uint8_t label_history_value(uint8_t label) {
  return label == 0 ? 0 : static_cast<uint8_t>(1 + type_of(label));
}

}  // namespace

std::vector<uint8_t> Recogniser::labels_of(const Document& doc, const std::vector<Mention>& gold) {
  std::vector<uint8_t> labels(doc.tokens.size(), 0);
  size_t t = 0;
  for (const Mention& mention : gold) {
    while (t < doc.tokens.size() && doc.tokens[t].span.start < mention.span.start) ++t;
    size_t first = t;
    while (t < doc.tokens.size() && doc.tokens[t].span.start < mention.span.end) ++t;
    if (t == first) continue;
    size_t type = type_index(mention.type);
    if (t - first == 1) {
      labels[first] = label_of(type, kUnit);
      continue;
    }
    labels[first] = label_of(type, kBegin);
    for (size_t i = first + 1; i + 1 < t; ++i) labels[i] = label_of(type, kInside);
    labels[t - 1] = label_of(type, kLast);
  }
  return labels;
}

namespace {

// Static features of every token of `doc`.
void build_sequence(const Document& doc, const NameLists& names, const CaseTable& case_table,
                    bool syntax, std::vector<TokenInfo>& tokens) {
  size_t n = doc.tokens.size();
  tokens.resize(n);
  std::vector<std::string> folds(n);
  NameSet lower_words, cap_mid_words;
  for (size_t i = 0; i < n; ++i) {
    const Token& token = doc.tokens[i];
    TokenInfo& info = tokens[i];
    std::string_view text = doc.slice(token.span);
    info.word = hash_text(text);
    info.lower = hash_text(token.lower);
    info.shape = hash_text(shape_of(text));
    info.capitalised = token.capitalized;
    info.sentence_initial = i == 0 || doc.tokens[i - 1].sentence != token.sentence;
    // A quote or bracket opening the sentence leaves the next word sentence-initial.
    if (!info.sentence_initial && i > 0 && doc.tokens[i - 1].shape == TokenShape::kPunct) {
      size_t j = i - 1;
      while (j > 0 && doc.tokens[j].shape == TokenShape::kPunct &&
             doc.tokens[j - 1].sentence == token.sentence) {
        --j;
      }
      info.sentence_initial = doc.tokens[j].shape == TokenShape::kPunct &&
                              (j == 0 || doc.tokens[j - 1].sentence != token.sentence);
    }
    folds[i] = fold_name(text);
    if (token.shape == TokenShape::kWord) {
      if (!token.capitalized) {
        lower_words.insert(token.lower);
      } else if (!info.sentence_initial) {
        cap_mid_words.insert(token.lower);
      }
    }
    if (auto it = names.classes.find(folds[i]); it != names.classes.end()) {
      info.name_classes = it->second;
    }
    if (auto it = case_table.find(token.lower); it != case_table.end()) {
      info.case_bucket = it->second;
    }
  }
  // Sentence case: title case or capitals when most words of three or more are so written.
  for (size_t begin = 0; begin < n;) {
    size_t end = begin;
    size_t words = 0, capitalised = 0, capitals = 0;
    while (end < n && doc.tokens[end].sentence == doc.tokens[begin].sentence) {
      const Token& token = doc.tokens[end];
      if (token.shape == TokenShape::kWord && token.lower.size() > 3) {
        ++words;
        capitalised += token.capitalized ? 1 : 0;
        capitals += token.all_caps ? 1 : 0;
      }
      ++end;
    }
    Case sentence_case = Case::kNormal;
    if (words >= 2 && capitals * 10 >= words * 8) {
      sentence_case = Case::kCapitals;
    } else if (words >= 3 && capitalised * 10 >= words * 8) {
      sentence_case = Case::kTitle;
    }
    for (size_t i = begin; i < end; ++i) tokens[i].sentence_case = sentence_case;
    begin = end;
  }
  // Longest multi-word name-list match starting at each token.
  for (size_t i = 0; i < n; ++i) {
    if (!doc.tokens[i].capitalized) continue;
    std::string joined = folds[i];
    size_t best_end = 0;
    uint8_t best_classes = 0;
    size_t limit = std::min(n, i + std::min<size_t>(names.longest_name_tokens, 6));
    for (size_t j = i + 1; j < limit; ++j) {
      if (doc.tokens[j].sentence != doc.tokens[i].sentence) break;
      joined += ' ';
      joined += folds[j];
      if (auto it = names.classes.find(joined); it != names.classes.end()) {
        best_end = j + 1;
        best_classes = it->second;
      }
    }
    if (best_end == 0) continue;
    for (size_t j = i; j < best_end; ++j) {
      if (tokens[j].name_match != 0) continue;
      uint8_t position = j == i ? 1 : j + 1 == best_end ? 3 : 2;
      tokens[j].name_match = static_cast<uint8_t>(position * 64 + best_classes);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const Token& token = doc.tokens[i];
    TokenInfo& info = tokens[i];
    info.lower_seen = token.capitalized && lower_words.contains(token.lower);
    info.cap_seen = cap_mid_words.contains(token.lower);
    uint64_t initial = info.sentence_initial ? 1 : 0;
    uint64_t sentence_case = static_cast<uint64_t>(info.sentence_case);
    std::vector<uint64_t>& f = info.statics;
    f.clear();
    f.push_back(feature(kBias, 0));
    f.push_back(feature(kWord, info.word));
    f.push_back(feature(kLower, info.lower));
    f.push_back(feature(kShape, info.shape));
    f.push_back(feature(kInitialShape, info.shape, initial));
    f.push_back(feature(kSentenceCase, info.shape, sentence_case));
    f.push_back(feature(kLength, std::min<size_t>(token.lower.size(), 12)));
    for (int offset : {-2, -1, 1, 2}) {
      size_t j = i + offset;
      bool inside = j < n && doc.tokens[j].sentence == token.sentence;
      uint64_t lower = inside ? tokens[j].lower : 0;
      uint64_t shape = inside ? tokens[j].shape : 0;
      f.push_back(feature(kLowerAt + 4 + offset, lower));
      if (offset == -1 || offset == 1) {
        f.push_back(feature(kShapeAt + 4 + offset, shape));
        f.push_back(feature(kShapePair + 4 + offset, shape, info.shape));
        f.push_back(feature(kNameClassAt + 4 + offset, inside ? tokens[j].name_classes : 255));
      }
    }
    // Affixes of the lower-cased word, by bytes (UTF-8 sequences may be cut; harmless).
    std::string_view lower = token.lower;
    for (size_t k = 1; k <= 4 && k < lower.size(); ++k) {
      f.push_back(feature(kPrefix + k * 100, hash_text(lower.substr(0, k))));
      f.push_back(feature(kSuffix + k * 100, hash_text(lower.substr(lower.size() - k))));
    }
    f.push_back(feature(kCaseBucket, info.case_bucket, info.capitalised));
    f.push_back(feature(kCaseBucketShape, info.case_bucket, info.shape ^ (initial << 1)));
    f.push_back(feature(kLowerSeen, info.lower_seen, initial));
    f.push_back(feature(kCapSeen, info.cap_seen, info.capitalised));
    for (uint8_t bit = 1; bit != 0 && bit <= kOrganisation; bit <<= 1) {
      if (info.name_classes & bit) f.push_back(feature(kNameClass, bit, info.capitalised));
    }
    if (info.name_match) f.push_back(feature(kNameMatch, info.name_match));
    if (info.name_match) f.push_back(feature(kNameMatchShape, info.name_match, info.shape));
    if (syntax && token.upos != Upos::kNone) {
      uint64_t upos = static_cast<uint64_t>(token.upos);
      f.push_back(feature(kUpos, upos));
      f.push_back(feature(kUposShape, upos, info.shape));
      f.push_back(feature(kDeprel, token.deprel, upos));
      uint64_t head_upos = token.head >= 0 && static_cast<size_t>(token.head) < n
                               ? static_cast<uint64_t>(doc.tokens[token.head].upos)
                               : 99;
      f.push_back(feature(kHeadUpos, head_upos, token.deprel));
      uint64_t before = i > 0 ? static_cast<uint64_t>(doc.tokens[i - 1].upos) : 99;
      uint64_t after = i + 1 < n ? static_cast<uint64_t>(doc.tokens[i + 1].upos) : 99;
      f.push_back(feature(kUposAt + 3, before));
      f.push_back(feature(kUposAt + 5, after));
      f.push_back(feature(kUposPair, before, upos));
    }
  }
}

}  // namespace

namespace {

// Walks `doc` left to right: for each token the features (static ones and those of the labels
// chosen so far: previous two labels, the document's last label for the same word) go to
// `choose(i, previous, features)`, which returns the token's label.
template <typename Choose>
void walk(const Document& doc, const std::vector<TokenInfo>& tokens, std::vector<uint8_t>& labels,
          Choose&& choose) {
  size_t n = doc.tokens.size();
  labels.assign(n, 0);
  std::unordered_map<uint64_t, uint8_t> history;
  std::vector<uint64_t> features;
  for (size_t i = 0; i < n; ++i) {
    const TokenInfo& info = tokens[i];
    bool first = i == 0 || doc.tokens[i - 1].sentence != doc.tokens[i].sentence;
    uint8_t previous = first ? 0 : labels[i - 1];
    uint8_t before = (first || i < 2 || doc.tokens[i - 2].sentence != doc.tokens[i].sentence)
                         ? 0
                         : labels[i - 2];
    features.assign(info.statics.begin(), info.statics.end());
    features.push_back(feature(kPrevLabel, previous));
    features.push_back(feature(kPrevTwoLabels, previous, before));
    features.push_back(feature(kPrevLabelShape, previous, info.shape));
    auto seen = history.find(info.lower);
    features.push_back(feature(kHistory, seen == history.end() ? 9 : seen->second));
    uint8_t label = choose(i, previous, features);
    labels[i] = label;
    if (doc.tokens[i].capitalized) history[info.lower] = label_history_value(label);
  }
}

void add_scores(const std::unordered_map<uint64_t, uint32_t>& index,
                const std::vector<float>& weights, const std::vector<uint64_t>& features,
                float* scores) {
  for (uint64_t f : features) {
    auto it = index.find(f);
    if (it == index.end()) continue;
    const float* row = &weights[static_cast<size_t>(it->second) * kLabels];
    for (size_t l = 0; l < kLabels; ++l) scores[l] += row[l];
  }
}

}  // namespace

void Recogniser::decode(const Document& doc, std::vector<uint8_t>& labels,
                        std::vector<float>* margins) const {
  std::vector<TokenInfo> tokens;
  build_sequence(doc, names_, case_table_, syntax_, tokens);
  if (margins) margins->assign(doc.tokens.size(), 0);
  walk(doc, tokens, labels, [&](size_t i, uint8_t previous, const std::vector<uint64_t>& f) {
    float scores[kLabels] = {};
    add_scores(index_, weights_, f, scores);
    uint8_t best = 0;
    float best_score = -1e30f, second = -1e30f;
    for (uint8_t l = 0; l < kLabels; ++l) {
      if (!allowed(previous, l)) continue;
      if (scores[l] > best_score) {
        second = best_score;
        best_score = scores[l];
        best = l;
      } else if (scores[l] > second) {
        second = scores[l];
      }
    }
    if (margins) (*margins)[i] = best_score - second;
    return best;
  });
}

std::vector<RecognisedName> Recogniser::recognise(const Document& doc) const {
  std::vector<RecognisedName> names;
  if (!loaded() || doc.tokens.empty()) return names;
  std::vector<uint8_t> labels;
  std::vector<float> margins;
  decode(doc, labels, &margins);
  size_t n = labels.size();
  for (size_t i = 0; i < n;) {
    if (labels[i] == 0) {
      ++i;
      continue;
    }
    size_t type = type_of(labels[i]);
    size_t j = i + 1;
    if (position_of(labels[i]) == kBegin || position_of(labels[i]) == kInside) {
      while (j < n && labels[j] != 0 && type_of(labels[j]) == type &&
             (position_of(labels[j]) == kInside || position_of(labels[j]) == kLast) &&
             doc.tokens[j].sentence == doc.tokens[i].sentence) {
        bool last = position_of(labels[j]) == kLast;
        ++j;
        if (last) break;
      }
    }
    float margin = 0;
    for (size_t k = i; k < j; ++k) margin += margins[k];
    margin /= static_cast<float>(j - i);
    RecognisedName name;
    name.first = static_cast<uint32_t>(i);
    name.last = static_cast<uint32_t>(j);
    name.type = entity_type(type);
    name.confidence = 1.0 / (1.0 + std::exp(-static_cast<double>(margin)));
    names.push_back(name);
    i = j;
  }
  return names;
}

void Recogniser::train(const std::vector<TrainingDocument>& documents,
                       const TrainingOptions& options,
                       const std::function<void(int, const Recogniser&)>& after_epoch) {
  syntax_ = false;
  if (options.syntax) {
    for (const TrainingDocument& d : documents) {
      for (const Token& token : d.doc->tokens) syntax_ = syntax_ || token.upos != Upos::kNone;
      if (syntax_) break;
    }
  }
  index_.clear();
  weights_.clear();
  std::vector<double> totals;  // sum over updates of step * delta, for averaging
  std::vector<std::vector<TokenInfo>> sequences(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    build_sequence(*documents[d].doc, names_, case_table_, syntax_, sequences[d]);
  }
  std::vector<size_t> order(documents.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::mt19937_64 random(options.seed);
  double step = 1;
  auto row_of = [&](uint64_t f) -> size_t {
    auto [it, inserted] = index_.emplace(f, static_cast<uint32_t>(index_.size()));
    if (inserted) {
      weights_.resize(weights_.size() + kLabels, 0.0f);
      totals.resize(totals.size() + kLabels, 0.0);
    }
    return static_cast<size_t>(it->second) * kLabels;
  };
  std::vector<float> current;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), random);
    for (size_t d : order) {
      const Document& doc = *documents[d].doc;
      const std::vector<uint8_t>& gold = documents[d].labels;
      const std::vector<TokenInfo>& tokens = sequences[d];
      std::vector<uint8_t> labels;
      walk(doc, tokens, labels, [&](size_t i, uint8_t previous, const std::vector<uint64_t>& f) {
        float scores[kLabels] = {};
        add_scores(index_, weights_, f, scores);
        uint8_t best = 0;
        float best_score = -1e30f;
        for (uint8_t l = 0; l < kLabels; ++l) {
          if (allowed(previous, l) && scores[l] > best_score) {
            best_score = scores[l];
            best = l;
          }
        }
        uint8_t truth = gold[i];
        step += 1;
        if (best == truth) return best;
        for (uint64_t feature_hash : f) {
          size_t row = row_of(feature_hash);
          weights_[row + truth] += 1.0f;
          totals[row + truth] += step;
          weights_[row + best] -= 1.0f;
          totals[row + best] -= step;
        }
        // An invalid gold transition (misaligned tokens) keeps the prediction as history.
        return allowed(previous, truth) ? truth : best;
      });
    }
    if (after_epoch) {
      // Averaged weights: w - totals / step.
      current = weights_;
      for (size_t k = 0; k < weights_.size(); ++k) {
        weights_[k] = static_cast<float>(current[k] - totals[k] / step);
      }
      after_epoch(epoch, *this);
      weights_ = current;
    }
  }
  for (size_t k = 0; k < weights_.size(); ++k) {
    weights_[k] = static_cast<float>(weights_[k] - totals[k] / step);
  }
}

namespace {

constexpr char kMagic[8] = {'C', 'C', 'N', 'E', 'R', '0', '0', '1'};
constexpr float kPrune = 1e-3f;

template <typename T>
void put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
bool get(std::string_view& in, T& value) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(&value, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return true;
}

const char* kClassLetters = "GSCPDO";  // bits of NameClass in order

}  // namespace

bool Recogniser::save(const std::string& models_dir, std::string& error) const {
  std::string out(kMagic, sizeof(kMagic));
  put<uint8_t>(out, syntax_ ? 1 : 0);
  put<uint8_t>(out, static_cast<uint8_t>(kLabels));
  std::vector<std::pair<uint64_t, uint32_t>> rows(index_.begin(), index_.end());
  std::sort(rows.begin(), rows.end());
  std::string body;
  uint32_t kept = 0;
  for (const auto& [hash, row] : rows) {
    const float* w = &weights_[static_cast<size_t>(row) * kLabels];
    uint8_t nonzero = 0;
    for (size_t l = 0; l < kLabels; ++l) nonzero += std::fabs(w[l]) >= kPrune ? 1 : 0;
    if (nonzero == 0) continue;
    ++kept;
    put<uint64_t>(body, hash);
    put<uint8_t>(body, nonzero);
    for (size_t l = 0; l < kLabels; ++l) {
      if (std::fabs(w[l]) < kPrune) continue;
      put<uint8_t>(body, static_cast<uint8_t>(l));
      put<float>(body, w[l]);
    }
  }
  put<uint32_t>(out, kept);
  out += body;
  std::ofstream model(models_dir + "/ner.bin", std::ios::binary);
  model.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!model) {
    error = models_dir + "/ner.bin: cannot write";
    return false;
  }
  std::vector<std::pair<std::string, uint8_t>> names(names_.classes.begin(), names_.classes.end());
  std::sort(names.begin(), names.end());
  std::ofstream lists(models_dir + "/ner-names.tsv");
  for (const auto& [name, classes] : names) {
    lists << name << '\t';
    for (size_t bit = 0; bit < 6; ++bit) {
      if (classes & (1u << bit)) lists << kClassLetters[bit];
    }
    lists << '\n';
  }
  if (!lists) {
    error = models_dir + "/ner-names.tsv: cannot write";
    return false;
  }
  std::vector<std::pair<std::string, uint8_t>> cases(case_table_.begin(), case_table_.end());
  std::sort(cases.begin(), cases.end());
  std::ofstream case_file(models_dir + "/ner-case.tsv");
  for (const auto& [word, bucket] : cases) case_file << word << '\t' << int{bucket} << '\n';
  if (!case_file) {
    error = models_dir + "/ner-case.tsv: cannot write";
    return false;
  }
  return true;
}

bool Recogniser::load(const std::string& models_dir, std::string& error) {
  std::string bytes;
  std::string path = models_dir + "/ner.bin";
  if (!read_file(path, bytes)) {
    error = path + ": cannot read";
    return false;
  }
  std::string_view in(bytes);
  if (in.size() < sizeof(kMagic) || in.substr(0, sizeof(kMagic)) != std::string_view(kMagic, 8)) {
    error = path + ": not a crosscheck name recogniser model";
    return false;
  }
  in.remove_prefix(sizeof(kMagic));
  uint8_t syntax = 0, labels = 0;
  uint32_t count = 0;
  if (!get(in, syntax) || !get(in, labels) || labels != kLabels || !get(in, count) ||
      count > in.size() / 13) {
    error = path + ": malformed header";
    return false;
  }
  syntax_ = syntax != 0;
  index_.clear();
  index_.reserve(count);
  weights_.assign(static_cast<size_t>(count) * kLabels, 0.0f);
  for (uint32_t k = 0; k < count; ++k) {
    uint64_t hash = 0;
    uint8_t nonzero = 0;
    if (!get(in, hash) || !get(in, nonzero)) {
      error = path + ": truncated";
      weights_.clear();
      return false;
    }
    index_.emplace(hash, k);
    for (uint8_t j = 0; j < nonzero; ++j) {
      uint8_t label = 0;
      float weight = 0;
      if (!get(in, label) || !get(in, weight) || label >= kLabels || !std::isfinite(weight)) {
        error = path + ": truncated or malformed weights";
        weights_.clear();
        return false;
      }
      weights_[static_cast<size_t>(k) * kLabels + label] = weight;
    }
  }
  auto read_tsv = [&](const std::string& file, auto&& take) {
    std::ifstream tsv(file);
    if (!tsv) {
      error = file + ": cannot read";
      return false;
    }
    std::string line;
    while (std::getline(tsv, line)) {
      size_t tab = line.find('\t');
      if (tab == std::string::npos || tab == 0) continue;
      take(line.substr(0, tab), std::string_view(line).substr(tab + 1));
    }
    return true;
  };
  names_ = NameLists{};
  bool ok = read_tsv(models_dir + "/ner-names.tsv", [&](std::string name, std::string_view value) {
    uint8_t classes = 0;
    for (char c : value) {
      const char* found = std::strchr(kClassLetters, c);
      if (found && c) classes |= static_cast<uint8_t>(1u << (found - kClassLetters));
    }
    size_t words = static_cast<size_t>(std::count(name.begin(), name.end(), ' ')) + 1;
    names_.longest_name_tokens = std::max(names_.longest_name_tokens, words);
    names_.classes[std::move(name)] = classes;
  });
  ok = ok && read_tsv(models_dir + "/ner-case.tsv", [&](std::string word, std::string_view value) {
         if (value.size() == 1 && value[0] >= '1' && value[0] <= '5') {
           case_table_[std::move(word)] = static_cast<uint8_t>(value[0] - '0');
         }
       });
  if (!ok) weights_.clear();
  return ok;
}

CaseTable count_capitalisation(const std::vector<Document>& documents, size_t min_count) {
  NameMap<std::pair<uint32_t, uint32_t>> counts;  // capitalised, all (not sentence-initial)
  for (const Document& doc : documents) {
    for (size_t i = 1; i < doc.tokens.size(); ++i) {
      const Token& token = doc.tokens[i];
      if (token.shape != TokenShape::kWord || doc.tokens[i - 1].sentence != token.sentence) {
        continue;
      }
      if (doc.tokens[i - 1].shape == TokenShape::kPunct) continue;  // after a quote or colon
      auto& count = counts[token.lower];
      count.first += token.capitalized ? 1 : 0;
      count.second += 1;
    }
  }
  CaseTable table;
  for (const auto& [word, count] : counts) {
    if (count.second < min_count) continue;
    double share = static_cast<double>(count.first) / count.second;
    uint8_t bucket = share < 0.05 ? 1 : share < 0.3 ? 2 : share < 0.7 ? 3 : share < 0.95 ? 4 : 5;
    table.emplace(word, bucket);
  }
  return table;
}

NameLists name_lists_from(const Gazetteer& gazetteer) {
  NameLists lists;
  auto add = [&](const std::string& name, uint8_t bit) {
    if (name.empty() || name.find('\t') != std::string::npos ||
        name.find('\n') != std::string::npos) {
      return;
    }
    lists.classes[name] |= bit;
    size_t words = static_cast<size_t>(std::count(name.begin(), name.end(), ' ')) + 1;
    lists.longest_name_tokens = std::max(lists.longest_name_tokens, words);
  };
  for (const auto& [name, _] : gazetteer.countries) add(name, kCountry);
  for (const auto& [name, _] : gazetteer.country_codes) add(name, kCountry);
  for (const auto& [name, _] : gazetteer.demonyms) add(name, kDemonym);
  for (const auto& [name, _] : gazetteer.places) add(name, kPlace);
  for (const auto& [name, _] : gazetteer.organizations) add(name, kOrganisation);
  for (const std::string& name : gazetteer.first_names) add(name, kGivenName);
  for (const std::string& name : gazetteer.surnames) add(name, kSurname);
  return lists;
}

}  // namespace crosscheck::extract
