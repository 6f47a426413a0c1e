#include "assess/assess.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "facts/facts.h"
#include "facts/test_documents.h"

namespace crosscheck {
namespace {

using testing::add_mention;
using testing::add_quantity;
using testing::add_timex;
using testing::find_span;
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

std::vector<Document> bridge_story() {
  std::vector<Document> docs;
  docs.push_back(make_document(
      "a",
      "A road bridge over the Lenna river in Kostar collapsed on Monday, killing four people. "
      "Mayor Ivo Pranjic said rescue divers were still searching the river for a missing driver. "
      "Ivo Pranjic was elected in 2014 after a career in engineering. "
      "Only time will tell. "
      "The situation continues to evolve as the world watches closely. "
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

TEST(AssessStory, SentencesTiedToNothingArePadding) {
  std::vector<Document> docs = bridge_story();
  Story story = story_of(docs);
  align_facts(docs, story);
  assess_story(docs, story);
  ASSERT_EQ(story.assessments.size(), 2u);
  const Assessment& padded = story.assessments[0];
  const Assessment& plain = story.assessments[1];
  EXPECT_EQ(padded.article, "a");
  std::vector<std::string> flagged;
  for (const Cite& cite : padded.padding) {
    EXPECT_EQ(cite.text, docs[0].text.substr(cite.start, cite.end - cite.start));
    flagged.push_back(cite.text);
  }
  // The closers and the town's history are padding; the event and its named people are not.
  EXPECT_NE(std::find(flagged.begin(), flagged.end(), "Only time will tell."), flagged.end());
  EXPECT_EQ(flagged.size(), 3u);
  for (const std::string& text : flagged) EXPECT_EQ(text.find("Pranjic"), std::string::npos);
  EXPECT_NEAR(padded.padding_share, 0.5, 1e-9);
  EXPECT_EQ(plain.padding.size(), 0u);
  bool padding_reason = std::any_of(padded.reasons.begin(), padded.reasons.end(), [](auto& r) {
    return r.find("nothing tied to this event") != std::string::npos;
  });
  EXPECT_TRUE(padding_reason);
}

TEST(AssessStory, NoDetectorMeansNoMachineVerdict) {
  std::vector<Document> docs = bridge_story();
  Story story = story_of(docs);
  align_facts(docs, story);
  assess_story(docs, story);
  for (const Assessment& assessment : story.assessments) {
    EXPECT_EQ(assessment.p_machine, 0);
    EXPECT_TRUE(assessment.machine_reasons.empty());
  }
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
  // A conflict inside article a, as the facts stage reports one.
  Conflict conflict;
  conflict.kind = ConflictKind::kDate;
  conflict.internal = true;
  conflict.explanation = "The same article dates the meeting to a Friday and to a Monday.";
  conflict.sides.push_back({"'on Friday'", {make_cite(docs[0], find_span(docs[0], "on Friday"))}});
  conflict.sides.push_back(
      {"'March 3, 2025'", {make_cite(docs[0], find_span(docs[0], "March 3, 2025"))}});
  story.conflicts.push_back(conflict);
  assess_story(docs, story);
  ASSERT_EQ(story.assessments.size(), 2u);
  EXPECT_EQ(story.assessments[0].internal_conflicts.size(), 1u);
  EXPECT_TRUE(story.assessments[1].internal_conflicts.empty());
  bool reason =
      std::any_of(story.assessments[0].reasons.begin(), story.assessments[0].reasons.end(),
                  [](auto& r) { return r.find("contradicts itself") != std::string::npos; });
  EXPECT_TRUE(reason);
}

TEST(AssessStory, OnlyTheOddOneOutIsContradicted) {
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
  // A role conflict whose one side only article b takes, the other both articles.
  Conflict conflict;
  conflict.kind = ConflictKind::kRole;
  conflict.explanation =
      "An article speaks of 'the Grant administration' while the sources name "
      "Maria Lopez as president.";
  conflict.sides.push_back({"the Grant administration",
                            {make_cite(docs[1], find_span(docs[1], "Grant administration"))}});
  conflict.sides.push_back({"Maria Lopez is president",
                            {make_cite(docs[0], find_span(docs[0], "President Maria Lopez")),
                             make_cite(docs[1], find_span(docs[1], "President Maria Lopez"))}});
  story.conflicts.push_back(conflict);
  assess_story(docs, story);
  ASSERT_EQ(story.assessments.size(), 2u);
  auto disagrees = [](const Assessment& a) {
    return std::any_of(a.reasons.begin(), a.reasons.end(), [](const std::string& r) {
      return r.find("Grant administration") != std::string::npos;
    });
  };
  EXPECT_FALSE(disagrees(story.assessments[0]));
  EXPECT_TRUE(disagrees(story.assessments[1]));
  EXPECT_TRUE(story.assessments[0].contradicted.empty());
  EXPECT_FALSE(story.assessments[1].contradicted.empty());
}

TEST(AssessStory, SingleArticleStoryHasNothingNotCoveredElsewhere) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", kWireStyle));
  Story story = story_of(docs);
  align_facts(docs, story);
  assess_story(docs, story);
  ASSERT_EQ(story.assessments.size(), 1u);
  EXPECT_EQ(story.assessments[0].unsupported_share, 0);
  EXPECT_TRUE(story.assessments[0].unsupported_facts.empty());
}

}  // namespace
}  // namespace crosscheck
