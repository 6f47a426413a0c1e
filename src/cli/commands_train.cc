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
#include "eval/eval.h"
#include "eval/tasks.h"
#include "extract/extract.h"
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
  // Parsed as the pipeline parses (syntax runs before extract), so the tagger's syntax
  // features see the same trees in training and at run time.
  std::vector<std::string> warnings;
  std::unique_ptr<SyntaxModel> syntax = SyntaxModel::load(find_resources(), &warnings);
  for (const std::string& warning : warnings) warn(warning);
  std::vector<Document> documents(articles.size());
  std::vector<std::vector<RoleSpan>> gold(articles.size());
  tbb::parallel_for(size_t{0}, articles.size(), [&](size_t i) {
    documents[i].id = articles[i].id;
    documents[i].text = std::move(articles[i].text);
    annotate_text(documents[i]);
    if (syntax) syntax->annotate(documents[i]);
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
  auto news = std::make_shared<std::string>();
  auto dev = std::make_shared<std::string>();
  auto lm = std::make_shared<std::string>();
  auto seed = std::make_shared<int64_t>(-1);
  auto epochs = std::make_shared<int>(-1);
  auto human = std::make_shared<std::vector<std::string>>();
  auto ner_options = std::make_shared<NerTrainingOptions>();
  auto quote_options = std::make_shared<QuoteTrainOptions>();
  auto syntax = std::make_shared<SyntaxTrainOptions>();
  auto passes = std::make_shared<int>(2);
  CLI::App* command = app.add_subcommand(
      "train",
      "Build a model file from training data (deterministic for the same data).\n"
      "Tasks:\n  idf: reference term frequencies for clustering (models/news-df.tsv)\n"
      "  syntax: tagger, lemmatiser and parser from a UD English EWT folder (default --out "
      "models/syntax-en.bin)\n"
      "  ner: the name recogniser (models/ner.bin, ner-names.tsv, ner-case.tsv) from CoNLL-2003\n"
      "       training data, the gazetteers of the data folder and cased news text\n"
      "  news-lm: word trigram model of human news for the detector (models/news-lm.bin)\n"
      "  detect: the machine-written classifier (models/detect.json; needs --lm)\n"
      "  quotes: the attribution tagger from a PolNeAR split (models/quotes.bin)\n"
      "  paraphrase: same-statement scorer from MSRP pairs (models/same-statement.model)\n"
      "Examples: crosscheck train idf --data ../shared/data/news-fulltext/articles.jsonl.gz "
      "--out models/news-df.tsv\n"
      "  crosscheck train syntax --data ../shared/data/ud-ewt\n"
      "  crosscheck train ner --data ../shared/data/conll2003 "
      "--news ../shared/data/news-fulltext/articles.jsonl.gz "
      "--dev ../shared/data/conll2003/eng.testa --out models\n"
      "  crosscheck train detect --data ../shared/data/aidetect --out models/detect.json\n"
      "  crosscheck train quotes --data ../shared/data/polnear/train --out models/quotes.bin "
      "--seed 1 --epochs 30\n"
      "  crosscheck train paraphrase --data ../shared/data/msrp/msr_paraphrase_train.tsv.gz "
      "--out models/same-statement.model");
  command->add_option("task", *task, "What to train")->required();
  command->add_option("--data", *data, "Training data (any input ingest takes)")->required();
  command->add_option("--out", *out, "Model file, or models folder (ner), to write");
  command->add_option("--seed", *seed,
                      "Seed (default per task: syntax and quotes their own, ner 2003, detect 19)");
  command->add_option("--epochs", *epochs, "ner, quotes: passes over the training data");
  command->add_option("--min-feature-count", quote_options->min_feature_count,
                      "quotes: features seen in fewer training tokens are left out");
  command->add_option("--news", *news,
                      "ner: cased news articles for the capitalisation table; syntax: unlabelled "
                      "text for word clusters (default: news-fulltext beside the data folder; "
                      "'none' for no clusters)");
  command->add_option("--dev", *dev, "ner: CoNLL file scored after every epoch");
  command->add_option("--lm", *lm, "detect: language model (default models/news-lm.bin)");
  command->add_option("--human", *human,
                      "detect: human news (JSON lines) whose articles held out from the language "
                      "model join the human texts, half of them");
  command->add_option("--tagger-iterations", syntax->tagger_iterations, "syntax: tagger epochs");
  command->add_option("--parser-iterations", syntax->parser_iterations, "syntax: parser epochs");
  command->add_option("--tagger-passes", *passes, "syntax: 1 or 2 tagging passes")
      ->check(CLI::Range(1, 2));
  command->add_option("--jackknife", syntax->jackknife,
                      "syntax: folds for the parser's predicted training tags (0 = gold tags)");
  command->callback([=, &exit_code] {
    if (*task == "syntax") {
      SyntaxTrainOptions options = *syntax;
      if (*seed >= 0) options.seed = static_cast<decltype(options.seed)>(*seed);
      options.two_pass = *passes == 2;
      options.data = *data;
      options.out = *out;
      options.news = *news;
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
    if (*task == "paraphrase") {
      exit_code = eval::train_paraphrase(*data, *out, std::cout, std::cerr);
      return;
    }
    if (*task == "quotes") {
      if (*seed >= 0) quote_options->seed = static_cast<decltype(quote_options->seed)>(*seed);
      if (*epochs > 0)
        quote_options->epochs = static_cast<decltype(quote_options->epochs)>(*epochs);
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
