// eval: benchmark commands. `crosscheck eval TASK --data PATH` reads a benchmark laid out as its
// folder in ../shared/data, prints a table for people and, as the last line of stdout, one JSON
// object with every metric (fractions in [0, 1]).
#pragma once

#include <functional>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/story.h"
#include "facts/facts.h"

namespace crosscheck {

// The pipeline of `crosscheck analyze`, supplied by the command line (which owns its wiring) to
// the tasks that score the whole pipeline (coverage, conflicts): `analyze` reads ingested
// documents (normalised text and metadata) exactly as analyze does, with the facts options
// given, and returns the stories; `facts` are the options analyze itself uses (models loaded).
struct Pipeline {
  FactsOptions facts;
  std::function<std::vector<Story>(std::vector<Document>&, const FactsOptions&)> analyze;
  // `--seed` and `--limit` of `crosscheck eval`, for the tasks that draw a seeded sample of
  // their data (conflicts); unset: the task's defaults.
  std::optional<uint64_t> seed;
  std::optional<size_t> limit;
};

struct EvalTask {
  std::string name;
  std::string help;
  // Runs the evaluation; returns the process exit code. Null for tasks that need the pipeline.
  int (*run)(const std::string& data, std::ostream& out, std::ostream& err) = nullptr;
  // Tasks that score the whole pipeline run through `analyze` instead.
  int (*run_pipeline)(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                      std::ostream& err) = nullptr;
};

// `crosscheck train paraphrase`: the same-statement model (models/same-statement.model) from a
// paraphrase file in the MSRP layout, trained on folds 1-4 of a seeded 5-fold split; the keys
// of its training pairs go beside it (same-statement.train-pairs) so that `eval paraphrase`
// never scores them. Prints the threshold sweep; returns the process exit code.
namespace eval {
int train_paraphrase(const std::string& data, const std::string& model_path, std::ostream& out,
                     std::ostream& err);
// `crosscheck train shared-fact`: does a sentence state a fact another outlet's sentence
// states? A logistic regression over the same-statement features, trained on careful readers'
// labelled facts of real events (../shared/data/basil-labels): every sentence holding a
// labelled quote against every sentence of the other articles of its event. Cost and
// threshold by cross-validation over events; prints the sweep; returns the exit code.
int train_shared_fact(const std::string& data, const std::string& model_path, std::ostream& out,
                      std::ostream& err);
}  // namespace eval

// Every evaluation task this build knows.
const std::vector<EvalTask>& eval_tasks();

}  // namespace crosscheck
