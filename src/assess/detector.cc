// The detector's signals: how predictable the text is under a word trigram model of human news
// (mean, spread across sentences and tokens, rank histogram, gain over the unigram model), and
// stylometry that needs no word list (sentence-length rhythm, lexical diversity, repetition,
// quotes, numbers, names, punctuation, markup). A logistic model (liblinear) weighs them.
#include "assess/detector.h"

#include <linear.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_set>

namespace crosscheck::assess {

namespace {

enum Signal : size_t {
  kLogprob,
  kUnigramLogprob,
  kContextGain,
  kSentenceSpread,
  kTokenSpread,
  kTopOne,
  kTopTen,
  kUnknown,
  kSentenceWords,
  kSentenceVariation,
  kLexicalDiversity,
  kQuotes,
  kNumbers,
  kNames,
  kCommas,
  kOtherPunctuation,
  kWordLength,
  kRepeatedTrigrams,
  kMarkup,
  kQuestions,
  kSignalCount
};

constexpr int kDiversityWindow = 50;

double mean_of(const std::vector<double>& values) {
  if (values.empty()) return 0;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double sd_of(const std::vector<double>& values) {
  if (values.size() < 2) return 0;
  const double m = mean_of(values);
  double sum = 0;
  for (double v : values) sum += (v - m) * (v - m);
  return std::sqrt(sum / static_cast<double>(values.size()));
}

// Per-100-word rates are skewed; log1p keeps one article with many quotes from dominating.
double rate(double count, double words) { return std::log1p(words > 0 ? 100 * count / words : 0); }
double unrate(double value) { return std::expm1(value); }

bool is_markup_line(std::string_view line) {
  size_t at = line.find_first_not_of(' ');
  if (at == std::string_view::npos) return false;
  line.remove_prefix(at);
  return line.starts_with("#") || line.starts_with("**") || line.starts_with("- ") ||
         line.starts_with("* ") || line.starts_with("|") ||
         line.find("**") != std::string_view::npos;
}

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

void quiet(const char*) {}

}  // namespace

const std::vector<std::string>& detector_signal_names() {
  static const std::vector<std::string> names = {"lm_logprob",
                                                 "lm_unigram_logprob",
                                                 "lm_context_gain",
                                                 "lm_sentence_spread",
                                                 "lm_token_spread",
                                                 "lm_top1",
                                                 "lm_top10",
                                                 "lm_unknown",
                                                 "sentence_words",
                                                 "sentence_variation",
                                                 "lexical_diversity",
                                                 "quotes",
                                                 "numbers",
                                                 "names",
                                                 "commas",
                                                 "other_punctuation",
                                                 "word_length",
                                                 "repeated_trigrams",
                                                 "markup",
                                                 "questions"};
  return names;
}

std::vector<double> detector_signals(const Document& doc, const NgramModel& lm) {
  std::vector<double> x(kSignalCount, 0);
  std::vector<std::string> symbols;
  std::vector<TokenScore> scores, sentence_scores;
  std::vector<double> sentence_means, sentence_lengths;
  double words = 0, quotes = 0, numbers = 0, names = 0, commas = 0, other = 0, letters = 0;
  size_t t = 0;
  std::vector<std::string_view> word_forms;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    symbols.clear();
    double sentence_words = 0;
    bool first = true;
    for (; t < doc.tokens.size() && doc.tokens[t].sentence == s; ++t) {
      const Token& token = doc.tokens[t];
      symbols.push_back(lm_symbol(token));
      const std::string& symbol = symbols.back();
      if (token.shape == TokenShape::kWord) {
        ++words;
        ++sentence_words;
        letters += static_cast<double>(token.lower.size());
        word_forms.push_back(token.lower);
        if (token.capitalized && !first) ++names;
      } else if (token.shape == TokenShape::kNumber) {
        ++numbers;
        ++sentence_words;
      } else if (symbol == "\"") {
        ++quotes;
      } else if (symbol == ",") {
        ++commas;
      } else if (symbol == ";" || symbol == ":" || symbol == "(" || symbol == "\u2013" ||
                 symbol == "\u2014" || symbol == "--") {
        ++other;
      }
      first = false;
    }
    if (symbols.empty()) continue;
    sentence_scores.clear();
    lm.score_sentence(symbols, sentence_scores);
    if (sentence_scores.size() >= 3) {
      double sum = 0;
      for (const TokenScore& score : sentence_scores) sum += score.logprob;
      sentence_means.push_back(sum / static_cast<double>(sentence_scores.size()));
    }
    if (sentence_words >= 3) sentence_lengths.push_back(sentence_words);
    scores.insert(scores.end(), sentence_scores.begin(), sentence_scores.end());
  }

