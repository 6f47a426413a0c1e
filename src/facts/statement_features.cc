// Features of the same-statement scorer: how much of each sentence the other one says, by
// stems, IDF weight, WordNet synonyms, n-grams and order, and where they differ in numbers,
// names and negation; machine-translation metrics in the manner of Madnani et al. (2012):
// n-gram precision both ways on words, stems and lemmas (n = 1..4), BLEU, a METEOR-like
// alignment (exact, stem, WordNet synonym) with its fragmentation penalty, word edit distance,
// character n-grams; and dependency-triple overlap from the syntax layer (who did what to whom).
#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

#include "cluster/cluster.h"
#include "core/ud.h"
#include "facts/facts.h"
#include "facts/wordnet.h"
#include "text/text.h"

namespace crosscheck {

struct StatementFeatures::Resources {
  TermFrequencies frequencies;
  facts::WordNet wordnet;
};

namespace {

struct Word {
  std::string lower, stem, lemma;
  bool content = false;
  bool number = false;
  bool name = false;              // capitalised, not the first word
  bool negation = false;          // "not", "n't", "never", "no"
  std::vector<uint64_t> synsets;  // WordNet senses of content words
  int head = -1;                  // index into the words of the span; -1 root or none
  uint8_t deprel = 0;             // 0 when not parsed
};

// The words of a span and whether the syntax stage has parsed them (heads and relations).
struct Words {
  std::vector<Word> words;
  bool parsed = false;
};

bool share_any(const std::vector<uint64_t>& x, const std::vector<uint64_t>& y) {
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) return true;
    x[i] < y[j] ? ++i : ++j;
  }
  return false;
}

Words words_of(const Document& doc, Span span, const std::vector<Span>& skip,
               const facts::WordNet& wordnet) {
  Words out;
  std::vector<Word>& words = out.words;
  std::vector<int32_t> heads;                  // document token index of each word's head
  std::vector<std::pair<int32_t, int>> index;  // document token index -> word index
  bool first = true;
  auto first_token =
      std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.start,
                       [](const Token& token, uint32_t start) { return token.span.start < start; });
  for (auto it = first_token; it != doc.tokens.end(); ++it) {
    const Token& token = *it;
    if (token.span.end > span.end) break;
    if (token.deprel != 0) out.parsed = true;
    if (std::any_of(skip.begin(), skip.end(),
                    [&](const Span& s) { return s.overlaps(token.span); }))
      continue;
    if (token.shape == TokenShape::kPunct || token.shape == TokenShape::kSymbol) continue;
    Word word;
    word.lower = token.lower.empty() ? fold_case(doc.slice(token.span)) : token.lower;
    word.number = token.shape == TokenShape::kNumber;
    if (word.number)
      word.lower.erase(std::remove(word.lower.begin(), word.lower.end(), ','), word.lower.end());
    word.stem = token.stem.empty() ? word.lower : token.stem;
    word.lemma = token.lemma.empty() || word.number ? word.lower : fold_case(token.lemma);
    word.negation = word.lower == "not" || word.lower == "n't" || word.lower == "never" ||
                    word.lower == "no" || token.morph.negative;
    word.content = word.number || (word.lower.size() > 1 && !is_stop_word(word.lower));
    word.name = token.capitalized && !first && !word.number;
    word.deprel = token.deprel;
    if (word.content && !word.number) word.synsets = wordnet.synsets(word.lower);
    first = false;
    index.emplace_back(static_cast<int32_t>(it - doc.tokens.begin()),
                       static_cast<int>(words.size()));
    heads.push_back(token.head);
    words.push_back(std::move(word));
  }
  // Heads as word indices; a head that is not a word of the span (punctuation, a skipped
  // detail) hands the word on to its own head, up to the root.
  auto word_of = [&](int32_t token) {
    auto found = std::lower_bound(index.begin(), index.end(), std::pair<int32_t, int>{token, -1});
    return found != index.end() && found->first == token ? found->second : -1;
  };
  for (size_t i = 0; i < words.size(); ++i) {
    int32_t head = heads[i];
    for (int hops = 0; head >= 0 && hops < 64; ++hops) {
      if (int w = word_of(head); w >= 0) {
        words[i].head = w;
        break;
      }
      if (static_cast<size_t>(head) >= doc.tokens.size()) break;
      const Token& token = doc.tokens[static_cast<size_t>(head)];
      if (token.span.start < span.start || token.span.end > span.end) break;
      head = token.head;
    }
  }
  return out;
}

