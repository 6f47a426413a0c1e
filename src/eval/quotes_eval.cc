// `eval quotes`: attribution spans (source, cue, content) against PolNeAR's annotations.
//
// Each role is scored on its own as a set of spans (a discontinuous gold span counts once per
// fragment): exact F1 needs the same start and end byte, overlap F1 counts a predicted span
// correct when it overlaps a gold span of its role and a gold span recalled when a predicted
// span of its role overlaps it.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <ostream>

#include "core/resources.h"
#include "eval/benchmark_data.h"
#include "eval/metrics.h"
#include "eval/tasks.h"
#include "extract/extract.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace crosscheck::eval {

namespace {

struct RoleCounts {
  size_t predicted = 0, gold = 0;
  size_t exact = 0;              // predicted spans equal to a gold span (one to one)
  size_t overlap_predicted = 0;  // predicted spans overlapping a gold span
  size_t overlap_gold = 0;       // gold spans overlapped by a predicted span

  void add(const RoleCounts& other) {
    predicted += other.predicted;
    gold += other.gold;
    exact += other.exact;
    overlap_predicted += other.overlap_predicted;
    overlap_gold += other.overlap_gold;
  }
};

std::vector<Span> spans_of(const std::vector<RoleSpan>& spans, AttributionRole role) {
  std::vector<Span> out;
  for (const RoleSpan& span : spans)
    if (span.role == role) out.push_back(span.span);
  std::sort(out.begin(), out.end(),
            [](Span a, Span b) { return std::tie(a.start, a.end) < std::tie(b.start, b.end); });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t overlapping(const std::vector<Span>& spans, const std::vector<Span>& others) {
  size_t count = 0;
  for (const Span& span : spans)
    if (std::any_of(others.begin(), others.end(),
                    [&](const Span& other) { return span.overlaps(other); }))
      ++count;
  return count;
}

RoleCounts score_role(const std::vector<Span>& predicted, const std::vector<Span>& gold) {
  RoleCounts counts;
  counts.predicted = predicted.size();
  counts.gold = gold.size();
  for (const Span& span : predicted)
    if (std::binary_search(gold.begin(), gold.end(), span, [](Span a, Span b) {
          return std::tie(a.start, a.end) < std::tie(b.start, b.end);
        }))
      ++counts.exact;
  counts.overlap_predicted = overlapping(predicted, gold);
  counts.overlap_gold = overlapping(gold, predicted);
  return counts;
}

// CPU time of the calling thread: a speed per core that other load on the machine leaves alone.
double thread_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double ratio(size_t a, size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0; }

}  // namespace

int run_quotes(const std::string& data, std::ostream& out, std::ostream& err) {
  Problems problems;
  std::vector<AttributionArticle> articles = load_polnear(data, problems);
  if (articles.empty()) {
    report_problems(problems, err);
    err << data << ": no PolNeAR articles to evaluate\n";
    return kExitFatal;
  }
  std::vector<std::string> warnings;
  const Resources resources = find_resources();
  std::unique_ptr<Extractor> extractor = Extractor::load(resources, &warnings);
  // The tagger reads the syntax layer as the pipeline fills it (without a model it runs on
  // tokens alone, as a model trained without syntax does).
  std::unique_ptr<SyntaxModel> syntax = SyntaxModel::load(resources, &warnings);
  for (const std::string& warning : warnings) err << "crosscheck: " << warning << '\n';

  constexpr size_t kRoles = 3;
  std::vector<std::array<RoleCounts, kRoles>> per_article(articles.size());
  std::vector<double> extract_seconds(articles.size());
  size_t bytes = 0;
  for (const AttributionArticle& article : articles) bytes += article.text.size();
  tbb::parallel_for(size_t{0}, articles.size(), [&](size_t i) {
    Document doc;
    doc.id = articles[i].id;
    doc.text = articles[i].text;  // as stored: the gold offsets point into it
    annotate_text(doc);
    if (syntax) syntax->annotate(doc);
    // Entities first (speakers resolve to them), then the quote reader alone, timed.
    extractor->annotate(doc, ExtractOptions{true, false, false, false});
    double start = thread_seconds();
    extractor->annotate(doc, ExtractOptions{false, false, false, true});
    extract_seconds[i] = thread_seconds() - start;
    std::vector<RoleSpan> predicted = attribution_spans(doc);
    for (size_t role = 0; role < kRoles; ++role) {
      auto r = static_cast<AttributionRole>(role);
      per_article[i][role] = score_role(spans_of(predicted, r), spans_of(articles[i].spans, r));
    }
  });
  std::array<RoleCounts, kRoles> totals;
  for (const auto& counts : per_article)
    for (size_t role = 0; role < kRoles; ++role) totals[role].add(counts[role]);
  double seconds = 0;
  for (double s : extract_seconds) seconds += s;

  static constexpr const char* kNames[kRoles] = {"source", "cue", "content"};
  nlohmann::ordered_json metrics;
  char line[200];
  out << "PolNeAR attribution spans: " << articles.size() << " articles, " << bytes << " bytes\n";
  out << "role      gold  predicted  exact_p  exact_r  exact_f1  overlap_p  overlap_r  "
         "overlap_f1\n";
  for (size_t role = 0; role < kRoles; ++role) {
    const RoleCounts& c = totals[role];
    double p = ratio(c.exact, c.predicted), r = ratio(c.exact, c.gold);
    double op = ratio(c.overlap_predicted, c.predicted), orr = ratio(c.overlap_gold, c.gold);
    std::snprintf(line, sizeof(line),
                  "%-8s %5zu  %9zu  %7.3f  %7.3f  %8.3f  %9.3f  %9.3f  %10.3f\n", kNames[role],
                  c.gold, c.predicted, p, r, f1(p, r), op, orr, f1(op, orr));
    out << line;
    std::string name = kNames[role];
    metrics[name + "_f1"] = f1(p, r);
    metrics[name + "_precision"] = p;
    metrics[name + "_recall"] = r;
    metrics[name + "_overlap_f1"] = f1(op, orr);
  }
  double mb_per_s = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
  std::snprintf(line, sizeof(line), "quote reader: %.2f MB/s per core (thread CPU time)\n",
                mb_per_s);
  out << line;
  metrics["articles"] = articles.size();
  metrics["quotes_mb_per_s"] = mb_per_s;
  out << metrics.dump() << '\n';
  return report_problems(problems, err);
}

}  // namespace crosscheck::eval
