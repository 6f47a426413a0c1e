#include "facts/facts.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/resources.h"
#include "facts/lexicon.h"
#include "facts/test_documents.h"
#include "syntax/syntax.h"

namespace crosscheck {
namespace {

using testing::add_mention;
using testing::add_quantity;
using testing::add_quote;
using testing::add_timex;
using testing::story_of;

// The facts stage reads which event a detail belongs to from the dependency tree, so test
// documents are parsed by the project's syntax model, as the pipeline does.
const SyntaxModel& syntax_model() {
  static const std::unique_ptr<SyntaxModel> loaded = [] {
    std::vector<std::string> warnings;
    auto m = SyntaxModel::load(find_resources(), &warnings);
    for (const auto& w : warnings) ADD_FAILURE() << w;
    return m;
  }();
  if (!loaded) std::abort();
  return *loaded;
}

Document make_document(const std::string& id, const std::string& text, int32_t copy_group = -1) {
  Document doc = testing::make_document(id, text, copy_group);
  syntax_model().annotate(doc);
  return doc;
}

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
      make_document("a", "Officials said that a missile strike on Tarvik killed " + first_count +
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

// Two articles, each one sentence about a meeting, with the people named in it.
std::vector<Document> meeting_articles(const std::string& first, const std::string& second) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", first + " Both sides called the talks constructive."));
  docs.push_back(make_document("b", second + " Further rounds are planned."));
  for (Document& doc : docs)
    for (const char* name : {"Lena Hart", "Oskar Brand", "Ida Voss"})
      if (doc.text.find(name) != std::string::npos) add_mention(doc, name, EntityType::kPerson);
  return docs;
}

TEST(DateConflicts, WeekdayAgainstCalendarDateAcrossArticles) {
  auto docs = meeting_articles("Envoy Lena Hart met Oskar Brand in private on Friday.",
                               "On March 3, 2025, envoy Lena Hart met Oskar Brand in private.");
  add_timex(docs[0], "on Friday", "2025-03-07", 4);
  add_timex(docs[1], "March 3, 2025", "2025-03-03", -1, "2025-03-03");
  Story story = story_of(docs);
  align_facts(docs, story);
  ASSERT_EQ(count_kind(story, ConflictKind::kDate), 1u);
  const Conflict* conflict = first_of(story, ConflictKind::kDate);
  EXPECT_FALSE(conflict->internal);
  EXPECT_NE(conflict->explanation.find("Monday"), std::string::npos);
  EXPECT_NE(conflict->explanation.find("Friday"), std::string::npos);
  EXPECT_GT(conflict->confidence, 0.5);
  expect_cites_are_slices(docs, story);
}

TEST(DateConflicts, MatchingWeekdayIsNoConflict) {
  auto docs = meeting_articles("Envoy Lena Hart met Oskar Brand in private on Monday.",
                               "On March 3, 2025, envoy Lena Hart met Oskar Brand in private.");
  add_timex(docs[0], "on Monday", "2025-03-03", 0);
  add_timex(docs[1], "March 3, 2025", "2025-03-03", -1, "2025-03-03");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kDate), 0u);
}

TEST(DateConflicts, DifferentPeopleAreDifferentMeetings) {
  auto docs = meeting_articles("Envoy Lena Hart met Oskar Brand in private on Friday.",
                               "On March 3, 2025, Mayor Ida Voss met farmers in private.");
  add_timex(docs[0], "on Friday", "2025-03-07", 4);
  add_timex(docs[1], "March 3, 2025", "2025-03-03", -1, "2025-03-03");
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kDate), 0u);
}

TEST(DateConflicts, DifferentPredicatesAreDifferentEvents) {
  // Signing and announcing are two events even with the same people and words around them.
  auto docs = meeting_articles("Lena Hart signed the river accord with Oskar Brand on Friday.",
                               "Lena Hart announced the river accord with Oskar Brand on Monday.");
  add_timex(docs[0], "on Friday", "2025-03-07", 4);
  add_timex(docs[1], "on Monday", "2025-03-03", 0);
  Story story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kDate), 0u);
}

// A bare year written in the text, resolved as the time stage resolves one.
void add_year(Document& doc, const std::string& year) {
  add_timex(doc, year, year);
  Timex& timex = doc.timexes.back();
  timex.anchored_to = "absolute";
  timex.granularity = TimeGranularity::kYear;
  timex.first_day = year + "-01-01";
  timex.last_day = year + "-12-31";
}

TEST(DateConflicts, YearsAtTheirOwnGranularity) {
  // A term that ends in one year by one account and in another by a second.
  auto docs =
      meeting_articles("The second term of Governor Lena Hart ends in 2027.",
                       "Lena Hart hinted that she may resign before her term ends in 2026.");
  add_year(docs[0], "2027");
  add_year(docs[1], "2026");
  Story story = story_of(docs);
  align_facts(docs, story);
  ASSERT_EQ(count_kind(story, ConflictKind::kDate), 1u);
  // The same year written twice is no conflict, nor is a day inside that year.
  docs[1].timexes[0].first_day = "2027-01-01";
  docs[1].timexes[0].last_day = "2027-01-01";
  docs[1].timexes[0].value = "2027-01-01";
  story = story_of(docs);
  align_facts(docs, story);
  EXPECT_EQ(count_kind(story, ConflictKind::kDate), 0u);
}

