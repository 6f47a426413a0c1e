// The same-statement scorer's parts: WordNet senses, pair features and the model file.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/resources.h"
#include "facts/facts.h"
#include "facts/test_documents.h"
#include "facts/wordnet.h"
#include "syntax/syntax.h"

namespace crosscheck {
namespace {

using testing::make_document;

const facts::WordNet& wordnet() {
  static const facts::WordNet* loaded = [] {
    auto* net = new facts::WordNet();
    std::string error;
    EXPECT_TRUE(net->load(kWordNetDir, error)) << error;
    return net;
  }();
  return *loaded;
}

TEST(WordNet, SynonymsAcrossInflections) {
  EXPECT_TRUE(wordnet().synonyms("bought", "purchased"));
  EXPECT_TRUE(wordnet().synonyms("cars", "automobile"));
  EXPECT_TRUE(wordnet().synonyms("quit", "resigned"));
  EXPECT_FALSE(wordnet().synonyms("bought", "sold"));
  EXPECT_TRUE(wordnet().synsets("qwzxv").empty());
}

TEST(WordNet, MissingFolderIsAnError) {
  facts::WordNet net;
  std::string error;
  EXPECT_FALSE(net.load("no/such/wordnet", error));
  EXPECT_FALSE(error.empty());
}

class Features : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    features_ = StatementFeatures::load(find_resources().models_dir, kWordNetDir, error).release();
    ASSERT_NE(features_, nullptr) << error;
  }
  static std::vector<double> of(const std::string& a, const std::string& b) {
    Document x = make_document("a", a), y = make_document("b", b);
    return features_->compute(x, {0, static_cast<uint32_t>(x.text.size())}, y,
                              {0, static_cast<uint32_t>(y.text.size())});
  }
  // With the syntax layer, as the pipeline gives documents to the facts stage.
  static std::vector<double> parsed(const std::string& a, const std::string& b) {
    static const std::unique_ptr<SyntaxModel> syntax = [] {
      std::vector<std::string> warnings;
      auto model = SyntaxModel::load(find_resources(), &warnings);
      for (const auto& w : warnings) ADD_FAILURE() << w;
      return model;
    }();
    if (!syntax) return {};
    Document x = make_document("a", a), y = make_document("b", b);
    syntax->annotate(x);
    syntax->annotate(y);
    return features_->compute(x, {0, static_cast<uint32_t>(x.text.size())}, y,
                              {0, static_cast<uint32_t>(y.text.size())});
  }
  static double get(const std::vector<double>& row, const std::string& name) {
    const auto& names = StatementFeatures::names();
    size_t i = std::find(names.begin(), names.end(), name) - names.begin();
    EXPECT_LT(i, names.size()) << name;
    return i < row.size() ? row[i] : -1;
  }
  static inline StatementFeatures* features_ = nullptr;
};

TEST_F(Features, OneRowPerNameAndSymmetric) {
  std::string a = "The council approved 12 new schools on Monday.";
  std::string b = "On Monday the board did not approve the schools.";
  std::vector<double> ab = of(a, b), ba = of(b, a);
  ASSERT_EQ(ab.size(), StatementFeatures::names().size());
  for (size_t i = 0; i < ab.size(); ++i) {
    if (std::isnan(ab[i])) {  // no parse: the dependency features are missing both ways
      EXPECT_TRUE(std::isnan(ba[i])) << i;
      continue;
    }
    EXPECT_NEAR(ab[i], ba[i], 1e-9) << i;
  }
}

TEST_F(Features, SameWordsAgreeAndDifferencesShow) {
  std::vector<double> same =
      of("Ships left the harbour at dawn.", "Ships left the harbour at dawn.");
  EXPECT_DOUBLE_EQ(get(same, "stem_f"), 1.0);
  EXPECT_DOUBLE_EQ(get(same, "negation_differs"), 0.0);
  std::vector<double> reworded =
      of("The firm bought three factories.", "The company purchased three plants.");
  EXPECT_GT(get(reworded, "synonym_f"), get(reworded, "idf_f"));
  std::vector<double> numbers =
      of("Rain fell for 4 days in the valley.", "Rain fell for 9 days in the valley.");
  EXPECT_GT(get(numbers, "numbers_unmatched"), 0.0);
  EXPECT_DOUBLE_EQ(get(numbers, "numbers_same"), 0.0);
  std::vector<double> negated =
      of("The mayor signed the budget.", "The mayor never signed the budget.");
  EXPECT_DOUBLE_EQ(get(negated, "negation_differs"), 1.0);
}

