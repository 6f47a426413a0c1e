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
      {"extract",
       "main text of HTML pages (html/scrapinghub: 4-gram shingle precision, recall, f1; "
       "html/trafilatura: with/without snippets)",
       eval::run_extract},
      {"dates", "publication dates of HTML pages (html/htmldate): precision, recall, f1, accuracy",
       eval::run_dates},
      {"titles", "titles of HTML pages (html/readability): exact after whitespace normalisation",
       eval::run_titles},
      {"timex",
       "TIMEX3 recognition and normalisation on TimeML (tempeval3, tempeval3/timebank, "
       "tempeval3/aquaint), TempEval-3 scorer conventions: relaxed_f1, strict_f1, value_f1, "
       "type_f1",
       eval::run_timex},
      {"values",
       "MONEY, PERCENT and QUANTITY spans with their type on MEANTIME (meantime): f1 (exact "
       "tokens), relaxed_f1 (overlap)",
       eval::run_values},
      {"counts",
       "value, bound, vagueness, counted noun and predicate of numbers in news sentences "
       "(bench/counts): value_acc, bound_acc, noun_acc, predicate_acc",
       eval::run_counts},
      {"ner",
       "names on CoNLL-2003 (conll2003/eng.testa): entity-level precision, recall, f1 "
       "(conlleval), per type, and recognition speed",
       eval::run_ner},
      {"meantime",
       "names and their resolution across a topic's articles on MEANTIME (meantime): ner_f1 "
       "for PER/ORG/LOC names, coref_bcubed_f1 for cross-document coreference",
       eval::run_meantime},
      {"detect",
       "machine-written detection on labelled news (aidetect/dev.jsonl.gz) with the trained "
       "model, texts it was trained on left out: auroc, tpr_at_1fpr, ece, auroc per generator",
       eval::run_detect},
      {"detect-logo",
       "leave-one-generator-out: the classifier retrained without each generator, scored on it "
       "and the held-out human texts (also: eval detect --leave-one-generator-out)",
       eval::run_detect_logo},
      {"detect-human",
       "share of human news (news-fulltext/articles.jsonl.gz) scored likely machine-written",
       eval::run_detect_human},
      {"quotes",
       "attribution spans (source, cue, content) on PolNeAR (polnear/dev): exact and overlap "
       "F1 per role",
       eval::run_quotes},
      {"syntax",
       "tagger, lemmatiser and parser on CoNLL-U with gold tokens "
       "(ud-ewt/en_ewt-ud-dev.conllu.gz): "
       "UPOS, XPOS, lemma, UAS, LAS (CoNLL 2018, punctuation included), tokens/s",
       eval::run_syntax},
      {"syntax-raw",
       "the same from raw text with crosscheck's own tokeniser and sentence splitter (also "
       "`eval syntax --raw`): words F1, sentences F1, UAS and LAS F1 aligned by byte spans",
       eval::run_syntax_raw},
      {"paraphrase",
       "same-statement decision on sentence pairs (msrp/msr_paraphrase_train.tsv.gz scores only "
       "the pairs the model was not trained on): accuracy, f1",
       eval::run_paraphrase},
      {"coverage",
       "conflicts and corroborated facts on careful readers' labels of real events "
       "(basil-labels/dev.jsonl), each event analysed on its own: conflict_precision, "
       "conflict_recall, false_alarms_per_event, lookalikes_flagged, fact_recall, "
       "fact_pair_precision",
       nullptr, eval::run_coverage},
      {"coverage-cv",
       "the coverage task cross-validated by event: each fold of events analysed with a "
       "shared-fact model trained on the others' labelled facts (what `train shared-fact` does "
       "on all of them): fact_recall, fact_pair_precision and the conflict metrics",
       nullptr, eval::run_coverage_cv},
      {"coverage-sweep",
       "same-statement (or shared-fact) and conflict-confidence threshold sweep of the coverage task on the same "
       "data (docs/facts.md)",
       nullptr, eval::run_coverage_sweep},
      {"conflicts",
       "contradictions (number, date, role, place, polarity) and meaning-preserving controls "
       "injected, seeded, into real clusters (multinews/clusters.dev.jsonl.gz, "
       "duc2004/clusters.dev.jsonl; --seed, --limit clusters): detection_<kind>, "
       "false_alarm_rate (docs/facts.md)",
       nullptr, eval::run_conflicts},
  };
  return tasks;
}

}  // namespace crosscheck
