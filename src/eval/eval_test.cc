#include "eval/eval.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "eval/benchmark_data.h"
#include "eval/metrics.h"

namespace crosscheck::eval {
namespace {

TEST(Metrics, BcubedAndPairwiseOnAKnownExample) {
  // Gold {0,1,2} {3,4}; predicted {0,1} {2,3,4}.
  ClusteringScores s = score_clustering({0, 0, 0, 1, 1}, {7, 7, 9, 9, 9});
  // Precision per item: 1, 1, 1/3, 2/3, 2/3 -> 11/15. Recall: 2/3, 2/3, 1/3, 1, 1 -> 11/15.
  EXPECT_NEAR(s.bcubed_p, 11.0 / 15, 1e-12);
  EXPECT_NEAR(s.bcubed_r, 11.0 / 15, 1e-12);
  // Pairs: gold 3 + 1 = 4, predicted 1 + 3 = 4, shared {0,1} and {3,4} = 2.
  EXPECT_NEAR(s.pairwise_p, 0.5, 1e-12);
  EXPECT_NEAR(s.pairwise_r, 0.5, 1e-12);
  EXPECT_EQ(s.predicted_clusters, 2u);
  EXPECT_EQ(s.gold_clusters, 2u);
}

TEST(Metrics, PerfectAndSingletons) {
  ClusteringScores perfect = score_clustering({1, 1, 2}, {5, 5, 6});
  EXPECT_DOUBLE_EQ(perfect.bcubed_f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.pairwise_f1, 1.0);
  ClusteringScores alone = score_clustering({1, 1, 1, 1}, {0, 1, 2, 3});
  EXPECT_DOUBLE_EQ(alone.bcubed_p, 1.0);
  EXPECT_DOUBLE_EQ(alone.bcubed_r, 0.25);
  EXPECT_DOUBLE_EQ(alone.pairwise_r, 0.0);
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("crosscheck_eval_" + name)).string();
}

TEST(BenchmarkData, ReadsPlainAndGzipClustersAndReportsBadLines) {
  std::string rows =
      "{\"cluster_id\":\"c1\",\"articles\":[{\"id\":\"a\",\"text\":\"one\"},"
      "{\"id\":\"b\",\"text\":\"two\"}]}\n"
      "not json\n"
      "{\"cluster_id\":\"c2\",\"articles\":[{\"text\":\"three\"},{\"id\":\"x\"}]}";
  std::string plain = temp_path("clusters.jsonl");
  std::ofstream(plain) << rows;
  std::string gz = temp_path("clusters.jsonl.gz");
  gzFile file = gzopen(gz.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  gzwrite(file, rows.data(), static_cast<unsigned>(rows.size()));
  gzclose(file);
  for (const std::string& path : {plain, gz}) {
    Problems problems;
    std::vector<BenchmarkCluster> clusters = load_clusters(path, problems);
    ASSERT_EQ(clusters.size(), 2u) << path;
    EXPECT_EQ(clusters[0].articles[1].text, "two");
    EXPECT_EQ(clusters[1].articles.size(), 1u);
    EXPECT_EQ(clusters[1].articles[0].id, "c2-a0");
    EXPECT_EQ(problems.size(), 2u);  // the bad line and the article without text
  }
  Problems missing;
  EXPECT_TRUE(load_clusters(temp_path("does-not-exist.jsonl"), missing).empty());
  EXPECT_EQ(missing.size(), 1u);
  std::filesystem::remove(plain);
  std::filesystem::remove(gz);
}

TEST(BenchmarkData, ClusterIdThatIsNotAStringIsNamedByItsLine) {
  const std::string path = temp_path("clusters.ids.jsonl");
  std::ofstream(path) << "{\"cluster_id\":7,\"articles\":[{\"text\":\"x\"}]}\n"
                      << "{\"cluster_id\":null,\"articles\":[{\"text\":\"y\"}]}\n";
  Problems problems;
  std::vector<BenchmarkCluster> clusters = load_clusters(path, problems);
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].id, path + ":1");
  EXPECT_EQ(clusters[1].id, path + ":2");
  std::filesystem::remove(path);
}

