// train: builds a model file under models/ from training data, reproducibly.
#include <oneapi/tbb/parallel_for.h>

#include <iostream>

#include "assess/assess.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cluster/cluster.h"
#include "core/resources.h"
#include "eval/benchmark_data.h"
#include "eval/tasks.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace crosscheck::cli {

namespace {

// Reference document frequencies for clustering: every article of DATA is tokenised and each
// content-word stem counted once per article; stems in fewer than 3 articles are left out.
int train_term_frequencies(const std::string& data, const std::string& out) {
  IngestResult result = ingest({data}, IngestOptions{});
  int exit_code = kExitOk;
  report_problems(result.problems, exit_code);
  if (result.documents.empty()) {
    warn(data + ": no articles to train on");
    return kExitSomeRejected;
  }
  tbb::parallel_for(size_t{0}, result.documents.size(),
                    [&](size_t i) { annotate_text(result.documents[i]); });
  TermFrequencies frequencies = count_term_frequencies(result.documents);
  std::string error;
  if (!save_term_frequencies(frequencies, out, 3, error)) {
    warn(error);
    return kExitFatal;
  }
  std::cerr << "crosscheck: " << out << ": " << frequencies.documents << " articles, "
            << frequencies.df.size() << " terms counted\n";
  return exit_code;
}

// The detector's language model: a word trigram model of the human-written articles of DATA,
// leaving out the fifth held_out_from_language_model() keeps for measuring false alarms.
int train_news_language_model(const std::string& data, const std::string& out) {
  IngestResult result = ingest({data}, IngestOptions{});
  int exit_code = kExitOk;
  report_problems(result.problems, exit_code);
  std::vector<Document> documents;
  for (Document& doc : result.documents)
    if (!held_out_from_language_model(doc.id)) documents.push_back(std::move(doc));
  if (documents.empty()) {
    warn(data + ": no articles to train on");
    return kExitSomeRejected;
  }
  tbb::parallel_for(size_t{0}, documents.size(), [&](size_t i) { annotate_text(documents[i]); });
  std::string error;
  if (!MachineDetector::train_language_model(documents, out, error)) {
    warn(error);
    return kExitFatal;
  }
  std::cerr << "crosscheck: " << out << ": trained on " << documents.size() << " articles\n";
  return exit_code;
}

// The detector's classifier: signals of the labelled texts of DATA (aidetect layout) except the
// fifth held_out_from_detector() keeps for `eval detect`.
int train_detector(const std::string& data, const std::vector<std::string>& human,
                   const std::string& lm_path, const std::string& out, uint64_t seed,
                   const std::string& command_line) {
  std::string error;
  auto detector = MachineDetector::load_language_model(lm_path, error);
  if (!detector) {
    warn(error);
    return kExitFatal;
  }
  Problems problems;
  std::vector<eval::LabelledText> texts = eval::load_labelled_texts(data, problems);
  int exit_code = kExitOk;
  report_problems(problems, exit_code);
  std::vector<std::string> ids, bodies;
  std::vector<int> labels;
  for (const eval::LabelledText& text : texts) {
    if ((text.label != "human" && text.label != "machine") || held_out_from_detector(text.id))
      continue;
    ids.push_back(text.id);
    bodies.push_back(text.text);
    labels.push_back(text.label == "machine");
  }
  size_t human_news = 0;
  for (const std::string& path : human) {
    for (eval::LabelledText& text : eval::load_labelled_texts(path, problems)) {
      if (!human_news_for_detector(text.id)) continue;
      ids.push_back(text.id);
      bodies.push_back(std::move(text.text));
      labels.push_back(0);
      ++human_news;
    }
  }
  report_problems(problems, exit_code);
  if (ids.empty()) {
    warn(data + ": no labelled texts to train on");
    return kExitSomeRejected;
  }
  std::vector<Document> documents = eval::make_documents(ids, bodies);
  std::vector<std::vector<double>> rows(documents.size());
  tbb::parallel_for(size_t{0}, documents.size(),
                    [&](size_t i) { rows[i] = detector->signals(documents[i]); });
  DetectorTrainOptions options;
  options.seed = seed;
  auto trained = detector->trained(rows, labels, ids, options);
  const std::string card = "data: " + data + " (" + std::to_string(ids.size() - human_news) +
                           " texts, the held-out fifth left out) and " +
                           std::to_string(human_news) +
                           " human news articles; language model: " + lm_path + "; seed " +
                           std::to_string(seed) + "; command: " + command_line;
  if (!trained->save_classifier(out, card, error)) {
    warn(error);
    return kExitFatal;
  }
  std::cerr << "crosscheck: " << out << ": trained on " << ids.size() << " texts\n";
  for (const auto& [name, weight] : trained->weights())
    std::cerr << "  " << name << " " << weight << '\n';
  return exit_code;
}

}  // namespace

void add_train_command(CLI::App& app, int& exit_code) {
  auto task = std::make_shared<std::string>();
  auto data = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto lm = std::make_shared<std::string>();
  auto seed = std::make_shared<uint64_t>(19);
  auto human = std::make_shared<std::vector<std::string>>();
  CLI::App* command = app.add_subcommand(
      "train",
      "Build a model file from training data (deterministic for the same data).\n"
      "Tasks:\n  idf: reference term frequencies for clustering (models/news-df.tsv)\n"
      "  news-lm: word trigram model of human news for the detector (models/news-lm.bin)\n"
      "  detect: the machine-written classifier (models/detect.json; needs --lm)\n"
      "Example: crosscheck train idf --data ../shared/data/news-fulltext/articles.jsonl.gz "
      "--out models/news-df.tsv\n"
      "Example: crosscheck train detect --data ../shared/data/aidetect --out models/detect.json");
  command->add_option("task", *task, "What to train")->required();
  command->add_option("--data", *data, "Training data (any input ingest takes)")->required();
  command->add_option("--out", *out, "Model file to write")->required();
  command->add_option("--lm", *lm, "detect: language model (default models/news-lm.bin)");
  command->add_option("--seed", *seed, "detect: seed of the calibration folds (default 19)");
  command->add_option("--human", *human,
                      "detect: human news (JSON lines) whose articles held out from the language "
                      "model join the human texts, half of them");
  command->callback([task, data, out, lm, seed, human, &exit_code] {
    if (*task == "news-lm") {
      exit_code = train_news_language_model(*data, *out);
      return;
    }
    if (*task == "detect") {
      const std::string lm_path = lm->empty() ? find_resources().models_dir + "/news-lm.bin" : *lm;
      std::string command_line = "crosscheck train detect --data " + *data;
      for (const std::string& path : *human) command_line += " --human " + path;
      command_line += " --out " + *out + " --seed " + std::to_string(*seed);
      exit_code = train_detector(*data, *human, lm_path, *out, *seed, command_line);
      return;
    }
    if (*task == "idf") {
      exit_code = train_term_frequencies(*data, *out);
      return;
    }
    warn("unknown train task '" + *task + "'; see crosscheck train --help");
    exit_code = kExitUsage;
  });
}

}  // namespace crosscheck::cli
