// `crosscheck eval paraphrase` and `crosscheck train paraphrase`: the same-statement decision on
// sentence pairs in the MSR Paraphrase Corpus layout.
//
// Training uses the pairs of folds 1-4 of a seeded 5-fold split of the file and records their
// keys beside the model (same-statement.train-pairs); evaluation scores every pair of its file
// that is not among those keys, so on the training file it sees only the held-out fold 0 and on
// any other file (the sealed test split) every pair.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <unordered_set>

#include "core/resources.h"
#include "eval/benchmark_data.h"
#include "eval/eval.h"
#include "eval/tasks.h"
#include "facts/facts.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace crosscheck::eval {

namespace {

constexpr int kFolds = 5;
constexpr uint64_t kSplitSeed = 1;
// liblinear costs tried by the cross-validated sweep.
constexpr double kCosts[] = {0.3, 1.0, 3.0, 10.0};

std::string train_pairs_path(const std::string& model_path) {
  std::string base = model_path;
  if (base.ends_with(".model")) base.resize(base.size() - 6);
  return base + ".train-pairs";
}

// A sentence as the pipeline gives it to the facts stage: text layer, then the syntax layer
// (heads, relations, lemmas) when the syntax model is there. Each sentence is parsed once.
Document sentence_document(const std::string& text, const SyntaxModel* syntax) {
  Document doc;
  doc.text = normalize(text);
  doc.lang = "en";
  annotate_text(doc);
  if (syntax) syntax->annotate(doc);
  return doc;
}

std::vector<std::vector<double>> pair_features(const StatementFeatures& features,
                                               const std::vector<ParaphrasePair>& pairs,
                                               std::ostream& err) {
  std::vector<std::string> warnings;
  std::unique_ptr<SyntaxModel> syntax = SyntaxModel::load(find_resources(), &warnings);
  for (const std::string& warning : warnings) err << "crosscheck: " << warning << '\n';
  std::vector<std::vector<double>> rows(pairs.size());
  tbb::parallel_for(size_t{0}, pairs.size(), [&](size_t i) {
    Document a = sentence_document(pairs[i].a, syntax.get()),
             b = sentence_document(pairs[i].b, syntax.get());
    rows[i] = features.compute(a, {0, static_cast<uint32_t>(a.text.size())}, b,
                               {0, static_cast<uint32_t>(b.text.size())});
  });
  return rows;
}

struct Scores {
  double accuracy = 0, precision = 0, recall = 0, f1 = 0;
};

Scores score(const std::vector<double>& probabilities, const std::vector<int>& labels,
             double threshold) {
  size_t tp = 0, fp = 0, fn = 0, correct = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    bool predicted = probabilities[i] >= threshold;
    if (predicted == (labels[i] == 1)) ++correct;
    if (predicted && labels[i]) ++tp;
    if (predicted && !labels[i]) ++fp;
    if (!predicted && labels[i]) ++fn;
  }
  Scores s;
  s.accuracy = labels.empty() ? 0 : double(correct) / double(labels.size());
  s.precision = tp + fp ? double(tp) / double(tp + fp) : 0;
  s.recall = tp + fn ? double(tp) / double(tp + fn) : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

}  // namespace

std::unique_ptr<StatementFeatures> load_statement_features(std::ostream& err) {
  std::string error;
  auto features = StatementFeatures::load(find_resources().models_dir, kWordNetDir, error);
  if (!features) err << "crosscheck: " << error << '\n';
  return features;
}

