#include "facts/facts.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "facts/lexicon.h"
#include "facts/test_documents.h"

namespace crosscheck {
namespace {

using testing::add_mention;
using testing::add_quantity;
using testing::add_quote;
using testing::add_timex;
using testing::make_document;
using testing::story_of;

size_t count_kind(const Story& story, ConflictKind kind) {
  return static_cast<size_t>(std::count_if(story.conflicts.begin(), story.conflicts.end(),
                                           [&](const Conflict& c) { return c.kind == kind; }));
}

const Conflict* first_of(const Story& story, ConflictKind kind) {
  for (const Conflict& conflict : story.conflicts)
    if (conflict.kind == kind) return &conflict;
  return nullptr;
}

void expect_cites_are_slices(const std::vector<Document>& docs, const Story& story) {
  auto check = [&](const Cite& cite) {
    const Document* doc = nullptr;
    for (const Document& d : docs)
      if (d.id == cite.article) doc = &d;
    ASSERT_NE(doc, nullptr);
    EXPECT_EQ(cite.text, doc->text.substr(cite.start, cite.end - cite.start));
    EXPECT_FALSE(cite.text.empty());
  };
  for (const Fact& fact : story.facts)
    for (const Cite& cite : fact.cites) check(cite);
  for (const Conflict& conflict : story.conflicts) {
    EXPECT_GE(conflict.sides.size(), 2u);
    EXPECT_FALSE(conflict.explanation.empty());
    for (const ConflictSide& side : conflict.sides)
      for (const Cite& cite : side.cites) check(cite);
  }
}

TEST(Lexicon, OfficesAndQualifiers) {
  EXPECT_EQ(facts::canonical_office("Foreign Minister"), "minister:foreign");
  EXPECT_EQ(facts::canonical_office("Foreign Secretary"), "minister:foreign");
  EXPECT_EQ(facts::canonical_office("Minister of Defence"), "minister:defence");
  EXPECT_EQ(facts::canonical_office("President"), "president");
  EXPECT_EQ(facts::canonical_office("former President"), "");
  EXPECT_EQ(facts::canonical_office("special envoy"), "");
  EXPECT_EQ(facts::canonical_qualifier("U.S."), "us");
  EXPECT_EQ(facts::canonical_qualifier("American"), "us");
  EXPECT_TRUE(facts::same_qualifier("russia", "russian"));
  EXPECT_FALSE(facts::same_qualifier("austria", "australia"));
}

TEST(AlignFacts, CopiesCountOnceAndRestatementsAlign) {
  std::vector<Document> docs;
  docs.push_back(make_document(
      "a",
      "Harbour workers in Valmora began a strike over pension cuts on Monday. "
      "The union said the strike would last a week. Tourism fell sharply last year."));
  docs.push_back(
      make_document("b",
                    "Harbour workers in Valmora began a strike over pension cuts on Monday. "
                    "The union said the strike would last a week. Tourism fell sharply last year.",
                    0));
  docs[0].copy_group = 0;
  docs.push_back(make_document(
      "c",
      "On Monday, harbour workers across Valmora started a strike against the pension cuts. "
      "Local bakeries reported record sales of bread during the festival."));
  for (Document& doc : docs) add_mention(doc, "Valmora", EntityType::kPlace);
  Story story = story_of(docs);
  align_facts(docs, story);
  ASSERT_FALSE(story.facts.empty());
  const Fact& top = story.facts.front();
  EXPECT_EQ(top.sources, 2);  // a and b are one copy group
  EXPECT_EQ(top.cites.size(), 3u);
  EXPECT_EQ(top.status, FactStatus::kCorroborated);
  EXPECT_NE(top.text.find("strike"), std::string::npos);
  // The bakery sentence stands alone.
  bool bakery_alone = false;
  for (const Fact& fact : story.facts)
    if (fact.text.find("bakeries") != std::string::npos) bakery_alone = fact.sources == 1;
  EXPECT_TRUE(bakery_alone);
  expect_cites_are_slices(docs, story);
}

TEST(AlignFacts, RolesGivenByTwoSourcesAreFacts) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", "Ostian Trade Minister Pia Lind opened the fair."));
  docs.push_back(make_document("b", "The fair was opened by Ostian Trade Minister Pia Lind."));
  docs.push_back(make_document("c", "Former Ostian Trade Minister Pia Lind was in the crowd."));
  for (Document& doc : docs)
    add_mention(doc, "Pia Lind", EntityType::kPerson, "", "Trade Minister", "Ostian",
                "Ostian Trade Minister");
  Story story = story_of(docs);
  align_facts(docs, story);
  const Fact* role = nullptr;
  for (const Fact& fact : story.facts)
    if (fact.text == "Pia Lind is the Ostian Trade Minister.") role = &fact;
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->sources, 2);  // the "former" mention does not count
  EXPECT_EQ(role->cites[0].text, "Ostian Trade Minister Pia Lind");
  expect_cites_are_slices(docs, story);
}