  if (!scores.empty()) {
    std::vector<double> logprobs;
    double unigram = 0, top1 = 0, top10 = 0, unknown = 0;
    for (const TokenScore& score : scores) {
      logprobs.push_back(score.logprob);
      unigram += score.unigram_logprob;
      top1 += score.rank == 0;
      top10 += score.rank <= 1;
      unknown += score.unknown;
    }
    const double n = static_cast<double>(scores.size());
    x[kLogprob] = mean_of(logprobs);
    x[kUnigramLogprob] = unigram / n;
    x[kContextGain] = x[kLogprob] - x[kUnigramLogprob];
    x[kTokenSpread] = sd_of(logprobs);
    x[kTopOne] = top1 / n;
    x[kTopTen] = top10 / n;
    x[kUnknown] = unknown / n;
  }
  x[kSentenceSpread] = sd_of(sentence_means);
  x[kSentenceWords] = mean_of(sentence_lengths);
  const double length_mean = mean_of(sentence_lengths);
  x[kSentenceVariation] = length_mean > 0 ? sd_of(sentence_lengths) / length_mean : 0;

  // Lexical diversity: mean type/token ratio over windows of 50 words (length-independent).
  if (!word_forms.empty()) {
    const size_t window = std::min<size_t>(kDiversityWindow, word_forms.size());
    double sum = 0;
    int windows = 0;
    for (size_t start = 0; start + window <= word_forms.size(); start += window) {
      std::unordered_set<std::string_view> types(
          word_forms.begin() + static_cast<long>(start),
          word_forms.begin() + static_cast<long>(start + window));
      sum += static_cast<double>(types.size()) / static_cast<double>(window);
      ++windows;
    }
    x[kLexicalDiversity] = windows ? sum / windows : 0;
  }
  // Repetition: share of word trigrams that already occurred in the text.
  if (word_forms.size() >= 3) {
    std::set<std::tuple<std::string_view, std::string_view, std::string_view>> seen;
    double repeated = 0;
    for (size_t i = 2; i < word_forms.size(); ++i)
      if (!seen.emplace(word_forms[i - 2], word_forms[i - 1], word_forms[i]).second) ++repeated;
    x[kRepeatedTrigrams] = repeated / static_cast<double>(word_forms.size() - 2);
  }
  x[kQuotes] = rate(quotes, words);
  x[kNumbers] = rate(numbers, words);
  x[kNames] = rate(names, words);
  x[kCommas] = rate(commas, words);
  x[kOtherPunctuation] = rate(other, words);
  x[kWordLength] = words > 0 ? letters / words : 0;

  double markup = 0;
  size_t start = 0;
  const std::string_view text = doc.text;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (is_markup_line(text.substr(start, end - start))) ++markup;
    start = end + 1;
  }
  x[kMarkup] = rate(markup, words);
  double questions = 0;
  for (const Sentence& sentence : doc.sentences) {
    std::string_view slice = doc.slice(sentence.span);
    if (!slice.empty() && (slice.back() == '?' || slice.back() == '!')) ++questions;
  }
  x[kQuestions] = doc.sentences.empty() ? 0 : questions / static_cast<double>(doc.sentences.size());
  return x;
}

double Classifier::margin(const std::vector<double>& x) const {
  double z = bias;
  for (size_t i = 0; i < weight.size() && i < x.size(); ++i)
    z += weight[i] * (x[i] - mean[i]) / scale[i];
  return z;
}

double Classifier::probability(const std::vector<double>& x) const {
  return sigmoid(platt_a * margin(x) + platt_b);
}

