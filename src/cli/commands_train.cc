// train: builds a model file under models/ from training data, reproducibly.
#include <oneapi/tbb/parallel_for.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "assess/assess.h"
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

  auto news = std::make_shared<std::string>();
  auto dev = std::make_shared<std::string>();
  auto ner_options = std::make_shared<NerTrainingOptions>();
  auto lm = std::make_shared<std::string>();
  auto seed = std::make_shared<int64_t>(-1);
  auto human = std::make_shared<std::vector<std::string>>();
  auto quote_options = std::make_shared<QuoteTrainOptions>();
  return exit_code;
}

// The quote tagger: PolNeAR articles as stored (the gold offsets point into them), tokenised
// like every article the pipeline reads, with their attribution spans.
int train_quotes(const std::string& data, const std::string& out,
                 const QuoteTrainOptions& options) {
  Problems problems;
  std::vector<eval::AttributionArticle> articles = eval::load_polnear(data, problems);
  int exit_code = kExitOk;
  report_problems(problems, exit_code);
  if (articles.empty()) {
    warn(data + ": no PolNeAR articles to train on");
    return kExitSomeRejected;
  }
  std::vector<Document> documents(articles.size());
  std::vector<std::vector<RoleSpan>> gold(articles.size());
  tbb::parallel_for(size_t{0}, articles.size(), [&](size_t i) {
    documents[i].id = articles[i].id;
    documents[i].text = std::move(articles[i].text);
    annotate_text(documents[i]);
    gold[i] = std::move(articles[i].spans);
  });
  QuoteTrainReport report;
  std::string error;
  if (!train_quote_model(documents, gold, options, out, report, error)) {
    warn(error);
    return kExitFatal;
  }
  std::cerr << "crosscheck: " << out << ": " << report.documents << " articles, " << report.tokens
            << " tokens, " << report.features << " features, " << report.cue_words
            << " cue words; training token accuracy per epoch:";
  for (double accuracy : report.epoch_token_accuracy) std::cerr << ' ' << accuracy;
  std::cerr << '\n';
  return exit_code;
}

}  // namespace

