// Features of the same-statement scorer: how much of each sentence the other one says, by
// stems, IDF weight, WordNet synonyms, n-grams and order, and where they differ in numbers,
// names and negation.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <unordered_set>

#include "cluster/cluster.h"
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
  std::string lower, stem;
  bool content = false;
  bool number = false;
  bool name = false;              // capitalised, not the first word
  bool negation = false;          // "not", "n't", "never", "no"
  std::vector<uint64_t> synsets;  // WordNet senses of content words
};

bool share_any(const std::vector<uint64_t>& x, const std::vector<uint64_t>& y) {
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) return true;
    x[i] < y[j] ? ++i : ++j;
  }
  return false;
}

std::vector<Word> words_of(const Document& doc, Span span, const std::vector<Span>& skip,
                           const facts::WordNet& wordnet) {
  std::vector<Word> words;
  bool first = true;
  auto first_token =
      std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.start,
                       [](const Token& token, uint32_t start) { return token.span.start < start; });
  for (auto it = first_token; it != doc.tokens.end(); ++it) {
    const Token& token = *it;
    if (token.span.end > span.end) break;
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
    word.negation = word.lower == "not" || word.lower == "n't" || word.lower == "never" ||
                    word.lower == "no" || token.morph.negative;
    word.content = word.number || (word.lower.size() > 1 && !is_stop_word(word.lower));
    word.name = token.capitalized && !first && !word.number;
    if (word.content && !word.number) word.synsets = wordnet.synsets(word.lower);
    first = false;
    words.push_back(std::move(word));
  }
  return words;
}

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// Shares of a's and b's items found in the other, and their F.
struct Overlap {
  double a = 0, b = 0, f = 0;
};

template <typename T>
Overlap overlap(const std::vector<T>& a, const std::vector<T>& b) {
  std::multiset<T> rest(b.begin(), b.end());
  size_t shared = 0;
  for (const T& x : a) {
    auto it = rest.find(x);
    if (it != rest.end()) ++shared, rest.erase(it);
  }
  Overlap o;
  o.a = a.empty() ? 0 : double(shared) / double(a.size());
  o.b = b.empty() ? 0 : double(shared) / double(b.size());
  o.f = f1(o.a, o.b);
  return o;
}

std::vector<std::string> ngrams(const std::vector<Word>& words, size_t n) {
  std::vector<std::string> grams;
  for (size_t i = 0; i + n <= words.size(); ++i) {
    std::string gram;
    for (size_t k = 0; k < n; ++k) gram += words[i + k].lower + ' ';
    grams.push_back(std::move(gram));
  }
  return grams;
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
  static const std::vector<std::string> names = {"stem_min",
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
  return names;
}

std::vector<double> StatementFeatures::compute(const Document& doc_a, Span a_span,
                                               const Document& doc_b, Span b_span,
                                               const std::vector<Span>& a_skip,
                                               const std::vector<Span>& b_skip) const {
  const std::vector<Word> a = words_of(doc_a, a_span, a_skip, resources_->wordnet),
                          b = words_of(doc_b, b_span, b_skip, resources_->wordnet);
  const TermFrequencies& frequencies = resources_->frequencies;
  const double documents = double(std::max<uint64_t>(frequencies.documents, 1));
  auto idf = [&](const std::string& stem) {
    auto it = frequencies.df.find(stem);
    return std::log((documents + 1) / ((it == frequencies.df.end() ? 0.0 : it->second) + 1));
  };

  std::vector<std::string> content_a, content_b, tokens_a, tokens_b, numbers_a, numbers_b, names_a,
      names_b;
  bool negation_a = false, negation_b = false;
  for (const auto& [words, content, tokens, numbers, names, negation] :
       {std::tuple{&a, &content_a, &tokens_a, &numbers_a, &names_a, &negation_a},
        std::tuple{&b, &content_b, &tokens_b, &numbers_b, &names_b, &negation_b}}) {
    for (const Word& word : *words) {
      tokens->push_back(word.lower);
      if (word.content) content->push_back(word.stem);
      if (word.number) numbers->push_back(word.lower);
      if (word.name) names->push_back(word.lower);
      *negation |= word.negation;
    }
  }
  const Overlap stems = overlap(content_a, content_b);

  // IDF-weighted share of content matched by stem, and by stem or WordNet synonym.
  std::unordered_set<std::string> stems_a(content_a.begin(), content_a.end()),
      stems_b(content_b.begin(), content_b.end());
  double weight = 0, matched = 0, synonym_matched = 0;
  for (const auto& [words, other_stems, other_words] :
       {std::tuple{&a, &stems_b, &b}, std::tuple{&b, &stems_a, &a}}) {
    for (const Word& word : *words) {
      if (!word.content) continue;
      const double w = idf(word.stem);
      weight += w;
      if (other_stems->contains(word.stem)) {
        matched += w, synonym_matched += w;
        continue;
      }
      if (word.number) continue;
      for (const Word& other : *other_words) {
        if (share_any(word.synsets, other.synsets)) {
          synonym_matched += w;
          break;
        }
      }
    }
  }
  const double idf_share = weight > 0 ? matched / weight : 0;
  const double synonym_share = weight > 0 ? synonym_matched / weight : 0;

  const Overlap tokens = overlap(tokens_a, tokens_b);
  const Overlap bigrams = overlap(ngrams(a, 2), ngrams(b, 2));
  const Overlap trigrams = overlap(ngrams(a, 3), ngrams(b, 3));
  const Overlap numbers = overlap(numbers_a, numbers_b);
  const Overlap names = overlap(names_a, names_b);
  const double length_ratio = a.empty() || b.empty() ? 0
                                                     : double(std::min(a.size(), b.size())) /
                                                           double(std::max(a.size(), b.size()));
  const double numbers_unmatched =
      (1 - numbers.a) * double(numbers_a.size()) + (1 - numbers.b) * double(numbers_b.size());
  const double names_unmatched =
      (1 - names.a) * double(names_a.size()) + (1 - names.b) * double(names_b.size());
  return {std::min(stems.a, stems.b),
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
}

}  // namespace crosscheck