// Runs a registered task on a small generated benchmark and checks the last line is JSON
// with the promised metrics.
TEST(Tasks, ClusterAndCopiesPrintMetricsAsLastLine) {
  std::string path = temp_path("clusters.small.jsonl");
  {
    std::ofstream out(path);
    out << R"({"cluster_id":"quake","articles":[)"
        << R"({"id":"q1","text":"A strong earthquake struck southern Peru on Monday, destroying homes in Arequipa. Rescue teams searched the rubble for survivors through the night. Officials said at least twelve people were killed."},)"
        << R"({"id":"q2","text":"Rescuers in Peru dug through collapsed homes after the earthquake near Arequipa, where officials said the death toll rose to twelve. Survivors slept outside."}]})"
        << "\n"
        << R"({"cluster_id":"budget","articles":[)"
        << R"({"id":"b1","text":"The Senate passed the budget bill late on Tuesday after a long debate over spending cuts and tax credits. The House votes next week."},)"
        << R"({"id":"b2","text":"House leaders will bring the Senate budget bill to a vote next week after senators approved the spending and tax package."}]})"
        << "\n";
  }
  for (const std::string task : {"cluster", "copies"}) {
    const EvalTask* found = nullptr;
    for (const EvalTask& t : eval_tasks()) {
      if (t.name == task) found = &t;
    }
    ASSERT_NE(found, nullptr) << task;
    std::ostringstream out, err;
    EXPECT_EQ(found->run(path, out, err), 0) << err.str();
    std::string text = out.str();
    ASSERT_FALSE(text.empty());
    text.pop_back();
    std::string last = text.substr(text.rfind('\n') + 1);
    EXPECT_EQ(last.front(), '{') << last;
    if (task == "cluster") {
      EXPECT_NE(last.find("\"bcubed_f1\":1.0"), std::string::npos) << last;
      EXPECT_NE(last.find("\"baseline_bcubed_f1\""), std::string::npos);
      EXPECT_NE(last.find("\"stories\":2"), std::string::npos) << last;
    } else {
      EXPECT_NE(last.find("\"precision\""), std::string::npos);
      EXPECT_NE(last.find("\"f1\""), std::string::npos);
    }
  }
  std::filesystem::remove(path);
}

TEST(Tasks, MissingDataIsAFatalErrorNotACrash) {
  for (const EvalTask& t : eval_tasks()) {
    std::ostringstream out, err;
    Pipeline pipeline;
    pipeline.analyze = [](std::vector<Document>&, const FactsOptions&) {
      return std::vector<Story>();
    };
    const int code = t.run ? t.run(temp_path("missing-folder"), out, err)
                           : t.run_pipeline(temp_path("missing-folder"), pipeline, out, err);
    EXPECT_EQ(code, 3) << t.name;
    EXPECT_FALSE(err.str().empty());
  }
}

TEST(PolnearReader, CodePointOffsetsBecomeByteSpans) {
  // "Clinton’s" holds a three-byte apostrophe: code-point offsets after it differ from bytes.
  std::string text = "Clinton\u2019s aide said \u201cno.\u201d";
  std::string ann =
      "T1\tSource 0 14\tClinton\u2019s aide\n"
      "T2\tCue 15 19\tsaid\n"
      "T3\tContent 20 25\t\u201cno.\u201d\n"
      "T4\tAttribution 15 19\tsaid\n"
      "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
      "T5\tDiscuss 0 7\tClinton\n"
      "#1\tAnnotatorNotes T1\tnote\n";
  std::vector<RoleSpan> spans;
  std::string error;
  ASSERT_TRUE(parse_brat_attributions(ann, text, spans, error)) << error;
  ASSERT_EQ(spans.size(), 3u);
  auto slice = [&](const RoleSpan& s) { return text.substr(s.span.start, s.span.size()); };
  EXPECT_EQ(spans[0].role, AttributionRole::kSource);
  EXPECT_EQ(slice(spans[0]), "Clinton\u2019s aide");
  EXPECT_EQ(slice(spans[1]), "said");
  EXPECT_EQ(slice(spans[2]), "\u201cno.\u201d");
}

TEST(PolnearReader, DiscontinuousSpansAndContinuationLines) {
  std::string text = "ab cd ef gh";
  std::string ann = "T1\tContent 0 2;6 8\tab\nef\nT2\tCue 3 5\tcd\n";
  std::vector<RoleSpan> spans;
  std::string error;
  ASSERT_TRUE(parse_brat_attributions(ann, text, spans, error)) << error;
  ASSERT_EQ(spans.size(), 3u);  // two fragments of the content, one cue
  EXPECT_EQ(spans[0].span, (Span{0, 2}));
  EXPECT_EQ(spans[2].span, (Span{6, 8}));
}

TEST(PolnearReader, BadInputIsAnErrorValue) {
  std::vector<RoleSpan> spans;
  std::string error;
  EXPECT_FALSE(parse_brat_attributions("T1\tCue 3 99\tx\n", "short", spans, error));
  EXPECT_NE(error.find("line 1"), std::string::npos);
  EXPECT_FALSE(parse_brat_attributions("T1\tCue three 4\tx\n", "short text", spans, error));
  EXPECT_FALSE(parse_brat_attributions("T1\tCue 4 2\tx\n", "short text", spans, error));
  EXPECT_FALSE(parse_brat_attributions("", "\xff\xfe", spans, error));
  Problems problems;
  EXPECT_TRUE(load_polnear("no/such/folder", problems).empty());
  EXPECT_EQ(problems.size(), 1u);
}

}  // namespace
}  // namespace crosscheck::eval
