#include "eval/eval.h"

#include <tbb/parallel_for.h>

#include <ostream>

#include "eval/tasks.h"
#include "text/text.h"

namespace crosscheck {

namespace eval {

std::vector<Document> make_documents(const std::vector<std::string>& ids,
                                     const std::vector<std::string>& texts) {
  std::vector<Document> documents(texts.size());
  tbb::parallel_for(size_t{0}, texts.size(), [&](size_t i) {
    documents[i].id = i < ids.size() ? ids[i] : std::to_string(i);
    documents[i].text = normalize(texts[i]);
    annotate_text(documents[i]);
  });
  return documents;
}

int report_problems(const Problems& problems, std::ostream& err) {
  for (const Problem& problem : problems) err << problem.input << ": " << problem.reason << '\n';
  return problems.empty() ? kExitOk : kExitSomeRejected;
}

}  // namespace eval

const std::vector<EvalTask>& eval_tasks() {
  static const std::vector<EvalTask> tasks = {
      {"cluster",
       "story clustering on event clusters (multinews/clusters.dev.jsonl.gz, "
       "duc2004/clusters.dev.jsonl): B-cubed, pairwise F1, stories, baseline",
       eval::run_cluster},
      {"cluster-sweep",
       "threshold and linkage sweep of story clustering on the same data (docs/cluster.md)",
       eval::run_cluster_sweep},
      {"copies",
       "copy detection on seeded edited copies of multinews articles; negatives are the other "
       "articles of the same cluster: precision, recall, f1",
       eval::run_copies},
      {"copies-sweep", "shingle size and threshold sweep of copy detection on the same data",
       eval::run_copies_sweep},
      {"paraphrase",
       "same-statement decision on sentence pairs (msrp/msr_paraphrase_train.tsv.gz scores only "
       "the pairs the model was not trained on): accuracy, f1",
       eval::run_paraphrase},
      {"coverage",
       "conflicts and corroborated facts on careful readers' labels of real events "
       "(basil-labels/dev.jsonl), each event analysed on its own: conflict_precision, "
       "conflict_recall, false_alarms_per_event, lookalikes_flagged, fact_recall",
       nullptr, eval::run_coverage},
      {"coverage-sweep",
       "same-statement and conflict-confidence threshold sweep of the coverage task on the same "
       "data (docs/facts.md)",
       nullptr, eval::run_coverage_sweep},
  };
  return tasks;
}

}  // namespace crosscheck