std::vector<Document> casualty_articles(const std::string& first_count,
                                        const std::string& second_count,
                                        const std::string& second_place) {
  std::vector<Document> docs;
  docs.push_back(
      make_document("a", "Officials said a missile strike on Tarvik killed " + first_count +
                             " overnight. Rescue teams searched the rubble for survivors."));
  docs.push_back(
      make_document("b", "A missile strike on " + second_place + " killed " + second_count +
                             ", regional officials said. Schools were closed on Thursday."));
  add_mention(docs[0], "Tarvik", EntityType::kPlace);
  add_mention(docs[1], second_place, EntityType::kPlace);
  return docs;
}

TEST(NumberConflicts, IncompatibleCountsOfOneEventConflict) {
  auto docs = casualty_articles("three people", "at least seven people", "Tarvik");
  add_quantity(docs[0], "three", 3, Bound::kExact, "people", "kill", "killed");
  add_quantity(docs[1], "at least seven", 7, Bound::kAtLeast, "people", "kill", "killed");
  Story story = story_of(docs);
  align_facts(docs, story);
  ASSERT_EQ(count_kind(story, ConflictKind::kNumber), 1u);
  const Conflict* conflict = first_of(story, ConflictKind::kNumber);
  EXPECT_FALSE(conflict->internal);
  EXPECT_EQ(conflict->sides[0].cites[0].text, "three");
  EXPECT_EQ(conflict->sides[1].cites[0].text, "at least seven");
  expect_cites_are_slices(docs, story);
  // The facts the counts stand in are contested.
  bool contested = false;
  for (const Fact& fact : story.facts) contested |= fact.status == FactStatus::kContested;
  EXPECT_TRUE(contested);
}

TEST(NumberConflicts, CompatibleBoundsDoNotConflict) {
  auto docs = casualty_articles("at least 40 people", "dozens of people", "Tarvik");
  add_quantity(docs[0], "at least 40", 40, Bound::kAtLeast, "people", "kill", "killed");
  add_quantity(docs[1], "dozens", 24, Bound::kAbout, "people", "kill", "killed");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kNumber), 0u);
}

TEST(NumberConflicts, DifferentPlacesDoNotConflict) {
  auto docs = casualty_articles("at least 12 people", "at least 30 people", "Ostrova");
  add_quantity(docs[0], "at least 12", 12, Bound::kAtLeast, "people", "kill", "killed");
  add_quantity(docs[1], "at least 30", 30, Bound::kAtLeast, "people", "kill", "killed");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kNumber), 0u);
  // Exact counts in different places do not conflict either.
  auto exact = casualty_articles("four people", "nine people", "Ostrova");
  add_quantity(exact[0], "four", 4, Bound::kExact, "people", "kill", "killed");
  add_quantity(exact[1], "nine", 9, Bound::kExact, "people", "kill", "killed");
  Story exact_story = story_of(exact);
  align_facts(exact, exact_story);
  EXPECT_EQ(count_kind(exact_story, ConflictKind::kNumber), 0u);
}

