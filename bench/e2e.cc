// End-to-end benchmark: what `crosscheck analyze` does, over a corpus, stage by stage.
//
//   crosscheck_e2e PATH [LIMIT] [JOBS]
//
// Ingests PATH (first LIMIT articles), annotates, stores in an in-memory SQLite store, analyses
// every story and renders the three reports. Prints a table of seconds, articles/s and MB/s per
// stage, the total, and peak resident memory; the last line is one JSON object of the same.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "bench/corpus.h"
#include "brief/brief.h"
#include "cli/pipeline.h"
#include "core/resources.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace

int main(int argc, char** argv) {
  using namespace crosscheck;
  if (argc < 2) {
    std::fprintf(stderr, "usage: crosscheck_e2e PATH [LIMIT] [JOBS]\n");
    return 2;
  }
  const std::string path = argv[1];
  const size_t limit = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 0;
  const unsigned jobs = argc > 3 ? static_cast<unsigned>(std::strtoul(argv[3], nullptr, 10)) : 0;

  const auto all_start = Clock::now();
  std::vector<std::pair<std::string, double>> stages;
  auto start = Clock::now();
  std::vector<Document> documents = bench::load_corpus(path, limit);
  stages.emplace_back("ingest", since(start));
  const size_t articles = documents.size();
  const double megabytes = static_cast<double>(bench::total_bytes(documents)) / 1e6;
  if (articles == 0) {
    std::fprintf(stderr, "crosscheck_e2e: no articles in %s\n", path.c_str());
    return 1;
  }

  start = Clock::now();
  auto extractor = Extractor::load(find_resources());
  auto background = load_background_frequencies(find_resources());
  auto detector = load_machine_detector(find_resources());
  auto syntax = SyntaxModel::load(find_resources());
  auto statements = load_statement_scorer(find_resources());
  stages.emplace_back("load models", since(start));

  PipelineOptions options;
  options.syntax = syntax.get();
  options.cluster.background = background.get();
  options.assess.detector = detector.get();
  options.facts.statements = statements.get();
  options.jobs = jobs;
  options.on_stage = [&stages](const char* stage, double seconds) {
    stages.emplace_back(stage, seconds);
  };
  annotate_documents(documents, *extractor, options);

  std::string error;
  auto store = Store::open(":memory:", error);
  start = Clock::now();
  int added = 0;
  if (!store || !store->add_documents(documents, added, error)) {
    std::fprintf(stderr, "crosscheck_e2e: store: %s\n", error.c_str());
    return 3;
  }
  stages.emplace_back("store articles", since(start));

  std::vector<Story> stories = analyze_stories(documents, options);

  start = Clock::now();
  store->save_stories(stories, error);
  stages.emplace_back("store stories", since(start));

  start = Clock::now();
  Report report;
  report.version = CROSSCHECK_VERSION;
  report.documents = &documents;
  report.stories = std::move(stories);
  size_t rendered =
      render_json(report).size() + render_html(report).size() + render_markdown(report).size();
  stages.emplace_back("render", since(start));
  const double total = since(all_start);

  nlohmann::ordered_json result;
  result["corpus"] = path;
  result["articles"] = articles;
  result["megabytes"] = megabytes;
  result["stories"] = report.stories.size();
  result["report_bytes"] = rendered;
  std::printf("%-18s %10s %14s %10s\n", "stage", "seconds", "articles/s", "MB/s");
  for (const auto& [name, seconds] : stages) {
    double rate = seconds > 0 ? articles / seconds : 0;
    double mb_rate = seconds > 0 ? megabytes / seconds : 0;
    std::printf("%-18s %10.3f %14.0f %10.2f\n", name.c_str(), seconds, rate, mb_rate);
    result["stages"][name] = {
        {"seconds", seconds}, {"articles_per_s", rate}, {"mb_per_s", mb_rate}};
  }
  std::printf("%-18s %10.3f %14.0f %10.2f\n", "total", total, articles / total, megabytes / total);
  std::printf("articles %zu, %.1f MB of text, %zu stories, peak memory %.0f MB\n", articles,
              megabytes, report.stories.size(), peak_rss_mb());
  result["total_seconds"] = total;
  result["peak_rss_mb"] = peak_rss_mb();
  std::printf("%s\n", result.dump().c_str());
  return 0;
}
