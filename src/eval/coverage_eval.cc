// `crosscheck eval coverage`: conflicts and corroborated facts on careful readers' labels of
// real events (../shared/data/basil-labels). Each event is read by the JSON lines reader and
// analysed on its own by the same pipeline `crosscheck analyze` runs.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "eval/benchmark_data.h"
#include "eval/coverage_scoring.h"
#include "eval/tasks.h"
#include "ingest/ingest.h"

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
  std::vector<Document> documents = run.documents;
  std::vector<Story> stories = pipeline.analyze(documents, options);
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
}

struct Metrics {
  double precision = 1, recall = 0, false_alarms = 0, fact_recall = 0;
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
  return m;
}

// The conflicts of `run` at or above `confidence`.
std::vector<Conflict> confident(const EventRun& run, double confidence) {
  std::vector<Conflict> kept;
  for (const Conflict& conflict : run.conflicts)
    if (conflict.confidence >= confidence) kept.push_back(conflict);
  return kept;
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
  const Metrics m = metrics_of(total, runs.size());
  std::snprintf(line, sizeof(line),
                "total: %d reported, %d true, %d borderline (ignored), %d false alarms (%d "
                "look-alikes); clear conflicts found %d/%d; shared facts found %d/%d\n",
                total.reported, total.true_positive, total.borderline, total.false_alarm,
                total.lookalike, total.clear_found, total.clear_labels, total.shared_facts_found,
                total.shared_facts);
  out << line;
  json metrics = {{"conflict_precision", m.precision},
                  {"conflict_recall", m.recall},
                  {"false_alarms_per_event", m.false_alarms},
                  {"lookalikes_flagged", total.lookalike},
                  {"fact_recall", m.fact_recall},
                  {"events", runs.size()},
                  {"reported", total.reported},
                  {"true_positives", total.true_positive},
                  {"borderline_matches", total.borderline},
                  {"false_alarms", total.false_alarm},
                  {"clear_conflicts", total.clear_labels},
                  {"shared_facts", total.shared_facts}};
  out << metrics.dump() << std::endl;
  return report_problems(problems, err);
}

int run_coverage_sweep(const std::string& data, const Pipeline& pipeline, std::ostream& out,
                       std::ostream& err) {
  Problems problems;
  std::vector<EventRun> runs;
  if (!load_events(data, runs, problems)) {
    report_problems(problems, err);
    return kExitFatal;
  }
  if (!pipeline.facts.statements) {
    err << "crosscheck: coverage-sweep needs the same-statement model (models/)\n";
    return kExitFatal;
  }
  out << "coverage-sweep: " << data << " (" << runs.size() << " events)\n"
      << "same_statement min_confidence reported true false lookalikes precision recall "
         "false/event fact_recall\n";
  const double alignments[] = {0.35, 0.42, 0.5, 0.6, 0.7};
  const double confidences[] = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  json rows = json::array();
  for (double same_statement : alignments) {
    FactsOptions options = pipeline.facts;
    options.same_statement = same_statement;
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
                    "%14.2f %14.2f %8d %4d %5d %10d %9.3f %6.3f %11.3f %11.3f\n", same_statement,
                    confidence, total.reported, total.true_positive, total.false_alarm,
                    total.lookalike, m.precision, m.recall, m.false_alarms, m.fact_recall);
      out << line;
      rows.push_back({{"same_statement", same_statement},
                      {"min_conflict_confidence", confidence},
                      {"conflict_precision", m.precision},
                      {"conflict_recall", m.recall},
                      {"false_alarms_per_event", m.false_alarms},
                      {"fact_recall", m.fact_recall}});
    }
  }
  out << json{{"sweep", rows}}.dump() << std::endl;
  return report_problems(problems, err);
}

}  // namespace crosscheck::eval
