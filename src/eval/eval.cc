#include "eval/eval.h"

namespace crosscheck {

const std::vector<EvalTask>& eval_tasks() {
  static const std::vector<EvalTask> tasks;
  return tasks;
}

}  // namespace crosscheck
