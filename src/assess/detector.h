// Internal to the assess stage: the measured signals of the machine-written detector and the
// logistic model over them (see docs/assess.md for each signal and why it carries over to
// generators never seen in training).
#pragma once

#include <string>
#include <vector>

#include "assess/language_model.h"
#include "core/document.h"

namespace crosscheck::assess {

// Names of the signals, in the order of detector_signals().
const std::vector<std::string>& detector_signal_names();

// The signals of one annotated document (tokens and sentences), scored with `lm`.
std::vector<double> detector_signals(const Document& doc, const NgramModel& lm);

// A standardised logistic model with Platt calibration, and the mean of each signal over the
// human-written training texts (what reasons compare against).
struct Classifier {
  std::vector<std::string> signals;
  std::vector<double> mean, scale, weight, human_mean;
  double bias = 0;
  double platt_a = 1, platt_b = 0;  // p = sigmoid(platt_a * margin + platt_b)

  double margin(const std::vector<double>& x) const;
  double probability(const std::vector<double>& x) const;
};

struct FitOptions {
  double c = 1.0;      // liblinear inverse regularisation strength
  uint64_t seed = 19;  // folds of the calibration cross-validation
  int calibration_folds = 5;
};

// Trains on rows (signals) with labels (1 machine, 0 human); `keys` (one per row, e.g. a hash of
// the item id) decide the calibration folds. Deterministic for the same input.
Classifier fit_classifier(const std::vector<std::vector<double>>& rows,
                          const std::vector<int>& labels, const std::vector<uint64_t>& keys,
                          const FitOptions& options);

// Reasons in plain words for the signals that pushed the margin up by at least `min_push`,
// strongest first, each naming the article's measured value and that of human news.
std::vector<std::string> detector_reasons(const Classifier& classifier,
                                          const std::vector<double>& x, double min_push);

}  // namespace crosscheck::assess