TEST(NumberConflicts, SharedCountryButDifferentCitiesDoNotConflict) {
  std::vector<Document> docs;
  docs.push_back(make_document(
      "a", "A missile strike on the Norlandian city of Tarvik killed at least 35 people."));
  docs.push_back(
      make_document("b", "A drone attack on the Norlandian city of Ostrova killed three people."));
  add_mention(docs[0], "Norlandian", EntityType::kPlace, "norland");
  add_mention(docs[0], "Tarvik", EntityType::kPlace);
  add_mention(docs[1], "Norlandian", EntityType::kPlace, "norland");
  add_mention(docs[1], "Ostrova", EntityType::kPlace);
  add_quantity(docs[0], "at least 35", 35, Bound::kAtLeast, "people", "kill", "killed");
  add_quantity(docs[1], "three", 3, Bound::kExact, "people", "kill", "killed");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kNumber), 0u);
}

TEST(NumberConflicts, RareSharedNameTiesCountsButCommonNameDoesNot) {
  auto build = [](bool common) {
    std::vector<Document> docs;
    std::string filler =
        common ? " Norland said talks would go on. Norland sent envoys. Norland denied it. "
                 "Norland closed its border. Norland called for calm."
               : "";
    docs.push_back(
        make_document("a", "Norland said a strike on Tarvik killed three people." + filler));
    docs.push_back(make_document(
        "b", "A strike on Tarvik killed at least seven people, Norland said." + filler));
    for (Document& doc : docs) {
      // Taggers sometimes call a city an organisation; the name is still shared and rare.
      add_mention(doc, common ? "Norland" : "Tarvik", EntityType::kOrganization);
      if (common)
        for (size_t k = 1; k <= 5; ++k)
          add_mention(doc, "Norland", EntityType::kOrganization, "", "", "", "", k);
    }
    add_quantity(docs[0], "three", 3, Bound::kExact, "people", "kill", "killed");
    add_quantity(docs[1], "at least seven", 7, Bound::kAtLeast, "people", "kill", "killed");
    Story story = story_of(docs);
    align_facts(docs, story);
    return count_kind(story, ConflictKind::kNumber);
  };
  EXPECT_EQ(build(false), 1u);
  EXPECT_EQ(build(true), 0u);
}

TEST(NumberConflicts, DifferentDaysAreDifferentEvents) {
  auto docs = casualty_articles("three people", "at least seven people", "Tarvik");
  add_quantity(docs[0], "three", 3, Bound::kExact, "people", "kill", "killed");
  add_quantity(docs[1], "at least seven", 7, Bound::kAtLeast, "people", "kill", "killed");
  add_timex(docs[0], "overnight", "2024-03-02");
  // The second count is on a day two weeks later.
  Document& second = docs[1];
  second = make_document("b",
                         "On March 16, 2024, a missile strike on Tarvik killed at least "
                         "seven people, regional officials said.");
  add_mention(second, "Tarvik", EntityType::kPlace);
  add_quantity(second, "at least seven", 7, Bound::kAtLeast, "people", "kill", "killed");
  add_timex(second, "March 16, 2024", "2024-03-16", -1, "2024-03-16");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kNumber), 0u);
}

std::vector<Document> meeting_article(const std::string& weekday_sentence,
                                      const std::string& dated_sentence) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", weekday_sentence + " " + dated_sentence +
                                        " Both sides described the atmosphere as constructive."));
  Document& doc = docs[0];
  add_mention(doc, "Lena Hart", EntityType::kPerson);
  add_mention(doc, "Oskar Brand", EntityType::kPerson);
  add_mention(doc, "Hart", EntityType::kPerson, "lena hart", "", "", "", 1);
  add_mention(doc, "Brand", EntityType::kPerson, "oskar brand", "", "", "", 1);
  return docs;
}

TEST(DateConflicts, WeekdayAgainstCalendarDateInOneArticle) {
  auto docs = meeting_article("Envoy Lena Hart met Oskar Brand in Geneva on Friday.",
                              "On March 3, 2025, Hart held talks with Brand about the border.");
  add_timex(docs[0], "on Friday", "2025-03-07", 4);
  add_timex(docs[0], "March 3, 2025", "2025-03-03", -1, "2025-03-03");
  Story story = story_of(docs);
  align_facts(docs, story);
  ASSERT_EQ(count_kind(story, ConflictKind::kDate), 1u);
  const Conflict* conflict = first_of(story, ConflictKind::kDate);
  EXPECT_TRUE(conflict->internal);
  EXPECT_NE(conflict->explanation.find("Monday"), std::string::npos);
  EXPECT_NE(conflict->explanation.find("Friday"), std::string::npos);
  expect_cites_are_slices(docs, story);
}

