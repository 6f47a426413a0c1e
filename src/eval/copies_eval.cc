// `eval copies`: copy detection on seeded edited copies of benchmark articles.
//
// Every article gets one copy made the way sites re-run wire stories: a new lede, sentences
// appended or removed, words changed, or all of these. Positives are an article and its copy
// (and articles whose normalised texts are identical); negatives are every other pair, notably
// the other articles of the same cluster, which report the same event in their own words.
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <numeric>
#include <ostream>

#include "core/problem.h"
#include "dedup/dedup.h"
#include "eval/benchmark_data.h"
#include "eval/metrics.h"
#include "eval/random.h"
#include "eval/tasks.h"
#include "text/text.h"

namespace crosscheck::eval {

namespace {

constexpr uint64_t kSeed = 20250417;

enum class Edit { kNewLede, kAppended, kRemoved, kChangedWords, kRewrite };
constexpr const char* kEditNames[] = {"new lede", "appended sentences", "removed sentence",
                                      "changed words (5%)", "lede+append+words"};
constexpr int kEditCount = 5;

std::vector<std::string> sentences_of(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.slice(s.span));
  return out;
}

std::string join(const std::vector<std::string>& sentences) {
  std::string out;
  for (const std::string& s : sentences) {
    if (!out.empty()) out.push_back(' ');
    out += s;
  }
  return out;
}

// Replaces about `share` of the words of `text` with words taken from `donor`.
std::string change_words(const std::string& text, const Document& donor, double share,
                         Random& random) {
  Document doc;
  doc.text = text;
  annotate_text(doc);
  std::vector<std::string_view> donor_words;
  for (const Token& t : donor.tokens) {
    if (t.shape == TokenShape::kWord) donor_words.push_back(donor.slice(t.span));
  }
  std::vector<size_t> words;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.tokens[i].shape == TokenShape::kWord) words.push_back(i);
  }
  if (words.empty() || donor_words.empty()) return text;
  size_t changes = std::max<size_t>(1, static_cast<size_t>(share * words.size() + 0.5));
  std::vector<bool> change(doc.tokens.size(), false);
  for (size_t k = 0; k < changes; ++k) change[words[random.below(words.size())]] = true;
  std::string out;
  uint32_t copied = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (!change[i]) continue;
    out.append(doc.text, copied, doc.tokens[i].span.start - copied);
    out += donor_words[random.below(donor_words.size())];
    copied = doc.tokens[i].span.end;
  }
  out.append(doc.text, copied, std::string::npos);
  return out;
}

std::string make_copy(const Document& original, const Document& donor, Edit edit, Random& random) {
  std::vector<std::string> sentences = sentences_of(original);
  std::vector<std::string> donor_sentences = sentences_of(donor);
  if (sentences.empty() || donor_sentences.empty()) return original.text;
  auto new_lede = [&] { sentences[0] = donor_sentences[0]; };
  auto append = [&] {
    size_t count = 1 + random.below(2);
    for (size_t k = 0; k < count && k < donor_sentences.size(); ++k) {
      sentences.push_back(donor_sentences[donor_sentences.size() - 1 - k]);
    }
  };
  switch (edit) {
    case Edit::kNewLede:
      new_lede();
      return join(sentences);
    case Edit::kAppended:
      append();
      return join(sentences);
    case Edit::kRemoved:
      if (sentences.size() >= 3) {
        sentences.erase(sentences.begin() +
                        static_cast<long>(1 + random.below(sentences.size() - 1)));
        return join(sentences);
      }
      return change_words(join(sentences), donor, 0.05, random);
    case Edit::kChangedWords:
      return change_words(join(sentences), donor, 0.05, random);
    case Edit::kRewrite:
      new_lede();
      append();
      return change_words(join(sentences), donor, 0.03, random);
  }
  return original.text;
}

struct CopyBenchmark {
  std::vector<Document> corpus;  // originals, then their copies in a seeded order
  std::vector<int64_t> truth;
  std::vector<size_t> copy_position;  // where original i's copy is in `corpus`
  std::vector<Edit> edits;
  size_t originals = 0;
};

struct CopyScores {
  ClusteringScores pairs;
  double seconds = 0;
  size_t found_by_edit[kEditCount] = {};
  size_t total_by_edit[kEditCount] = {};
  size_t grouped_originals = 0;  // distinct benchmark articles grouped with another one
};

bool build_benchmark(const std::string& data, CopyBenchmark& bench, Problems& problems) {
  std::vector<BenchmarkCluster> clusters = load_clusters(data, problems);
  if (clusters.empty()) return false;
  std::vector<std::string> ids, texts;
  std::vector<size_t> cluster_of;
  for (size_t c = 0; c < clusters.size(); ++c) {
    for (BenchmarkArticle& article : clusters[c].articles) {
      ids.push_back(std::move(article.id));
      texts.push_back(std::move(article.text));
      cluster_of.push_back(c);
    }
  }
  std::vector<Document> originals = make_documents(ids, texts);
  size_t n = originals.size();
  bench.originals = n;

  // One copy per article, with a donor article from another cluster.
  std::vector<std::string> copy_ids(n), copy_texts(n);
  bench.edits.resize(n);
  for (size_t i = 0; i < n; ++i) {
    Random random(fnv1a(originals[i].id) ^ kSeed);
    size_t donor = random.below(n);
    for (int tries = 0; tries < 8 && cluster_of[donor] == cluster_of[i]; ++tries) {
      donor = random.below(n);
    }
    bench.edits[i] = static_cast<Edit>(random.below(kEditCount));
    copy_ids[i] = originals[i].id + "-copy";
    copy_texts[i] = make_copy(originals[i], originals[donor], bench.edits[i], random);
  }
  std::vector<Document> copies = make_documents(copy_ids, copy_texts);

  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  Random shuffle(kSeed);
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[shuffle.below(i)]);
  bench.corpus = std::move(originals);
  bench.copy_position.resize(n);
  for (size_t k = 0; k < n; ++k) {
    bench.copy_position[order[k]] = bench.corpus.size();
    bench.corpus.push_back(std::move(copies[order[k]]));
  }

  // Truth: an article, its copy, and articles with the same normalised text.
  bench.truth.resize(bench.corpus.size());
  std::unordered_map<std::string, int64_t> first_with_text;
  for (size_t i = 0; i < n; ++i) {
    auto [it, inserted] = first_with_text.emplace(bench.corpus[i].text, static_cast<int64_t>(i));
    bench.truth[i] = it->second;
    bench.truth[bench.copy_position[i]] = it->second;
  }
  return true;
}

