// The same-statement model: standardised features, logistic regression weights trained with
// liblinear, and the decision threshold; stored as a small readable text file.
#include <linear.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "facts/facts.h"

namespace crosscheck {

namespace {

constexpr const char* kHeader = "crosscheck same-statement model 1";

void quiet_print(const char*) {}

}  // namespace

double StatementModel::probability(const std::vector<double>& x) const {
  double z = bias;
  // A missing feature (NaN: no parse) counts as the training mean.
  for (size_t i = 0; i < weights.size() && i < x.size(); ++i)
    if (!std::isnan(x[i])) z += weights[i] * (x[i] - mean[i]) / scale[i];
  return 1 / (1 + std::exp(-z));
}

bool save_statement_model(const StatementModel& model, const std::string& path,
                          std::string& error) {
  std::ofstream out(path);
  out << kHeader << '\n' << std::setprecision(17);
  out << "threshold " << model.threshold << '\n' << "bias " << model.bias << '\n';
  for (size_t i = 0; i < model.features.size(); ++i)
    out << model.features[i] << ' ' << model.mean[i] << ' ' << model.scale[i] << ' '
        << model.weights[i] << '\n';
  out.close();
  if (!out) {
    error = path + ": cannot write the model";
    return false;
  }
  return true;
}

bool load_statement_model(const std::string& path, StatementModel& model, std::string& error) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line) || line != kHeader) {
    error = path + ": not a same-statement model (train it with crosscheck train paraphrase)";
    return false;
  }
  model = {};
  std::string key;
  if (!(in >> key >> model.threshold) || key != "threshold" || !(in >> key >> model.bias) ||
      key != "bias") {
    error = path + ": threshold and bias lines missing";
    return false;
  }
  std::string name;
  double mean, scale, weight;
  while (in >> name >> mean >> scale >> weight) {
    model.features.push_back(name);
    model.mean.push_back(mean);
    model.scale.push_back(scale > 0 ? scale : 1);
    model.weights.push_back(weight);
  }
  if (model.features != StatementFeatures::names()) {
    error = path +
            ": its features differ from this build's; retrain with crosscheck train "
            "paraphrase";
    return false;
  }
  return true;
}

StatementModel train_statement_model(const std::vector<std::vector<double>>& rows,
                                     const std::vector<int>& labels, double cost) {
  StatementModel model;
  model.features = StatementFeatures::names();
  const size_t n = model.features.size();
  model.mean.assign(n, 0);
  model.scale.assign(n, 1);
  model.weights.assign(n, 0);
  if (rows.empty()) return model;
  // Mean and scale over the rows that have the feature (NaN = missing).
  std::vector<double> present(n, 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < n; ++i)
      if (!std::isnan(row[i])) model.mean[i] += row[i], present[i] += 1;
  for (size_t i = 0; i < n; ++i) model.mean[i] = present[i] > 0 ? model.mean[i] / present[i] : 0;
  std::vector<double> variance(n, 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < n; ++i)
      if (!std::isnan(row[i])) variance[i] += (row[i] - model.mean[i]) * (row[i] - model.mean[i]);
  for (size_t i = 0; i < n; ++i) {
    variance[i] = present[i] > 0 ? variance[i] / present[i] : 0;
    model.scale[i] = variance[i] > 1e-12 ? std::sqrt(variance[i]) : 1;
  }

  // liblinear wants sparse rows ending in index -1; the bias is its own feature (bias = 1).
  std::vector<std::vector<feature_node>> nodes(rows.size());
  std::vector<feature_node*> x(rows.size());
  std::vector<double> y(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t i = 0; i < n; ++i)
      if (!std::isnan(rows[r][i]))
        nodes[r].push_back(
            {static_cast<int>(i + 1), (rows[r][i] - model.mean[i]) / model.scale[i]});
    nodes[r].push_back({static_cast<int>(n + 1), 1.0});
    nodes[r].push_back({-1, 0});
    x[r] = nodes[r].data();
    y[r] = labels[r] ? 1 : -1;
  }
  problem prob{};
  prob.l = static_cast<int>(rows.size());
  prob.n = static_cast<int>(n + 1);
  prob.y = y.data();
  prob.x = x.data();
  prob.bias = -1;  // the bias column is explicit above
  parameter param{};
  param.solver_type = L2R_LR;
  param.eps = 1e-4;
  param.C = cost;
  set_print_string_function(quiet_print);
  ::model* trained = ::train(&prob, &param);
  // Weights of liblinear's first label's class; flip when that label is -1.
  const double sign = trained->label[0] == 1 ? 1.0 : -1.0;
  for (size_t i = 0; i < n; ++i) model.weights[i] = sign * trained->w[i];
  model.bias = sign * trained->w[n];
  free_and_destroy_model(&trained);
  return model;
}

StatementScorer::StatementScorer(std::unique_ptr<StatementFeatures> features, StatementModel model)
    : features_(std::move(features)), model_(std::move(model)) {}

const facts::WordNet& StatementScorer::wordnet() const { return features_->wordnet(); }

double StatementScorer::probability(const Document& a, Span a_span, const Document& b, Span b_span,
                                    const std::vector<Span>& a_skip,
                                    const std::vector<Span>& b_skip) const {
  return model_.probability(features_->compute(a, a_span, b, b_span, a_skip, b_skip));
}

double StatementScorer::fact_probability(const Document& a, Span a_span, const Document& b,
                                         Span b_span) const {
  const StatementModel& model = fact_model_ ? *fact_model_ : model_;
  return model.probability(features_->compute(a, a_span, b, b_span));
}

std::unique_ptr<StatementScorer> load_statement_scorer(const std::string& models_dir,
                                                       const std::string& wordnet_dir,
                                                       std::string& error) {
  StatementModel model;
  if (!load_statement_model(models_dir + "/same-statement.model", model, error)) return nullptr;
  auto features = StatementFeatures::load(models_dir, wordnet_dir, error);
  if (!features) return nullptr;
  auto scorer = std::make_unique<StatementScorer>(std::move(features), std::move(model));
  const std::string fact_path = models_dir + "/shared-fact.model";
  std::error_code missing;
  if (std::filesystem::exists(fact_path, missing)) {
    StatementModel fact_model;
    if (!load_statement_model(fact_path, fact_model, error)) return nullptr;
    scorer->set_fact_model(std::move(fact_model));
  }
  return scorer;
}

}  // namespace crosscheck
