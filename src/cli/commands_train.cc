// train: builds a model file under models/ from training data, reproducibly.
#include <oneapi/tbb/parallel_for.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "cluster/cluster.h"
#include "eval/benchmark_data.h"
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
  auto quote_options = std::make_shared<QuoteTrainOptions>();
  CLI::App* command = app.add_subcommand(
      "train",
      "Build a model file from training data (deterministic for the same data).\n"
      "Tasks:\n  idf: reference term frequencies for clustering (models/news-df.tsv)\n"
      "  quotes: the attribution tagger from a PolNeAR split (models/quotes.bin)\n"
      "Example: crosscheck train idf --data ../shared/data/news-fulltext/articles.jsonl.gz "
      "--out models/news-df.tsv");
  command->add_option("task", *task, "What to train")->required();
  command->add_option("--data", *data, "Training data (any input ingest takes)")->required();
  command->add_option("--out", *out, "Model file to write")->required();
  command->add_option("--seed", quote_options->seed, "Random seed (quotes)");
  command->add_option("--epochs", quote_options->epochs, "Training passes (quotes)");
  command->callback([task, data, out, quote_options, &exit_code] {
    if (*task == "idf") {
      exit_code = train_term_frequencies(*data, *out);
      return;
    }
    if (*task == "quotes") {
      exit_code = train_quotes(*data, *out, *quote_options);
      return;
    }
    warn("unknown train task '" + *task + "'; see crosscheck train --help");
    exit_code = kExitUsage;
  });
}

}  // namespace crosscheck::cli
