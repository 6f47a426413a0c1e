// train: builds a model file under models/ from training data, reproducibly.
#include <oneapi/tbb/parallel_for.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "cluster/cluster.h"
#include "core/resources.h"
#include "eval/benchmark_data.h"
#include "eval/tasks.h"
#include "extract/extract.h"
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

// The name recogniser: CoNLL-2003 training names, name lists from the gazetteers, the
// capitalisation table from cased news; the development score after every epoch.
int train_ner(const std::string& data, const std::string& news, const std::string& dev,
              const std::string& out, const NerTrainingOptions& options) {
  std::error_code ec;
  std::string train_path = std::filesystem::is_directory(data, ec) ? data + "/eng.train" : data;
  Problems problems;
  std::vector<eval::ConllDocument> conll = eval::read_conll(train_path, problems);
  int exit_code = kExitOk;
  report_problems(problems, exit_code);
  if (conll.empty()) {
    warn(train_path + ": no CoNLL documents to train on");
    return kExitFatal;
  }
  std::vector<Document> training(conll.size());
  tbb::parallel_for(size_t{0}, conll.size(), [&](size_t i) {
    training[i] = std::move(conll[i].doc);
    annotate_text(training[i]);
  });
  std::vector<Document> news_documents;
  if (!news.empty()) {
    IngestResult result = ingest({news}, IngestOptions{});
    report_problems(result.problems, exit_code);
    news_documents = std::move(result.documents);
    tbb::parallel_for(size_t{0}, news_documents.size(),
                      [&](size_t i) { annotate_text(news_documents[i]); });
  }
  std::vector<eval::ConllDocument> development;
  if (!dev.empty()) {
    Problems dev_problems;
    development = eval::read_conll(dev, dev_problems);
    report_problems(dev_problems, exit_code);
  }
  std::cerr << "crosscheck: training on " << training.size() << " documents, "
            << news_documents.size() << " news articles for capitalisation, seed " << options.seed
            << "\n";
  std::vector<std::string> warnings;
  auto extractor = Extractor::train_ner(
      find_resources(), training, news_documents, options,
      [&](int epoch, const Extractor& model) {
        if (development.empty()) {
          std::cerr << "crosscheck: epoch " << epoch << " done\n";
          return;
        }
        eval::NerScores scores = eval::score_ner(development, model);
        char line[160];
        std::snprintf(line, sizeof(line), "epoch %2d  dev precision %.4f recall %.4f f1 %.4f\n",
                      epoch, scores.all.precision, scores.all.recall, scores.all.f1);
        std::cout << line << std::flush;
      },
      &warnings);
  for (const std::string& warning : warnings) warn(warning);
  std::string error;
  std::filesystem::create_directories(out, ec);
  if (!extractor->save_ner(out, error)) {
    warn(error);
    return kExitFatal;
  }
  std::cerr << "crosscheck: wrote " << out << "/ner.bin, ner-names.tsv, ner-case.tsv\n";
  return exit_code;
}

}  // namespace

void add_train_command(CLI::App& app, int& exit_code) {
  auto task = std::make_shared<std::string>();
  auto data = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto news = std::make_shared<std::string>();
  auto dev = std::make_shared<std::string>();
  auto ner_options = std::make_shared<NerTrainingOptions>();
  CLI::App* command = app.add_subcommand(
      "train",
      "Build a model file from training data (deterministic for the same data).\n"
      "Tasks:\n  idf: reference term frequencies for clustering (models/news-df.tsv)\n"
      "  ner: the name recogniser (models/ner.bin, ner-names.tsv, ner-case.tsv) from CoNLL-2003\n"
      "       training data, the gazetteers of the data folder and cased news text\n"
      "Examples: crosscheck train idf --data ../shared/data/news-fulltext/articles.jsonl.gz "
      "--out models/news-df.tsv\n"
      "  crosscheck train ner --data ../shared/data/conll2003 "
      "--news ../shared/data/news-fulltext/articles.jsonl.gz "
      "--dev ../shared/data/conll2003/eng.testa --out models");
  command->add_option("task", *task, "What to train")->required();
  command->add_option("--data", *data, "Training data (any input ingest takes)")->required();
  command->add_option("--out", *out, "Model file (idf) or models folder (ner) to write")
      ->required();
  command->add_option("--news", *news, "ner: cased news articles for the capitalisation table");
  command->add_option("--dev", *dev, "ner: CoNLL file scored after every epoch");
  command->add_option("--epochs", ner_options->epochs, "ner: passes over the training data")
      ->capture_default_str();
  command->add_option("--seed", ner_options->seed, "ner: seed of the document order")
      ->capture_default_str();
  command->callback([task, data, out, news, dev, ner_options, &exit_code] {
    if (*task == "ner") {
      exit_code = train_ner(*data, *news, *dev, *out, *ner_options);
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