TEST(DateConflicts, CityAndCountryInOneArticleAreOneOccasion) {
  auto docs = meeting_article("Envoy Lena Hart met Oskar Brand in Geneva on Friday.",
                              "On March 3, 2025, Hart visited Switzerland for talks with Brand.");
  add_mention(docs[0], "Geneva", EntityType::kPlace);
  add_mention(docs[0], "Switzerland", EntityType::kPlace);
  add_timex(docs[0], "on Friday", "2025-03-07", 4);
  add_timex(docs[0], "March 3, 2025", "2025-03-03", -1, "2025-03-03");
  Story story = story_of(docs);
  align_facts(docs, story);
  ASSERT_EQ(count_kind(story, ConflictKind::kDate), 1u);
  EXPECT_TRUE(first_of(story, ConflictKind::kDate)->internal);
}

TEST(DateConflicts, DifferentPlacesAcrossArticlesAreDifferentMeetings) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", "Lena Hart met Oskar Brand in Geneva on March 4, 2025."));
  docs.push_back(make_document("b", "Lena Hart met Oskar Brand in Vienna on March 6, 2025."));
  for (Document& doc : docs) {
    add_mention(doc, "Lena Hart", EntityType::kPerson);
    add_mention(doc, "Oskar Brand", EntityType::kPerson);
  }
  add_mention(docs[0], "Geneva", EntityType::kPlace);
  add_mention(docs[1], "Vienna", EntityType::kPlace);
  add_timex(docs[0], "March 4, 2025", "2025-03-04", -1, "2025-03-04");
  add_timex(docs[1], "March 6, 2025", "2025-03-06", -1, "2025-03-06");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kDate), 0u);
}

TEST(DateConflicts, MatchingWeekdayIsNoConflict) {
  auto docs = meeting_article("Envoy Lena Hart met Oskar Brand in Geneva on Monday.",
                              "On March 3, 2025, Hart held talks with Brand about the border.");
  add_timex(docs[0], "on Monday", "2025-03-03", 0);
  add_timex(docs[0], "March 3, 2025", "2025-03-03", -1, "2025-03-03");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kDate), 0u);
}

TEST(DateConflicts, DifferentPeopleAreDifferentMeetings) {
  auto docs = meeting_article("Envoy Lena Hart met Oskar Brand in Geneva on Friday.",
                              "On March 3, 2025, Mayor Ida Voss held talks with farmers.");
  add_mention(docs[0], "Ida Voss", EntityType::kPerson);
  docs[0].mentions.erase(docs[0].mentions.begin() + 2, docs[0].mentions.begin() + 4);
  add_timex(docs[0], "on Friday", "2025-03-07", 4);
  add_timex(docs[0], "March 3, 2025", "2025-03-03", -1, "2025-03-03");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kDate), 0u);
}

TEST(DateConflicts, TwoArticlesPutOneMeetingOnDifferentDays) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", "Lena Hart met Oskar Brand in Geneva on March 4, 2025."));
  docs.push_back(make_document("b", "Lena Hart met Oskar Brand in Geneva on March 6, 2025."));
  for (Document& doc : docs) {
    add_mention(doc, "Lena Hart", EntityType::kPerson);
    add_mention(doc, "Oskar Brand", EntityType::kPerson);
    add_mention(doc, "Geneva", EntityType::kPlace);
  }
  add_timex(docs[0], "March 4, 2025", "2025-03-04", -1, "2025-03-04");
  add_timex(docs[1], "March 6, 2025", "2025-03-06", -1, "2025-03-06");
  Story story = story_of(docs);
  align_facts(docs, story);
  ASSERT_EQ(count_kind(story, ConflictKind::kDate), 1u);
  EXPECT_FALSE(first_of(story, ConflictKind::kDate)->internal);
}