// Whether word i of a and word j of b share a WordNet sense, each pair looked up at most once
// (the synonym overlap and both METEOR alignments ask the same questions).
class SynonymTable {
 public:
  SynonymTable(const std::vector<Word>& a, const std::vector<Word>& b)
      : a_(a), b_(b), cells_(a.size() * b.size(), -1) {}
  bool operator()(size_t i, size_t j) {
    int8_t& cell = cells_[i * b_.size() + j];
    if (cell < 0) cell = share_any(a_[i].synsets, b_[j].synsets) ? 1 : 0;
    return cell == 1;
  }

 private:
  const std::vector<Word>& a_;
  const std::vector<Word>& b_;
  std::vector<int8_t> cells_;
};

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// Shares of a's and b's items found in the other, and their F.
struct Overlap {
  double a = 0, b = 0, f = 0;
};

// Multiset overlap of two lists of hashed items.
Overlap overlap(std::vector<uint64_t> a, std::vector<uint64_t> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  size_t shared = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j])
      ++shared, ++i, ++j;
    else
      a[i] < b[j] ? ++i : ++j;
  }
  Overlap o;
  o.a = a.empty() ? 0 : double(shared) / double(a.size());
  o.b = b.empty() ? 0 : double(shared) / double(b.size());
  o.f = f1(o.a, o.b);
  return o;
}

uint64_t hash_of(std::string_view text, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return (h ^ 0xff) * 1099511628211ull;  // a separator, so that "ab c" and "a bc" differ
}

enum class Unit { kWord, kStem, kLemma };

const std::string& unit_of(const Word& word, Unit unit) {
  return unit == Unit::kWord ? word.lower : unit == Unit::kStem ? word.stem : word.lemma;
}

// Hashes of the n-grams of a sequence of hashed words.
std::vector<uint64_t> ngrams(const std::vector<uint64_t>& words, size_t n) {
  std::vector<uint64_t> grams;
  if (words.size() >= n) grams.reserve(words.size() - n + 1);
  for (size_t i = 0; i + n <= words.size(); ++i) {
    uint64_t h = n;
    for (size_t k = 0; k < n; ++k) h = (h ^ words[i + k]) * 0x9E3779B97F4A7C15ull + (h >> 29);
    grams.push_back(h);
  }
  return grams;
}

std::vector<uint64_t> hashes(const std::vector<std::string>& items) {
  std::vector<uint64_t> out;
  out.reserve(items.size());
  for (const std::string& item : items) out.push_back(hash_of(item));
  return out;
}

// Character n-grams of the words joined by single spaces.
std::vector<uint64_t> char_ngrams(const std::vector<Word>& words, size_t n) {
  std::string text;
  for (const Word& word : words) {
    if (!text.empty()) text += ' ';
    text += word.lower;
  }
  std::vector<uint64_t> grams;
  for (size_t i = 0; i + n <= text.size(); ++i)
    grams.push_back(hash_of(std::string_view(text).substr(i, n)));
  return grams;
}

// BLEU of a hypothesis of `length` words against one reference of `reference_length` words,
// n = 1..4, from the clipped n-gram matches (`shared[n-1]`, the same either way round) and the
// hypothesis's n-gram counts; add-one smoothing for n > 1 (Lin & Och 2004), brevity penalty.
double bleu(const std::array<size_t, 4>& shared, const std::array<size_t, 4>& grams, size_t length,
            size_t reference_length) {
  if (length == 0 || reference_length == 0) return 0;
  double log_sum = 0;
  for (size_t n = 0; n < 4; ++n) {
    const double matched = double(shared[n]), total = double(grams[n]);
    const double p = n == 0 ? std::max(matched, 0.1) / total : (matched + 1) / (total + 1);
    log_sum += std::log(p) / 4;
  }
  return std::exp(std::min(0.0, 1 - double(reference_length) / double(length)) + log_sum);
}