TEST_F(Features, ParsedRowsAreSymmetricToo) {
  std::string a = "Police arrested two men after the robbery in Leeds on Friday.";
  std::string b = "Two men were arrested by police on Friday following the Leeds robbery.";
  std::vector<double> ab = parsed(a, b), ba = parsed(b, a);
  ASSERT_EQ(ab.size(), StatementFeatures::names().size());
  for (size_t i = 0; i < ab.size(); ++i) {
    EXPECT_FALSE(std::isnan(ab[i])) << StatementFeatures::names()[i];
    EXPECT_NEAR(ab[i], ba[i], 1e-9) << StatementFeatures::names()[i];
  }
}

TEST_F(Features, NgramPrecisionBothWaysAndMachineTranslationMetrics) {
  std::vector<double> same =
      of("Ships left the harbour at dawn.", "Ships left the harbour at dawn.");
  for (const char* name :
       {"word1_min", "word4_max", "stem2_min", "lemma3_max", "bleu_min", "char3_f"})
    EXPECT_NEAR(get(same, name), 1.0, 1e-9) << name;
  EXPECT_DOUBLE_EQ(get(same, "edit_distance"), 0.0);
  EXPECT_GT(get(same, "meteor_min"), 0.95);
  EXPECT_DOUBLE_EQ(get(same, "unmatched_max"), 0.0);

  // One side says more: its own precision falls, the other's stays whole.
  std::vector<double> longer = of("The bridge closed on Tuesday.",
                                  "The bridge closed on Tuesday after a lorry struck a pillar.");
  EXPECT_DOUBLE_EQ(get(longer, "word1_max"), 1.0);
  EXPECT_LT(get(longer, "word1_min"), 0.6);
  EXPECT_LT(get(longer, "bleu_min"), get(longer, "bleu_max"));
  EXPECT_GT(get(longer, "unmatched_max"), get(longer, "unmatched_min"));
  EXPECT_GT(get(longer, "edit_distance"), 0.5);

  // Stems join inflections the words keep apart; characters join spellings.
  std::vector<double> inflected =
      of("The ministers resigned over the payments.", "The minister resigns over the payment.");
  EXPECT_GT(get(inflected, "stem1_min"), get(inflected, "word1_min"));
  EXPECT_GT(get(inflected, "stem2_min"), get(inflected, "word2_min"));
  std::vector<double> spelled =
      of("The organisation criticised the plan.", "The organization criticized the plan.");
  EXPECT_LT(get(spelled, "word1_min"), 0.7);
  EXPECT_GT(get(spelled, "char3_f"), 0.8);

  // METEOR matches WordNet synonyms that exact n-grams miss, and pays for broken order.
  std::vector<double> reworded =
      of("The firm bought three factories.", "The company purchased three plants.");
  EXPECT_GT(get(reworded, "meteor_min"), get(reworded, "word1_min") * 0.9);
  EXPECT_GT(get(reworded, "meteor_min"), 0.5);
  std::vector<double> shuffled =
      of("Voters rejected the tax plan in March.", "In March the tax plan voters rejected.");
  EXPECT_LT(get(shuffled, "meteor_max"), get(same, "meteor_max"));
  EXPECT_LT(get(shuffled, "word2_min"), 0.7);
}