TEST(RoleConflicts, OnePersonTwoPortfolios) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", "Defence Minister Anna Berg arrived in Oslo for the talks."));
  docs.push_back(make_document("b", "Foreign Minister Anna Berg said the talks went well."));
  add_mention(docs[0], "Anna Berg", EntityType::kPerson, "", "Defence Minister", "",
              "Defence Minister");
  add_mention(docs[1], "Anna Berg", EntityType::kPerson, "", "Foreign Minister", "",
              "Foreign Minister");
  Story story = story_of(docs);
  align_facts(docs, story);
  ASSERT_EQ(count_kind(story, ConflictKind::kRole), 1u);
  const Conflict* conflict = first_of(story, ConflictKind::kRole);
  EXPECT_EQ(conflict->sides[0].cites[0].text, "Defence Minister Anna Berg");
  EXPECT_EQ(conflict->sides[1].cites[0].text, "Foreign Minister Anna Berg");
  expect_cites_are_slices(docs, story);
}

TEST(RoleConflicts, FormerOfficeIsNoConflict) {
  std::vector<Document> docs;
  docs.push_back(
      make_document("a", "Former Defence Minister Anna Berg arrived in Oslo for the talks."));
  docs.push_back(make_document("b", "Foreign Minister Anna Berg said the talks went well."));
  add_mention(docs[0], "Anna Berg", EntityType::kPerson, "", "Defence Minister", "",
              "Defence Minister");
  add_mention(docs[1], "Anna Berg", EntityType::kPerson, "", "Foreign Minister", "",
              "Foreign Minister");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kRole), 0u);
}

TEST(RoleConflicts, TwoPresidentsOfOneCountry) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", "Norlandian President Erik Sund opened the summit."));
  docs.push_back(make_document("b", "Norlandian President Jon Mark greeted the delegates."));
  add_mention(docs[0], "Erik Sund", EntityType::kPerson, "", "President", "Norlandian",
              "Norlandian President");
  add_mention(docs[1], "Jon Mark", EntityType::kPerson, "", "President", "Norlandian",
              "Norlandian President");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kRole), 1u);

  // With "then-" on one of them it is history, not a clash; other countries never clash.
  std::vector<Document> calm;
  calm.push_back(make_document("a", "Norlandian President Erik Sund opened the summit."));
  calm.push_back(make_document(
      "b",
      "It recalled the era of then-Norlandian President Jon Mark and Ostian President "
      "Pia Lind."));
  add_mention(calm[0], "Erik Sund", EntityType::kPerson, "", "President", "Norlandian",
              "Norlandian President");
  add_mention(calm[1], "Jon Mark", EntityType::kPerson, "", "President", "Norlandian",
              "Norlandian President");
  add_mention(calm[1], "Pia Lind", EntityType::kPerson, "", "President", "Ostian",
              "Ostian President");
  Story calm_story = story_of(calm);
  align_facts(calm, calm_story);
  EXPECT_EQ(count_kind(calm_story, ConflictKind::kRole), 0u);
}

TEST(RoleConflicts, AdministrationOfSomeoneElse) {
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
  ASSERT_EQ(count_kind(story, ConflictKind::kRole), 1u);
  const Conflict* conflict = first_of(story, ConflictKind::kRole);
  EXPECT_EQ(conflict->sides[0].cites[0].text, "Grant administration");
  EXPECT_NE(conflict->explanation.find("Maria Lopez"), std::string::npos);
  expect_cites_are_slices(docs, story);

  // Reported in the past tense it is history, not a claim about today's government.
  docs[1] = make_document("b",
                          "President Maria Lopez spoke at noon. In 2015 the Grant "
                          "administration said it had leverage over both sides.");
  add_mention(docs[1], "Maria Lopez", EntityType::kPerson, "", "President", "", "President");
  Story said_story = story_of(docs);
  align_facts(docs, said_story);
  EXPECT_EQ(count_kind(said_story, ConflictKind::kRole), 0u);

  // A past administration is no conflict.
  std::vector<Document> past;
  past.push_back(make_document("a", "President Maria Lopez signed the bill on Monday."));
  past.push_back(make_document(
      "b", "The law was first proposed under the former Grant administration in 2019."));
  add_mention(past[0], "Maria Lopez", EntityType::kPerson, "", "President", "", "President");
  Story past_story = story_of(past);
  align_facts(past, past_story);
  EXPECT_EQ(count_kind(past_story, ConflictKind::kRole), 0u);
}

