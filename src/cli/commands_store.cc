// analyze, ingest and report: the pipeline over inputs and the store.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <unordered_map>

#include "brief/brief.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "core/language.h"
#include "core/resources.h"
#include "store/store.h"

namespace crosscheck::cli {

namespace {

// Above this many articles, stages print a progress line on stderr.
constexpr size_t kProgressArticles = 300;

struct ReportFiles {
  std::string md, html, json;
};

struct RunOptions {
  std::vector<std::string> inputs;
  std::string db;
  ReportFiles outputs;
  unsigned jobs = 0;
  bool quiet = false;
  std::string story;  // report: only this story
};

void add_report_files(CLI::App* command, ReportFiles& files) {
  command->add_option("--md", files.md, "Write the Markdown report to this file ('-' = stdout)");
  command->add_option("--html", files.html, "Write the self-contained HTML report to this file");
  command->add_option("--json", files.json, "Write the JSON report (docs/report-format.md)");
}

// Writes every requested rendering; Markdown goes to stdout when nothing is named.
int write_reports(const Report& report, const ReportFiles& files, bool markdown_by_default) {
  struct Target {
    const std::string& path;
    std::string (*render)(const Report&);
  };
  const Target targets[] = {
      {files.md, render_markdown}, {files.html, render_html}, {files.json, render_json}};
  int exit_code = kExitOk;
  bool any = false;
  for (const Target& target : targets) {
    if (target.path.empty()) continue;
    any = true;
    std::string error;
    if (!write_output(target.path, target.render(report), error)) {
      warn(error);
      exit_code = kExitFatal;
    }
  }
  if (!any && markdown_by_default) {
    std::string error;
    if (!write_output("-", render_markdown(report), error)) {
      warn(error);
      exit_code = kExitFatal;
    }
  }
  return exit_code;
}

// The options analyze and ingest share: what to read and how.
void add_input_options(CLI::App* command, RunOptions& run) {
  command->add_option("inputs", run.inputs, "Files, folders (recursive) or '-'")->required();
  command->add_option("--jobs", run.jobs, "Worker threads (default: all cores)");
  command->add_flag("--quiet", run.quiet, "No progress lines or warnings about resources");
}

PipelineOptions pipeline_options(const RunOptions& run, size_t articles) {
  PipelineOptions options;
  options.jobs = run.jobs;
  options.ingest.jobs = run.jobs;
  if (!run.quiet && articles > kProgressArticles) {
    options.on_stage = [articles](const char* stage, double seconds) {
      std::cerr << "crosscheck: " << stage << ": " << articles << " articles in " << seconds
                << " s (" << static_cast<long>(seconds > 0 ? articles / seconds : 0)
                << " articles/s)\n";
    };
  }
  return options;
}

std::unique_ptr<Store> open_store(const std::string& db, int& exit_code) {
  std::string error;
  auto store = Store::open(db.empty() ? ":memory:" : db, error);
  if (!store) {
    warn((db.empty() ? std::string("in-memory store") : db) + ": " + error);
    exit_code = kExitFatal;
  }
  return store;
}

// Ingests the inputs, annotates the new articles, adds them to the store and re-analyses every
// stored article. Returns the stories; `documents` holds the whole corpus they index into.
std::vector<Story> ingest_and_analyze(const RunOptions& run, Store& store,
                                      std::vector<Document>& documents, int& exit_code) {
  const auto start = std::chrono::steady_clock::now();
  IngestOptions ingest_options;
  ingest_options.jobs = run.jobs;
  IngestResult ingested = ingest(run.inputs, ingest_options);
  report_problems(ingested.problems, exit_code);
  PipelineOptions options = pipeline_options(run, ingested.documents.size());
  if (options.on_stage) {
    options.on_stage(
        "ingest", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }

  // One writer at a time: the articles read here, the articles added and the stories saved
  // below are one transaction, so a concurrent ingest can never pair stories with the wrong
  // articles.
  std::string error;
  if (!store.begin_batch(error, [&run] {
        if (!run.quiet) warn("waiting for another crosscheck process writing to " + run.db);
      })) {
    warn(error);
    exit_code = kExitFatal;
    return {};
  }
  if (!store.load_documents(documents, error)) {
    warn(error);
    exit_code = kExitFatal;
    return {};
  }
  std::unordered_map<std::string, size_t> position;  // id -> index in `documents`
  for (size_t i = 0; i < documents.size(); ++i) position.emplace(documents[i].id, i);
  std::vector<Document> fresh;  // new articles and new versions, in input order
  int unchanged = 0;
  for (Document& doc : ingested.documents) {
    auto known = position.find(doc.id);
    if (known != position.end() && documents[known->second].text == doc.text) {
      ++unchanged;
      continue;
    }
    fresh.push_back(std::move(doc));
  }

  std::vector<std::string> warnings;
  const Resources resources = find_resources();
  auto extractor = Extractor::load(resources, &warnings);
  auto background = load_background_frequencies(resources, &warnings);
  auto detector = load_machine_detector(resources, &warnings);
  auto syntax = SyntaxModel::load(resources, &warnings);
  auto statements = load_statement_scorer(resources, &warnings);
  if (!run.quiet) {
    for (const auto& w : warnings) warn(w);
  }
  options.syntax = syntax.get();
  annotate_documents(fresh, *extractor, options);

  Store::AddCounts counts;
  if (!store.add_documents(fresh, counts, error)) {
    warn("store: " + error);
    exit_code = kExitFatal;
    return {};
  }
  // One line per batch for articles the English-only stages will not read.
  std::map<std::string, size_t> other_languages;
  size_t other_articles = 0;
  for (const Document& doc : fresh) {
    if (!analysable_language(doc)) {
      ++other_languages[doc.lang];
      ++other_articles;
    }
  }
  // A new version replaces the article in the corpus; the store keeps the earlier one.
  std::vector<std::string> updated;
  for (Document& doc : fresh) {
    auto [known, added] = position.emplace(doc.id, documents.size());
    if (added) {
      documents.push_back(std::move(doc));
    } else {
      if (documents[known->second].text != doc.text) updated.push_back(doc.id);
      documents[known->second] = std::move(doc);
    }
  }
  if (!run.quiet && other_articles > 0) {
    std::string line = std::to_string(other_articles) +
                       (other_articles == 1 ? " article in " : " articles in ") +
                       std::to_string(other_languages.size()) +
                       (other_languages.size() == 1 ? " other language (" : " other languages (");
    bool first = true;
    for (const auto& [lang, count] : other_languages) {
      line += (first ? "" : ", ") + lang + " " + std::to_string(count);
      first = false;
    }
    warn(line + "): stored, not analysed");
  }
  if (!run.quiet && (!updated.empty() || unchanged > 0)) {
    std::string line = std::to_string(counts.added) + " new articles";
    if (!updated.empty()) {
      line += ", " + std::to_string(updated.size()) +
              " updated (same id, new text; the earlier version stays in the store's history):";
      for (size_t i = 0; i < updated.size() && i < 10; ++i) line += " " + updated[i];
      if (updated.size() > 10) line += " ...";
    }
    if (unchanged > 0) line += ", " + std::to_string(unchanged) + " already stored unchanged";
    warn(line);
  }
  options = pipeline_options(run, documents.size());
  options.cluster.background = background.get();
  options.assess.detector = detector.get();
  options.facts.statements = statements.get();
  options.facts.place_level = [&](std::string_view name) { return extractor->place_level(name); };
  std::vector<Story> stories = analyze_stories(documents, options);
  // Copy groups are known only now, after dedup over the whole corpus.
  if (!store.update_copy_groups(documents, error) || !store.save_stories(stories, error) ||
      !store.commit_batch(error)) {
    warn("store: " + error);
    exit_code = kExitFatal;
  }
  return stories;
}

}  // namespace

void add_analyze_command(CLI::App& app, int& exit_code) {
  auto run = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand(
      "analyze",
      "Analyse articles (files, folders, '-' for stdin) and write the cross-checked report. "
      "Markdown goes to stdout unless --md/--html/--json name files.\n"
      "Example: crosscheck analyze examples/paris-talks --html report.html");
  add_input_options(command, *run);
  command->add_option("--db", run->db, "Keep articles and results in this SQLite file");
  add_report_files(command, run->outputs);
  command->callback([run, &exit_code] {
    auto store = open_store(run->db, exit_code);
    if (!store) return;
    std::vector<Document> documents;
    Report report;
    report.version = CROSSCHECK_VERSION;
    report.stories = ingest_and_analyze(*run, *store, documents, exit_code);
    report.documents = &documents;
    int written = write_reports(report, run->outputs, true);
    if (written != kExitOk) exit_code = written;
  });
}

void add_ingest_command(CLI::App& app, int& exit_code) {
  auto run = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand("ingest",
                                         "Add articles to a store and update its stories.\n"
                                         "Example: crosscheck ingest crawl.warc.gz --db news.db");
  add_input_options(command, *run);
  command->add_option("--db", run->db, "SQLite store to add to (created when missing)")->required();
  command->callback([run, &exit_code] {
    auto store = open_store(run->db, exit_code);
    if (!store) return;
    std::vector<Document> documents;
    std::vector<Story> stories = ingest_and_analyze(*run, *store, documents, exit_code);
    std::cout << run->db << ": " << documents.size() << " articles, " << stories.size()
              << " stories\n";
  });
}

void add_report_command(CLI::App& app, int& exit_code) {
  auto run = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand(
      "report",
      "Write the report of a store, for all stories or one.\n"
      "Example: crosscheck report --db news.db --story 3f2a9c --html story.html");
  command->add_option("--db", run->db, "SQLite store written by analyze or ingest")->required();
  command->add_option("--story", run->story, "Only this story id");
  add_report_files(command, run->outputs);
  command->callback([run, &exit_code] {
    std::error_code ec;
    if (!std::filesystem::exists(run->db, ec)) {
      warn(run->db + ": no such store");
      exit_code = kExitFatal;
      return;
    }
    auto store = open_store(run->db, exit_code);
    if (!store) return;
    std::vector<Document> documents;
    std::vector<Story> stories;
    Problems damaged;
    std::string error;
    if (!store->load_documents(documents, error) || !store->load_stories(stories, damaged, error)) {
      warn(error);
      exit_code = kExitFatal;
      return;
    }
    report_problems(damaged, exit_code);
    Report report;
    report.version = CROSSCHECK_VERSION;
    report.documents = &documents;
    for (Story& story : stories) {
      if (run->story.empty() || story.id == run->story) report.stories.push_back(std::move(story));
    }
    if (!run->story.empty() && report.stories.empty()) {
      warn(run->db + ": no story with id " + run->story);
      exit_code = kExitUsage;
      return;
    }
    int written = write_reports(report, run->outputs, true);
    if (written != kExitOk) exit_code = written;
  });
}

}  // namespace crosscheck::cli
