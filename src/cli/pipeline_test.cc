// End-to-end checks of the pipeline on the commissioning example and on a mixed corpus.
#include "cli/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "brief/brief.h"
#include "core/resources.h"

namespace crosscheck {
namespace {

const std::string kExample = std::string(CROSSCHECK_SOURCE_DIR) + "/examples/paris-talks";

std::vector<Document> ingest_or_fail(const std::vector<std::string>& inputs) {
  IngestResult result = ingest(inputs, IngestOptions{});
  EXPECT_TRUE(result.problems.empty())
      << result.problems.front().input << ": " << result.problems.front().reason;
  return std::move(result.documents);
}

const Extractor& extractor() {
  static const std::unique_ptr<Extractor> loaded = Extractor::load(find_resources());
  return *loaded;
}

PipelineOptions options_with_models() {
  static const std::unique_ptr<TermFrequencies> background =
      load_background_frequencies(find_resources());
  static const std::unique_ptr<MachineDetector> detector = load_machine_detector(find_resources());
  static const std::unique_ptr<StatementScorer> statements =
      load_statement_scorer(find_resources());
  static const std::unique_ptr<SyntaxModel> syntax = SyntaxModel::load(find_resources());
  PipelineOptions options;
  options.syntax = syntax.get();
  options.cluster.background = background.get();
  options.assess.detector = detector.get();
  options.facts.statements = statements.get();
  return options;
}

// Index of the story holding document `index`.
size_t story_of(const std::vector<Story>& stories, uint32_t index) {
  for (size_t s = 0; s < stories.size(); ++s) {
    const auto& docs = stories[s].documents;
    if (std::find(docs.begin(), docs.end(), index) != docs.end()) return s;
  }
  return stories.size();
}

void expect_cite_slices(const std::vector<Document>& documents, const Cite& cite) {
  auto doc = std::find_if(documents.begin(), documents.end(),
                          [&](const Document& d) { return d.id == cite.article; });
  ASSERT_NE(doc, documents.end()) << cite.article;
  ASSERT_LE(cite.end, doc->text.size());
  EXPECT_EQ(doc->text.substr(cite.start, cite.end - cite.start), cite.text);
  ASSERT_LT(cite.sentence, doc->sentences.size());
}

class ParisTalks : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    documents_ = new std::vector<Document>(ingest_or_fail({kExample}));
    stories_ =
        new std::vector<Story>(analyze_documents(*documents_, extractor(), options_with_models()));
  }
  static void TearDownTestSuite() {
    delete documents_;
    delete stories_;
  }
  static std::vector<Document>* documents_;
  static std::vector<Story>* stories_;
};
std::vector<Document>* ParisTalks::documents_ = nullptr;
std::vector<Story>* ParisTalks::stories_ = nullptr;

TEST_F(ParisTalks, FiveArticlesFormOneStory) {
  ASSERT_EQ(documents_->size(), 5u);
  ASSERT_EQ(stories_->size(), 1u);
  EXPECT_EQ(stories_->front().documents.size(), 5u);
}

TEST_F(ParisTalks, EveryCiteIsAnExactSlice) {
  const Story& story = stories_->front();
  auto check = [&](const std::vector<Cite>& cites) {
    for (const Cite& cite : cites) expect_cite_slices(*documents_, cite);
  };
  for (const auto& fact : story.facts) check(fact.cites);
  for (const auto& conflict : story.conflicts) {
    for (const auto& side : conflict.sides) check(side.cites);
  }
  for (const auto& line : story.summary) check(line.cites);
  for (const auto& actor : story.actors) {
    for (const auto& role : actor.roles) check(role.cites);
  }
  for (const auto& assessment : story.assessments) check(assessment.padding);
}

// The Dnipro toll (three killed against at least five) and the envoy's meeting dated Friday in
// one sentence and 7 April in another. The example's other two conflicts (an administration that
// is not in office; "over two years" against "in its fourth year") are not found by any
// mechanism yet (docs/facts.md).
TEST_F(ParisTalks, FindsConflictsOfNumberAndDate) {
  std::set<ConflictKind> kinds;
  for (const Conflict& conflict : stories_->front().conflicts) {
    kinds.insert(conflict.kind);
    EXPECT_GE(conflict.sides.size(), 2u);
    EXPECT_FALSE(conflict.explanation.empty());
  }
  EXPECT_TRUE(kinds.count(ConflictKind::kNumber));
  EXPECT_TRUE(kinds.count(ConflictKind::kDate));
}

TEST_F(ParisTalks, HasFactsSupportedByThreeSources) {
  int three_or_more = 0;
  for (const Fact& fact : stories_->front().facts) {
    if (fact.sources >= 3) ++three_or_more;
    EXPECT_EQ(fact.cites.empty(), false);
  }
  EXPECT_GE(three_or_more, 3);
}

TEST_F(ParisTalks, AssessesEveryArticle) {
  const Story& story = stories_->front();
  ASSERT_EQ(story.assessments.size(), 5u);
  for (const Assessment& a : story.assessments) {
    EXPECT_GE(a.p_machine, 0.0);
    EXPECT_LE(a.p_machine, 1.0);
    EXPECT_FALSE(a.reasons.empty());
  }
}

TEST(MixedCorpus, ExampleStaysOneStoryAndNothingJoinsIt) {
  Resources resources = find_resources();
  std::string others = resources.data_dir + "/multinews/other-events.jsonl";
  if (resources.data_dir.empty() || !std::filesystem::exists(others)) {
    GTEST_SKIP() << "shared data not found";
  }
  std::vector<Document> documents = ingest_or_fail({kExample, others});
  ASSERT_GE(documents.size(), 35u);
  std::vector<Story> stories = analyze_documents(documents, extractor(), options_with_models());
  std::vector<uint32_t> example;
  for (uint32_t i = 0; i < documents.size(); ++i) {
    if (documents[i].source.find("paris-talks") != std::string::npos) example.push_back(i);
  }
  ASSERT_EQ(example.size(), 5u);
  size_t story = story_of(stories, example.front());
  for (uint32_t index : example) EXPECT_EQ(story_of(stories, index), story);
  EXPECT_EQ(stories[story].documents.size(), 5u) << "other articles joined the example story";
}

}  // namespace
}  // namespace crosscheck
