// train: builds a model file under models/ from training data, reproducibly.
#include <oneapi/tbb/parallel_for.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "cluster/cluster.h"
#include "core/resources.h"
#include "ingest/ingest.h"
#include "syntax/syntax.h"
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

}  // namespace

void add_train_command(CLI::App& app, int& exit_code) {
  auto task = std::make_shared<std::string>();
  auto data = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto syntax = std::make_shared<SyntaxTrainOptions>();
  CLI::App* command = app.add_subcommand(
      "train",
      "Build a model file from training data (deterministic for the same data).\n"
      "Tasks:\n  idf: reference term frequencies for clustering (models/news-df.tsv)\n"
      "  syntax: tagger, lemmatiser and parser from a UD English EWT folder (default --out "
      "models/syntax-en.bin)\n"
      "Example: crosscheck train idf --data ../shared/data/news-fulltext/articles.jsonl.gz "
      "--out models/news-df.tsv\n"
      "Example: crosscheck train syntax --data ../shared/data/ud-ewt");
  command->add_option("task", *task, "What to train")->required();
  command->add_option("--data", *data, "Training data (any input ingest takes)")->required();
  command->add_option("--out", *out, "Model file to write");
  command->add_option("--seed", syntax->seed, "syntax: random seed (shuffling, exploration)");
  command->add_option("--news", syntax->news,
                      "syntax: unlabelled text for word clusters (default: news-fulltext beside "
                      "the data folder; 'none' for no clusters)");
  command->add_option("--tagger-iterations", syntax->tagger_iterations, "syntax: tagger epochs");
  command->add_option("--parser-iterations", syntax->parser_iterations, "syntax: parser epochs");
  auto passes = std::make_shared<int>(2);
  command->add_option("--tagger-passes", *passes, "syntax: 1 or 2 tagging passes")
      ->check(CLI::Range(1, 2));
  command->add_option("--jackknife", syntax->jackknife,
                      "syntax: folds for the parser's predicted training tags (0 = gold tags)");
  command->callback([task, data, out, syntax, passes, &exit_code] {
    if (*task == "syntax") {
      SyntaxTrainOptions options = *syntax;
      options.two_pass = *passes == 2;
      options.data = *data;
      options.out = *out;
      if (options.out.empty()) {
        Resources resources = find_resources();
        options.out =
            (resources.models_dir.empty() ? std::string("models") : resources.models_dir) + "/" +
            SyntaxModel::kFileName;
      }
      if (options.news.empty()) {
        std::filesystem::path folder = std::filesystem::path(*data).lexically_normal();
        if (folder.filename().empty()) folder = folder.parent_path();
        std::string sibling = folder.parent_path().string() + "/news-fulltext";
        std::error_code ec;
        if (std::filesystem::exists(sibling, ec)) options.news = sibling;
      } else if (options.news == "none") {
        options.news.clear();
      }
      exit_code = train_syntax(options, std::cerr);
      return;
    }
    if (out->empty()) {
      warn("train " + *task + " needs --out");
      exit_code = kExitUsage;
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