// A year that says which of several occasions is meant ("the 2019 festival") is compared through
// the verb above the noun: the same happening given two years conflicts; two occasions named
// under different verbs do not.
TEST(DateConflicts, YearNamingAnOccasionIsComparedThroughItsVerb) {
  auto years = [](const std::string& first, const std::string& second) {
    auto docs = meeting_articles(first, second);
    for (Document& doc : docs) {
      add_year(doc, doc.text.find("2019") != std::string::npos ? "2019" : "2021");
    }
    Story story = story_of(docs);
    align_facts(docs, story);
    return count_kind(story, ConflictKind::kDate);
  };
  EXPECT_EQ(years("Lena Hart performed the river song at the 2019 harbour festival in Tarnby.",
                  "Lena Hart performed the river song at the 2021 harbour festival in Tarnby."),
            1u);
  EXPECT_EQ(years("Lena Hart performed the river song at the 2019 harbour festival in Tarnby.",
                  "Lena Hart skipped the 2021 harbour festival in Tarnby."),
            0u);
}

// Place conflicts between two one-sentence articles naming Ida Voss and some of `places`.
size_t place_conflicts_among(const std::string& first, const std::string& second,
                             std::initializer_list<const char*> places,
                             const FactsOptions& options = {}) {
  std::vector<Document> docs;
  docs.push_back(make_document("a", first));
  docs.push_back(make_document("b", second));
  for (Document& doc : docs) {
    add_mention(doc, "Ida Voss", EntityType::kPerson);
    for (const char* place : places)
      if (doc.text.find(place) != std::string::npos) add_mention(doc, place, EntityType::kPlace);
  }
  Story story = story_of(docs);
  align_facts(docs, story, options);
  expect_cites_are_slices(docs, story);
  return count_kind(story, ConflictKind::kPlace);
}

TEST(PlaceConflicts, OneOccasionPlacedInTwoTowns) {
  auto place_conflicts = [](const std::string& first, const std::string& second) {
    return place_conflicts_among(first, second, {"Tarvik", "Ostrova", "Norland"});
  };
  EXPECT_EQ(place_conflicts("Ida Voss admitted she misspoke at a 2019 rally in Tarvik.",
                            "Ida Voss admitted she misspoke at the 2019 rally in Ostrova."),
            1u);
  // The same town with its country is one place.
  EXPECT_EQ(place_conflicts("Ida Voss admitted she misspoke at a 2019 rally in Tarvik.",
                            "Ida Voss admitted she misspoke at the 2019 rally in Tarvik, Norland."),
            0u);
  // Two rallies on different occasions are not one event.
  EXPECT_EQ(place_conflicts("Ida Voss spoke at a rally in Tarvik on Monday.",
                            "Ida Voss will speak at a rally in Ostrova on Friday."),
            0u);
}

// A town and the province around it may be one place named at two levels; two towns may not.
TEST(PlaceConflicts, PlacesOfDifferentLevelsDoNotConflict) {
  auto place_conflicts = [](const std::string& first, const std::string& second) {
    FactsOptions options;
    options.place_level = [](std::string_view name) { return name == "Lower Varnia" ? 1 : 2; };
    return place_conflicts_among(first, second, {"Tarvik", "Ostrova", "Lower Varnia"}, options);
  };
  EXPECT_EQ(place_conflicts("Ida Voss admitted she misspoke at a 2019 rally in Tarvik.",
                            "Ida Voss admitted she misspoke at the 2019 rally in Ostrova."),
            1u);
  EXPECT_EQ(place_conflicts("Ida Voss admitted she misspoke at a 2019 rally in Tarvik.",
                            "Ida Voss admitted she misspoke at the 2019 rally in Lower Varnia."),
            0u);
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

// Negation read from the tree: what a negated verb governs or is coordinated with is not an
// affirmation, a determiner "no" denies nothing, and a subject is matched by any word of its
// phrase.
TEST(PolarityConflicts, ScopeOfNegationFollowsTheTree) {
  auto polarity_conflicts = [](const std::string& first, const std::string& second) {
    std::vector<Document> docs;
    docs.push_back(make_document("a", first));
    docs.push_back(make_document("b", second));
    Story story = story_of(docs);
    align_facts(docs, story);
    return count_kind(story, ConflictKind::kPolarity);
  };
  // The whole subject phrase names the company.
  EXPECT_EQ(polarity_conflicts("Kestrel Foods is not buying the Dunmore bakery chain this year.",
                               "The regional grocer Kestrel Foods is buying the Dunmore bakery "
                               "chain this year, people familiar with the deal said."),
            1u);
  EXPECT_EQ(polarity_conflicts(
                "The new ferry terminal will not use imported granite in its construction.",
                "The new ferry terminal will use imported granite in its construction."),
            1u);
  // "won't be required to use": the complement of a negated verb is not asserted either way.
  EXPECT_EQ(polarity_conflicts(
                "The new ferry terminal will not use imported granite in its construction.",
                "The new ferry terminal will not be required to use imported granite in its "
                "construction."),
            0u);
  // "never hired him or paid the fees": the coordinated verb shares the denial.
  EXPECT_EQ(polarity_conflicts("The club never paid the consultant for the stadium report.",
                               "The club never hired the consultant or paid him for the stadium "
                               "report."),
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