namespace {

// liblinear L2-regularised logistic regression (primal trust-region Newton: deterministic) on
// standardised rows, classes weighted to balance.
void fit_weights(const std::vector<std::vector<double>>& rows, const std::vector<int>& labels,
                 const std::vector<size_t>& use, double c, Classifier& out) {
  const size_t n = out.mean.size();
  std::vector<std::vector<feature_node>> nodes(use.size());
  std::vector<feature_node*> x(use.size());
  std::vector<double> y(use.size());
  double machine = 0;
  for (size_t k = 0; k < use.size(); ++k) {
    const std::vector<double>& row = rows[use[k]];
    for (size_t i = 0; i < n; ++i)
      nodes[k].push_back({static_cast<int>(i + 1), (row[i] - out.mean[i]) / out.scale[i]});
    nodes[k].push_back({static_cast<int>(n + 1), 1.0});
    nodes[k].push_back({-1, 0});
    x[k] = nodes[k].data();
    y[k] = labels[use[k]] ? 1 : -1;
    machine += labels[use[k]] ? 1 : 0;
  }
  problem prob{};
  prob.l = static_cast<int>(use.size());
  prob.n = static_cast<int>(n + 1);
  prob.y = y.data();
  prob.x = x.data();
  prob.bias = 1.0;
  int weight_labels[2] = {1, -1};
  const double total = static_cast<double>(use.size());
  const double human = total - machine;
  double weights[2] = {machine > 0 ? total / (2 * machine) : 1,
                       human > 0 ? total / (2 * human) : 1};
  parameter param{};
  param.solver_type = L2R_LR;
  param.eps = 0.001;
  param.C = c;
  param.nr_weight = 2;
  param.weight_label = weight_labels;
  param.weight = weights;
  set_print_string_function(quiet);
  out.weight.assign(n, 0);
  out.bias = 0;
  if (use.empty() || machine == 0 || human == 0) return;
  model* trained = train(&prob, &param);
  // The sign of the decision value follows the first label liblinear saw.
  const double sign = trained->label[0] == 1 ? 1.0 : -1.0;
  for (size_t i = 0; i < n; ++i) out.weight[i] = sign * trained->w[i];
  out.bias = sign * trained->w[n];
  free_and_destroy_model(&trained);
}

// Platt (2000) with the smoothed targets of Lin, Lin and Weng (2007); Newton's method.
void fit_platt(const std::vector<double>& margins, const std::vector<int>& labels, double& a,
               double& b) {
  double positives = 0;
  for (int label : labels) positives += label;
  const double negatives = static_cast<double>(labels.size()) - positives;
  const double high = (positives + 1) / (positives + 2), low = 1 / (negatives + 2);
  a = 1;
  b = 0;
  for (int iteration = 0; iteration < 100; ++iteration) {
    double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (size_t i = 0; i < margins.size(); ++i) {
      const double target = labels[i] ? high : low;
      const double p = sigmoid(a * margins[i] + b);
      const double d = p - target, w = p * (1 - p);
      ga += d * margins[i];
      gb += d;
      haa += w * margins[i] * margins[i];
      hab += w * margins[i];
      hbb += w;
    }
    const double det = haa * hbb - hab * hab;
    if (std::abs(det) < 1e-12) break;
    const double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (std::abs(da) < 1e-9 && std::abs(db) < 1e-9) break;
  }
}

uint64_t fold_hash(uint64_t key, uint64_t seed) {
  uint64_t h = key ^ (seed * 0x9E3779B97F4A7C15ULL);
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 29;
  return h;
}

}  // namespace

Classifier fit_classifier(const std::vector<std::vector<double>>& rows,
                          const std::vector<int>& labels, const std::vector<uint64_t>& keys,
                          const FitOptions& options) {
  Classifier out;
  out.signals = detector_signal_names();
  const size_t n = out.signals.size();
  out.mean.assign(n, 0);
  out.scale.assign(n, 1);
  out.human_mean.assign(n, 0);
  std::vector<std::vector<double>> columns(n), human_columns(n);
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t i = 0; i < n; ++i) {
      columns[i].push_back(rows[r][i]);
      if (!labels[r]) human_columns[i].push_back(rows[r][i]);
    }
  for (size_t i = 0; i < n; ++i) {
    out.mean[i] = mean_of(columns[i]);
    const double sd = sd_of(columns[i]);
    out.scale[i] = sd > 1e-9 ? sd : 1;
    out.human_mean[i] = mean_of(human_columns[i]);
  }
  // Calibration on out-of-fold margins, then the final weights on every row.
  const int folds = std::max(options.calibration_folds, 2);
  std::vector<double> margins(rows.size(), 0);
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<size_t> train_rows, test_rows;
    for (size_t r = 0; r < rows.size(); ++r)
      (static_cast<int>(fold_hash(keys[r], options.seed) % static_cast<uint64_t>(folds)) == fold
           ? test_rows
           : train_rows)
          .push_back(r);
    Classifier part = out;
    fit_weights(rows, labels, train_rows, options.c, part);
    for (size_t r : test_rows) margins[r] = part.margin(rows[r]);
  }
  fit_platt(margins, labels, out.platt_a, out.platt_b);
  std::vector<size_t> all(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) all[r] = r;
  fit_weights(rows, labels, all, options.c, out);
  return out;
}

