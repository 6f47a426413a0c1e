// `eval ner`: entity-level precision, recall and F1 on CoNLL-2003 (conlleval's definition).
#include <tbb/parallel_for.h>

#include <cstdio>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "core/resources.h"
#include "eval/benchmark_data.h"
#include "eval/metrics.h"
#include "eval/tasks.h"
#include "extract/extract.h"
#include "text/text.h"

namespace crosscheck::eval {

namespace {

// CPU time of the calling thread: a per-core speed that other load on the machine leaves alone.
double thread_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace

NerScores score_ner(std::vector<ConllDocument>& documents, const Extractor& extractor) {
  tbb::parallel_for(size_t{0}, documents.size(), [&](size_t i) {
    if (documents[i].doc.tokens.empty()) annotate_text(documents[i].doc);
  });
  NerScores scores;
  std::map<std::string, std::array<size_t, 3>> counts;  // correct, guessed, true
  double seconds = 0;
  for (ConllDocument& document : documents) {
    double start = thread_seconds();
    std::vector<Mention> mentions = extractor.find_entities(document.doc);
    seconds += thread_seconds() - start;
    scores.tokens += document.doc.tokens.size();
    std::vector<Chunk> truth = chunks_of(document.tags, document.sentence_of);
    std::vector<Chunk> guess = chunks_of(
        tags_from_mentions(document.tokens, document.sentence_of, mentions), document.sentence_of);
    for (const Chunk& chunk : guess) {
      ++counts[chunk.type][1];
      ++counts[""][1];
      if (std::binary_search(truth.begin(), truth.end(), chunk)) {
        ++counts[chunk.type][0];
        ++counts[""][0];
      }
    }
    for (const Chunk& chunk : truth) {
      ++counts[chunk.type][2];
      ++counts[""][2];
    }
  }
  for (const auto& [type, c] : counts) {
    PrecisionRecall value;
    value.precision = c[1] ? static_cast<double>(c[0]) / c[1] : 0;
    value.recall = c[2] ? static_cast<double>(c[0]) / c[2] : 0;
    value.f1 = f1(value.precision, value.recall);
    value.truth = c[2];
    if (type.empty()) {
      scores.all = value;
    } else {
      scores.by_type[type] = value;
    }
  }
  scores.tokens_per_second = seconds > 0 ? static_cast<double>(scores.tokens) / seconds : 0;
  return scores;
}

int run_ner(const std::string& data, std::ostream& out, std::ostream& err) {
  Problems problems;
  std::vector<ConllDocument> documents = read_conll(data, problems);
  if (documents.empty()) {
    report_problems(problems, err);
    err << "crosscheck: " << data << ": no CoNLL documents\n";
    return kExitFatal;
  }
  std::vector<std::string> warnings;
  std::unique_ptr<Extractor> extractor = Extractor::load(find_resources(), &warnings);
  for (const std::string& warning : warnings) err << "crosscheck: " << warning << '\n';
  NerScores scores = score_ner(documents, *extractor);
  out << "ner: " << data << " (" << documents.size() << " documents, " << scores.tokens
      << " tokens; recogniser: " << (extractor->has_recogniser() ? "trained model" : "rules")
      << ")\n";
  char line[160];
  std::snprintf(line, sizeof(line), "%-6s %9s %7s %7s %7s\n", "type", "precision", "recall", "f1",
                "gold");
  out << line;
  nlohmann::json metrics = {{"task", "ner"},
                            {"data", data},
                            {"recogniser", extractor->has_recogniser() ? "model" : "rules"},
                            {"f1", scores.all.f1},
                            {"precision", scores.all.precision},
                            {"recall", scores.all.recall},
                            {"tokens", scores.tokens},
                            {"tokens_per_second", scores.tokens_per_second}};
  auto row = [&](const std::string& name, const PrecisionRecall& value) {
    std::snprintf(line, sizeof(line), "%-6s %9.4f %7.4f %7.4f %7zu\n", name.c_str(),
                  value.precision, value.recall, value.f1, value.truth);
    out << line;
  };
  for (const auto& [type, value] : scores.by_type) {
    row(type, value);
    metrics[type + "_f1"] = value.f1;
    metrics[type + "_precision"] = value.precision;
    metrics[type + "_recall"] = value.recall;
  }
  row("all", scores.all);
  std::snprintf(line, sizeof(line), "recognition speed: %.0f tokens per CPU second (one thread)\n",
                scores.tokens_per_second);
  out << line;
  out << metrics.dump() << std::endl;
  return report_problems(problems, err);
}

}  // namespace crosscheck::eval
