#include "cli/pipeline.h"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "brief/brief.h"
#include "core/language.h"
#include "text/text.h"

namespace crosscheck {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Adds the time since `start` to `slot`, reports the stage and restarts the clock.
void finish_stage(const PipelineOptions& options, const char* stage, double* slot,
                  Clock::time_point& start) {
  double seconds = seconds_since(start);
  if (slot) *slot += seconds;
  if (options.on_stage) options.on_stage(stage, seconds);
  start = Clock::now();
}

std::unique_ptr<tbb::global_control> limit_threads(unsigned jobs) {
  if (jobs == 0) return nullptr;
  return std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism, jobs);
}

}  // namespace

std::unique_ptr<TermFrequencies> load_background_frequencies(const Resources& resources,
                                                             std::vector<std::string>* warnings) {
  auto frequencies = std::make_unique<TermFrequencies>();
  std::string path = resources.models_dir + "/news-df.tsv", error;
  if (resources.models_dir.empty() || !load_term_frequencies(path, *frequencies, error)) {
    if (warnings) {
      warnings->push_back("no reference term frequencies (" +
                          (error.empty() ? std::string("models/ not found") : error) +
                          "); stories of small inputs may split");
    }
    return nullptr;
  }
  return frequencies;
}

std::unique_ptr<MachineDetector> load_machine_detector(const Resources& resources,
                                                       std::vector<std::string>* warnings) {
  std::string error = "models/ not found";
  std::unique_ptr<MachineDetector> detector;
  if (!resources.models_dir.empty()) detector = MachineDetector::load(resources.models_dir, error);
  if (!detector && warnings)
    warnings->push_back("no machine-written detector (" + error + "); articles are not scored");
  return detector;
}

std::unique_ptr<StatementScorer> load_statement_scorer(const Resources& resources,
                                                       std::vector<std::string>* warnings) {
  std::string error = "models/ not found";
  std::unique_ptr<StatementScorer> scorer;
  if (!resources.models_dir.empty())
    scorer = load_statement_scorer(resources.models_dir, kWordNetDir, error);
  if (!scorer && warnings)
    warnings->push_back("no same-statement model (" + error +
                        "); facts align by shared words only");
  return scorer;
}

void annotate_documents(std::vector<Document>& documents, const Extractor& extractor,
                        const PipelineOptions& options, StageTimes* times) {
  auto limit = limit_threads(options.jobs);
  auto start = Clock::now();
  tbb::parallel_for(size_t{0}, documents.size(), [&](size_t i) { annotate_text(documents[i]); });
  finish_stage(options, "text", times ? &times->text : nullptr, start);

  // Syntax and extraction are English-only; other languages keep their text layers and nothing
  // more.
  if (options.syntax) {
    tbb::parallel_for(size_t{0}, documents.size(), [&](size_t i) {
      if (analysable_language(documents[i])) options.syntax->annotate(documents[i]);
    });
    finish_stage(options, "syntax", times ? &times->syntax : nullptr, start);
  }

  tbb::parallel_for(size_t{0}, documents.size(), [&](size_t i) {
    if (analysable_language(documents[i])) extractor.annotate(documents[i], options.extract);
  });
  finish_stage(options, "extract", times ? &times->extract : nullptr, start);
}

std::vector<Story> analyze_stories(std::vector<Document>& documents, const PipelineOptions& options,
                                   StageTimes* times) {
  auto limit = limit_threads(options.jobs);
  auto start = Clock::now();
  find_copies(documents, options.dedup);
  finish_stage(options, "dedup", times ? &times->dedup : nullptr, start);

  std::vector<Story> stories = cluster(documents, options.cluster);
  finish_stage(options, "cluster", times ? &times->cluster : nullptr, start);

  // Stories in another language than English skip the English-only stages (core/language.h).
  std::vector<char> analysable(stories.size());
  for (size_t i = 0; i < stories.size(); ++i) {
    analysable[i] = story_language(documents, stories[i]).empty();
  }
  // Story-level extraction (dates of undated articles, actors) belongs to extract's budget.
  for (size_t i = 0; i < stories.size(); ++i) {
    if (analysable[i]) resolve_story_times(documents, stories[i]);
  }
  tbb::parallel_for(size_t{0}, stories.size(), [&](size_t i) {
    if (analysable[i]) stories[i].actors = resolve_actors(documents, stories[i]);
  });
  finish_stage(options, "actors", times ? &times->extract : nullptr, start);

  tbb::parallel_for(size_t{0}, stories.size(), [&](size_t i) {
    if (analysable[i]) align_facts(documents, stories[i], options.facts);
  });
  finish_stage(options, "facts", times ? &times->facts : nullptr, start);

  tbb::parallel_for(size_t{0}, stories.size(), [&](size_t i) {
    if (analysable[i]) assess_story(documents, stories[i], options.assess);
  });
  finish_stage(options, "assess", times ? &times->assess : nullptr, start);

  tbb::parallel_for(size_t{0}, stories.size(),
                    [&](size_t i) { write_brief(documents, stories[i]); });
  finish_stage(options, "brief", times ? &times->brief : nullptr, start);
  return stories;
}

std::vector<Story> analyze_documents(std::vector<Document>& documents, const Extractor& extractor,
                                     const PipelineOptions& options, StageTimes* times) {
  annotate_documents(documents, extractor, options, times);
  PipelineOptions with_places = options;
  if (!with_places.facts.place_level)
    with_places.facts.place_level = [&](std::string_view name) {
      return extractor.place_level(name);
    };
  return analyze_stories(documents, with_places, times);
}

}  // namespace crosscheck