std::vector<std::string> detector_reasons(const Classifier& classifier,
                                          const std::vector<double>& x, double min_push) {
  std::vector<std::pair<double, std::string>> pushes;
  char buffer[200];
  for (size_t i = 0; i < classifier.weight.size() && i < x.size() && i < kSignalCount; ++i) {
    const double push = classifier.weight[i] * (x[i] - classifier.mean[i]) / classifier.scale[i];
    if (push < min_push) continue;
    const double v = x[i], h = classifier.human_mean[i];
    const bool more = v > h;
    switch (static_cast<Signal>(i)) {
      case kLogprob:
        std::snprintf(buffer, sizeof buffer,
                      "its word sequences are %.1fx %s predictable than human news under a news "
                      "language model (perplexity %.0f against %.0f)",
                      more ? std::exp(v - h) : std::exp(h - v), more ? "more" : "less",
                      std::exp(-v), std::exp(-h));
        break;
      case kUnigramLogprob:
        std::snprintf(buffer, sizeof buffer,
                      "its vocabulary is %s common than that of human news (word perplexity %.0f "
                      "against %.0f)",
                      more ? "more" : "less", std::exp(-v), std::exp(-h));
        break;
      case kContextGain:
        std::snprintf(buffer, sizeof buffer,
                      "each word follows from the two before it %.1fx %s than in human news",
                      more ? std::exp(v - h) : std::exp(h - v), more ? "more readily" : "less");
        break;
      case kSentenceSpread:
        std::snprintf(buffer, sizeof buffer,
                      "its sentences are %s even in predictability than human news (spread %.2f "
                      "against %.2f)",
                      more ? "less" : "more", v, h);
        break;
      case kTokenSpread:
        std::snprintf(buffer, sizeof buffer,
                      "its words are %s even in predictability than human news (spread %.2f "
                      "against %.2f)",
                      more ? "less" : "more", v, h);
        break;
      case kTopOne:
        std::snprintf(buffer, sizeof buffer,
                      "%.0f%% of its words are the likeliest next word after the one before "
                      "(human news: %.0f%%)",
                      100 * v, 100 * h);
        break;
      case kTopTen:
        std::snprintf(buffer, sizeof buffer,
                      "%.0f%% of its words are among the ten likeliest next words (human news: "
                      "%.0f%%)",
                      100 * v, 100 * h);
        break;
      case kUnknown:
        std::snprintf(buffer, sizeof buffer,
                      "%.1f%% of its words are rare in news (human news: %.1f%%)", 100 * v,
                      100 * h);
        break;
      case kSentenceWords:
        std::snprintf(buffer, sizeof buffer, "its sentences average %.0f words (human news: %.0f)",
                      v, h);
        break;
      case kSentenceVariation:
        std::snprintf(buffer, sizeof buffer,
                      "its sentence lengths vary %s than in human news (variation %.2f against "
                      "%.2f)",
                      more ? "more" : "less", v, h);
        break;
      case kLexicalDiversity:
        std::snprintf(buffer, sizeof buffer,
                      "%.0f%% of the words in a 50-word stretch are distinct (human news: %.0f%%)",
                      100 * v, 100 * h);
        break;
      case kQuotes:
        std::snprintf(buffer, sizeof buffer,
                      "%s quotation (%.1f quote marks per 100 words; human news: %.1f)",
                      more ? "more" : "little", unrate(v), unrate(h));
        break;
      case kNumbers:
        std::snprintf(buffer, sizeof buffer, "%s figures (%.1f per 100 words; human news: %.1f)",
                      more ? "many" : "few", unrate(v), unrate(h));
        break;
      case kNames:
        std::snprintf(buffer, sizeof buffer,
                      "%s names (%.1f capitalised words inside sentences per 100 words; human "
                      "news: %.1f)",
                      more ? "many" : "few", unrate(v), unrate(h));
        break;
      case kCommas:
        std::snprintf(buffer, sizeof buffer, "%.1f commas per 100 words (human news: %.1f)",
                      unrate(v), unrate(h));
        break;
      case kOtherPunctuation:
        std::snprintf(buffer, sizeof buffer,
                      "%.1f colons, semicolons, dashes and brackets per 100 words (human news: "
                      "%.1f)",
                      unrate(v), unrate(h));
        break;
      case kWordLength:
        std::snprintf(buffer, sizeof buffer, "its words average %.1f letters (human news: %.1f)", v,
                      h);
        break;
      case kRepeatedTrigrams:
        std::snprintf(buffer, sizeof buffer,
                      "%.0f%% of its three-word sequences repeat earlier ones (human news: %.0f%%)",
                      100 * v, 100 * h);
        break;
      case kMarkup:
        std::snprintf(buffer, sizeof buffer,
                      "%.1f markdown headings, bold or list lines per 100 words (human news: %.1f)",
                      unrate(v), unrate(h));
        break;
      case kQuestions:
        std::snprintf(buffer, sizeof buffer,
                      "%.0f%% of its sentences are questions or exclamations (human news: %.0f%%)",
                      100 * v, 100 * h);
        break;
      case kSignalCount:
        continue;
    }
    pushes.emplace_back(push, buffer);
  }
  std::stable_sort(pushes.begin(), pushes.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> reasons;
  for (auto& [push, reason] : pushes) reasons.push_back(std::move(reason));
  return reasons;
}

}  // namespace crosscheck::assess