void add_train_command(CLI::App& app, int& exit_code) {
  auto task = std::make_shared<std::string>();
  auto data = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
      "  ner: the name recogniser (models/ner.bin, ner-names.tsv, ner-case.tsv) from CoNLL-2003\n"
      "       training data, the gazetteers of the data folder and cased news text\n"
      "  news-lm: word trigram model of human news for the detector (models/news-lm.bin)\n"
      "  detect: the machine-written classifier (models/detect.json; needs --lm)\n"
      "  quotes: the attribution tagger from a PolNeAR split (models/quotes.bin)\n"
      "Examples: crosscheck train idf --data ../shared/data/news-fulltext/articles.jsonl.gz "
      "--out models/news-df.tsv\n"
      "  crosscheck train ner --data ../shared/data/conll2003 "
      "--news ../shared/data/news-fulltext/articles.jsonl.gz "
      "--dev ../shared/data/conll2003/eng.testa --out models\n"
      "  crosscheck train detect --data ../shared/data/aidetect --out models/detect.json");
  command->add_option("task", *task, "What to train")->required();
  command->add_option("--data", *data, "Training data (any input ingest takes)")->required();
  command->add_option("--out", *out, "Model file, or models folder (ner), to write")->required();
  command->add_option("--news", *news, "ner: cased news articles for the capitalisation table");
  command->add_option("--dev", *dev, "ner: CoNLL file scored after every epoch");
  auto epochs = std::make_shared<int>(-1);
  command->add_option("--epochs", *epochs, "ner, quotes: passes over the training data");
  command->add_option("--seed", *seed,
                      "Seed (default per task: ner 2003, detect 19, quotes: the model's own)");
  command->add_option("--lm", *lm, "detect: language model (default models/news-lm.bin)");
  command->add_option("--human", *human,
                      "detect: human news (JSON lines) whose articles held out from the language "
                      "model join the human texts, half of them");
  command->callback([task, data, out, news, dev, ner_options, lm, seed, human, quote_options,
                     epochs, &exit_code] {
    if (*task == "quotes") {
      if (*seed >= 0) quote_options->seed = static_cast<decltype(quote_options->seed)>(*seed);
      if (*epochs > 0) quote_options->epochs = static_cast<decltype(quote_options->epochs)>(*epochs);
      exit_code = train_quotes(*data, *out, *quote_options);
      return;
    }
    if (*task == "ner") {
      if (*epochs > 0) ner_options->epochs = static_cast<decltype(ner_options->epochs)>(*epochs);
      if (*seed >= 0) ner_options->seed = static_cast<decltype(ner_options->seed)>(*seed);
      exit_code = train_ner(*data, *news, *dev, *out, *ner_options);
      return;
    }
    if (*task == "news-lm") {
      exit_code = train_news_language_model(*data, *out);
      return;
    }
    if (*task == "detect") {
      const uint64_t detect_seed = *seed >= 0 ? static_cast<uint64_t>(*seed) : 19;
      const std::string lm_path = lm->empty() ? find_resources().models_dir + "/news-lm.bin" : *lm;
      std::string command_line = "crosscheck train detect --data " + *data;
      for (const std::string& path : *human) command_line += " --human " + path;
      command_line += " --out " + *out + " --seed " + std::to_string(detect_seed);
      exit_code = train_detector(*data, *human, lm_path, *out, detect_seed, command_line);
  CLI::App* command = app.add_subcommand(
      "train",
      "Build a model file from training data (deterministic for the same data).\n"
      "Tasks:\n  idf: reference term frequencies for clustering (models/news-df.tsv)\n"
      "  ner: the name recogniser (models/ner.bin, ner-names.tsv, ner-case.tsv) from CoNLL-2003\n"
      "       training data, the gazetteers of the data folder and cased news text\n"
      "  news-lm: word trigram model of human news for the detector (models/news-lm.bin)\n"
      "  detect: the machine-written classifier (models/detect.json; needs --lm)\n"
      "  quotes: the attribution tagger from a PolNeAR split (models/quotes.bin)\n"
      "Examples: crosscheck train idf --data ../shared/data/news-fulltext/articles.jsonl.gz "
      "--out models/news-df.tsv\n"
      "  crosscheck train ner --data ../shared/data/conll2003 "
      "--news ../shared/data/news-fulltext/articles.jsonl.gz "
      "--dev ../shared/data/conll2003/eng.testa --out models\n"
      "  crosscheck train detect --data ../shared/data/aidetect --out models/detect.json");
  command->add_option("task", *task, "What to train")->required();
  command->add_option("--data", *data, "Training data (any input ingest takes)")->required();
  command->add_option("--out", *out, "Model file, or models folder (ner), to write")->required();
  command->add_option("--news", *news, "ner: cased news articles for the capitalisation table");
  command->add_option("--dev", *dev, "ner: CoNLL file scored after every epoch");
  auto epochs = std::make_shared<int>(-1);
  command->add_option("--epochs", *epochs, "ner, quotes: passes over the training data");
  command->add_option("--seed", *seed, "Seed (default per task: ner 2003, detect 19, quotes: the model's own)");
  command->add_option("--lm", *lm, "detect: language model (default models/news-lm.bin)");
  command->add_option("--human", *human,
                      "detect: human news (JSON lines) whose articles held out from the language "
                      "model join the human texts, half of them");
  command->callback([task, data, out, news, dev, ner_options, lm, seed, human, quote_options,
                     epochs, &exit_code] {
    if (*task == "quotes") {
      if (*seed >= 0) quote_options->seed = static_cast<decltype(quote_options->seed)>(*seed);
      if (*epochs > 0) quote_options->epochs = static_cast<decltype(quote_options->epochs)>(*epochs);
      exit_code = train_quotes(*data, *out, *quote_options);
      return;
    }
    if (*task == "ner") {
      if (*epochs > 0) ner_options->epochs = static_cast<decltype(ner_options->epochs)>(*epochs);
      if (*seed >= 0) ner_options->seed = static_cast<uint64_t>(*seed);
      exit_code = train_ner(*data, *news, *dev, *out, *ner_options);
      return;
    }
    if (*task == "news-lm") {
      exit_code = train_news_language_model(*data, *out);
      return;
    }
    if (*task == "detect") {
      const uint64_t detect_seed = *seed >= 0 ? static_cast<uint64_t>(*seed) : 19;
      const std::string lm_path = lm->empty() ? find_resources().models_dir + "/news-lm.bin" : *lm;
      std::string command_line = "crosscheck train detect --data " + *data;
      for (const std::string& path : *human) command_line += " --human " + path;
      command_line += " --out " + *out + " --seed " + std::to_string(detect_seed);
      exit_code = train_detector(*data, *human, lm_path, *out, detect_seed, command_line);
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
