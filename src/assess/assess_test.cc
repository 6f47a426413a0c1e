#include "assess/assess.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "assess/features.h"
#include "facts/facts.h"
#include "facts/test_documents.h"

namespace crosscheck {
namespace {

using testing::add_mention;
using testing::add_quantity;
using testing::add_timex;
using testing::make_document;
using testing::story_of;

const char* kWireStyle =
    "Firefighters pulled two workers from the rubble of a collapsed warehouse in Dorvik on "
    "Tuesday, police said. The roof gave way at about 6:40 a.m. as a crew of 14 unloaded "
    "pallets, according to site manager Pete Olsen. \"We heard a crack and then everything "
    "came down,\" Olsen told reporters. Both men were taken to St Mary's hospital with leg "
    "injuries. Inspectors from the county building office will examine the site on Wednesday. "
    "The warehouse, built in 1978, passed its last inspection in March, records show. Owner "
    "Halvard Logistics said it was cooperating with police. Road 12 stays closed until Friday.";

const char* kModelStyle =
    "In a significant move, the collapse of a warehouse has sparked widespread concern about "
    "building safety. The incident underscores the multifaceted challenges facing the region "
    "and highlights the crucial importance of robust safety standards. It is clear that "
    "stakeholders must navigate the complexities of regulation in an ever-evolving landscape. "
    "The ongoing situation serves as a reminder of the vital role of comprehensive oversight. "
    "Furthermore, the potential implications for the broader community are profound and "
    "substantial. Moreover, experts believe this could pave the way for meaningful reform. "
    "Ultimately, whether these efforts will succeed remains to be seen. Only time will tell.";

TEST(MachineScore, ModelStyleScoresAboveWireStyle) {
  Document wire = make_document("wire", kWireStyle);
  Document model = make_document("model", kModelStyle);
  MachineScore wire_score = score_machine(wire);
  MachineScore model_score = score_machine(model);
  EXPECT_LT(wire_score.p, 0.5);
  EXPECT_GT(model_score.p, 0.8);
  EXPECT_GT(model_score.p, wire_score.p);
  ASSERT_FALSE(model_score.reasons.empty());
  bool stock =
      std::any_of(model_score.reasons.begin(), model_score.reasons.end(),
                  [](const std::string& r) { return r.find("stock") != std::string::npos; });
  EXPECT_TRUE(stock);
}

TEST(MachineScore, AiBylineAndScaffoldingAreReasons) {
  Document doc = make_document(
      "ai", std::string("Warehouse roof collapses\n\nBy AI\n\n") + kWireStyle +
                "\n\nKey Points\n1 | Two workers were rescued. |\nFrequently Asked Questions\n"
                "Question: What happened?\nThe roof collapsed.");
  MachineScore score = score_machine(doc);
  EXPECT_GT(score.p, 0.9);
  bool byline = std::any_of(score.reasons.begin(), score.reasons.end(),
                            [](const std::string& r) { return r.find("AI") != std::string::npos; });
  EXPECT_TRUE(byline);
  assess::Features features = assess::machine_features(doc);
  EXPECT_EQ(features.ai_byline, 1);
  EXPECT_GE(features.scaffold_lines, 2);
}

TEST(MachineScore, WorksWithoutTextLayerAndOnEmptyText) {
  Document raw;
  raw.text = kModelStyle;
  EXPECT_GT(score_machine(raw).p, 0.5);
  Document empty;
  MachineScore score = score_machine(empty);
  EXPECT_GE(score.p, 0.0);
  EXPECT_LE(score.p, 1.0);
}

TEST(Encyclopedic, BackgroundSentences) {
  EXPECT_TRUE(assess::is_encyclopedic("Born on May 3, 1951, in Tarsk, he studied law."));
  EXPECT_TRUE(assess::is_encyclopedic("She served as mayor from 1998 to 2004."));
  EXPECT_TRUE(assess::is_encyclopedic("The Delta accord refers to a 1994 treaty."));
  EXPECT_FALSE(assess::is_encyclopedic("The mayor said the bridge would reopen on Friday."));
}

std::vector<Document> bridge_story() {
  std::vector<Document> docs;
  docs.push_back(make_document(
      "a",
      "A road bridge over the Lenna river in Kostar collapsed on Monday, killing four people. "
      "Mayor Ivo Pranjic said rescue divers were still searching the river for a missing driver. "
      "Kostar is a city in the northern region that was founded in 1243 by merchants. "
      "Ivo Pranjic was born on June 2, 1961, in a small village and studied engineering. "
      "He served as deputy mayor from 2006 to 2014 before winning the election. "
      "Medieval trade fairs made the town famous for its wool and its painted pottery."));
  docs.push_back(make_document(
      "b",
      "Four people died when a bridge over the Lenna river in Kostar collapsed on Monday. "
      "Mayor Ivo Pranjic said divers were searching the river for a driver who is missing. "
      "Engineers will inspect three other bridges in Kostar this week, Pranjic said."));
  for (Document& doc : docs) {
    add_mention(doc, "Kostar", EntityType::kPlace);
    add_mention(doc, "Ivo Pranjic", EntityType::kPerson);
    add_mention(doc, "Lenna", EntityType::kPlace);
    add_timex(doc, "Monday", "2024-09-09", 0);
  }
  add_quantity(docs[0], "four", 4, Bound::kExact, "people", "kill", "killing");
  add_quantity(docs[1], "Four", 4, Bound::kExact, "people", "die", "died");
  return docs;
}

TEST(AssessStory, EncyclopediaParagraphIsPadding) {
  std::vector<Document> docs = bridge_story();
  Story story = story_of(docs);
  align_facts(docs, story);
  assess_story(docs, story);
  ASSERT_EQ(story.assessments.size(), 2u);
  const Assessment& padded = story.assessments[0];
  const Assessment& plain = story.assessments[1];
  EXPECT_EQ(padded.article, "a");
  EXPECT_GE(padded.padding.size(), 3u);
  EXPECT_LE(padded.padding.size(), 4u);
  EXPECT_GT(padded.padding_share, 0.4);
  for (const Cite& cite : padded.padding) {
    EXPECT_EQ(cite.text, docs[0].text.substr(cite.start, cite.end - cite.start));
    EXPECT_EQ(cite.text.find("collapsed on Monday"), std::string::npos);
  }
  EXPECT_EQ(plain.padding.size(), 0u);
  bool padding_reason = std::any_of(padded.reasons.begin(), padded.reasons.end(), [](auto& r) {
    return r.find("background not about this event") != std::string::npos;
  });
  EXPECT_TRUE(padding_reason);
  // The background is stated by no other source.
  EXPECT_GT(padded.unsupported_share, plain.unsupported_share);
  EXPECT_FALSE(padded.unsupported_facts.empty());
}

TEST(AssessStory, InternalConflictsAreListed) {
  std::vector<Document> docs;
  docs.push_back(make_document(
      "a",
      "Envoy Lena Hart met Oskar Brand in Geneva on Friday. On March 3, 2025, Hart held "
      "talks with Brand about the border."));
  docs.push_back(make_document("b", "Lena Hart and Oskar Brand discussed the border in Geneva."));
  for (Document& doc : docs) {
    add_mention(doc, "Lena Hart", EntityType::kPerson);
    add_mention(doc, "Oskar Brand", EntityType::kPerson);
  }
  add_mention(docs[0], "Hart", EntityType::kPerson, "lena hart", "", "", "", 1);
  add_mention(docs[0], "Brand", EntityType::kPerson, "oskar brand", "", "", "", 1);
  add_timex(docs[0], "on Friday", "2025-03-07", 4);
  add_timex(docs[0], "March 3, 2025", "2025-03-03", -1, "2025-03-03");
  Story story = story_of(docs);
  align_facts(docs, story);
  assess_story(docs, story);
  ASSERT_EQ(story.assessments.size(), 2u);
  EXPECT_EQ(story.assessments[0].internal_conflicts.size(), 1u);
  EXPECT_TRUE(story.assessments[1].internal_conflicts.empty());
  bool reason =
      std::any_of(story.assessments[0].reasons.begin(), story.assessments[0].reasons.end(),
                  [](auto& r) { return r.find("contradicts itself") != std::string::npos; });
  EXPECT_TRUE(reason);
}

TEST(AssessStory, OnlyTheOddOneOutIsToldItDisagrees) {
  std::vector<Document> docs;
  docs.push_back(make_document(
      "a", "President Maria Lopez signed the bill. The Lopez administration praised it."));
  docs.push_back(make_document(
      "b",
      "President Maria Lopez spoke at noon. A spokesman said the Grant administration "
      "has leverage over both sides."));
  add_mention(docs[0], "Maria Lopez", EntityType::kPerson, "", "President", "", "President");
  add_mention(docs[1], "Maria Lopez", EntityType::kPerson, "", "President", "", "President");
  Story story = story_of(docs);
  align_facts(docs, story);
  assess_story(docs, story);
  ASSERT_EQ(story.assessments.size(), 2u);
  auto disagrees = [](const Assessment& a) {
    return std::any_of(a.reasons.begin(), a.reasons.end(), [](const std::string& r) {
      return r.find("Grant administration") != std::string::npos;
    });
  };
  EXPECT_FALSE(disagrees(story.assessments[0]));
  EXPECT_TRUE(disagrees(story.assessments[1]));
}

TEST(AssessStory, SingleArticleStoryHasNoUnsupportedVerdict) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", kWireStyle));
  Story story = story_of(docs);
  align_facts(docs, story);
  assess_story(docs, story);
  ASSERT_EQ(story.assessments.size(), 1u);
  EXPECT_EQ(story.assessments[0].unsupported_share, 0);
  EXPECT_TRUE(story.assessments[0].padding.empty());
}

}  // namespace
}  // namespace crosscheck
