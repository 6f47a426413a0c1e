// `crosscheck eval coverage`: conflicts and corroborated facts on careful readers' labels of
// real events (../shared/data/basil-labels). Each event is read by the JSON lines reader and
// analysed on its own by the same pipeline `crosscheck analyze` runs.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>
#include <tuple>

#include "core/resources.h"
#include "eval/benchmark_data.h"
#include "eval/coverage_scoring.h"
#include "eval/random.h"
#include "eval/tasks.h"
#include "facts/facts.h"
#include "ingest/ingest.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace crosscheck::eval {

namespace {

using nlohmann::json;

std::vector<std::string> event_files(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) return {path};
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string text_field(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool read_quote(const json& side, LabelledQuote& quote) {
  if (!side.is_object()) return false;
  quote.article = text_field(side, "article");
  quote.quote = text_field(side, "quote");
  return !quote.article.empty() && !quote.quote.empty();
}

std::vector<LabelledPair> read_pairs(const json& row, const char* key) {
  std::vector<LabelledPair> pairs;
  auto list = row.find(key);
  if (list == row.end() || !list->is_array()) return pairs;
  for (const json& item : *list) {
    if (!item.is_object()) continue;
    LabelledPair pair;
    pair.kind = text_field(item, "kind");
    pair.clear = text_field(item, "certainty") != "borderline";
    if (item.contains("a") && item.contains("b") && read_quote(item["a"], pair.a) &&
        read_quote(item["b"], pair.b))
      pairs.push_back(std::move(pair));
  }
  return pairs;
}

std::vector<LabelledFact> read_facts(const json& row) {
  std::vector<LabelledFact> facts;
  auto list = row.find("facts");
  if (list == row.end() || !list->is_array()) return facts;
  for (const json& item : *list) {
    if (!item.is_object()) continue;
    LabelledFact fact;
    fact.fact = text_field(item, "fact");
    if (auto stated = item.find("stated_by"); stated != item.end() && stated->is_array()) {
      for (const json& side : *stated) {
        LabelledQuote quote;
        if (read_quote(side, quote)) fact.stated_by.push_back(std::move(quote));
      }
    }
    facts.push_back(std::move(fact));
  }
  return facts;
}

struct EventRun {
  LabelledEvent event;
  std::vector<Document> documents;  // as ingested, before any analysis
  std::vector<Document> analyzed;   // as the last analysis left them
  int stories = 0;
  std::vector<Conflict> conflicts;  // what the last analysis reported
  std::vector<Fact> facts;
};

std::string clip(const std::string& text, size_t size) {
  return text.size() <= size ? text : text.substr(0, size - 3) + "...";
}

// Reads every labelled event of `data`; false (problems named) when there are none.
bool load_events(const std::string& data, std::vector<EventRun>& runs, Problems& problems) {
  for (const std::string& file : event_files(data)) {
    std::vector<std::string> lines;
    Problem problem;
    if (!read_lines(file, lines, problem)) {
      problems.push_back(problem);
      continue;
    }
    for (size_t n = 0; n < lines.size(); ++n) {
      if (lines[n].find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = file + ":" + std::to_string(n + 1);
      json row = json::parse(lines[n], nullptr, false);
      if (!row.is_object() || !row.contains("articles")) {
        problems.push_back({where, "not a labelled event (JSON object with \"articles\")"});
        continue;
      }
      EventRun run;
      run.event.id = text_field(row, "cluster_id");
      run.event.name = text_field(row, "event");
      run.documents = read_jsonl(lines[n], where, problems, IngestOptions{});
      for (const Document& doc : run.documents) {
        run.event.article_ids.push_back(doc.id);
        run.event.article_texts.push_back(doc.text);
      }
      run.event.conflicts = read_pairs(row, "conflicts");
      run.event.compatible = read_pairs(row, "compatible");
      run.event.facts = read_facts(row);
      runs.push_back(std::move(run));
    }
  }
  if (runs.empty()) problems.push_back({data, "no labelled events"});
  return !runs.empty();
}

// Analyses one event on its own (a fresh copy of its documents) and keeps what was reported.
void analyze_event(const Pipeline& pipeline, const FactsOptions& options, EventRun& run) {
  run.analyzed = run.documents;
  std::vector<Story> stories = pipeline.analyze(run.analyzed, options);
  run.stories = static_cast<int>(stories.size());
  run.conflicts.clear();
  run.facts.clear();
  for (const Story& story : stories) {
    // Conflicts inside one article are in story.conflicts too (internal), and copied from
    // there into the article's assessment.
    run.conflicts.insert(run.conflicts.end(), story.conflicts.begin(), story.conflicts.end());
    run.facts.insert(run.facts.end(), story.facts.begin(), story.facts.end());
  }
}

void add(EventScore& total, const EventScore& s) {
  total.reported += s.reported;
  total.true_positive += s.true_positive;
  total.borderline += s.borderline;
  total.false_alarm += s.false_alarm;
  total.lookalike += s.lookalike;
  total.clear_labels += s.clear_labels;
  total.clear_found += s.clear_found;
  total.shared_facts += s.shared_facts;
  total.shared_facts_found += s.shared_facts_found;
  total.fact_pairs += s.fact_pairs;
  total.fact_pairs_right += s.fact_pairs_right;
}

struct Metrics {
  double precision = 1, recall = 0, false_alarms = 0, fact_recall = 0, fact_pair_precision = 1;
};

Metrics metrics_of(const EventScore& total, size_t events) {
  auto share = [](int part, int whole) { return whole > 0 ? double(part) / whole : 0.0; };
  const int judged = total.true_positive + total.false_alarm;
  Metrics m;
  // With nothing reported nothing false was shown: precision 1, as for the clustering metrics.
  m.precision = judged > 0 ? share(total.true_positive, judged) : 1.0;
  m.recall = share(total.clear_found, total.clear_labels);
  m.false_alarms = events ? double(total.false_alarm) / double(events) : 0;
  m.fact_recall = share(total.shared_facts_found, total.shared_facts);
  m.fact_pair_precision =
      total.fact_pairs > 0 ? share(total.fact_pairs_right, total.fact_pairs) : 1.0;
  return m;
}

// The last line of the coverage tasks: the metrics and the counts behind them.
json metrics_json(const EventScore& total, size_t events) {
  const Metrics m = metrics_of(total, events);
  return json{{"conflict_precision", m.precision},
              {"conflict_recall", m.recall},
              {"false_alarms_per_event", m.false_alarms},
              {"lookalikes_flagged", total.lookalike},
              {"fact_recall", m.fact_recall},
              {"fact_pair_precision", m.fact_pair_precision},
              {"fact_pairs_judged", total.fact_pairs},
              {"events", events},
              {"reported", total.reported},
              {"true_positives", total.true_positive},
              {"borderline_matches", total.borderline},
              {"false_alarms", total.false_alarm},
              {"clear_conflicts", total.clear_labels},
              {"shared_facts", total.shared_facts}};
}

// The conflicts of `run` at or above `confidence`.
std::vector<Conflict> confident(const EventRun& run, double confidence) {
  std::vector<Conflict> kept;
  for (const Conflict& conflict : run.conflicts)
    if (conflict.confidence >= confidence) kept.push_back(conflict);
  return kept;
}

// The sentences of `doc` that overlap `quote` (found by exact text), as one span.
std::optional<Span> quote_sentences(const Document& doc, const std::string& quote) {
  const size_t at = doc.text.find(quote);
  if (at == std::string::npos) return std::nullopt;
  const size_t end = at + quote.size();
  std::optional<Span> span;
  for (const Sentence& sentence : doc.sentences) {
    if (sentence.span.end <= at || sentence.span.start >= end) continue;
    if (!span) span = sentence.span;
    span->end = sentence.span.end;
  }
  return span;
}

// Every labelled fact stated by two or more outlets that no reported fact covers: its quotes,
// which reported fact (and how many sources) cites each, and the shared-fact probability of the
// sentences holding each pair of quotes — for reading why alignment missed it.
void print_missed_facts(const std::vector<EventRun>& runs, const Pipeline& pipeline,
                        std::ostream& out) {
  out << "missed shared facts (quote: reported fact index/sources citing it; pair "
         "probabilities):\n";
  for (const EventRun& run : runs) {
    const EventTexts texts(run.event);
    for (const LabelledFact& labelled : run.event.facts) {
      std::set<std::string> outlets;
      for (const LabelledQuote& quote : labelled.stated_by) outlets.insert(quote.article);
      if (outlets.size() < 2) continue;
      LabelledEvent single = run.event;
      single.facts = {labelled};
      single.conflicts.clear();
      if (score_event(single, {}, run.facts).shared_facts_found > 0) continue;
      out << "  " << clip(run.event.name, 50) << ": " << labelled.fact << "\n";
      for (const LabelledQuote& quote : labelled.stated_by) {
        std::string where;
        for (size_t f = 0; f < run.facts.size(); ++f)
          for (const Cite& cite : run.facts[f].cites)
            if (texts.matches(cite, quote))
              where += " #" + std::to_string(f) + "/" + std::to_string(run.facts[f].sources);
        out << "      [" << clip(quote.article, 12) << "]" << (where.empty() ? " (none)" : where)
            << " | " << clip(collapse_whitespace(quote.quote), 110) << "\n";
      }
      const StatementScorer* scorer = pipeline.facts.statements;
      if (!scorer) continue;
      std::string probabilities;
      for (size_t i = 0; i < labelled.stated_by.size(); ++i)
        for (size_t j = i + 1; j < labelled.stated_by.size(); ++j) {
          const LabelledQuote& qa = labelled.stated_by[i];
          const LabelledQuote& qb = labelled.stated_by[j];
          if (qa.article == qb.article) continue;
          const Document* da = nullptr;
          const Document* db = nullptr;
          for (const Document& doc : run.analyzed) {
            if (doc.id == qa.article) da = &doc;
            if (doc.id == qb.article) db = &doc;
          }
          if (!da || !db) continue;
          auto sa = quote_sentences(*da, qa.quote);
          auto sb = quote_sentences(*db, qb.quote);
          if (!sa || !sb) continue;
          char p[64];
          std::snprintf(p, sizeof(p), " %zu-%zu:%.2f", i, j,
                        scorer->fact_probability(*da, *sa, *db, *sb));
          probabilities += p;
        }
      out << "      p" << probabilities << "\n";
    }
  }
}

// The labelled events of `data` for a task that needs the same-statement model: 0, or the exit
// code with the reason on `err`.
int load_for_statements(const std::string& data, const Pipeline& pipeline, const char* task,
                        std::vector<EventRun>& runs, Problems& problems, std::ostream& err) {
  if (!load_events(data, runs, problems)) {
    report_problems(problems, err);
    return kExitFatal;
  }
  if (!pipeline.facts.statements) {
    err << "crosscheck: " << task << " needs the same-statement model (models/)\n";
    return kExitFatal;
  }
  return 0;
}

}  // namespace

int run_coverage(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                 std::ostream& err) {
  Problems problems;
  std::vector<EventRun> runs;
  if (!load_events(data, runs, problems)) {
    report_problems(problems, err);
    return kExitFatal;
  }
  EventScore total;
  out << "coverage: " << data << " (" << runs.size() << " events, "
      << (pipeline.facts.statements ? "same-statement model" : "no same-statement model") << ")\n";
  char line[256];
  std::snprintf(line, sizeof(line), "%-40s %4s %7s %8s %4s %5s %6s %10s %8s\n", "event", "arts",
                "stories", "reported", "true", "false", "lookal", "clear", "facts");
  out << line;
  for (EventRun& run : runs) {
    analyze_event(pipeline, pipeline.facts, run);
    const EventScore s = score_event(run.event, run.conflicts, run.facts);
    std::snprintf(line, sizeof(line), "%-40s %4zu %7d %8d %4d %5d %6d %5d/%-4d %4d/%-3d\n",
                  clip(run.event.name, 40).c_str(), run.documents.size(), run.stories, s.reported,
                  s.true_positive, s.false_alarm, s.lookalike, s.clear_found, s.clear_labels,
                  s.shared_facts_found, s.shared_facts);
    out << line;
    add(total, s);
  }
  // Every reported conflict with the readers' verdict on it, for reading what goes wrong.
  out << "reported conflicts (verdict, kind, confidence, sides):\n";
  for (const EventRun& run : runs) {
    const EventTexts texts(run.event);
    for (const Conflict& conflict : run.conflicts) {
      const char* verdict = "false";
      for (const LabelledPair& label : run.event.conflicts)
        if (conflict_matches(texts, conflict, label)) verdict = label.clear ? "TRUE" : "borderline";
      if (std::string(verdict) == "false")
        for (const LabelledPair& label : run.event.compatible)
          if (conflict_matches(texts, conflict, label)) verdict = "look-alike";
      std::snprintf(line, sizeof(line), "  %-10s %-11s %.2f  %s\n", verdict,
                    to_string(conflict.kind), conflict.confidence,
                    clip(run.event.name, 50).c_str());
      out << line;
      for (const ConflictSide& side : conflict.sides) {
        if (side.cites.empty()) continue;
        const Cite& cite = side.cites.front();
        // The cited detail with some of the text around it.
        std::string around = cite.text;
        for (size_t k = 0; k < run.event.article_ids.size(); ++k) {
          const std::string& text = run.event.article_texts[k];
          if (run.event.article_ids[k] != cite.article || cite.end > text.size()) continue;
          const size_t from = cite.start > 90 ? cite.start - 90 : 0;
          around = text.substr(from, cite.start - from) + "[[" + cite.text + "]]" +
                   text.substr(cite.end, std::min<size_t>(60, text.size() - cite.end));
        }
        out << "      | " << collapse_whitespace(around) << "\n";
      }
    }
  }
  print_missed_facts(runs, pipeline, out);
  std::snprintf(line, sizeof(line),
                "total: %d reported, %d true, %d borderline (ignored), %d false alarms (%d "
                "look-alikes); clear conflicts found %d/%d; shared facts found %d/%d\n",
                total.reported, total.true_positive, total.borderline, total.false_alarm,
                total.lookalike, total.clear_found, total.clear_labels, total.shared_facts_found,
                total.shared_facts);
  out << line;
  out << metrics_json(total, runs.size()).dump() << std::endl;
  return report_problems(problems, err);
}

int run_coverage_sweep(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                       std::ostream& err) {
  Problems problems;
  std::vector<EventRun> runs;
  if (int failed = load_for_statements(data, pipeline, "coverage-sweep", runs, problems, err))
    return failed;
  const bool fact_model = pipeline.facts.statements->has_fact_model();
  out << "coverage-sweep: " << data << " (" << runs.size() << " events)\n"
      << (fact_model ? "shared_fact" : "same_statement")
      << " min_confidence reported true false lookalikes precision recall "
         "false/event fact_recall fact_pair_precision\n";
  const std::vector<double> alignments =
      fact_model ? std::vector<double>{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}
                 : std::vector<double>{0.2, 0.25, 0.35, 0.42, 0.5, 0.6, 0.7};
  const double confidences[] = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  json rows = json::array();
  for (double same_statement : alignments) {
    FactsOptions options = pipeline.facts;
    (fact_model ? options.shared_fact : options.same_statement) = same_statement;
    options.min_conflict_confidence = 0;
    options.same_event = 0;  // every detail pair of one event; the confidence sweep cuts
    for (EventRun& run : runs) analyze_event(pipeline, options, run);
    for (double confidence : confidences) {
      EventScore total;
      for (const EventRun& run : runs)
        add(total, score_event(run.event, confident(run, confidence), run.facts));
      const Metrics m = metrics_of(total, runs.size());
      char line[200];
      std::snprintf(line, sizeof(line),
                    "%14.2f %14.2f %8d %4d %5d %10d %9.3f %6.3f %11.3f %11.3f %11.3f\n",
                    same_statement, confidence, total.reported, total.true_positive,
                    total.false_alarm, total.lookalike, m.precision, m.recall, m.false_alarms,
                    m.fact_recall, m.fact_pair_precision);
      out << line;
      rows.push_back({{fact_model ? "shared_fact" : "same_statement", same_statement},
                      {"min_conflict_confidence", confidence},
                      {"conflict_precision", m.precision},
                      {"conflict_recall", m.recall},
                      {"false_alarms_per_event", m.false_alarms},
                      {"fact_recall", m.fact_recall},
                      {"fact_pair_precision", m.fact_pair_precision}});
    }
  }
  out << json{{"sweep", rows}}.dump() << std::endl;
  return report_problems(problems, err);
}

}  // namespace crosscheck::eval

// ---- The shared-fact model: trained on the labelled facts, and the coverage task
// cross-validated by event.

namespace crosscheck::eval {

namespace {

// Events are split into folds by a hash (FNV-1a) of their id, so a fold does not depend on
// the file's order; the shared-fact model's cost for the cross-validated coverage run.
constexpr int kEventFolds = 4;
constexpr double kFactCost = 1.0;

int event_fold(const std::string& id) { return static_cast<int>(fnv1a(id) % kEventFolds); }

// One sentence pair of a labelled event: a sentence holding a labelled fact's quote and a
// sentence of another article; 1 when that sentence holds a quote of the same fact.
struct FactPair {
  size_t event = 0;
  const Document* a = nullptr;
  const Document* b = nullptr;
  Span a_span, b_span;
  int label = 0;
};

struct FactPairs {
  std::vector<FactPair> pairs;
  std::vector<std::vector<double>> rows;
  std::vector<int> labels;
  size_t positives = 0;
};

// Annotates every event's documents (text and syntax layers, as the facts stage reads them)
// and lists the sentence pairs of every labelled fact with their features.
FactPairs fact_pairs(std::vector<EventRun>& runs, const SyntaxModel* syntax,
                     const StatementFeatures& features) {
  FactPairs out;
  std::vector<FactPair>& pairs = out.pairs;
  for (size_t e = 0; e < runs.size(); ++e) {
    EventRun& run = runs[e];
    run.analyzed = run.documents;
    tbb::parallel_for(size_t{0}, run.analyzed.size(), [&](size_t d) {
      annotate_text(run.analyzed[d]);
      if (syntax) syntax->annotate(run.analyzed[d]);
    });
    auto doc_of = [&](const std::string& id) -> const Document* {
      for (const Document& doc : run.analyzed)
        if (doc.id == id) return &doc;
      return nullptr;
    };
    // (a doc, a start, b doc, b start) -> pair index, so a pair is listed once.
    std::map<std::tuple<const Document*, uint32_t, const Document*, uint32_t>, size_t> seen;
    for (const LabelledFact& fact : run.event.facts) {
      for (const LabelledQuote& quote : fact.stated_by) {
        const Document* a = doc_of(quote.article);
        if (!a) continue;
        auto a_span = quote_sentences(*a, quote.quote);
        if (!a_span) continue;
        for (const Document& b : run.analyzed) {
          if (b.id == quote.article) continue;
          std::vector<Span> same_fact;
          for (const LabelledQuote& other : fact.stated_by)
            if (other.article == b.id)
              if (auto span = quote_sentences(b, other.quote)) same_fact.push_back(*span);
          for (const Sentence& sentence : b.sentences) {
            int label = 0;
            for (const Span& span : same_fact)
              if (sentence.span.start < span.end && span.start < sentence.span.end) label = 1;
            // Each unordered pair once, in article order.
            const bool a_first = a->id < b.id;
            auto key = a_first ? std::make_tuple(a, a_span->start, &b, sentence.span.start)
                               : std::make_tuple(&b, sentence.span.start, a, a_span->start);
            auto [it, inserted] = seen.emplace(key, pairs.size());
            if (inserted) {
              FactPair pair{e, a, &b, *a_span, sentence.span, label};
              if (!a_first) std::swap(pair.a, pair.b), std::swap(pair.a_span, pair.b_span);
              pairs.push_back(pair);
            } else {
              pairs[it->second].label = std::max(pairs[it->second].label, label);
            }
          }
        }
      }
    }
  }
  out.rows.resize(pairs.size());
  tbb::parallel_for(size_t{0}, pairs.size(), [&](size_t i) {
    out.rows[i] = features.compute(*pairs[i].a, pairs[i].a_span, *pairs[i].b, pairs[i].b_span);
  });
  for (const FactPair& pair : pairs) out.labels.push_back(pair.label), out.positives += pair.label;
  return out;
}

// The same with the syntax model and the statement features loaded here; nothing when the
// features cannot be loaded (the reason on `err`).
std::optional<FactPairs> load_fact_pairs(std::vector<EventRun>& runs, std::ostream& err) {
  std::vector<std::string> warnings;
  std::unique_ptr<SyntaxModel> syntax = SyntaxModel::load(find_resources(), &warnings);
  for (const std::string& warning : warnings) err << "crosscheck: " << warning << '\n';
  auto features = load_statement_features(err);
  if (!features) return std::nullopt;
  return fact_pairs(runs, syntax.get(), *features);
}

// The shared-fact model trained on the pairs of the events outside `fold` (all with fold -1).
StatementModel train_fact_model(const FactPairs& data, const std::vector<EventRun>& runs,
                                int fold, double cost) {
  std::vector<std::vector<double>> rows;
  std::vector<int> labels;
  for (size_t i = 0; i < data.pairs.size(); ++i)
    if (fold < 0 || event_fold(runs[data.pairs[i].event].event.id) != fold)
      rows.push_back(data.rows[i]), labels.push_back(data.labels[i]);
  return train_statement_model(rows, labels, cost);
}

}  // namespace

int train_shared_fact(const std::string& data, const std::string& model_path, std::ostream& out,
                      std::ostream& err) {
  Problems problems;
  std::vector<EventRun> runs;
  if (!load_events(data, runs, problems)) {
    report_problems(problems, err);
    return kExitFatal;
  }
  std::optional<FactPairs> loaded = load_fact_pairs(runs, err);
  if (!loaded) return kExitFatal;
  const FactPairs& pairs = *loaded;
  std::string error;
  StatementModel same;
  const bool have_same =
      load_statement_model(find_resources().models_dir + "/same-statement.model", same, error);

  const std::vector<int>& labels = pairs.labels;
  out << "train shared-fact: " << data << ": " << runs.size() << " events, " << pairs.pairs.size()
      << " sentence pairs (" << pairs.positives << " state one labelled fact)\n";

  const double costs[] = {0.1, 1.0, 10.0};
  double best_cost = costs[0], best_threshold = 0.5, best_f1 = -1, best_auc = 0;
  out << "cross-validated by event (" << kEventFolds << " folds):\n"
      << "  cost threshold precision recall f1\n";
  for (double cost : costs) {
    std::vector<double> held_out(pairs.pairs.size(), 0);
    for (int fold = 0; fold < kEventFolds; ++fold) {
      const StatementModel model = train_fact_model(pairs, runs, fold, cost);
      for (size_t i = 0; i < pairs.pairs.size(); ++i)
        if (event_fold(runs[pairs.pairs[i].event].event.id) == fold)
          held_out[i] = model.probability(pairs.rows[i]);
    }
    const double auc = auroc(held_out, labels);
    out << "  cost " << cost << ": AUROC " << auc << '\n';
    for (int step = 5; step <= 95; step += 5) {
      const double threshold = step / 100.0;
      size_t tp = 0, fp = 0, fn = 0;
      for (size_t i = 0; i < labels.size(); ++i) {
        const bool yes = held_out[i] >= threshold;
        tp += yes && labels[i], fp += yes && !labels[i], fn += !yes && labels[i];
      }
      const double p = tp + fp ? double(tp) / double(tp + fp) : 0;
      const double r = tp + fn ? double(tp) / double(tp + fn) : 0;
      const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
      char line[128];
      std::snprintf(line, sizeof(line), "  %5.1f %9.2f %9.4f %6.4f %6.4f\n", cost, threshold, p,
                    r, f1);
      out << line;
      if (f1 > best_f1 + 1e-12)
        best_f1 = f1, best_cost = cost, best_threshold = threshold, best_auc = auc;
    }
  }
  if (have_same) {
    std::vector<double> p(labels.size());
    double pos = 0, neg = 0;
    for (size_t i = 0; i < p.size(); ++i) {
      p[i] = same.probability(pairs.rows[i]);
      (labels[i] ? pos : neg) += p[i];
    }
    out << "same-statement model on the same pairs: AUROC " << auroc(p, labels)
        << ", mean probability " << pos / double(std::max<size_t>(pairs.positives, 1))
        << " (same fact) against "
        << neg / double(std::max<size_t>(p.size() - pairs.positives, 1)) << '\n';
  }
  StatementModel model = train_fact_model(pairs, runs, -1, best_cost);
  model.threshold = best_threshold;
  if (!save_statement_model(model, model_path, error)) {
    err << "crosscheck: " << error << '\n';
    return kExitFatal;
  }
  out << nlohmann::json{{"cost", best_cost},
                        {"threshold", best_threshold},
                        {"cv_f1", best_f1},
                        {"cv_auroc", best_auc},
                        {"pairs", pairs.pairs.size()},
                        {"positives", pairs.positives}}
             .dump()
      << std::endl;
  return report_problems(problems, err);
}

int run_coverage_cv(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                    std::ostream& err) {
  Problems problems;
  std::vector<EventRun> runs;
  if (int failed = load_for_statements(data, pipeline, "coverage-cv", runs, problems, err))
    return failed;
  std::optional<FactPairs> loaded = load_fact_pairs(runs, err);
  if (!loaded) return kExitFatal;
  const FactPairs& pairs = *loaded;
  out << "coverage-cv: " << data << " (" << runs.size() << " events, " << kEventFolds
      << " folds by event; each fold analysed with a shared-fact model of cost " << kFactCost
      << " trained on the other folds)\n";
  std::vector<std::unique_ptr<StatementScorer>> scorers;
  for (int fold = 0; fold < kEventFolds; ++fold) {
    auto fold_features = load_statement_features(err);
    if (!fold_features) return kExitFatal;
    scorers.push_back(std::make_unique<StatementScorer>(std::move(fold_features),
                                                        pipeline.facts.statements->model()));
    scorers.back()->set_fact_model(train_fact_model(pairs, runs, fold, kFactCost));
  }
  // The sweep of the alignment threshold; the last line is the configured one.
  std::vector<double> thresholds = {0.1, 0.15, 0.2, 0.25, 0.3, 0.4};
  thresholds.push_back(pipeline.facts.shared_fact);
  out << "shared_fact fact_recall fact_pair_precision conflicts_true conflicts_false\n";
  json last;
  for (double threshold : thresholds) {
    EventScore total;
    for (int fold = 0; fold < kEventFolds; ++fold) {
      FactsOptions options = pipeline.facts;
      options.statements = scorers[static_cast<size_t>(fold)].get();
      options.shared_fact = threshold;
      for (EventRun& run : runs) {
        if (event_fold(run.event.id) != fold) continue;
        analyze_event(pipeline, options, run);
        add(total, score_event(run.event, run.conflicts, run.facts));
      }
    }
    const Metrics m = metrics_of(total, runs.size());
    char line[160];
    std::snprintf(line, sizeof(line), "%11.2f %11.3f %19.3f %14d %15d\n", threshold,
                  m.fact_recall, m.fact_pair_precision, total.true_positive, total.false_alarm);
    out << line;
    last = metrics_json(total, runs.size());
    last["shared_fact"] = threshold;
  }
  out << last.dump() << std::endl;
  return report_problems(problems, err);
}

}  // namespace crosscheck::eval
