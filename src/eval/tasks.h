// The evaluation tasks of eval_tasks(), one file each, and what they share.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/problem.h"
#include "eval/eval.h"

namespace crosscheck::eval {

// Documents with `id` and normalised, annotated `text` (the text stage, in parallel).
std::vector<Document> make_documents(const std::vector<std::string>& ids,
                                     const std::vector<std::string>& texts);

// Names each problem on `err`; returns kExitSomeRejected when there were any, else kExitOk.
int report_problems(const Problems& problems, std::ostream& err);

int run_cluster(const std::string& data, std::ostream& out, std::ostream& err);
int run_cluster_sweep(const std::string& data, std::ostream& out, std::ostream& err);
int run_copies(const std::string& data, std::ostream& out, std::ostream& err);
int run_copies_sweep(const std::string& data, std::ostream& out, std::ostream& err);
int run_paraphrase(const std::string& data, std::ostream& out, std::ostream& err);
int run_coverage(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                 std::ostream& err);
int run_coverage_sweep(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                       std::ostream& err);

}  // namespace crosscheck::eval