TEST_F(Features, DependencyTriplesTellWhoDidWhat) {
  // Without the syntax layer the dependency features are missing, not zero.
  std::vector<double> unparsed = of("The dog chased the cat.", "The cat chased the dog.");
  EXPECT_TRUE(std::isnan(get(unparsed, "dep_f")));
  EXPECT_TRUE(std::isnan(get(unparsed, "dep_core_differs")));

  std::vector<double> swapped = parsed("The dog chased the cat.", "The cat chased the dog.");
  ASSERT_FALSE(swapped.empty());
  EXPECT_DOUBLE_EQ(get(swapped, "word1_min"), 1.0);         // the same words...
  EXPECT_DOUBLE_EQ(get(swapped, "dep_core_differs"), 1.0);  // ...in other roles
  EXPECT_LT(get(swapped, "dep_core_f"), 0.5);

  // A passive says the same: subject and object as the active clause gives them.
  std::vector<double> passive = parsed("The dog chased the cat.", "The cat was chased by the dog.");
  EXPECT_DOUBLE_EQ(get(passive, "dep_core_differs"), 0.0);
  EXPECT_DOUBLE_EQ(get(passive, "dep_core_f"), 1.0);
  EXPECT_DOUBLE_EQ(get(passive, "root_same"), 1.0);

  std::vector<double> other = parsed("The senate passed the budget on Monday.",
                                     "Storms flooded three villages in the north.");
  EXPECT_DOUBLE_EQ(get(other, "dep_f"), 0.0);
  EXPECT_DOUBLE_EQ(get(other, "root_same"), 0.0);
  std::vector<double> close = parsed("The company bought the factory on Monday.",
                                     "On Monday the firm purchased the factory.");
  EXPECT_GT(get(close, "dep_unlabelled_f"), get(other, "dep_unlabelled_f"));
  EXPECT_DOUBLE_EQ(get(close, "root_same"), 1.0);  // buy / purchase share a WordNet sense
}

TEST(StatementModel, SavesLoadsAndRejectsOtherFeatures) {
  StatementModel model;
  model.features = StatementFeatures::names();
  model.mean.assign(model.features.size(), 0.5);
  model.scale.assign(model.features.size(), 2);
  model.weights.assign(model.features.size(), 0.25);
  model.bias = -1;
  model.threshold = 0.45;
  const std::string path =
      (std::filesystem::temp_directory_path() / "crosscheck-statement-test.model").string();
  std::string error;
  ASSERT_TRUE(save_statement_model(model, path, error)) << error;
  StatementModel loaded;
  ASSERT_TRUE(load_statement_model(path, loaded, error)) << error;
  std::vector<double> x(model.features.size(), 1.5);
  EXPECT_NEAR(loaded.probability(x), model.probability(x), 1e-12);
  EXPECT_DOUBLE_EQ(loaded.threshold, 0.45);
  std::filesystem::remove(path);
  EXPECT_FALSE(load_statement_model(path, loaded, error));
}

TEST(StatementModel, TrainingSeparatesAnObviousSignal) {
  const size_t n = StatementFeatures::names().size();
  std::vector<std::vector<double>> rows;
  std::vector<int> labels;
  for (int i = 0; i < 40; ++i) {
    std::vector<double> row(n, 0.1 * (i % 3));
    row[0] = i % 2 ? 0.9 : 0.1;
    rows.push_back(row);
    labels.push_back(i % 2);
  }
  StatementModel model = train_statement_model(rows, labels, 1.0);
  EXPECT_GT(model.probability(rows[1]), 0.5);
  EXPECT_LT(model.probability(rows[0]), 0.5);
}

// The committed model aligns a restatement in other words that shared words alone miss, and
// rates a conflict between two sentences about one thing above one between unrelated sentences.
class WithScorer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    scorer_ = load_statement_scorer(find_resources().models_dir, kWordNetDir, error).release();
    ASSERT_NE(scorer_, nullptr) << error;
  }
  static inline StatementScorer* scorer_ = nullptr;
};

TEST_F(WithScorer, RestatementInOtherWordsIsCorroborated) {
  std::vector<Document> docs = {
      make_document("a",
                    "The regional council approved the new harbour budget on Monday "
                    "after a long debate. Fishing crews welcomed the decision."),
      make_document("b",
                    "On Monday the regional council passed the new harbour budget after "
                    "lengthy debate. Tourism figures rose last year.")};
  auto corroborated = [&](const FactsOptions& options) {
    Story story = testing::story_of(docs);
    align_facts(docs, story, options);
    for (const Fact& fact : story.facts)
      if (fact.sources >= 2 && fact.text.find("budget") != std::string::npos) return true;
    return false;
  };
  FactsOptions with;
  with.statements = scorer_;
  EXPECT_TRUE(corroborated(with));
  // Unrelated sentences stay apart.
  Story story = testing::story_of(docs);
  align_facts(docs, story, with);
  for (const Fact& fact : story.facts)
    EXPECT_FALSE(fact.sources >= 2 && fact.text.find("Tourism") != std::string::npos);
}