TEST(PolarityConflicts, NegatedInOneSourceAffirmedInAnother) {
  auto polarity_conflicts = [](const std::string& first, const std::string& second) {
    std::vector<Document> docs;
    docs.push_back(make_document("a", first));
    docs.push_back(make_document("b", second));
    for (Document& doc : docs) add_mention(doc, "Varnia", EntityType::kPlace);
    Story story = story_of(docs);
    align_facts(docs, story);
    expect_cites_are_slices(docs, story);
    return count_kind(story, ConflictKind::kPolarity);
  };
  EXPECT_EQ(polarity_conflicts(
                "The province of Varnia signed the water-sharing agreement with its neighbour.",
                "The province of Varnia has not signed the water-sharing agreement with its "
                "neighbour."),
            1u);
  // A negation of something else, or "not only", is no denial of the statement.
  EXPECT_EQ(polarity_conflicts(
                "The province of Varnia signed the water-sharing agreement with its neighbour.",
                "The province of Varnia signed the water-sharing agreement with its neighbour, "
                "not the old treaty."),
            0u);
  EXPECT_EQ(polarity_conflicts(
                "The province of Varnia signed the water-sharing agreement with its neighbour.",
                "The province of Varnia not only signed the water-sharing agreement with its "
                "neighbour."),
            0u);
}

TEST(AttributionConflicts, SameWordsDifferentSpeakers) {
  std::vector<Document> docs;
  docs.push_back(
      make_document("a", "\"We will rebuild every bridge before winter,\" said Mayor Tom Reyes."));
  docs.push_back(make_document(
      "b", "\"We will rebuild every bridge before winter,\" Governor Ana Diaz told reporters."));
  add_mention(docs[0], "Tom Reyes", EntityType::kPerson);
  add_mention(docs[1], "Ana Diaz", EntityType::kPerson);
  add_quote(docs[0], "We will rebuild every bridge before winter,", "Mayor Tom Reyes", "Tom Reyes");
  add_quote(docs[1], "We will rebuild every bridge before winter,", "Governor Ana Diaz",
            "Ana Diaz");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kAttribution), 1u);
  expect_cites_are_slices(docs, story);
  EXPECT_EQ(story.quotes.size(), 2u);

  // The same speaker under a short name is no conflict.
  docs[1].quotes[0].speaker = "Reyes";
  story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kAttribution), 0u);
}

TEST(Claims, NumbersAndTimeline) {
  std::vector<Document> docs;
  docs.push_back(make_document(
      "a",
      "On May 2, 2024, floods in Rivona killed 14 people. Officials met on May 4, 2024 to "
      "plan repairs. The town was founded in 1820 by traders."));
  docs[0].published = "2024-05-05";
  add_mention(docs[0], "Rivona", EntityType::kPlace);
  add_quantity(docs[0], "14", 14, Bound::kExact, "people", "kill", "killed");
  add_timex(docs[0], "May 2, 2024", "2024-05-02", -1, "2024-05-02");
  add_timex(docs[0], "May 4, 2024", "2024-05-04", -1, "2024-05-04");
  add_timex(docs[0], "1820", "1820");
  Story story = story_of(docs);
  align_facts(docs, story);
  ASSERT_EQ(story.numbers.size(), 1u);
  EXPECT_EQ(story.numbers[0].what, "people killed");
  EXPECT_EQ(story.numbers[0].cites[0].text, "14");
  ASSERT_EQ(story.timeline.size(), 2u);
  EXPECT_EQ(story.timeline[0].when, "2024-05-02");
  EXPECT_EQ(story.timeline[1].when, "2024-05-04");
  EXPECT_EQ(story.timeline[0].what.rfind("Floods in Rivona", 0), 0u);
}

TEST(AlignFacts, EmptyAndOddInputsDoNotCrash) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", ""));
  docs.push_back(make_document("b", "No."));
  Story story = story_of(docs);
  story.documents.push_back(99);  // out of range index is ignored
  align_facts(docs, story);
  EXPECT_TRUE(story.conflicts.empty());
}

}  // namespace
}  // namespace crosscheck