int train_paraphrase(const std::string& data, const std::string& model_path, std::ostream& out,
                     std::ostream& err) {
  Problems problems;
  std::vector<ParaphrasePair> all;
  if (!read_paraphrase_pairs(data, all, problems) || all.empty()) {
    report_problems(problems, err);
    err << "crosscheck: " << data << ": no pairs to train on\n";
    return kExitFatal;
  }
  auto features = load_statement_features(err);
  if (!features) return kExitFatal;
  std::vector<ParaphrasePair> pairs;
  for (const ParaphrasePair& pair : all)
    if (paraphrase_fold(pair, kFolds, kSplitSeed) != 0) pairs.push_back(pair);
  std::vector<std::vector<double>> rows = pair_features(*features, pairs, err);
  std::vector<int> labels;
  for (const ParaphrasePair& pair : pairs) labels.push_back(pair.paraphrase ? 1 : 0);

  // Cost and threshold sweep by 4-fold cross-validation inside the training pairs.
  out << "train paraphrase: " << data << ": " << pairs.size() << " training pairs (folds 1-4 of "
      << kFolds << ", seed " << kSplitSeed << "), " << all.size() - pairs.size()
      << " held out\ncost and threshold sweep, cross-validated on the training pairs:\n"
      << "     cost threshold accuracy precision recall f1\n";
  double best_cost = kCosts[0], best_threshold = 0.5, best_accuracy = -1;
  for (double cost : kCosts) {
    std::vector<double> held_out(pairs.size(), 0);
    for (int fold = 1; fold < kFolds; ++fold) {
      std::vector<std::vector<double>> fold_rows;
      std::vector<int> fold_labels;
      for (size_t i = 0; i < pairs.size(); ++i)
        if (paraphrase_fold(pairs[i], kFolds, kSplitSeed) != fold)
          fold_rows.push_back(rows[i]), fold_labels.push_back(labels[i]);
      StatementModel fold_model = train_statement_model(fold_rows, fold_labels, cost);
      for (size_t i = 0; i < pairs.size(); ++i)
        if (paraphrase_fold(pairs[i], kFolds, kSplitSeed) == fold)
          held_out[i] = fold_model.probability(rows[i]);
    }
    for (int step = 20; step <= 80; step += 5) {
      double threshold = step / 100.0;
      Scores s = score(held_out, labels, threshold);
      char line[128];
      std::snprintf(line, sizeof(line), "%9.1f %9.2f %8.4f %9.4f %6.4f %6.4f\n", cost, threshold,
                    s.accuracy, s.precision, s.recall, s.f1);
      out << line;
      if (s.accuracy > best_accuracy + 1e-12)
        best_accuracy = s.accuracy, best_threshold = threshold, best_cost = cost;
    }
  }
  StatementModel model = train_statement_model(rows, labels, best_cost);
  model.threshold = best_threshold;
  std::string error;
  if (!save_statement_model(model, model_path, error)) {
    err << "crosscheck: " << error << '\n';
    return kExitFatal;
  }
  std::ofstream keys(train_pairs_path(model_path));
  for (const ParaphrasePair& pair : pairs) keys << pair.key() << '\n';
  keys.close();
  if (!keys) {
    err << "crosscheck: " << train_pairs_path(model_path) << ": cannot write\n";
    return kExitFatal;
  }
  out << "weights (standardised features):\n";
  for (size_t i = 0; i < model.features.size(); ++i)
    out << "  " << model.features[i] << ' ' << model.weights[i] << '\n';
  out << nlohmann::json{{"cost", best_cost},
                        {"threshold", best_threshold},
                        {"cv_accuracy", best_accuracy},
                        {"training_pairs", pairs.size()}}
             .dump()
      << std::endl;
  return report_problems(problems, err);
}

int run_paraphrase(const std::string& data, std::ostream& out, std::ostream& err) {
  Problems problems;
  std::vector<ParaphrasePair> all;
  if (!read_paraphrase_pairs(data, all, problems) || all.empty()) {
    problems.push_back({data, "no sentence pairs"});
    report_problems(problems, err);
    return kExitFatal;
  }
  auto features = load_statement_features(err);
  if (!features) return kExitFatal;
  const std::string model_path = find_resources().models_dir + "/same-statement.model";
  StatementModel model;
  std::string error;
  if (!load_statement_model(model_path, model, error)) {
    err << "crosscheck: " << error << '\n';
    return kExitFatal;
  }
  std::unordered_set<std::string> trained;
  std::ifstream keys(train_pairs_path(model_path));
  for (std::string line; std::getline(keys, line);) trained.insert(line);
  std::vector<ParaphrasePair> pairs;
  for (const ParaphrasePair& pair : all)
    if (!trained.contains(pair.key())) pairs.push_back(pair);
  std::vector<std::vector<double>> rows = pair_features(*features, pairs, err);
  std::vector<double> probabilities;
  std::vector<int> labels;
  size_t positives = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    probabilities.push_back(model.probability(rows[i]));
    labels.push_back(pairs[i].paraphrase ? 1 : 0);
    positives += pairs[i].paraphrase;
  }
  Scores s = score(probabilities, labels, model.threshold);
  Scores majority = score(std::vector<double>(pairs.size(), 1.0), labels, 0.5);
  out << "paraphrase: " << data << ": " << pairs.size() << " pairs scored ("
      << all.size() - pairs.size() << " skipped as training pairs of the model), " << positives
      << " paraphrases\n"
      << "system                      accuracy precision recall f1\n";
  char line[160];
  std::snprintf(line, sizeof(line), "%-27s %8.4f %9.4f %6.4f %6.4f\n", "same-statement model",
                s.accuracy, s.precision, s.recall, s.f1);
  out << line;
  std::snprintf(line, sizeof(line), "%-27s %8.4f %9.4f %6.4f %6.4f\n", "majority class",
                majority.accuracy, majority.precision, majority.recall, majority.f1);
  out << line;
  out << nlohmann::json{{"accuracy", s.accuracy},
                        {"f1", s.f1},
                        {"precision", s.precision},
                        {"recall", s.recall},
                        {"pairs", pairs.size()},
                        {"threshold", model.threshold},
                        {"majority_accuracy", majority.accuracy},
                        {"majority_f1", majority.f1}}
             .dump()
      << std::endl;
  return report_problems(problems, err);
}

}  // namespace crosscheck::eval
