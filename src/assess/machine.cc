// MachineDetector: the language model and classifier files, training and scoring.
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "assess/assess.h"
#include "assess/detector.h"
#include "assess/language_model.h"
#include "text/text.h"

namespace crosscheck {

namespace {

// A reason is shown when its signal moves the margin by at least this much (logit units).
constexpr double kReasonPush = 0.4;

uint64_t id_hash(std::string_view id) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

struct MachineDetector::Impl {
  std::shared_ptr<const assess::NgramModel> lm;
  assess::Classifier classifier;
  bool has_classifier = false;
  std::unordered_set<uint64_t> trained_ids;
};

MachineDetector::MachineDetector() : impl_(std::make_unique<Impl>()) {}
MachineDetector::~MachineDetector() = default;

bool held_out_from_language_model(std::string_view id) { return id_hash(id) % 5 == 0; }

bool held_out_from_detector(std::string_view id) { return id_hash(id) % 5 == 0; }

bool human_news_for_detector(std::string_view id) {
  return held_out_from_language_model(id) && (id_hash(id) / 5) % 2 == 0;
}

std::unique_ptr<MachineDetector> MachineDetector::load_language_model(const std::string& path,
                                                                      std::string& error) {
  auto lm = std::make_shared<assess::NgramModel>();
  if (!assess::NgramModel::load(path, *lm, error)) return nullptr;
  auto detector = std::make_unique<MachineDetector>();
  detector->impl_->lm = std::move(lm);
  return detector;
}

std::unique_ptr<MachineDetector> MachineDetector::load(const std::string& models_dir,
                                                       std::string& error) {
  auto detector = load_language_model(models_dir + "/news-lm.bin", error);
  if (!detector) return nullptr;
  const std::string path = models_dir + "/detect.json";
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot open";
    return nullptr;
  }
  nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  assess::Classifier& c = detector->impl_->classifier;
  const size_t n = signal_names().size();
  auto numbers = [&](const char* key, std::vector<double>& out) {
    if (!json.contains(key) || !json[key].is_array() || json[key].size() != n) return false;
    for (const auto& value : json[key]) {
      if (!value.is_number()) return false;
      out.push_back(value.get<double>());
    }
    return true;
  };
  bool ok = json.is_object() && json.contains("signals") && json["signals"].is_array() &&
            json["signals"] == nlohmann::json(signal_names()) && numbers("mean", c.mean) &&
            numbers("scale", c.scale) && numbers("weight", c.weight) &&
            numbers("human_mean", c.human_mean) && json.contains("bias") &&
            json["bias"].is_number() && json.contains("platt") && json["platt"].is_array() &&
            json["platt"].size() == 2 && json["platt"][0].is_number() &&
            json["platt"][1].is_number() && json.contains("trained_ids") &&
            json["trained_ids"].is_array();
  if (ok) {
    for (double scale : c.scale) ok = ok && scale > 0;
    for (const auto& id : json["trained_ids"]) {
      if (!id.is_string()) {
        ok = false;
        break;
      }
      detector->impl_->trained_ids.insert(std::stoull(id.get<std::string>(), nullptr, 16));
    }
  }
  if (!ok) {
    error = path + ": not a detector model of this version (retrain: crosscheck train detect)";
    return nullptr;
  }
  c.signals = signal_names();
  c.bias = json["bias"].get<double>();
  c.platt_a = json["platt"][0].get<double>();
  c.platt_b = json["platt"][1].get<double>();
  detector->impl_->has_classifier = true;
  return detector;
}

bool MachineDetector::train_language_model(const std::vector<Document>& documents,
                                           const std::string& path, std::string& error) {
  std::vector<std::vector<std::string>> sentences;
  for (const Document& doc : documents) {
    size_t t = 0;
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      std::vector<std::string> symbols;
      for (; t < doc.tokens.size() && doc.tokens[t].sentence == s; ++t)
        symbols.push_back(assess::lm_symbol(doc.tokens[t]));
      if (!symbols.empty()) sentences.push_back(std::move(symbols));
    }
  }
  assess::NgramModel model = assess::NgramModel::train(sentences, assess::NgramOptions{});
  return model.save(path, error);
}

const std::vector<std::string>& MachineDetector::signal_names() {
  return assess::detector_signal_names();
}

std::vector<double> MachineDetector::signals(const Document& doc) const {
  Document scratch;
  const Document& annotated = with_tokens(doc, scratch);
  return assess::detector_signals(annotated, *impl_->lm);
}

std::unique_ptr<MachineDetector> MachineDetector::trained(
    const std::vector<std::vector<double>>& rows, const std::vector<int>& labels,
    const std::vector<std::string>& ids, const DetectorTrainOptions& options) const {
  auto detector = std::make_unique<MachineDetector>();
  detector->impl_->lm = impl_->lm;
  std::vector<uint64_t> keys;
  for (const std::string& id : ids) {
    keys.push_back(id_hash(id));
    detector->impl_->trained_ids.insert(keys.back());
  }
  assess::FitOptions fit;
  fit.c = options.c;
  fit.seed = options.seed;
  detector->impl_->classifier = assess::fit_classifier(rows, labels, keys, fit);
  detector->impl_->has_classifier = true;
  return detector;
}

double MachineDetector::probability(const std::vector<double>& signals) const {
  return impl_->has_classifier ? impl_->classifier.probability(signals) : 0.5;
}

MachineScore MachineDetector::score(const Document& doc) const {
  std::vector<double> x = signals(doc);
  MachineScore score;
  score.p = probability(x);
  if (impl_->has_classifier)
    score.reasons = assess::detector_reasons(impl_->classifier, x, kReasonPush);
  return score;
}

bool MachineDetector::trained_on(std::string_view id) const {
  return impl_->trained_ids.contains(id_hash(id));
}

bool MachineDetector::save_classifier(const std::string& path, const std::string& card,
                                      std::string& error) const {
  const assess::Classifier& c = impl_->classifier;
  nlohmann::ordered_json json;
  json["card"] = card;
  json["signals"] = c.signals;
  json["mean"] = c.mean;
  json["scale"] = c.scale;
  json["weight"] = c.weight;
  json["bias"] = c.bias;
  json["platt"] = {c.platt_a, c.platt_b};
  json["human_mean"] = c.human_mean;
  std::vector<uint64_t> sorted(impl_->trained_ids.begin(), impl_->trained_ids.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> ids;
  char buffer[24];
  for (uint64_t h : sorted) {
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
    ids.emplace_back(buffer);
  }
  json["trained_ids"] = ids;
  std::ofstream out(path);
  out << json.dump(1) << '\n';
  if (!out) {
    error = path + ": cannot write";
    return false;
  }
  return true;
}

std::vector<std::pair<std::string, double>> MachineDetector::weights() const {
  std::vector<std::pair<std::string, double>> out;
  const assess::Classifier& c = impl_->classifier;
  for (size_t i = 0; i < c.weight.size() && i < c.signals.size(); ++i)
    out.emplace_back(c.signals[i], c.weight[i]);
  return out;
}

}  // namespace crosscheck
