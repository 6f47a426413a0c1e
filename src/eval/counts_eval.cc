// `eval counts`: value, bound, vagueness, counted noun and predicate of numbers in news
// sentences (bench/counts, labelled by hand; the guide is bench/counts/README.md).
//
// Each item is one sentence with one target number (its byte offset). The system's quantity
// is the one whose span holds the target. An item labelled "quantity": false (a name such as
// "Amendment 64") is right on every measure when no quantity holds the target. Otherwise:
// value_acc — vague items need a vague quantity, ranges both ends, others the value; bound_acc
// — the bound names agree (core/story.h spelling); noun_acc — the counted noun, singular
// ("people" for people), or both empty; predicate_acc — the Snowball stem of the labelled verb
// lemma equals the quantity's event stem, or both empty. Sentences are parsed with the syntax
// model first (models/syntax-en.bin), as analyze does; without the model, the reader's
// fallbacks are measured.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "core/story.h"
#include "eval/benchmark_data.h"
#include "eval/tasks.h"
#include "core/resources.h"
#include "extract/extract.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace crosscheck::eval {

namespace {

bool same_number(double a, double b) {
  return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b));
}

struct Scores {
  size_t items = 0, value = 0, bound = 0, noun = 0, predicate = 0;
};

void score_item(const nlohmann::json& item, const SyntaxModel* syntax, Scores& scores) {
  Document doc;
  doc.id = item.value("id", "");
  doc.text = item.value("text", "");
  doc.lang = "en";
  uint32_t target = item.value("start", 0u);
  annotate_text(doc);
  // As in analyze: the syntax stage runs before the quantity reader, which reads the counted
  // noun and the predicate from the tree when there is one.
  if (syntax) syntax->annotate(doc);
  annotate_values(doc, "");
  const Quantity* found = nullptr;
  for (const Quantity& quantity : doc.quantities)
    if (quantity.span.start <= target && target < quantity.span.end) found = &quantity;
  ++scores.items;
  if (!item.value("quantity", true)) {
    size_t right = found ? 0 : 1;
    scores.value += right, scores.bound += right, scores.noun += right, scores.predicate += right;
    return;
  }
  if (!found) return;
  bool value_right = false;
  if (item.value("vague", false)) {
    value_right = found->vague;
  } else if (item.contains("range")) {
    value_right = !found->vague && same_number(found->low, item["range"][0].get<double>()) &&
                  same_number(found->high, item["range"][1].get<double>());
  } else {
    value_right = !found->vague && same_number(found->value, item.value("value", 0.0)) &&
                  !(found->low < found->high && found->bound == Bound::kAbout);
  }
  scores.value += value_right;
  scores.bound += item.value("bound", "exact") == to_string(found->bound);
  scores.noun += item.value("noun", "") == found->noun;
  std::string predicate = item.value("predicate", "");
  scores.predicate += (predicate.empty() ? "" : stem(predicate)) == found->event;
}

}  // namespace

int run_counts(const std::string& data, std::ostream& out, std::ostream& err) {
  std::string path = data;
  if (std::filesystem::is_directory(path)) path += "/counts.jsonl";
  std::vector<std::string> lines;
  Problem problem;
  if (!read_lines(path, lines, problem)) {
    err << problem.input << ": " << problem.reason << '\n';
    return kExitFatal;
  }
  Problems problems;
  Scores scores;
  std::vector<std::string> warnings;
  std::unique_ptr<SyntaxModel> syntax = SyntaxModel::load(find_resources(), &warnings);
  for (const std::string& warning : warnings) err << "crosscheck: " << warning << '\n';
  for (size_t n = 0; n < lines.size(); ++n) {
    if (lines[n].empty()) continue;
    nlohmann::json item = nlohmann::json::parse(lines[n], nullptr, false);
    if (!item.is_object() || !item.contains("text") || !item["text"].is_string() ||
        !item.contains("start") || !item["start"].is_number_unsigned()) {
      problems.push_back({path + ":" + std::to_string(n + 1), "not a labelled count item"});
      continue;
    }
    try {
      score_item(item, syntax.get(), scores);
    } catch (const nlohmann::json::exception& error) {
      problems.push_back({path + ":" + std::to_string(n + 1), error.what()});
    }
  }
  int exit_code = report_problems(problems, err);
  if (scores.items == 0) {
    err << data << ": no labelled items\n";
    return kExitFatal;
  }
  auto share = [&](size_t right) { return double(right) / scores.items; };
  char line[160];
  out << "Counts on " << scores.items
      << " labelled sentences\n\n| measure | accuracy |\n|---|---:|\n";
  for (auto [name, right] :
       {std::pair{"value", scores.value}, std::pair{"bound", scores.bound},
        std::pair{"counted noun", scores.noun}, std::pair{"predicate", scores.predicate}}) {
    std::snprintf(line, sizeof line, "| %s | %.4f |\n", name, share(right));
    out << line;
  }
  nlohmann::json result = {{"items", scores.items},
                           {"value_acc", share(scores.value)},
                           {"bound_acc", share(scores.bound)},
                           {"noun_acc", share(scores.noun)},
                           {"predicate_acc", share(scores.predicate)}};
  out << result.dump() << '\n';
  return exit_code;
}

}  // namespace crosscheck::eval