CopyScores evaluate(CopyBenchmark& bench, const DedupOptions& options) {
  CopyScores scores;
  auto start = std::chrono::steady_clock::now();
  find_copies(bench.corpus, options);
  scores.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<int64_t> predicted(bench.corpus.size());
  for (size_t i = 0; i < bench.corpus.size(); ++i) predicted[i] = bench.corpus[i].copy_group;
  scores.pairs = score_clustering(bench.truth, predicted);
  for (size_t i = 0; i < bench.originals; ++i) {
    int e = static_cast<int>(bench.edits[i]);
    ++scores.total_by_edit[e];
    const Document& original = bench.corpus[i];
    if (bench.corpus[bench.copy_position[i]].copy_group == original.copy_group) {
      ++scores.found_by_edit[e];
    }
    if (original.copy_group != static_cast<int32_t>(i) &&
        bench.truth[static_cast<size_t>(original.copy_group)] != bench.truth[i]) {
      ++scores.grouped_originals;
    }
  }
  return scores;
}

}  // namespace

int run_copies(const std::string& data, std::ostream& out, std::ostream& err) {
  Problems problems;
  CopyBenchmark bench;
  if (!build_benchmark(data, bench, problems)) {
    report_problems(problems, err);
    return kExitFatal;
  }
  CopyScores scores = evaluate(bench, DedupOptions{});
  size_t n = bench.originals;
  out << "copies: " << data << "\n"
      << n << " articles + " << n << " edited copies; find_copies " << scores.seconds << " s\n";
  char line[160];
  for (int e = 0; e < kEditCount; ++e) {
    size_t total = scores.total_by_edit[e];
    std::snprintf(line, sizeof(line), "  recall %-22s %6.4f  (%zu copies)\n", kEditNames[e],
                  total ? static_cast<double>(scores.found_by_edit[e]) / total : 0, total);
    out << line;
  }
  std::snprintf(line, sizeof(line), "pairs: precision %.4f recall %.4f f1 %.4f\n",
                scores.pairs.pairwise_p, scores.pairs.pairwise_r, scores.pairs.pairwise_f1);
  out << line
      << "distinct benchmark articles grouped with another one: " << scores.grouped_originals
      << "\n";
  nlohmann::json metrics = {{"precision", scores.pairs.pairwise_p},
                            {"recall", scores.pairs.pairwise_r},
                            {"f1", scores.pairs.pairwise_f1},
                            {"articles", n},
                            {"copies", n},
                            {"grouped_distinct_originals", scores.grouped_originals},
                            {"seconds", scores.seconds}};
  out << metrics.dump() << std::endl;
  return report_problems(problems, err);
}

int run_copies_sweep(const std::string& data, std::ostream& out, std::ostream& err) {
  Problems problems;
  CopyBenchmark bench;
  if (!build_benchmark(data, bench, problems)) {
    report_problems(problems, err);
    return kExitFatal;
  }
  out << "copies-sweep: " << data << "\n"
      << "shingle min_jaccard bands containment  precision recall  f1     lede   rewrite "
         "grouped  seconds\n";
  double best_f1 = -1;
  nlohmann::json best;
  auto run = [&](int shingle, double jaccard, int bands, double containment) {
    DedupOptions options;
    options.shingle_words = shingle;
    options.min_jaccard = jaccard;
    options.bands = bands;
    options.min_containment = containment;
    CopyScores s = evaluate(bench, options);
    auto recall_of = [&](Edit edit) {
      int e = static_cast<int>(edit);
      return s.total_by_edit[e] ? static_cast<double>(s.found_by_edit[e]) / s.total_by_edit[e]
                                : 0.0;
    };
    char line[200];
    std::snprintf(line, sizeof(line),
                  "%7d %11.2f %5d %11.2f  %9.4f %6.4f %6.4f %6.4f %6.4f %7zu %8.2f\n", shingle,
                  jaccard, bands, containment, s.pairs.pairwise_p, s.pairs.pairwise_r,
                  s.pairs.pairwise_f1, recall_of(Edit::kNewLede), recall_of(Edit::kRewrite),
                  s.grouped_originals, s.seconds);
    out << line;
    if (s.pairs.pairwise_f1 > best_f1) {
      best_f1 = s.pairs.pairwise_f1;
      best = {{"shingle_words", shingle},
              {"min_jaccard", jaccard},
              {"bands", bands},
              {"min_containment", containment}};
    }
  };
  for (int shingle : {3, 4, 5}) {
    for (double jaccard : {0.3, 0.4, 0.5}) {
      for (int bands : {32, 64}) run(shingle, jaccard, bands, 0);
    }
  }
  DedupOptions defaults;
  run(defaults.shingle_words, defaults.min_jaccard, defaults.bands, 0.8);
  out << nlohmann::json{{"best", best}, {"f1", best_f1}}.dump() << std::endl;
  return report_problems(problems, err);
}

}  // namespace crosscheck::eval