TEST_F(WithScorer, SameThingOutranksUnrelatedWithTheDetailLeftOut) {
  Document a = make_document("a", "The ferry sank near the island on Monday, officials said.");
  Document b = make_document("b", "Officials said the ferry sank near the island on Sunday.");
  Document c = make_document("c", "Voters in the northern province elect a governor on Sunday.");
  auto whole = [](const Document& d) { return Span{0, static_cast<uint32_t>(d.text.size())}; };
  auto at = [](const Document& d, std::string_view word) {
    size_t i = d.text.find(word);
    return Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i + word.size())};
  };
  double same =
      scorer_->probability(a, whole(a), b, whole(b), {at(a, "Monday")}, {at(b, "Sunday")});
  double unrelated =
      scorer_->probability(a, whole(a), c, whole(c), {at(a, "Monday")}, {at(c, "Sunday")});
  EXPECT_GT(same, 0.5);
  EXPECT_LT(unrelated, 0.2);
}


// Without a shared-fact model the fact probability is the same-statement one; with one, the
// alignment reads the fact model: one that calls every pair a shared fact groups sentences the
// same-statement model keeps apart (candidates still need a word in common).
TEST_F(WithScorer, AlignmentReadsTheSharedFactModelWhenThereIsOne) {
  std::string error;
  auto features = StatementFeatures::load(find_resources().models_dir, kWordNetDir, error);
  ASSERT_NE(features, nullptr) << error;
  StatementScorer scorer(std::move(features), scorer_->model());
  std::vector<Document> docs = {
      make_document("a", "Heavy snow closed the mountain pass for three days."),
      make_document("b", "Tourists praised the mountain views from the lodge terrace.")};
  const Span whole_a{0, static_cast<uint32_t>(docs[0].text.size())};
  const Span whole_b{0, static_cast<uint32_t>(docs[1].text.size())};
  EXPECT_FALSE(scorer.has_fact_model());
  EXPECT_DOUBLE_EQ(scorer.fact_probability(docs[0], whole_a, docs[1], whole_b),
                   scorer.probability(docs[0], whole_a, docs[1], whole_b));
  auto shared = [&](const StatementScorer& with) {
    FactsOptions options;
    options.statements = &with;
    options.candidate_similarity = 0;
    Story story = testing::story_of(docs);
    align_facts(docs, story, options);
    for (const Fact& fact : story.facts)
      if (fact.sources >= 2) return true;
    return false;
  };
  EXPECT_FALSE(shared(scorer));
  StatementModel always = scorer_->model();
  std::fill(always.weights.begin(), always.weights.end(), 0.0);
  always.bias = 20;
  scorer.set_fact_model(always);
  EXPECT_TRUE(scorer.has_fact_model());
  EXPECT_GT(scorer.fact_probability(docs[0], whole_a, docs[1], whole_b), 0.99);
  EXPECT_TRUE(shared(scorer));
}

// With the committed shared-fact model, a fact one outlet states on its own and another as a
// clause of a longer sentence is one corroborated fact, and the unrelated sentences stay apart.
TEST_F(WithScorer, AFactInsideALongerSentenceIsCorroborated) {
  ASSERT_TRUE(scorer_->has_fact_model());
  std::vector<Document> docs = {
      make_document("a",
                    "The county board voted 7-2 on Tuesday to close the Elm Street library. "
                    "Its branch manager declined to comment."),
      make_document("b",
                    "Residents who packed the hall for hours of testimony were angry after the "
                    "county board voted 7-2 to close the library on Elm Street, a move the "
                    "treasurer said would save money. Parking fees rise next month.")};
  FactsOptions options;
  options.statements = scorer_;
  Story story = testing::story_of(docs);
  align_facts(docs, story, options);
  bool corroborated = false;
  for (const Fact& fact : story.facts)
    if (fact.sources >= 2 && fact.text.find("library") != std::string::npos) corroborated = true;
  EXPECT_TRUE(corroborated);
  for (const Fact& fact : story.facts)
    EXPECT_FALSE(fact.sources >= 2 && fact.text.find("Parking") != std::string::npos);
}

}  // namespace
}  // namespace crosscheck
