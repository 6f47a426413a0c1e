// text, cluster, ner, timex, quotes, detect, eval: one stage at a time, for pipelines of tools
// and for the benchmarks.
#include <iostream>
#include <memory>
#include <sstream>

#include "assess/assess.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "cli/tagging.h"
#include "cluster/cluster.h"
#include "core/resources.h"
#include "core/utf8.h"
#include "eval/eval.h"
#include "eval/timeml.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace crosscheck::cli {

namespace {

std::unique_ptr<Extractor> load_extractor() {
  std::vector<std::string> warnings;
  auto extractor = Extractor::load(find_resources(), &warnings);
  for (const auto& w : warnings) warn(w);
  return extractor;
}

// Reads FILE (or stdin) as one document whose text is kept byte for byte (offsets of the output
// refer to the input), with malformed UTF-8 replaced.
bool read_document(const std::string& path, Document& doc, int& exit_code) {
  std::string content, error;
  if (!read_input(path, content, error)) {
    warn(error);
    exit_code = kExitSomeRejected;
    return false;
  }
  if (!utf8::is_valid(content)) {
    warn(path + ": not valid UTF-8; malformed bytes replaced by U+FFFD");
    content = utf8::repair(content);
    exit_code = kExitSomeRejected;
  }
  doc.id = path == "-" ? "stdin" : path;
  doc.source = doc.id;
  doc.text = std::move(content);
  return true;
}

}  // namespace

void add_text_command(CLI::App& app, int& exit_code) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  CLI::App* command = app.add_subcommand(
      "text",
      "Extract articles (HTML, .html.gz, WARC, .warc.gz, text, JSON lines) as JSON lines.\n"
      "Example: crosscheck text crawl.warc.gz > articles.jsonl");
  command->add_option("inputs", *inputs, "Files, folders or '-'")->required();
  command->callback([inputs, &exit_code] {
    IngestResult result = ingest(*inputs, IngestOptions{});
    report_problems(result.problems, exit_code);
    for (const Document& doc : result.documents) std::cout << article_json(doc).dump() << '\n';
  });
}

void add_cluster_command(CLI::App& app, int& exit_code) {
  auto input = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "cluster",
      "Group JSON lines of articles into stories; prints {\"id\", \"story\"} per article in "
      "input order.\nExample: crosscheck text pages/ | crosscheck cluster -");
  command->add_option("input", *input, "JSON lines of articles, or '-'")->required();
  command->callback([input, &exit_code] {
    IngestResult result = ingest({*input}, IngestOptions{});
    report_problems(result.problems, exit_code);
    auto extractor = load_extractor();
    ExtractOptions entities_only{true, false, false, false};
    for (Document& doc : result.documents) {
      annotate_text(doc);
      extractor->annotate(doc, entities_only);
    }
    auto background = load_background_frequencies(find_resources());
    ClusterOptions options;
    options.background = background.get();
    std::vector<Story> stories = cluster(result.documents, options);
    std::vector<std::string> story_of(result.documents.size());
    for (const Story& story : stories) {
      for (uint32_t index : story.documents) story_of[index] = story.id;
    }
    for (size_t i = 0; i < result.documents.size(); ++i) {
      nlohmann::ordered_json line;
      line["id"] = result.documents[i].id;
      line["story"] = story_of[i];
      std::cout << line.dump() << '\n';
    }
  });
}

void add_ner_command(CLI::App& app, int& exit_code) {
  auto input = std::make_shared<std::string>("-");
  auto conll = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "ner",
      "Tag person, organisation and place names. Text in, JSON lines of mentions out; with "
      "--conll, CoNLL columns in and the same lines with a predicted tag column out.\n"
      "Example: crosscheck ner --conll ../shared/data/conll2003/eng.testa");
  command->add_option("input", *input, "Text file or '-' (default)");
  command->add_flag("--conll", *conll, "Input is CoNLL-2003 columns");
  command->callback([input, conll, &exit_code] {
    auto extractor = load_extractor();
    std::string content, error;
    if (*conll) {
      if (!read_input(*input, content, error)) {
        warn(error);
        exit_code = kExitSomeRejected;
        return;
      }
      std::cout << tag_conll(content, *extractor);
      return;
    }
    Document doc;
    if (!read_document(*input, doc, exit_code)) return;
    annotate_text(doc);
    extractor->annotate(doc, ExtractOptions{true, false, false, false});
    for (const Mention& m : doc.mentions) {
      nlohmann::ordered_json line;
      line["start"] = m.span.start;
      line["end"] = m.span.end;
      line["type"] = to_string(m.type);
      line["text"] = std::string(doc.slice(m.span));
      if (!m.role.empty()) line["role"] = m.role;
      std::cout << line.dump() << '\n';
    }
  });
}

