// `eval timex`: TIMEX3 recognition and normalisation on TimeML (TempEval-3 conventions).
//
// Each document's text (tags removed) runs through the text stage and the time reader with the
// document's DCT as publication date. A system timex matches a gold one when their spans
// overlap (relaxed) or are identical (strict), one to one, in text order. Attribute scores
// follow the TempEval-3 scorer: precision and recall count the relaxed matches whose attribute
// is right, over all system and all gold timexes respectively.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "core/story.h"
#include "eval/annotated_files.h"
#include "eval/metrics.h"
#include "eval/tasks.h"
#include "eval/timeml.h"
#include "extract/extract.h"
#include "text/text.h"

namespace crosscheck::eval {

namespace {

struct Counts {
  size_t gold = 0, system = 0, relaxed = 0, strict = 0, value = 0, type = 0;
  void add(const Counts& other) {
    gold += other.gold;
    system += other.system;
    relaxed += other.relaxed;
    strict += other.strict;
    value += other.value;
    type += other.type;
  }
  double precision(size_t correct) const { return system ? double(correct) / system : 0; }
  double recall(size_t correct) const { return gold ? double(correct) / gold : 0; }
  double f(size_t correct) const { return f1(precision(correct), recall(correct)); }
};

Counts score(const std::vector<GoldTimex>& gold, const std::vector<Timex>& system) {
  Counts counts;
  counts.gold = gold.size();
  counts.system = system.size();
  size_t s = 0;
  for (const GoldTimex& g : gold) {
    while (s < system.size() && system[s].span.end <= g.span.start) ++s;
    if (s >= system.size() || !system[s].span.overlaps(g.span)) continue;
    const Timex& match = system[s++];
    ++counts.relaxed;
    if (match.span.start == g.span.start && match.span.end == g.span.end) ++counts.strict;
    if (match.value == g.value) ++counts.value;
    if (g.type == to_string(match.type)) ++counts.type;
  }
  return counts;
}

}  // namespace

int run_timex(const std::string& data, std::ostream& out, std::ostream& err) {
  Problems problems;
  std::vector<std::string> files = annotated_files(data, {".tml"}, problems);
  Counts total;
  size_t documents = 0;
  for (const std::string& file : files) {
    std::string xml, error;
    if (!read_file(file, xml, problems)) continue;
    TimemlDocument timeml;
    if (!read_timeml(xml, timeml, error)) {
      problems.push_back({file, error});
      continue;
    }
    Document doc;
    doc.id = file;
    doc.text = std::move(timeml.text);
    annotate_text(doc);
    annotate_times(doc, timeml.dct);
    total.add(score(timeml.timexes, doc.timexes));
    ++documents;
  }
  int exit_code = report_problems(problems, err);
  if (documents == 0) {
    err << data << ": no TimeML documents\n";
    return kExitFatal;
  }
  char line[160];
  out << "TIMEX3 on " << documents << " documents: " << total.gold << " gold, " << total.system
      << " found\n\n| measure | precision | recall | F1 |\n|---|---:|---:|---:|\n";
  auto row = [&](const char* name, size_t correct) {
    std::snprintf(line, sizeof line, "| %s | %.4f | %.4f | %.4f |\n", name,
                  total.precision(correct), total.recall(correct), total.f(correct));
    out << line;
  };
  row("relaxed span", total.relaxed);
  row("strict span", total.strict);
  row("value", total.value);
  row("type", total.type);
  nlohmann::json result = {{"documents", documents},
                           {"gold", total.gold},
                           {"system", total.system},
                           {"relaxed_precision", total.precision(total.relaxed)},
                           {"relaxed_recall", total.recall(total.relaxed)},
                           {"relaxed_f1", total.f(total.relaxed)},
                           {"strict_precision", total.precision(total.strict)},
                           {"strict_recall", total.recall(total.strict)},
                           {"strict_f1", total.f(total.strict)},
                           {"value_f1", total.f(total.value)},
                           {"type_f1", total.f(total.type)}};
  out << result.dump() << '\n';
  return exit_code;
}

}  // namespace crosscheck::eval