// METEOR-like alignment: each word of `a` takes the first free word of `b` equal to it, then
// by stem, then by a shared WordNet sense. Returns, for each word of a, its partner or -1.
// `synonym(i, j)`: word i of a and word j of b share a WordNet sense.
template <typename Synonym>
std::vector<int> align_words(const std::vector<Word>& a, const std::vector<Word>& b,
                             Synonym&& synonym) {
  std::vector<int> partner(a.size(), -1);
  std::vector<char> taken(b.size(), 0);
  for (int stage = 0; stage < 3; ++stage) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (partner[i] >= 0) continue;
      if (stage == 2 && a[i].synsets.empty()) continue;
      for (size_t j = 0; j < b.size(); ++j) {
        if (taken[j]) continue;
        const bool match = stage == 0   ? a[i].lower == b[j].lower
                           : stage == 1 ? a[i].stem == b[j].stem
                                        : !b[j].synsets.empty() && synonym(i, j);
        if (match) {
          partner[i] = static_cast<int>(j), taken[j] = 1;
          break;
        }
      }
    }
  }
  return partner;
}

// METEOR score (Banerjee & Lavie 2005) of an alignment of hypothesis `a` to reference `b`.
double meteor(const std::vector<int>& partner, size_t a_size, size_t b_size) {
  size_t matched = 0, chunks = 0;
  int previous = -2;
  for (int j : partner) {
    if (j >= 0) {
      ++matched;
      if (j != previous + 1) ++chunks;
    }
    previous = j;
  }
  if (matched == 0) return 0;
  const double p = double(matched) / double(a_size), r = double(matched) / double(b_size);
  const double mean = 10 * p * r / (r + 9 * p);
  const double penalty = 0.5 * std::pow(double(chunks) / double(matched), 3);
  return mean * (1 - penalty);
}

// Word edit distance (insertions, deletions, substitutions of stems) over the mean length.
double edit_distance(const std::vector<Word>& a, const std::vector<Word>& b) {
  if (a.empty() && b.empty()) return 0;
  std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (a[i - 1].stem == b[j - 1].stem ? 0 : 1)});
    std::swap(previous, current);
  }
  return 2 * double(previous[b.size()]) / double(a.size() + b.size());
}

// Dependency triples (head lemma, relation, dependent lemma) of the words: all, unlabelled,
// and the core arguments of predicates (subjects, objects, passive agents).
struct Triples {
  std::vector<uint64_t> labelled, unlabelled, core;
  std::vector<size_t> roots;
};

Triples triples_of(const std::vector<Word>& words) {
  Triples t;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.head < 0) {
      if (w.deprel != 0) t.roots.push_back(i);
      continue;
    }
    const Word& head = words[static_cast<size_t>(w.head)];
    const std::string_view relation = deprel_base(w.deprel);
    const uint64_t pair = hash_of(w.lemma, hash_of(head.lemma));
    t.unlabelled.push_back(pair);
    t.labelled.push_back(hash_of(relation, pair));
    // Roles as an active clause would give them: the passive subject is the object, the
    // agent the subject ("B was beaten by A" against "A beat B").
    const std::string_view full = deprel_name(w.deprel);
    std::string_view role =
        full == "nsubj:pass"  ? "obj"
        : full == "obl:agent" ? "nsubj"
        : relation == "nsubj" || relation == "obj" || relation == "iobj" || relation == "csubj"
            ? relation
            : std::string_view();
    if (!role.empty()) t.core.push_back(hash_of(role, pair));
  }
  return t;
}

double lcs_ratio(const std::vector<Word>& a, const std::vector<Word>& b) {
  if (a.empty() || b.empty()) return 0;
  std::vector<size_t> previous(b.size() + 1, 0), current(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j)
      current[j] = a[i - 1].stem == b[j - 1].stem ? previous[j - 1] + 1
                                                  : std::max(previous[j], current[j - 1]);
    std::swap(previous, current);
  }
  return double(previous[b.size()]) / double(std::max(a.size(), b.size()));
}

