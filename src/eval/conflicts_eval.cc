// `crosscheck eval conflicts`: contradictions and meaning-preserving controls injected, seeded,
// into real multi-outlet clusters (Multi-News, DUC 2004 layout), and how often the pipeline's
// conflict detection finds them.
//
// Per sampled cluster: the unmodified cluster is analysed once (baseline); per kind of detail
// the best anchor (eval/injection.h) whose sentences no baseline conflict touches is changed in
// one article's copy and the whole cluster analysed again. Detected: a reported conflict of any
// kind with one side citing the changed sentence and another citing the anchor sentence of the
// other article. Controls rewrite a detail without changing its meaning; a false alarm is any
// conflict citing the rewritten sentence.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "eval/benchmark_data.h"
#include "eval/injection.h"
#include "eval/random.h"
#include "eval/tasks.h"
#include "text/text.h"

namespace crosscheck::eval {

namespace {

using nlohmann::json;

constexpr uint64_t kDefaultSeed = 20261202;
// Multi-News clusters give about one anchor of a kind in ten clusters; 1,000 clusters run in
// about three minutes on two busy cores (docs/benchmarks.md).
constexpr size_t kDefaultClusters = 1000;
constexpr size_t kExamples = 3;

ConflictKind conflict_kind(Detail kind) {
  switch (kind) {
    case Detail::kNumber:
      return ConflictKind::kNumber;
    case Detail::kDate:
      return ConflictKind::kDate;
    case Detail::kRole:
      return ConflictKind::kRole;
    case Detail::kPlace:
      return ConflictKind::kPlace;
    case Detail::kPolarity:
      return ConflictKind::kPolarity;
  }
  return ConflictKind::kNumber;
}

std::string clip(std::string_view text, size_t size) {
  return text.size() <= size ? std::string(text) : std::string(text.substr(0, size - 3)) + "...";
}

struct Outcome {
  Detail kind = Detail::kNumber;
  bool control = false;
  std::string cluster;
  std::string how;
  bool hit = false;            // trial: detected; control: false alarm
  bool right_kind = false;     // trial detected by a conflict of the injected kind
  bool split = false;          // the two articles ended up in different stories
  bool aligned = false;        // a fact cites both sentences
  std::string changed, other;  // the two sentences (changed one after the edit)
  double overlap = 0;
};

struct ClusterRun {
  const BenchmarkCluster* cluster = nullptr;
  std::vector<Document> documents;  // annotated by the baseline analysis
  std::vector<Conflict> baseline;
  std::array<int, kDetailKinds> anchors{}, preexisting{};
  std::vector<Outcome> outcomes;
};

std::vector<Document> fresh_documents(const std::vector<Document>& annotated) {
  std::vector<Document> out(annotated.size());
  for (size_t i = 0; i < annotated.size(); ++i) {
    out[i].id = annotated[i].id;
    out[i].text = annotated[i].text;
  }
  return out;
}

std::vector<Conflict> all_conflicts(const std::vector<Story>& stories) {
  std::vector<Conflict> out;
  for (const Story& story : stories)
    out.insert(out.end(), story.conflicts.begin(), story.conflicts.end());
  return out;
}

void run_baseline(const Pipeline& pipeline, ClusterRun& run) {
  for (const BenchmarkArticle& article : run.cluster->articles) {
    Document doc;
    doc.id = article.id;
    doc.text = normalize(article.text);
    run.documents.push_back(std::move(doc));
  }
  run.baseline = all_conflicts(pipeline.analyze(run.documents, pipeline.facts));
}

bool touched(const ClusterRun& run, const Anchor& anchor) {
  for (const Conflict& conflict : run.baseline)
    for (int side = 0; side < 2; ++side)
      if (conflict_touches(
              conflict, run.documents[anchor.article[side]].id,
              run.documents[anchor.article[side]].sentences[anchor.sentence[side]].span))
        return true;
  return false;
}

Outcome run_trial(const Pipeline& pipeline, const ClusterRun& run, const Anchor& anchor,
                  const Rewrite& rewrite) {
  std::vector<Document> documents = fresh_documents(run.documents);
  const Document& changed = run.documents[anchor.article[0]];
  const Document& other = run.documents[anchor.article[1]];
  documents[anchor.article[0]].text = apply_rewrite(changed.text, rewrite);
  const Span changed_span = shifted(changed.sentences[anchor.sentence[0]].span, rewrite);
  const Span other_span = other.sentences[anchor.sentence[1]].span;
  std::vector<Story> stories = pipeline.analyze(documents, pipeline.facts);

  Outcome outcome;
  outcome.kind = anchor.kind;
  outcome.control = rewrite.control;
  outcome.cluster = run.cluster->id;
  outcome.how = rewrite.how;
  outcome.overlap = anchor.overlap;
  outcome.changed = documents[anchor.article[0]].slice(changed_span);
  outcome.other = other.slice(other_span);
  for (const Story& story : stories) {
    const bool has_changed =
        std::count(story.documents.begin(), story.documents.end(), anchor.article[0]) > 0;
    const bool has_other =
        std::count(story.documents.begin(), story.documents.end(), anchor.article[1]) > 0;
    if (has_changed != has_other) outcome.split = true;
    for (const Fact& fact : story.facts)
      if (cites_span(fact.cites, changed.id, changed_span) &&
          cites_span(fact.cites, other.id, other_span))
        outcome.aligned = true;
    for (const Conflict& conflict : story.conflicts) {
      if (rewrite.control) {
        if (conflict_touches(conflict, changed.id, changed_span)) outcome.hit = true;
      } else if (conflict_joins(conflict, changed.id, changed_span, other.id, other_span)) {
        outcome.hit = true;
        if (conflict.kind == conflict_kind(anchor.kind)) outcome.right_kind = true;
      }
    }
  }
  return outcome;
}

// One contradiction and one control per kind, from the best anchors that allow them.
void run_trials(const Pipeline& pipeline, const RewritePools& pools, uint64_t seed,
                ClusterRun& run) {
  Random random(seed ^ fnv1a(run.cluster->id));
  for (int k = 0; k < kDetailKinds; ++k) {
    const Detail kind = static_cast<Detail>(k);
    std::vector<Anchor> anchors;
    for (const Anchor& anchor : find_anchors(run.documents, kind)) {
      if (touched(run, anchor)) {
        ++run.preexisting[k];
        continue;
      }
      anchors.push_back(random.below(2) ? swapped(anchor) : anchor);
    }
    run.anchors[k] = static_cast<int>(anchors.size());
    bool trial = false, control = false;
    for (const Anchor& first : anchors) {
      for (const Anchor& anchor : {first, swapped(first)}) {
        if (!trial) {
          if (auto rewrite = contradict(run.documents, anchor, pools, run.cluster->id, random)) {
            run.outcomes.push_back(run_trial(pipeline, run, anchor, *rewrite));
            trial = true;
          }
        }
        if (!control) {
          if (auto rewrite = preserve(run.documents, anchor, pools, random)) {
            run.outcomes.push_back(run_trial(pipeline, run, anchor, *rewrite));
            control = true;
          }
        }
      }
      if (trial && control) break;
    }
  }
}

std::string why_missed(const Outcome& o) {
  if (o.split) return "the two articles were put in different stories";
  if (o.aligned) return "aligned into one fact, no conflict reported";
  return "the two sentences were not aligned";
}

}  // namespace

int run_conflicts(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                  std::ostream& err) {
  Problems problems;
  std::vector<BenchmarkCluster> clusters = load_clusters(data, problems);
  std::erase_if(clusters, [](const BenchmarkCluster& c) { return c.articles.size() < 2; });
  if (clusters.empty()) {
    problems.push_back({data, "no cluster with two articles or more"});
    report_problems(problems, err);
    return kExitFatal;
  }
  const uint64_t seed = pipeline.seed.value_or(kDefaultSeed);
  const size_t limit = std::min(clusters.size(), pipeline.limit.value_or(kDefaultClusters));
  // A seeded sample: Fisher-Yates over the cluster order, the first `limit` taken.
  std::vector<size_t> order(clusters.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Random random(seed);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
  order.resize(limit);
  std::sort(order.begin(), order.end());

  std::vector<ClusterRun> runs(order.size());
  for (size_t i = 0; i < order.size(); ++i) runs[i].cluster = &clusters[order[i]];
  tbb::parallel_for(size_t{0}, runs.size(), [&](size_t i) { run_baseline(pipeline, runs[i]); });
  RewritePools pools;
  for (const ClusterRun& run : runs) pools.learn(run.documents, run.cluster->id);
  pools.finish();
  tbb::parallel_for(size_t{0}, runs.size(),
                    [&](size_t i) { run_trials(pipeline, pools, seed, runs[i]); });

  struct Tally {
    int anchors = 0, preexisting = 0, trials = 0, detected = 0, right_kind = 0, split = 0,
        aligned = 0, controls = 0, alarms = 0;
    std::vector<const Outcome*> misses, false_alarms;
  };
  std::array<Tally, kDetailKinds> tally;
  size_t baseline_conflicts = 0;
  for (const ClusterRun& run : runs) {
    baseline_conflicts += run.baseline.size();
    for (int k = 0; k < kDetailKinds; ++k) {
      tally[k].anchors += run.anchors[k];
      tally[k].preexisting += run.preexisting[k];
    }
    for (const Outcome& o : run.outcomes) {
      Tally& t = tally[static_cast<int>(o.kind)];
      if (o.control) {
        ++t.controls;
        if (o.hit) {
          ++t.alarms;
          t.false_alarms.push_back(&o);
        }
        continue;
      }
      ++t.trials;
      t.detected += o.hit;
      t.right_kind += o.right_kind;
      if (!o.hit) {
        t.split += o.split;
        t.aligned += o.aligned && !o.split;
        t.misses.push_back(&o);
      }
    }
  }

  out << "conflicts: " << data << " (" << runs.size() << " of " << clusters.size()
      << " clusters, seed " << seed << ", "
      << (pipeline.facts.statements ? "same-statement model" : "no same-statement model") << "; "
      << baseline_conflicts << " conflicts reported on the unmodified clusters)\n";
  char line[256];
  std::snprintf(line, sizeof(line), "%-9s %7s %6s %7s %8s %6s %6s %6s %8s %6s %6s\n", "kind",
                "anchors", "preex", "trials", "detected", "rate", "kind", "split", "aligned",
                "ctrls", "alarms");
  out << line;
  json metrics;
  int trials = 0, controls = 0, alarms = 0;
  for (int k = 0; k < kDetailKinds; ++k) {
    const Tally& t = tally[k];
    const double rate = t.trials ? double(t.detected) / t.trials : 0.0;
    std::snprintf(line, sizeof(line), "%-9s %7d %6d %7d %8d %6.3f %6d %6d %8d %6d %6d\n",
                  detail_name(static_cast<Detail>(k)), t.anchors, t.preexisting, t.trials,
                  t.detected, rate, t.right_kind, t.split, t.aligned, t.controls, t.alarms);
    out << line;
    metrics[std::string("detection_") + detail_name(static_cast<Detail>(k))] = rate;
    metrics[std::string("trials_") + detail_name(static_cast<Detail>(k))] = t.trials;
    trials += t.trials;
    controls += t.controls;
    alarms += t.alarms;
  }
  const double false_alarm_rate = controls ? double(alarms) / controls : 0.0;
  out << "anchors: candidate pairs no baseline conflict touches; preex: pairs left out because "
         "one did; kind: detected as a conflict of the injected kind; split/aligned: misses whose "
         "articles went to different stories / whose sentences were aligned without a conflict\n";
  std::snprintf(line, sizeof(line), "false alarms on controls: %d of %d (%.3f)\n", alarms, controls,
                false_alarm_rate);
  out << line;
  for (int k = 0; k < kDetailKinds; ++k) {
    const Tally& t = tally[k];
    for (size_t n = 0; n < t.misses.size() && n < kExamples; ++n) {
      const Outcome& o = *t.misses[n];
      out << "missed " << o.cluster << ": " << o.how << " (" << why_missed(o) << ")\n"
          << "    changed: " << clip(o.changed, 150) << "\n"
          << "    other:   " << clip(o.other, 150) << "\n";
    }
    for (size_t n = 0; n < t.false_alarms.size() && n < kExamples; ++n) {
      const Outcome& o = *t.false_alarms[n];
      out << "false alarm " << o.cluster << ": " << o.how << "\n"
          << "    rewritten: " << clip(o.changed, 150) << "\n";
    }
  }
  // What the pipeline reports on the unmodified clusters: unlabelled, listed to be read.
  size_t listed = 0;
  for (const ClusterRun& run : runs)
    for (const Conflict& conflict : run.baseline)
      if (listed++ < kExamples) {
        out << "unmodified " << run.cluster->id << ": " << clip(conflict.explanation, 240) << "\n";
        for (const ConflictSide& side : conflict.sides)
          out << "    side: " << clip(side.claim, 150) << "\n";
      }
  metrics["false_alarm_rate"] = false_alarm_rate;
  metrics["false_alarms"] = alarms;
  metrics["trials"] = trials;
  metrics["controls"] = controls;
  metrics["clusters"] = runs.size();
  metrics["seed"] = seed;
  out << metrics.dump() << std::endl;
  return report_problems(problems, err);
}

}  // namespace crosscheck::eval
