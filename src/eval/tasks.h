// The evaluation tasks of eval_tasks(), one file each, and what they share.
#pragma once

#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/problem.h"
#include "eval/benchmark_data.h"
#include "extract/extract.h"
#include "facts/facts.h"
#include "eval/eval.h"

namespace crosscheck::eval {

// Documents with `id` and normalised, annotated `text` (the text stage, in parallel).
std::vector<Document> make_documents(const std::vector<std::string>& ids,
                                     const std::vector<std::string>& texts);

// Area under the ROC curve of `scores` for 0/1 `labels` (Mann-Whitney U, ties counted half);
// 0 when either class is missing.
double auroc(const std::vector<double>& scores, const std::vector<int>& labels);

// The same-statement features (models/news-df.tsv and WordNet); null with the reason on `err`.
std::unique_ptr<StatementFeatures> load_statement_features(std::ostream& err);

// Names each problem on `err`; returns kExitSomeRejected when there were any, else kExitOk.
int report_problems(const Problems& problems, std::ostream& err);

struct PrecisionRecall {
  double precision = 0, recall = 0, f1 = 0;
  size_t truth = 0;  // gold items
};

struct NerScores {
  PrecisionRecall all;
  std::map<std::string, PrecisionRecall> by_type;  // "PER", "ORG", "LOC", "MISC"
  size_t tokens = 0;
  double tokens_per_second = 0;  // find_entities alone, per CPU second of one thread
};

// Scores the extractor's names on CoNLL documents (annotating their text first when needed).
NerScores score_ner(std::vector<ConllDocument>& documents, const Extractor& extractor);

int run_cluster(const std::string& data, std::ostream& out, std::ostream& err);
int run_cluster_sweep(const std::string& data, std::ostream& out, std::ostream& err);
int run_copies(const std::string& data, std::ostream& out, std::ostream& err);
int run_timex(const std::string& data, std::ostream& out, std::ostream& err);
int run_counts(const std::string& data, std::ostream& out, std::ostream& err);
int run_values(const std::string& data, std::ostream& out, std::ostream& err);
int run_detect(const std::string& data, std::ostream& out, std::ostream& err);
int run_detect_logo(const std::string& data, std::ostream& out, std::ostream& err);
int run_detect_human(const std::string& data, std::ostream& out, std::ostream& err);
int run_quotes(const std::string& data, std::ostream& out, std::ostream& err);
int run_syntax(const std::string& data, std::ostream& out, std::ostream& err);
int run_syntax_raw(const std::string& data, std::ostream& out, std::ostream& err);
int run_copies_sweep(const std::string& data, std::ostream& out, std::ostream& err);
int run_extract(const std::string& data, std::ostream& out, std::ostream& err);
int run_dates(const std::string& data, std::ostream& out, std::ostream& err);
int run_titles(const std::string& data, std::ostream& out, std::ostream& err);
int run_ner(const std::string& data, std::ostream& out, std::ostream& err);
int run_meantime(const std::string& data, std::ostream& out, std::ostream& err);
int run_paraphrase(const std::string& data, std::ostream& out, std::ostream& err);
int run_coverage(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                 std::ostream& err);
int run_coverage_cv(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                    std::ostream& err);
int run_coverage_sweep(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                       std::ostream& err);
int run_conflicts(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                  std::ostream& err);

}  // namespace crosscheck::eval