void add_timex_command(CLI::App& app, int& exit_code) {
  auto input = std::make_shared<std::string>("-");
  auto dct = std::make_shared<std::string>();
  auto tml = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "timex",
      "Tag and normalise time expressions; writes TimeML with <TIMEX3 tid type value> tags.\n"
      "Example: crosscheck timex story.txt --dct 2025-04-17");
  command->add_option("input", *input, "Text file, TimeML with --tml, or '-' (default)");
  command->add_option("--dct", *dct, "Document creation time YYYY-MM-DD");
  command->add_flag("--tml", *tml, "Input is TimeML: its TIMEX3 tags are removed, DCT read");
  command->callback([input, dct, tml, &exit_code] {
    std::string content, error;
    if (!read_input(*input, content, error)) {
      warn(error);
      exit_code = kExitSomeRejected;
      return;
    }
    Document doc;
    std::string creation_time = *dct;
    if (*tml) {
      eval::TimemlDocument timeml;
      if (!eval::read_timeml(content, timeml, error)) {
        warn(*input + ": " + error);
        exit_code = kExitSomeRejected;
        return;
      }
      doc.text = std::move(timeml.text);
      creation_time = timeml.dct;
      if (!dct->empty()) creation_time = *dct;
    } else {
      doc.text = utf8::is_valid(content) ? std::move(content) : utf8::repair(content);
    }
    if (creation_time.empty()) {
      warn("timex needs --dct YYYY-MM-DD (or a TimeML input with a DCT)");
      exit_code = kExitUsage;
      return;
    }
    annotate_text(doc);
    annotate_times(doc, creation_time);
    std::cout << write_timeml(doc, creation_time);
  });
}

void add_quotes_command(CLI::App& app, int& exit_code) {
  auto input = std::make_shared<std::string>("-");
  CLI::App* command = app.add_subcommand(
      "quotes",
      "Find quotes and who said them; writes brat standoff (Source, Cue, Content spans in "
      "character offsets, Attribution relations) as in PolNeAR.\n"
      "Example: crosscheck quotes article.txt > article.ann");
  command->add_option("input", *input, "Text file or '-' (default)");
  command->callback([input, &exit_code] {
    Document doc;
    if (!read_document(*input, doc, exit_code)) return;
    auto extractor = load_extractor();
    std::vector<std::string> warnings;
    auto syntax = SyntaxModel::load(find_resources(), &warnings);
    for (const auto& w : warnings) warn(w);
    annotate_text(doc);
    if (syntax) syntax->annotate(doc);  // the tagger reads the tree, as in the pipeline
    extractor->annotate(doc, ExtractOptions{true, false, false, true});
    std::cout << write_brat_quotes(doc);
  });
}

void add_detect_command(CLI::App& app, int& exit_code) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  CLI::App* command = app.add_subcommand(
      "detect",
      "Score how likely each article is machine-written; JSON lines {\"id\", \"p_machine\", "
      "\"reasons\"}.\nExample: crosscheck detect articles.jsonl");
  command->add_option("inputs", *inputs, "Text files, JSON lines, folders or '-'")->required();
  command->callback([inputs, &exit_code] {
    std::string error;
    auto detector = MachineDetector::load(find_resources().models_dir, error);
    if (!detector) {
      warn(error);
      exit_code = kExitFatal;
      return;
    }
    IngestResult result = ingest(*inputs, IngestOptions{});
    report_problems(result.problems, exit_code);
    for (Document& doc : result.documents) {
      annotate_text(doc);
      MachineScore score = detector->score(doc);
      nlohmann::ordered_json line;
      line["id"] = doc.id;
      line["p_machine"] = score.p;
      line["reasons"] = score.reasons;
      std::cout << line.dump() << '\n';
    }
  });
}

