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
      {"syntax",
       "tagger, lemmatiser and parser on CoNLL-U with gold tokens "
       "(ud-ewt/en_ewt-ud-dev.conllu.gz): "
       "UPOS, XPOS, lemma, UAS, LAS (CoNLL 2018, punctuation included), tokens/s",
       eval::run_syntax},
      {"syntax-raw",
       "the same from raw text with crosscheck's own tokeniser and sentence splitter (also "
       "`eval syntax --raw`): words F1, sentences F1, UAS and LAS F1 aligned by byte spans",
       eval::run_syntax_raw},
  };
  return tasks;
}

}  // namespace crosscheck