// Length of the longest run of consecutive words (lower-case forms) both sides contain.
size_t longest_common_run(const std::vector<Word>& a, const std::vector<Word>& b) {
  std::vector<size_t> previous(b.size() + 1, 0), current(b.size() + 1, 0);
  size_t best = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      current[j] = a[i - 1].lower == b[j - 1].lower ? previous[j - 1] + 1 : 0;
      best = std::max(best, current[j]);
    }
    std::swap(previous, current);
  }
  return best;
}

}  // namespace

StatementFeatures::StatementFeatures() : resources_(std::make_unique<Resources>()) {}

const facts::WordNet& StatementFeatures::wordnet() const { return resources_->wordnet; }
StatementFeatures::~StatementFeatures() = default;

std::unique_ptr<StatementFeatures> StatementFeatures::load(const std::string& models_dir,
                                                           const std::string& wordnet_dir,
                                                           std::string& error) {
  std::unique_ptr<StatementFeatures> features(new StatementFeatures());
  if (!load_term_frequencies(models_dir + "/news-df.tsv", features->resources_->frequencies, error))
    return nullptr;
  if (!features->resources_->wordnet.load(wordnet_dir, error)) return nullptr;
  return features;
}

const std::vector<std::string>& StatementFeatures::names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n = {"stem_min",
                                  "stem_max",
                                  "stem_f",
                                  "idf_f",
                                  "idf_unmatched",
                                  "synonym_f",
                                  "token_f",
                                  "bigram_f",
                                  "trigram_f",
                                  "lcs",
                                  "length_ratio",
                                  "length_difference",
                                  "numbers_unmatched",
                                  "numbers_same",
                                  "names_unmatched",
                                  "names_f",
                                  "negation_differs",
                                  "stem_f_x_length"};
    for (const char* unit : {"word", "stem", "lemma"})
      for (int g = 1; g <= 4; ++g)
        for (const char* side : {"_min", "_max"})
          n.push_back(std::string(unit) + std::to_string(g) + side);
    for (const char* name :
         {"bleu_min", "bleu_max", "char3_f", "meteor_min", "meteor_max", "edit_distance",
          "unmatched_min", "unmatched_max", "chars_ratio", "dep_f", "dep_unlabelled_f",
          "dep_core_f", "dep_core_differs", "root_same", "idf_share_min", "idf_share_max",
          "idf_matched", "idf_matched_max", "numbers_shared", "names_shared", "common_run"})
      n.push_back(name);
    return n;
  }();
  return names;
}