void add_eval_command(CLI::App& app, int& exit_code) {
  auto task = std::make_shared<std::string>();
  auto data = std::make_shared<std::string>();
  std::string names;
  for (const EvalTask& t : eval_tasks()) names += "\n  " + t.name + ": " + t.help;
  CLI::App* command = app.add_subcommand(
      "eval",
      "Run a benchmark; prints a table and, as the last line, one JSON object of metrics.\n"
      "Example: crosscheck eval cluster --data ../shared/data/duc2004/clusters.dev.jsonl\n"
      "Tasks:" +
          names);
  command->add_option("task", *task, "Benchmark task")->required();
  command->add_option("--data", *data, "Benchmark folder or file")->required();
  auto leave_one_out = std::make_shared<bool>(false);
  command->add_flag("--leave-one-generator-out", *leave_one_out,
                    "detect: retrain without each generator in turn and score it (detect-logo)");
  auto raw = std::make_shared<bool>(false);
  command->add_flag("--raw", *raw, "syntax: from raw text, with crosscheck's own tokens");
  auto seed = std::make_shared<uint64_t>(0);
  auto limit = std::make_shared<size_t>(0);
  CLI::Option* seed_option =
      command->add_option("--seed", *seed, "conflicts: seed of the sample and the edits");
  CLI::Option* limit_option =
      command->add_option("--limit", *limit, "conflicts: clusters to sample")
          ->check(CLI::PositiveNumber);
  auto polarity = std::make_shared<double>(0);
  CLI::Option* polarity_option = command->add_option(
      "--polarity-similarity", *polarity,
      "conflicts, coverage: sentence similarity a polarity conflict needs (default of analyze "
      "otherwise; the sweep in docs/facts.md)");
  polarity_option->check(CLI::Range(0.0, 1.0));
  command->callback([task, data, leave_one_out, raw, seed, limit, seed_option, limit_option,
                     polarity, polarity_option, &exit_code] {
    if (*leave_one_out && *task != "detect") {
      warn("--leave-one-generator-out applies to eval detect only");
      exit_code = kExitUsage;
      return;
    }
    if (*raw && *task != "syntax") {
      warn("--raw applies to eval syntax only");
      exit_code = kExitUsage;
      return;
    }
    const std::string name = *leave_one_out ? "detect-logo" : *raw ? *task + "-raw" : *task;
    for (const EvalTask& t : eval_tasks()) {
      if (t.name != name) continue;
      if (t.run) {
        exit_code = t.run(*data, std::cout, std::cerr);
        return;
      }
      // The task scores the whole pipeline: wire it exactly as analyze does.
      std::vector<std::string> warnings;
      const Resources resources = find_resources();
      auto extractor = Extractor::load(resources, &warnings);
      auto background = load_background_frequencies(resources, &warnings);
      auto statements = load_statement_scorer(resources, &warnings);
      auto detector = load_machine_detector(resources, &warnings);
      auto syntax = SyntaxModel::load(resources, &warnings);
      for (const auto& w : warnings) warn(w);
      PipelineOptions options;
      options.syntax = syntax.get();
      options.cluster.background = background.get();
      options.facts.statements = statements.get();
      options.assess.detector = detector.get();
      Pipeline pipeline;
      pipeline.facts = options.facts;
      if (seed_option->count()) pipeline.seed = *seed;
      if (limit_option->count()) pipeline.limit = *limit;
      if (polarity_option->count()) pipeline.facts.polarity_similarity = *polarity;
      pipeline.analyze = [&](std::vector<Document>& documents, const FactsOptions& facts) {
        PipelineOptions run = options;
        run.facts = facts;
        return analyze_documents(documents, *extractor, run);
      };
      exit_code = t.run_pipeline(*data, pipeline, std::cout, std::cerr);
      return;
    }
    warn("unknown eval task '" + *task + "'; see crosscheck eval --help");
    exit_code = kExitUsage;
  });
}

}  // namespace crosscheck::cli
