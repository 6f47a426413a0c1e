#include "cli/pipeline.h"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "brief/brief.h"
#include "text/text.h"

namespace crosscheck {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::unique_ptr<tbb::global_control> limit_threads(unsigned jobs) {
  if (jobs == 0) return nullptr;
  return std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                               jobs);
}

}  // namespace

void annotate_documents(std::vector<Document>& documents, const Extractor& extractor,
                        const PipelineOptions& options, StageTimes* times) {
  auto limit = limit_threads(options.jobs);
  auto start = Clock::now();
  tbb::parallel_for(size_t{0}, documents.size(), [&](size_t i) { annotate_text(documents[i]); });
  if (times) times->text += seconds_since(start);

  start = Clock::now();
  tbb::parallel_for(size_t{0}, documents.size(),
                    [&](size_t i) { extractor.annotate(documents[i], options.extract); });
  if (times) times->extract += seconds_since(start);
}

std::vector<Story> analyze_stories(std::vector<Document>& documents,
                                   const PipelineOptions& options, StageTimes* times) {
  auto limit = limit_threads(options.jobs);
  auto start = Clock::now();
  find_copies(documents, options.dedup);
  if (times) times->dedup += seconds_since(start);

  start = Clock::now();
  std::vector<Story> stories = cluster(documents, options.cluster);
  if (times) times->cluster += seconds_since(start);

  // Story-level extraction (dates of undated articles, actors) belongs to extract's budget.
  start = Clock::now();
  for (const Story& story : stories) resolve_story_times(documents, story);
  tbb::parallel_for(size_t{0}, stories.size(), [&](size_t i) {
    stories[i].actors = resolve_actors(documents, stories[i]);
  });
  if (times) times->extract += seconds_since(start);

  start = Clock::now();
  tbb::parallel_for(size_t{0}, stories.size(),
                    [&](size_t i) { align_facts(documents, stories[i], options.facts); });
  if (times) times->facts += seconds_since(start);

  start = Clock::now();
  tbb::parallel_for(size_t{0}, stories.size(),
                    [&](size_t i) { assess_story(documents, stories[i], options.assess); });
  if (times) times->assess += seconds_since(start);

  start = Clock::now();
  tbb::parallel_for(size_t{0}, stories.size(),
                    [&](size_t i) { write_brief(documents, stories[i]); });
  if (times) times->brief += seconds_since(start);
  return stories;
}

std::vector<Story> analyze_documents(std::vector<Document>& documents, const Extractor& extractor,
                                     const PipelineOptions& options, StageTimes* times) {
  annotate_documents(documents, extractor, options, times);
  return analyze_stories(documents, options, times);
}

}  // namespace crosscheck
