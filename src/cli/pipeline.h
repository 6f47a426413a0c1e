// The pipeline of DESIGN.md wired end to end, shared by the command line and the benchmarks.
// It only calls the stages in order; each stage's work lives in its own folder.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "assess/assess.h"
#include "cluster/cluster.h"
#include "core/document.h"
#include "core/problem.h"
#include "core/resources.h"
#include "core/story.h"
#include "dedup/dedup.h"
#include "extract/extract.h"
#include "facts/facts.h"
#include "ingest/ingest.h"
#include "syntax/syntax.h"

namespace crosscheck {

struct PipelineOptions {
  IngestOptions ingest;
  DedupOptions dedup;
  ClusterOptions cluster;
  ExtractOptions extract;
  FactsOptions facts;
  AssessOptions assess;
  // Tags, lemmas and trees for English sentences (after text, before extract); nullptr = none.
  const SyntaxModel* syntax = nullptr;
  unsigned jobs = 0;  // worker threads, 0 = all cores
  // Called after each stage with its name and seconds taken (progress lines); may be empty.
  std::function<void(const char* stage, double seconds)> on_stage;
};

// Seconds spent per stage in the last run.
struct StageTimes {
  double ingest = 0, text = 0, syntax = 0, dedup = 0, cluster = 0, extract = 0, facts = 0,
         assess = 0, brief = 0;
};

// Reference term frequencies for clustering (models/news-df.tsv); nullptr, with a warning, when
// the model is missing or unreadable.
std::unique_ptr<TermFrequencies> load_background_frequencies(
    const Resources& resources, std::vector<std::string>* warnings = nullptr);

// The machine-written detector (models/news-lm.bin, models/detect.json); nullptr, with a
// warning, when a model is missing or unreadable (articles then get no machine-written score).
std::unique_ptr<MachineDetector> load_machine_detector(
    const Resources& resources, std::vector<std::string>* warnings = nullptr);

// The same-statement scorer of the facts stage (models/same-statement.model, WordNet); nullptr,
// with a warning, when missing: facts then align by frame similarity alone.
std::unique_ptr<StatementScorer> load_statement_scorer(
    const Resources& resources, std::vector<std::string>* warnings = nullptr);

// Annotates `documents` (text, syntax and extract layers, copy groups) and returns the analysed
// stories. Documents must have been ingested (normalised text). Deterministic for the same input.
std::vector<Story> analyze_documents(std::vector<Document>& documents, const Extractor& extractor,
                                     const PipelineOptions& options, StageTimes* times = nullptr);

// Per-document layers only (text, syntax and extract), in parallel.
void annotate_documents(std::vector<Document>& documents, const Extractor& extractor,
                        const PipelineOptions& options, StageTimes* times = nullptr);

// Cross-document part: copies, stories, actors, facts, assessments, briefs.
std::vector<Story> analyze_stories(std::vector<Document>& documents, const PipelineOptions& options,
                                   StageTimes* times = nullptr);

}  // namespace crosscheck
