#include <gtest/gtest.h>

#include "core/document.h"
#include "core/story.h"
#include "extract/layers.h"
#include "extract/times_calendar.h"
#include "text/text.h"

namespace crosscheck::extract {
namespace {

Document times_of(const std::string& text, const std::string& dct) {
  Document doc;
  doc.text = text;
  annotate_text(doc);
  find_times(doc, dct);
  return doc;
}

const Timex* timex_with_text(const Document& doc, std::string_view text) {
  for (const Timex& timex : doc.timexes)
    if (doc.slice(timex.span) == text) return &timex;
  return nullptr;
}

TEST(Calendar, WeekdaysAndIsoWeeks) {
  auto day = parse_iso_date("2025-04-17");
  ASSERT_TRUE(day);
  EXPECT_EQ(weekday_of(*day), 3);  // Thursday
  EXPECT_EQ(format_week(*day), "2025-W16");
  EXPECT_EQ(format_week(*parse_iso_date("2021-01-01")), "2020-W53");
  EXPECT_EQ(format_date(*day + 20), "2025-05-07");
  EXPECT_FALSE(parse_iso_date("2025-02-30"));
  EXPECT_FALSE(parse_iso_date("garbage"));
}

TEST(Times, AbsoluteDatesInNewsForms) {
  Document doc = times_of(
      "The deal was signed on April 17, 2025 and confirmed on 3 May 2024. A filing dated "
      "2023-11-05 and another of 4/17/2025 followed. In Sept. 9 talks and in March 2022 they met.",
      "2025-04-20");
  ASSERT_TRUE(timex_with_text(doc, "April 17, 2025"));
  EXPECT_EQ(timex_with_text(doc, "April 17, 2025")->value, "2025-04-17");
  EXPECT_EQ(timex_with_text(doc, "April 17, 2025")->explicit_date, "2025-04-17");
  EXPECT_EQ(timex_with_text(doc, "April 17, 2025")->anchored_to, "absolute");
  ASSERT_TRUE(timex_with_text(doc, "3 May 2024"));
  EXPECT_EQ(timex_with_text(doc, "3 May 2024")->value, "2024-05-03");
  ASSERT_TRUE(timex_with_text(doc, "2023-11-05"));
  ASSERT_TRUE(timex_with_text(doc, "4/17/2025"));
  EXPECT_EQ(timex_with_text(doc, "4/17/2025")->value, "2025-04-17");
  ASSERT_TRUE(timex_with_text(doc, "Sept. 9"));
  EXPECT_EQ(timex_with_text(doc, "Sept. 9")->value, "2024-09-09");  // nearest past September
  ASSERT_TRUE(timex_with_text(doc, "March 2022"));
  EXPECT_EQ(timex_with_text(doc, "March 2022")->value, "2022-03");
}

TEST(Times, WeekdayFollowsTense) {
  // 2025-04-17 is a Thursday.
  Document past =
      times_of("Ministers met on Tuesday and talked overnight on Wednesday.", "2025-04-17");
  ASSERT_TRUE(timex_with_text(past, "Tuesday"));
  EXPECT_EQ(timex_with_text(past, "Tuesday")->value, "2025-04-15");
  EXPECT_EQ(timex_with_text(past, "Tuesday")->weekday, 1);
  EXPECT_EQ(timex_with_text(past, "Tuesday")->anchored_to, "publication");
  ASSERT_TRUE(timex_with_text(past, "Wednesday"));
  EXPECT_EQ(timex_with_text(past, "Wednesday")->value, "2025-04-16");

  Document future = times_of("The envoys will meet again on Monday.", "2025-04-17");
  ASSERT_TRUE(timex_with_text(future, "Monday"));
  EXPECT_EQ(timex_with_text(future, "Monday")->value, "2025-04-21");

  Document night = times_of("Strikes hit the city on Saturday night.", "2025-04-17");
  ASSERT_TRUE(timex_with_text(night, "Saturday night"));
  EXPECT_EQ(timex_with_text(night, "Saturday night")->type, TimexType::kTime);
  EXPECT_EQ(timex_with_text(night, "Saturday night")->value, "2025-04-12TNI");
}

TEST(Times, WeekdayNextToAWrongDateKeepsBoth) {
  // April 7, 2025 was a Monday: the text's weekday and date disagree, and both are recorded.
  Document doc = times_of("The summit opened on Friday, April 7, 2025, in the capital.", "");
  ASSERT_EQ(doc.timexes.size(), 1u);
  const Timex& timex = doc.timexes[0];
  EXPECT_EQ(doc.slice(timex.span), "Friday, April 7, 2025");
  EXPECT_EQ(timex.weekday, 4);
  EXPECT_EQ(timex.explicit_date, "2025-04-07");
  EXPECT_NE(weekday_of(*parse_iso_date(timex.explicit_date)), timex.weekday);
}

TEST(Times, UnresolvedWithoutPublicationDate) {
  Document doc = times_of("Talks ended on Thursday and resume next week.", "");
  ASSERT_TRUE(timex_with_text(doc, "Thursday"));
  EXPECT_EQ(timex_with_text(doc, "Thursday")->anchored_to, "unresolved");
  EXPECT_EQ(timex_with_text(doc, "Thursday")->value, "XXXX-WXX-4");
  EXPECT_EQ(timex_with_text(doc, "Thursday")->weekday, 3);
  ASSERT_TRUE(timex_with_text(doc, "next week"));
  EXPECT_EQ(timex_with_text(doc, "next week")->anchored_to, "unresolved");
}

// Value of the timex written exactly as `text`, or "<none>".
std::string value_of(const Document& doc, std::string_view text) {
  const Timex* timex = timex_with_text(doc, text);
  return timex ? timex->value : "<none>";
}

TEST(Times, RelativeExpressions) {
  Document doc = times_of(
      "Officials said today that yesterday's vote and the one three days ago mattered. Last "
      "week and last month were hard; earlier this month prices rose, and this year is worse.",
      "2025-04-17");
  EXPECT_EQ(value_of(doc, "today"), "2025-04-17");
  EXPECT_EQ(value_of(doc, "yesterday"), "2025-04-16");  // the possessive stays outside
  EXPECT_EQ(value_of(doc, "three days ago"), "2025-04-14");
  EXPECT_EQ(value_of(doc, "Last week"), "2025-W15");
  EXPECT_EQ(value_of(doc, "last month"), "2025-03");
  EXPECT_EQ(value_of(doc, "this month"), "2025-04");  // "earlier" stays outside (TimeBank)
  EXPECT_EQ(value_of(doc, "this year"), "2025");
}

TEST(Times, DeterminersAndModifiersJoinTheSpan) {
  Document doc = times_of(
      "Sales fell in the first nine months and rose a year earlier, late yesterday and last "
      "April; output grew over the last three years.",
      "2025-04-17");
  EXPECT_EQ(value_of(doc, "the first nine months"), "P9M");
  EXPECT_EQ(value_of(doc, "a year earlier"), "2024");
  EXPECT_EQ(value_of(doc, "late yesterday"), "2025-04-16");
  EXPECT_EQ(value_of(doc, "last April"), "2024-04");
  EXPECT_EQ(value_of(doc, "the last three years"), "P3Y");
}

TEST(Times, DurationsTimesAndSets) {
  Document doc = times_of(
      "A 30-day truce held for 24 hours after fighting for over two years. Sirens sounded at "
      "4 a.m. and again at 10:30 p.m.; patrols run every day and reports come weekly.",
      "2025-04-17");
  ASSERT_TRUE(timex_with_text(doc, "30-day"));
  EXPECT_EQ(timex_with_text(doc, "30-day")->value, "P30D");
  EXPECT_EQ(timex_with_text(doc, "30-day")->type, TimexType::kDuration);
  EXPECT_EQ(timex_with_text(doc, "24 hours")->value, "PT24H");
  EXPECT_EQ(timex_with_text(doc, "two years")->value, "P2Y");
  ASSERT_TRUE(timex_with_text(doc, "4 a.m."));
  EXPECT_EQ(timex_with_text(doc, "4 a.m.")->value, "2025-04-17T04:00");
  EXPECT_EQ(timex_with_text(doc, "10:30 p.m.")->value, "2025-04-17T22:30");
  EXPECT_EQ(timex_with_text(doc, "every day")->type, TimexType::kSet);
  EXPECT_EQ(timex_with_text(doc, "weekly")->value, "P1W");
}

TEST(Times, VagueOffsetsAndPartsOfDay) {
  Document doc = times_of("Days after the vote, envoys met at lunchtime for hours.", "2025-04-17");
  EXPECT_EQ(value_of(doc, "Days"), "PXD");
  EXPECT_EQ(value_of(doc, "lunchtime"), "2025-04-17TMI");
  EXPECT_EQ(value_of(doc, "hours"), "PTXH");
}

TEST(Times, YearsDecadesAndCountsThatAreNotYears) {
  Document doc = times_of("Russia annexed Crimea in 2014. In the 1990s, 2000 troops left.", "");
  ASSERT_TRUE(timex_with_text(doc, "2014"));
  EXPECT_EQ(timex_with_text(doc, "2014")->value, "2014");
  ASSERT_TRUE(timex_with_text(doc, "1990s"));
  EXPECT_EQ(timex_with_text(doc, "1990s")->value, "199");
  EXPECT_FALSE(timex_with_text(doc, "2000"));
}

TEST(Times, SpansSliceTheTextAndSentencesAreValid) {
  Document doc =
      times_of("On Monday, June 2, the vote. Then 5 days later, Tuesday's count.", "2025-06-05");
  ASSERT_FALSE(doc.timexes.empty());
  for (const Timex& timex : doc.timexes) {
    EXPECT_LE(timex.span.end, doc.text.size());
    EXPECT_LT(timex.sentence, doc.sentences.size());
    EXPECT_FALSE(timex.value.empty());
  }
}

TEST(StoryTimes, UndatedArticleTakesTheStoryDate) {
  std::vector<Document> documents(3);
  documents[0].text = "Leaders met in Geneva on April 9, 2025, a Wednesday.";
  documents[0].published = "2025-04-10";
  documents[1].text = "The April 9 meeting in Geneva ended without a deal on Wednesday.";
  documents[1].published = "2025-04-11";
  documents[2].text =
      "The leaders met on Wednesday and will meet again next week. The April 2 "
      "session had failed.";
  for (Document& doc : documents) {
    annotate_text(doc);
    find_times(doc, doc.published);
  }
  ASSERT_EQ(timex_with_text(documents[2], "Wednesday")->anchored_to, "unresolved");
  Story story;
  story.documents = {0, 1, 2};
  resolve_story_times(documents, story);
  const Timex* wednesday = timex_with_text(documents[2], "Wednesday");
  ASSERT_TRUE(wednesday);
  EXPECT_EQ(wednesday->value, "2025-04-09");
  EXPECT_EQ(wednesday->anchored_to, "story");
  const Timex* april2 = timex_with_text(documents[2], "April 2");
  ASSERT_TRUE(april2);
  EXPECT_EQ(april2->value, "2025-04-02");
  // Dated articles are untouched.
  EXPECT_EQ(timex_with_text(documents[1], "Wednesday")->anchored_to, "publication");
}

TEST(StoryTimes, BackgroundYearsDoNotSetTheStoryYear) {
  std::vector<Document> documents(2);
  documents[0].text =
      "The minister, in office since 2000 and born on May 1, 1960, walked out "
      "of the March 4 talks on Monday.";
  documents[1].text = "Talks collapsed on March 4, 2024, officials said.";
  for (Document& doc : documents) {
    annotate_text(doc);
    find_times(doc, "");
  }
  Story story;
  story.documents = {0, 1};
  resolve_story_times(documents, story);
  EXPECT_EQ(value_of(documents[0], "March 4"), "2024-03-04");
  EXPECT_EQ(value_of(documents[0], "Monday"), "2024-03-04");
  EXPECT_EQ(timex_with_text(documents[0], "Monday")->anchored_to, "story");
}

TEST(StoryTimes, AnnotateTimesUsesTheGivenDate) {
  Document doc;
  doc.text = "Fighting resumed yesterday.";
  annotate_text(doc);
  annotate_times(doc, "2024-02-29");
  ASSERT_EQ(doc.timexes.size(), 1u);
  EXPECT_EQ(doc.timexes[0].value, "2024-02-28");
}

}  // namespace
}  // namespace crosscheck::extract
