// assess: per-article judgement with reasons in plain words.
//
// - machine_generated: a probability from documented stylometric features (boilerplate
//   connectives, hedging and summary phrases, encyclopedia-style background, lexical and
//   sentence-length uniformity, "By AI" bylines, Q&A and key-point scaffolding), each feature
//   that fires giving a reason.
// - padding: share of sentences not about the story's event (no story actor, place, date or
//   number, and low overlap with the story's centroid).
// - unsupported: share of the article's facts that no independent source states.
// - internal conflicts: conflicts whose both sides are in the article (story.conflicts with
//   internal = true), such as a date that is not the weekday the same article names.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

class MachineDetector;

struct AssessOptions {
  // The machine-written detector (MachineDetector::load); without one p_machine stays 0 and
  // no machine-written verdict is given.
  const MachineDetector* detector = nullptr;
  // IDF cosine with the other articles' centroid below which a sentence tied to the event by
  // nothing (no story date, count, or pair of story actors) is padding; 0.6 of it when the
  // sentence names one story actor.
  double padding_similarity = 0.08;
  // A sentence this similar to one sentence of another independent article is never padding.
  double padding_match = 0.3;
};

// Probability that a text is machine-written, with the reasons that drove it.
struct MachineScore {
  double p = 0;
  std::vector<std::string> reasons;  // measured signals of the text, strongest first
};

// Options of MachineDetector::trained.
struct DetectorTrainOptions {
  double c = 1.0;      // inverse L2 regularisation of the logistic model (docs/assess.md sweep)
  uint64_t seed = 19;  // calibration folds
};

// The machine-written detector: a word trigram model of human news (models/news-lm.bin) scores
// how predictable each word is; those scores and stylometric signals feed a logistic model with
// Platt calibration (models/detect.json), trained by `crosscheck train detect`. Load once;
// const methods are thread-safe. Scoring costs one pass over the tokens (several MB/s per core).
class MachineDetector {
 public:
  MachineDetector();
  ~MachineDetector();
  MachineDetector(const MachineDetector&) = delete;
  MachineDetector& operator=(const MachineDetector&) = delete;

  // Loads models_dir/news-lm.bin and models_dir/detect.json; nullptr with `error` set when
  // either is missing, truncated or not a model of this kind.
  static std::unique_ptr<MachineDetector> load(const std::string& models_dir, std::string& error);
  // The language model alone (no classifier yet), for training; nullptr with `error` as above.
  static std::unique_ptr<MachineDetector> load_language_model(const std::string& path,
                                                              std::string& error);
  // Trains the language model on annotated human-written documents and writes it to `path`.
  static bool train_language_model(const std::vector<Document>& documents, const std::string& path,
                                   std::string& error);

  // Names of the measured signals, in the order of signals().
  static const std::vector<std::string>& signal_names();
  // Measured signals of a document (annotates a copy when it has no tokens).
  std::vector<double> signals(const Document& doc) const;
  // A detector sharing this one's language model with a classifier trained on `rows` of signals,
  // `labels` (1 machine-written, 0 human) and the items' `ids` (remembered: trained_on()).
  std::unique_ptr<MachineDetector> trained(const std::vector<std::vector<double>>& rows,
                                           const std::vector<int>& labels,
                                           const std::vector<std::string>& ids,
                                           const DetectorTrainOptions& options) const;
  // Calibrated probability for signals; 0.5 when there is no classifier.
  double probability(const std::vector<double>& signals) const;
  MachineScore score(const Document& doc) const;
  // True when the item with this id was among the classifier's training texts.
  bool trained_on(std::string_view id) const;
  // Writes the classifier (signals, weights, calibration, training ids) as JSON; `card` is
  // stored with it (data, command, seed).
  bool save_classifier(const std::string& path, const std::string& card, std::string& error) const;
  // Per signal: weight of its standardised value in the margin (for the model card).
  std::vector<std::pair<std::string, double>> weights() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Human news the language model is not trained on (about a fifth, chosen by a hash of the id),
// so that its false alarms on human news can be measured on unseen articles.
bool held_out_from_language_model(std::string_view id);

// Human news that `crosscheck train detect --human` adds to the classifier's human texts: half
// of the articles held out from the language model (so they look as unfamiliar to it as any
// unseen article); the other half stays unseen by both for measuring false alarms.
bool human_news_for_detector(std::string_view id);

// Labelled texts `crosscheck train detect` leaves out (about a fifth, by a hash of the id), so
// that `eval detect` on the same file measures items the classifier never saw.
bool held_out_from_detector(std::string_view id);

// Fills story.assessments (one per article of the story, in story order). Needs facts.
void assess_story(const std::vector<Document>& documents, Story& story,
                  const AssessOptions& options = {});

}  // namespace crosscheck
