// `eval detect`: machine-written detection on labelled news (aidetect layout): AUROC, true
// positives at 1% false positives, expected calibration error, per generator; `detect-logo`
// retrains the classifier without each generator in turn and scores that generator;
// `detect-human` counts human news scored likely machine-written.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "assess/assess.h"
#include "core/resources.h"
#include "eval/benchmark_data.h"
#include "eval/tasks.h"

namespace crosscheck::eval {

namespace {

struct Scored {
  double p = 0;
  int machine = 0;
};

double auroc(const std::vector<Scored>& items) {
  std::vector<double> scores;
  std::vector<int> labels;
  for (const Scored& item : items) scores.push_back(item.p), labels.push_back(item.machine);
  return eval::auroc(scores, labels);
}

// Share of machine texts scored above the threshold that at most 1% of human texts exceed.
double tpr_at_fpr(const std::vector<Scored>& items, double fpr) {
  std::vector<double> human, machine;
  for (const Scored& item : items) (item.machine ? machine : human).push_back(item.p);
  if (human.empty() || machine.empty()) return 0;
  std::sort(human.begin(), human.end(), std::greater<>());
  const size_t allowed = static_cast<size_t>(std::floor(fpr * static_cast<double>(human.size())));
  // Threshold: strictly above the (allowed+1)-th highest human score.
  const double threshold = human[std::min(allowed, human.size() - 1)];
  double hits = 0;
  for (double p : machine) hits += p > threshold;
  return hits / static_cast<double>(machine.size());
}

// Expected calibration error over ten equal-width bins of p.
double ece(const std::vector<Scored>& items) {
  constexpr int kBins = 10;
  double count[kBins] = {}, confidence[kBins] = {}, positives[kBins] = {};
  for (const Scored& item : items) {
    int bin = std::min(kBins - 1, static_cast<int>(item.p * kBins));
    ++count[bin];
    confidence[bin] += item.p;
    positives[bin] += item.machine;
  }
  double error = 0;
  for (int b = 0; b < kBins; ++b)
    if (count[b] > 0) error += std::abs(positives[b] - confidence[b]);
  return items.empty() ? 0 : error / static_cast<double>(items.size());
}

struct Loaded {
  std::vector<LabelledText> texts;
  std::vector<std::vector<double>> signals;
};

std::unique_ptr<MachineDetector> load_detector(std::ostream& err) {
  Resources resources = find_resources();
  std::string error;
  auto detector = MachineDetector::load(resources.models_dir, error);
  if (!detector) err << "crosscheck: " << error << '\n';
  return detector;
}

int load(const std::string& data, const MachineDetector& detector, Loaded& out, std::ostream& err) {
  Problems problems;
  out.texts = load_labelled_texts(data, problems);
  int exit_code = report_problems(problems, err);
  if (out.texts.empty()) {
    err << "crosscheck: " << data << ": no texts to score\n";
    return kExitFatal;
  }
  std::vector<std::string> ids, texts;
  for (const LabelledText& text : out.texts) {
    ids.push_back(text.id);
    texts.push_back(text.text);
  }
  std::vector<Document> documents = make_documents(ids, texts);
  out.signals.assign(documents.size(), {});
  tbb::parallel_for(size_t{0}, documents.size(),
                    [&](size_t i) { out.signals[i] = detector.signals(documents[i]); });
  return exit_code;
}

std::string fixed(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return buffer;
}

double rounded(double value) { return std::round(value * 10000) / 10000; }

}  // namespace

int run_detect(const std::string& data, std::ostream& out, std::ostream& err) {
  auto detector = load_detector(err);
  if (!detector) return kExitFatal;
  Loaded loaded;
  int exit_code = load(data, *detector, loaded, err);
  if (exit_code == kExitFatal) return exit_code;
  std::vector<Scored> all;
  std::map<std::string, std::vector<Scored>> by_generator;
  std::vector<Scored> humans;
  size_t skipped = 0;
  for (size_t i = 0; i < loaded.texts.size(); ++i) {
    const LabelledText& text = loaded.texts[i];
    if (text.label != "human" && text.label != "machine") continue;
    if (detector->trained_on(text.id)) {
      ++skipped;
      continue;
    }
    Scored scored{detector->probability(loaded.signals[i]), text.label == "machine"};
    all.push_back(scored);
    if (scored.machine)
      by_generator[text.generator.empty() ? "unknown" : text.generator].push_back(scored);
    else
      humans.push_back(scored);
  }
  if (all.empty()) {
    err << "crosscheck: " << data << ": no labelled texts the detector was not trained on\n";
    return kExitFatal;
  }
  nlohmann::ordered_json metrics;
  metrics["task"] = "detect";
  metrics["texts"] = all.size();
  metrics["skipped_training_texts"] = skipped;
  metrics["auroc"] = rounded(auroc(all));
  metrics["tpr_at_1fpr"] = rounded(tpr_at_fpr(all, 0.01));
  metrics["ece"] = rounded(ece(all));
  double flagged = 0;
  for (const Scored& s : humans) flagged += s.p >= kLikelyMachine;
  metrics["human_flagged_at_0.9"] = rounded(humans.empty() ? 0 : flagged / humans.size());
  out << "detect: " << all.size() << " texts (" << humans.size() << " human) not seen in training, "
      << skipped << " training texts skipped\n";
  out << "generator                        n   auroc  tpr@1%fpr\n";
  for (auto& [generator, items] : by_generator) {
    std::vector<Scored> pair = humans;
    pair.insert(pair.end(), items.begin(), items.end());
    const double a = auroc(pair), t = tpr_at_fpr(pair, 0.01);
    char line[128];
    std::snprintf(line, sizeof line, "%-30s %4zu  %.4f  %.4f\n", generator.c_str(), items.size(), a,
                  t);
    out << line;
    metrics["auroc_" + generator] = rounded(a);
  }
  out << "all                            " << all.size() << "  " << fixed(auroc(all)) << "  "
      << fixed(tpr_at_fpr(all, 0.01)) << "   ece " << fixed(ece(all)) << '\n';
  out << metrics.dump() << '\n';
  return exit_code;
}

int run_detect_logo(const std::string& data, std::ostream& out, std::ostream& err) {
  auto detector = load_detector(err);
  if (!detector) return kExitFatal;
  Loaded loaded;
  int exit_code = load(data, *detector, loaded, err);
  if (exit_code == kExitFatal) return exit_code;
  std::vector<std::string> generators;
  for (const LabelledText& text : loaded.texts)
    if (text.label == "machine" &&
        std::find(generators.begin(), generators.end(), text.generator) == generators.end())
      generators.push_back(text.generator);
  std::sort(generators.begin(), generators.end());
  if (generators.size() < 2) {
    err << "crosscheck: " << data << ": leave-one-generator-out needs two generators or more\n";
    return kExitFatal;
  }
  nlohmann::ordered_json metrics;
  metrics["task"] = "detect-logo";
  out << "held-out generator               n   auroc  tpr@1%fpr   ece   (trained without it; "
         "human texts: the held-out fifth)\n";
  double sum_auroc = 0, sum_tpr = 0, min_auroc = 1;
  for (const std::string& held : generators) {
    std::vector<std::vector<double>> rows;
    std::vector<int> labels;
    std::vector<std::string> ids;
    std::vector<size_t> test_items;
    for (size_t i = 0; i < loaded.texts.size(); ++i) {
      const LabelledText& text = loaded.texts[i];
      if (text.label != "human" && text.label != "machine") continue;
      const bool machine = text.label == "machine";
      const bool test_item = machine ? text.generator == held : held_out_from_detector(text.id);
      if (test_item) {
        test_items.push_back(i);
        continue;
      }
      if (machine && text.generator == held) continue;
      if (held_out_from_detector(text.id)) continue;
      rows.push_back(loaded.signals[i]);
      labels.push_back(machine);
      ids.push_back(text.id);
    }
    auto model = detector->trained(rows, labels, ids, DetectorTrainOptions{});
    std::vector<Scored> test;
    for (size_t i : test_items)
      test.push_back({model->probability(loaded.signals[i]), loaded.texts[i].label == "machine"});
    const double a = auroc(test), t = tpr_at_fpr(test, 0.01), e = ece(test);
    char line[160];
    std::snprintf(line, sizeof line, "%-30s %4zu  %.4f  %.4f  %.4f\n", held.c_str(), test.size(), a,
                  t, e);
    out << line;
    metrics["auroc_" + held] = rounded(a);
    metrics["tpr_at_1fpr_" + held] = rounded(t);
    sum_auroc += a;
    sum_tpr += t;
    min_auroc = std::min(min_auroc, a);
  }
  const double n = static_cast<double>(generators.size());
  metrics["auroc"] = rounded(sum_auroc / n);
  metrics["tpr_at_1fpr"] = rounded(sum_tpr / n);
  metrics["min_auroc"] = rounded(min_auroc);
  out << "mean auroc " << fixed(sum_auroc / n) << ", mean tpr@1%fpr " << fixed(sum_tpr / n)
      << ", worst auroc " << fixed(min_auroc) << '\n';
  out << metrics.dump() << '\n';
  return exit_code;
}

int run_detect_human(const std::string& data, std::ostream& out, std::ostream& err) {
  auto detector = load_detector(err);
  if (!detector) return kExitFatal;
  Loaded loaded;
  int exit_code = load(data, *detector, loaded, err);
  if (exit_code == kExitFatal) return exit_code;
  double flagged = 0, unseen = 0, unseen_flagged = 0, sum = 0;
  for (size_t i = 0; i < loaded.texts.size(); ++i) {
    const double p = detector->probability(loaded.signals[i]);
    sum += p;
    const bool hit = p >= kLikelyMachine;
    flagged += hit;
    const std::string& id = loaded.texts[i].id;
    if (held_out_from_language_model(id) && !detector->trained_on(id)) {
      ++unseen;
      unseen_flagged += hit;
    }
  }
  const double n = static_cast<double>(loaded.texts.size());
  nlohmann::ordered_json metrics;
  metrics["task"] = "detect-human";
  metrics["articles"] = loaded.texts.size();
  metrics["flagged_share"] = rounded(n > 0 ? flagged / n : 0);
  metrics["unseen"] = static_cast<size_t>(unseen);
  metrics["unseen_flagged_share"] = rounded(unseen > 0 ? unseen_flagged / unseen : 0);
  metrics["mean_p"] = rounded(n > 0 ? sum / n : 0);
  out << "human news scored likely machine-written (p >= " << kLikelyMachine
      << "): " << static_cast<size_t>(flagged) << " of " << loaded.texts.size() << " ("
      << fixed(n > 0 ? flagged / n : 0) << "); of the " << static_cast<size_t>(unseen)
      << " neither the language model nor the classifier saw: "
      << static_cast<size_t>(unseen_flagged) << " ("
      << fixed(unseen > 0 ? unseen_flagged / unseen : 0) << ")\n";
  out << metrics.dump() << '\n';
  return exit_code;
}

double auroc(const std::vector<double>& scores, const std::vector<int>& labels) {
  std::vector<size_t> order(scores.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
  double positives = 0, negatives = 0, rank_sum = 0;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
    const double mean_rank = (static_cast<double>(i + j) + 1) / 2;  // ranks are 1-based
    for (size_t k = i; k < j; ++k) {
      if (labels[order[k]]) {
        rank_sum += mean_rank;
        ++positives;
      } else {
        ++negatives;
      }
    }
    i = j;
  }
  if (positives == 0 || negatives == 0) return 0;
  return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

}  // namespace crosscheck::eval
