#include "assess/detector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>

#include "assess/assess.h"
#include "assess/language_model.h"
#include "text/text.h"

namespace crosscheck {
namespace {

using assess::NgramModel;
using assess::TokenScore;

std::vector<std::vector<std::string>> corpus() {
  std::vector<std::vector<std::string>> sentences;
  for (int i = 0; i < 20; ++i) {
    sentences.push_back({"the", "minister", "said", "on", "monday", "."});
    sentences.push_back({"the", "police", "said", "on", "tuesday", "."});
  }
  sentences.push_back({"the", "minister", "resigned", "."});
  return sentences;
}

std::string temp_path(const std::string& name) { return ::testing::TempDir() + "/" + name; }

TEST(NgramModel, SeenContinuationsAreLikelierAndRanked) {
  NgramModel model = NgramModel::train(corpus(), assess::NgramOptions{});
  std::vector<TokenScore> seen, unseen;
  model.score_sentence({"the", "minister", "said", "on", "monday", "."}, seen);
  model.score_sentence({"the", "minister", "on", "said", "zebra", "."}, unseen);
  ASSERT_EQ(seen.size(), 6u);
  ASSERT_EQ(unseen.size(), 6u);
  EXPECT_GT(seen[2].logprob, unseen[2].logprob);  // "said" after "the minister"
  EXPECT_TRUE(unseen[4].unknown);
  EXPECT_FALSE(seen[4].unknown);
  EXPECT_EQ(seen[2].rank, 0);  // "said" is the commonest word after "minister"
  for (const TokenScore& score : seen) EXPECT_LE(score.logprob, 0.0f);
}

TEST(NgramModel, SavesAndLoadsTheSameScores) {
  NgramModel model = NgramModel::train(corpus(), assess::NgramOptions{});
  std::string error;
  const std::string path = temp_path("lm.bin");
  ASSERT_TRUE(model.save(path, error)) << error;
  NgramModel loaded;
  ASSERT_TRUE(NgramModel::load(path, loaded, error)) << error;
  std::vector<TokenScore> a, b;
  model.score_sentence({"the", "police", "said", "on", "friday", "."}, a);
  loaded.score_sentence({"the", "police", "said", "on", "friday", "."}, b);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_FLOAT_EQ(a[i].logprob, b[i].logprob);
}

TEST(NgramModel, RejectsFilesThatAreNotModels) {
  const std::string path = temp_path("not-a-model.bin");
  std::ofstream(path) << "hello";
  NgramModel model;
  std::string error;
  EXPECT_FALSE(NgramModel::load(path, model, error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(NgramModel::load(temp_path("missing.bin"), model, error));
}

// Rows of signals where machine rows have fewer quotes (signal "quotes") and the rest is noise.
TEST(Classifier, LearnsTheSignalThatSeparatesAndNamesIt) {
  const std::vector<std::string>& names = assess::detector_signal_names();
  const size_t quotes =
      static_cast<size_t>(std::find(names.begin(), names.end(), "quotes") - names.begin());
  ASSERT_LT(quotes, names.size());
  std::mt19937 random(7);
  std::normal_distribution<double> noise(0, 1);
  std::vector<std::vector<double>> rows;
  std::vector<int> labels;
  std::vector<uint64_t> keys;
  for (int i = 0; i < 400; ++i) {
    std::vector<double> row(names.size());
    for (double& v : row) v = noise(random);
    const int machine = i % 2;
    row[quotes] = (machine ? 0.2 : 1.5) + 0.3 * noise(random);
    rows.push_back(row);
    labels.push_back(machine);
    keys.push_back(static_cast<uint64_t>(i) * 7919);
  }
  assess::Classifier classifier = assess::fit_classifier(rows, labels, keys, {});
  EXPECT_LT(classifier.weight[quotes], 0);
  std::vector<double> machine_like = rows[1], human_like = rows[0];
  machine_like[quotes] = 0.1;
  human_like[quotes] = 1.6;
  EXPECT_GT(classifier.probability(machine_like), 0.9);
  EXPECT_LT(classifier.probability(human_like), 0.1);
  std::vector<std::string> reasons = assess::detector_reasons(classifier, machine_like, 0.4);
  ASSERT_FALSE(reasons.empty());
  EXPECT_NE(reasons.front().find("quotation"), std::string::npos) << reasons.front();
  EXPECT_NE(reasons.front().find("human news"), std::string::npos) << reasons.front();
}

Document annotated(const std::string& text) {
  Document doc;
  doc.text = text;
  annotate_text(doc);
  return doc;
}

TEST(MachineDetector, SignalsComeFromTheLanguageModelAndTheText) {
  std::vector<Document> news = {
      annotated("The minister said on Monday that the budget would rise. \"We will act,\" she "
                "told reporters in Oslo."),
      annotated("Police said on Tuesday that 14 people were hurt. The minister said the road "
                "would reopen.")};
  // Three copies, so that their words pass the vocabulary's minimum count.
  std::vector<Document> training;
  for (int copy = 0; copy < 3; ++copy) training.insert(training.end(), news.begin(), news.end());
  std::string error;
  const std::string path = temp_path("news-lm.bin");
  ASSERT_TRUE(MachineDetector::train_language_model(training, path, error)) << error;
  auto detector = MachineDetector::load_language_model(path, error);
  ASSERT_NE(detector, nullptr) << error;
  std::vector<double> familiar = detector->signals(news[0]);
  std::vector<double> strange =
      detector->signals(annotated("Zebras juggle quietly beneath purple volcanoes."));
  ASSERT_EQ(familiar.size(), MachineDetector::signal_names().size());
  EXPECT_GT(familiar[0], strange[0]);               // lm_logprob: seen text is likelier
  EXPECT_EQ(detector->probability(familiar), 0.5);  // no classifier yet
  // Unannotated and empty documents are scored without crashing.
  Document raw;
  raw.text = "The minister said so.";
  EXPECT_EQ(detector->signals(raw).size(), familiar.size());
  EXPECT_EQ(detector->signals(Document{}).size(), familiar.size());

  std::vector<std::vector<double>> rows = {familiar, strange, familiar, strange};
  auto trained = detector->trained(rows, {0, 1, 0, 1}, {"a", "b", "c", "d"}, {});
  EXPECT_TRUE(trained->trained_on("a"));
  EXPECT_FALSE(trained->trained_on("e"));
  EXPECT_GT(trained->probability(strange), trained->probability(familiar));
  const std::string model_path = temp_path("detect.json");
  ASSERT_TRUE(trained->save_classifier(model_path, "test", error)) << error;
}

TEST(MachineDetector, LoadReportsMissingModels) {
  std::string error;
  EXPECT_EQ(MachineDetector::load(temp_path("no-such-folder"), error), nullptr);
  EXPECT_NE(error.find("news-lm.bin"), std::string::npos);
}

TEST(MachineDetector, HeldOutRulesKeepAboutAFifth) {
  int lm = 0, detector = 0;
  for (int i = 0; i < 1000; ++i) {
    lm += held_out_from_language_model("article-" + std::to_string(i));
    detector += held_out_from_detector("dev-" + std::to_string(i));
  }
  EXPECT_GT(lm, 150);
  EXPECT_LT(lm, 250);
  EXPECT_GT(detector, 150);
  EXPECT_LT(detector, 250);
}

}  // namespace
}  // namespace crosscheck