std::vector<double> StatementFeatures::compute(const Document& doc_a, Span a_span,
                                               const Document& doc_b, Span b_span,
                                               const std::vector<Span>& a_skip,
                                               const std::vector<Span>& b_skip) const {
  const Words words_a = words_of(doc_a, a_span, a_skip, resources_->wordnet),
              words_b = words_of(doc_b, b_span, b_skip, resources_->wordnet);
  const std::vector<Word>& a = words_a.words;
  const std::vector<Word>& b = words_b.words;
  const TermFrequencies& frequencies = resources_->frequencies;
  const double documents = double(std::max<uint64_t>(frequencies.documents, 1));
  auto idf = [&](const std::string& stem) {
    auto it = frequencies.df.find(stem);
    return std::log((documents + 1) / ((it == frequencies.df.end() ? 0.0 : it->second) + 1));
  };

  std::vector<std::string> content_a, content_b, numbers_a, numbers_b, names_a, names_b;
  bool negation_a = false, negation_b = false;
  for (const auto& [words, content, numbers, names, negation] :
       {std::tuple{&a, &content_a, &numbers_a, &names_a, &negation_a},
        std::tuple{&b, &content_b, &numbers_b, &names_b, &negation_b}}) {
    for (const Word& word : *words) {
      if (word.content) content->push_back(word.stem);
      if (word.number) numbers->push_back(word.lower);
      if (word.name) names->push_back(word.lower);
      *negation |= word.negation;
    }
  }
  const Overlap stems = overlap(hashes(content_a), hashes(content_b));

  // IDF-weighted share of content matched by stem, and by stem or WordNet synonym.
  std::unordered_set<std::string> stems_a(content_a.begin(), content_a.end()),
      stems_b(content_b.begin(), content_b.end());
  double weight = 0, matched = 0, synonym_matched = 0, matched_max_idf = 0;
  std::array<double, 2> unmatched = {0, 0};  // content words the other side does not say
  std::array<double, 2> side_weight = {0, 0}, side_matched = {0, 0};
  SynonymTable synonyms(a, b);
  int side = 0;
  for (const auto& [words, other_stems, other_words] :
       {std::tuple{&a, &stems_b, &b}, std::tuple{&b, &stems_a, &a}}) {
    for (size_t i = 0; i < words->size(); ++i) {
      const Word& word = (*words)[i];
      if (!word.content) continue;
      const double w = idf(word.stem);
      weight += w;
      side_weight[side] += w;
      if (other_stems->contains(word.stem)) {
        matched += w, synonym_matched += w;
        side_matched[side] += w;
        matched_max_idf = std::max(matched_max_idf, w);
        continue;
      }
      bool synonym = false;
      if (!word.number && !word.synsets.empty()) {
        for (size_t j = 0; j < other_words->size(); ++j) {
          if ((*other_words)[j].synsets.empty()) continue;
          if (side == 0 ? synonyms(i, j) : synonyms(j, i)) {
            synonym_matched += w;
            synonym = true;
            break;
          }
        }
      }
      if (!synonym) unmatched[side] += 1;
    }
    ++side;
  }
  const double idf_share = weight > 0 ? matched / weight : 0;
  const double synonym_share = weight > 0 ? synonym_matched / weight : 0;

  // n-gram overlaps (n = 1..4) of words, stems and lemmas; each word's form hashed once.
  std::array<std::array<Overlap, 4>, 3> grams;
  std::array<size_t, 4> shared_words{}, grams_a{}, grams_b{};
  for (Unit unit : {Unit::kWord, Unit::kStem, Unit::kLemma}) {
    std::vector<uint64_t> hashed_a, hashed_b;
    for (const Word& word : a) hashed_a.push_back(hash_of(unit_of(word, unit)));
    for (const Word& word : b) hashed_b.push_back(hash_of(unit_of(word, unit)));
    for (size_t n = 1; n <= 4; ++n) {
      std::vector<uint64_t> x = ngrams(hashed_a, n), y = ngrams(hashed_b, n);
      const Overlap o = overlap(x, y);
      grams[static_cast<size_t>(unit)][n - 1] = o;
      if (unit == Unit::kWord) {
        grams_a[n - 1] = x.size(), grams_b[n - 1] = y.size();
        shared_words[n - 1] = static_cast<size_t>(std::lround(o.a * double(x.size())));
      }
    }
  }
  const Overlap& tokens = grams[0][0];
  const Overlap& bigrams = grams[0][1];
  const Overlap& trigrams = grams[0][2];
  const Overlap numbers = overlap(hashes(numbers_a), hashes(numbers_b));
  const Overlap names = overlap(hashes(names_a), hashes(names_b));
  const double length_ratio = a.empty() || b.empty() ? 0
                                                     : double(std::min(a.size(), b.size())) /
                                                           double(std::max(a.size(), b.size()));
  const double numbers_unmatched =
      (1 - numbers.a) * double(numbers_a.size()) + (1 - numbers.b) * double(numbers_b.size());
  const double names_unmatched =
      (1 - names.a) * double(names_a.size()) + (1 - names.b) * double(names_b.size());
  std::vector<double> row = {std::min(stems.a, stems.b),
                             std::max(stems.a, stems.b),
                             stems.f,
                             idf_share,
                             weight > 0 ? std::log1p(weight - matched) : 0,
                             synonym_share,
                             tokens.f,
                             bigrams.f,
                             trigrams.f,
                             lcs_ratio(a, b),
                             length_ratio,
                             std::log1p(std::abs(double(a.size()) - double(b.size()))),
                             std::log1p(numbers_unmatched),
                             !numbers_a.empty() && numbers.f == 1 ? 1.0 : 0.0,
                             std::log1p(names_unmatched),
                             names.f,
                             negation_a != negation_b ? 1.0 : 0.0,
                             stems.f * length_ratio};
  row.reserve(StatementFeatures::names().size());

  // n-gram precision each way on words, stems and lemmas.
  for (const auto& unit : grams) {
    for (const Overlap& o : unit) {
      row.push_back(std::min(o.a, o.b));
      row.push_back(std::max(o.a, o.b));
    }
  }
  const double bleu_ab = bleu(shared_words, grams_a, a.size(), b.size()),
               bleu_ba = bleu(shared_words, grams_b, b.size(), a.size());
  row.push_back(std::min(bleu_ab, bleu_ba));
  row.push_back(std::max(bleu_ab, bleu_ba));
  row.push_back(overlap(char_ngrams(a, 3), char_ngrams(b, 3)).f);
  const double meteor_ab = meteor(
      align_words(a, b, [&](size_t i, size_t j) { return synonyms(i, j); }), a.size(), b.size());
  const double meteor_ba = meteor(
      align_words(b, a, [&](size_t i, size_t j) { return synonyms(j, i); }), b.size(), a.size());
  row.push_back(std::min(meteor_ab, meteor_ba));
  row.push_back(std::max(meteor_ab, meteor_ba));
  row.push_back(edit_distance(a, b));
  row.push_back(std::log1p(std::min(unmatched[0], unmatched[1])));
  row.push_back(std::log1p(std::max(unmatched[0], unmatched[1])));
  size_t chars_a = 0, chars_b = 0;
  for (const Word& word : a) chars_a += word.lower.size();
  for (const Word& word : b) chars_b += word.lower.size();
  row.push_back(std::max(chars_a, chars_b) > 0
                    ? double(std::min(chars_a, chars_b)) / double(std::max(chars_a, chars_b))
                    : 0);

  // Dependency triples: missing (NaN, which the model reads as the training mean) unless both
  // sides carry the syntax stage's parse.
  if (words_a.parsed && words_b.parsed) {
    const Triples ta = triples_of(a), tb = triples_of(b);
    row.push_back(overlap(ta.labelled, tb.labelled).f);
    row.push_back(overlap(ta.unlabelled, tb.unlabelled).f);
    const Overlap core = overlap(ta.core, tb.core);
    row.push_back(core.f);
    // Core arguments both sides name with the same words but in other roles: "A beat B"
    // against "B beat A".
    double differs = 0;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].head < 0) continue;
      const std::string_view ra = deprel_name(a[i].deprel);
      const bool subject_a = ra == "nsubj" || ra == "obl:agent";
      const bool object_a = ra == "obj" || ra == "nsubj:pass";
      if (!subject_a && !object_a) continue;
      for (size_t j = 0; j < b.size(); ++j) {
        if (b[j].head < 0 || b[j].lemma != a[i].lemma) continue;
        if (b[static_cast<size_t>(b[j].head)].lemma != a[static_cast<size_t>(a[i].head)].lemma)
          continue;
        const std::string_view rb = deprel_name(b[j].deprel);
        const bool subject_b = rb == "nsubj" || rb == "obl:agent";
        const bool object_b = rb == "obj" || rb == "nsubj:pass";
        if ((subject_a && object_b) || (object_a && subject_b)) differs = 1;
      }
    }
    row.push_back(differs);
    double root_same = 0;
    for (size_t i : ta.roots)
      for (size_t j : tb.roots)
        if (a[i].lemma == b[j].lemma || synonyms(i, j)) root_same = 1;
    row.push_back(root_same);
  } else {
    for (int i = 0; i < 5; ++i) row.push_back(std::nan(""));
  }

  // Containment: one side may state a fact as a clause of a longer sentence. How much of each
  // side's content (IDF-weighted) the other holds, the smaller and the larger; how much rare
  // content is shared in absolute terms; numbers and names both give; the longest run of words
  // both sides say in the same order (a copied quotation).
  const double share_a = side_weight[0] > 0 ? side_matched[0] / side_weight[0] : 0;
  const double share_b = side_weight[1] > 0 ? side_matched[1] / side_weight[1] : 0;
  row.push_back(std::min(share_a, share_b));
  row.push_back(std::max(share_a, share_b));
  row.push_back(std::log1p(matched / 2));
  row.push_back(matched_max_idf);
  row.push_back(std::log1p(numbers.a * double(numbers_a.size())));
  row.push_back(std::log1p(names.a * double(names_a.size())));
  row.push_back(std::log1p(double(longest_common_run(a, b))));
  return row;
}

}  // namespace crosscheck
