// Per-stage throughput on one corpus: articles/s (items) and MB/s (bytes) per core.
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "brief/brief.h"
#include "cli/pipeline.h"
#include "core/resources.h"
#include "facts/facts.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace crosscheck::bench {
namespace {

const std::vector<Document>& raw_corpus() {
  static const std::vector<Document> corpus = default_corpus();
  return corpus;
}

const Extractor& extractor() {
  static const std::unique_ptr<Extractor> loaded = Extractor::load(find_resources());
  return *loaded;
}

const TermFrequencies* background() {
  static const std::unique_ptr<TermFrequencies> loaded =
      load_background_frequencies(find_resources());
  return loaded.get();
}

const MachineDetector* detector() {
  static const std::unique_ptr<MachineDetector> loaded = load_machine_detector(find_resources());
  return loaded.get();
}

// The corpus with text and extract layers, as the cross-document stages receive it.
const std::vector<Document>& annotated_corpus() {
  static const std::vector<Document> corpus = [] {
    std::vector<Document> docs = raw_corpus();
    PipelineOptions options;
    options.jobs = 1;
    annotate_documents(docs, extractor(), options);
    return docs;
  }();
  return corpus;
}

void count(benchmark::State& state, const std::vector<Document>& docs) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
}

void BM_normalize(benchmark::State& state) {
  const auto& docs = raw_corpus();
  for (auto _ : state) {
    for (const Document& doc : docs) benchmark::DoNotOptimize(normalize(doc.text));
  }
  count(state, docs);
}

void BM_text(benchmark::State& state) {
  const auto& docs = raw_corpus();
  for (auto _ : state) {
    for (const Document& doc : docs) {
      Document copy;
      copy.text = doc.text;
      annotate_text(copy);
      benchmark::DoNotOptimize(copy.tokens.data());
    }
  }
  count(state, docs);
}

void BM_extract(benchmark::State& state) {
  std::vector<Document> docs = annotated_corpus();
  for (auto _ : state) {
    for (Document& doc : docs) {
      doc.mentions.clear(), doc.timexes.clear(), doc.quantities.clear(), doc.quotes.clear();
      extractor().annotate(doc);
    }
  }
  count(state, docs);
}

// Time expressions and quantities alone (issue target: 5 MB/s per core, syntax excluded).
void BM_times_quantities(benchmark::State& state) {
  std::vector<Document> docs = annotated_corpus();
  for (auto _ : state) {
    for (Document& doc : docs) {
      doc.timexes.clear(), doc.quantities.clear();
      annotate_values(doc, doc.published);
    }
  }
  count(state, docs);
}

// The quote reader alone (tagger, linking, speakers), the stage the quotes issue budgets.
void BM_quotes(benchmark::State& state) {
  std::vector<Document> docs = annotated_corpus();
  for (auto _ : state) {
    for (Document& doc : docs) {
      doc.quotes.clear();
      extractor().annotate(doc, ExtractOptions{false, false, false, true});
    }
  }
  count(state, docs);
}

// Names alone (recogniser, roles), in tokens per second per core: the speed figure.
void BM_entities(benchmark::State& state) {
  const auto& docs = annotated_corpus();
  size_t tokens = 0;
  for (const Document& doc : docs) tokens += doc.tokens.size();
  for (auto _ : state) {
    for (const Document& doc : docs) benchmark::DoNotOptimize(extractor().find_entities(doc));
  }
  count(state, docs);
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

const SyntaxModel* syntax_model() {
  static const std::unique_ptr<SyntaxModel> loaded = SyntaxModel::load(find_resources());
  return loaded.get();
}

// Tags, lemmas and trees; items are tokens here (the unit), bytes are article text.
void BM_syntax(benchmark::State& state) {
  const SyntaxModel* model = syntax_model();
  if (!model) {
    state.SkipWithError("no syntax model (models/syntax-en.bin)");
    return;
  }
  std::vector<Document> docs = annotated_corpus();
  size_t tokens = 0;
  for (const Document& doc : docs) tokens += doc.tokens.size();
  for (auto _ : state) {
    for (Document& doc : docs) model->annotate(doc);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
  state.counters["tokens"] = static_cast<double>(tokens);
}

// The same-statement scorer on sentence pairs of two different articles (items = pairs), on
// articles with the syntax layer as the pipeline gives them to the facts stage.
void BM_same_statement(benchmark::State& state) {
  std::string error;
  static const std::unique_ptr<StatementScorer> scorer =
      load_statement_scorer(find_resources().models_dir, kWordNetDir, error);
  if (!scorer) {
    state.SkipWithError("no same-statement model");
    return;
  }
  static const std::vector<Document> docs = [] {
    std::vector<Document> parsed = annotated_corpus();
    if (const SyntaxModel* model = syntax_model())
      for (Document& doc : parsed) model->annotate(doc);
    return parsed;
  }();
  // Each sentence of an article against the same-numbered sentence of the next article.
  struct Pair {
    const Document* a;
    Span a_span;
    const Document* b;
    Span b_span;
  };
  std::vector<Pair> pairs;
  for (size_t d = 0; d + 1 < docs.size() && pairs.size() < 5000; ++d) {
    const Document& a = docs[d];
    const Document& b = docs[d + 1];
    for (size_t s = 0; s < a.sentences.size() && s < b.sentences.size(); ++s)
      pairs.push_back({&a, a.sentences[s].span, &b, b.sentences[s].span});
  }
  for (auto _ : state)
    for (const Pair& pair : pairs)
      benchmark::DoNotOptimize(scorer->probability(*pair.a, pair.a_span, *pair.b, pair.b_span));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pairs.size()));
  state.counters["pairs"] = static_cast<double>(pairs.size());
}

void BM_syntax_load(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(SyntaxModel::load(find_resources()));
}

void BM_dedup(benchmark::State& state) {
  std::vector<Document> docs = annotated_corpus();
  for (auto _ : state) find_copies(docs, DedupOptions{});
  count(state, docs);
}

void BM_cluster(benchmark::State& state) {
  const auto& docs = annotated_corpus();
  ClusterOptions options;
  options.background = background();
  for (auto _ : state) benchmark::DoNotOptimize(cluster(docs, options));
  count(state, docs);
}

// Stories through actors, facts, assessment and brief (the cross-document tail).
void BM_facts_assess_brief(benchmark::State& state) {
  std::vector<Document> docs = annotated_corpus();
  PipelineOptions options;
  options.jobs = 1;
  options.cluster.background = background();
  options.assess.detector = detector();
  for (auto _ : state) benchmark::DoNotOptimize(analyze_stories(docs, options));
  count(state, docs);
}

// The machine-written score alone (language model and signals) on annotated articles.
void BM_detect(benchmark::State& state) {
  const auto& docs = annotated_corpus();
  const MachineDetector* model = detector();
  if (model == nullptr) {
    state.SkipWithError("no detector model");
    return;
  }
  for (auto _ : state)
    for (const Document& doc : docs) benchmark::DoNotOptimize(model->score(doc));
  count(state, docs);
}

void BM_render_json(benchmark::State& state) {
  std::vector<Document> docs = annotated_corpus();
  PipelineOptions options;
  options.jobs = 1;
  Report report;
  report.documents = &docs;
  report.stories = analyze_stories(docs, options);
  for (auto _ : state) benchmark::DoNotOptimize(render_json(report));
  count(state, docs);
}

BENCHMARK(BM_normalize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_text)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_times_quantities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_entities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_quotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_syntax)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_syntax_load)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_dedup)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_cluster)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_detect)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_same_statement)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_facts_assess_brief)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_render_json)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck::bench

BENCHMARK_MAIN();
