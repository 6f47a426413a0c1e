// eval: benchmark commands. `crosscheck eval TASK --data PATH` reads a benchmark laid out as its
// folder in ../shared/data, prints a table for people and, as the last line of stdout, one JSON
// object with every metric (fractions in [0, 1]).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace crosscheck {

struct EvalTask {
  std::string name;
  std::string help;
  // Runs the evaluation; returns the process exit code.
  int (*run)(const std::string& data, std::ostream& out, std::ostream& err);
};

// Every evaluation task this build knows.
const std::vector<EvalTask>& eval_tasks();

}  // namespace crosscheck
