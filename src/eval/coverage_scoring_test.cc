#include "eval/coverage_scoring.h"

#include <gtest/gtest.h>

namespace crosscheck::eval {
namespace {

Cite cite(const std::string& article, const std::string& text) {
  Cite c;
  c.article = article;
  c.text = text;
  return c;
}

LabelledEvent event_of_two() {
  LabelledEvent event;
  event.article_ids = {"x", "y"};
  event.article_texts = {"The ferry sank on Monday.\n\nNine  people were rescued by boats.",
                         "Officials said the ferry went down on Sunday. Eleven were rescued."};
  event.conflicts.push_back({"date", true, {"x", "sank on Monday"}, {"y", "down on Sunday"}});
  event.conflicts.push_back({"number", false, {"x", "Nine people"}, {"y", "Eleven were"}});
  event.compatible.push_back({"other", true, {"x", "rescued by boats"}, {"y", "Officials said"}});
  event.facts.push_back({"ferry sank", {{"x", "The ferry sank"}, {"y", "the ferry went down"}}});
  event.facts.push_back({"only one", {{"x", "rescued by boats"}}});
  return event;
}

Conflict conflict_of(const Cite& a, const Cite& b) {
  Conflict conflict;
  conflict.sides.push_back({"a", {a}});
  conflict.sides.push_back({"b", {b}});
  return conflict;
}

TEST(CoverageScoring, WhitespaceCollapsedAndRangesOverlap) {
  LabelledEvent event = event_of_two();
  EventTexts texts(event);
  EXPECT_TRUE(texts.matches(cite("x", "Nine people"), {"x", "Nine  people were"}));
  EXPECT_TRUE(texts.matches(cite("x", "Monday.\n\nNine"), {"x", "Nine people"}));
  EXPECT_FALSE(texts.matches(cite("x", "The ferry"), {"x", "Nine people"}));
  EXPECT_FALSE(texts.matches(cite("y", "Nine people"), {"x", "Nine people"}));
  EXPECT_EQ(collapse_whitespace("  a \n\t b  "), "a b");
}

TEST(CoverageScoring, TruePositivesBorderlineFalseAlarmsAndLookalikes) {
  LabelledEvent event = event_of_two();
  std::vector<Conflict> conflicts = {
      conflict_of(cite("y", "Sunday"), cite("x", "Monday")),          // clear, sides swapped
      conflict_of(cite("x", "Nine"), cite("y", "Eleven")),            // borderline only
      conflict_of(cite("x", "boats"), cite("y", "Officials")),        // look-alike
      conflict_of(cite("x", "The ferry sank"), cite("x", "Monday")),  // nothing
  };
  Fact shared;
  shared.sources = 2;
  shared.cites = {cite("x", "The ferry sank on Monday."),
                  cite("y", "Officials said the ferry went down on Sunday.")};
  EventScore s = score_event(event, conflicts, {shared});
  EXPECT_EQ(s.reported, 4);
  EXPECT_EQ(s.true_positive, 1);
  EXPECT_EQ(s.borderline, 1);
  EXPECT_EQ(s.false_alarm, 2);
  EXPECT_EQ(s.lookalike, 1);
  EXPECT_EQ(s.clear_labels, 1);
  EXPECT_EQ(s.clear_found, 1);
  EXPECT_EQ(s.shared_facts, 1);
  EXPECT_EQ(s.shared_facts_found, 1);
}

TEST(CoverageScoring, ASingleSourceFactDoesNotCount) {
  LabelledEvent event = event_of_two();
  Fact single;
  single.sources = 1;
  single.cites = {cite("x", "The ferry sank on Monday."), cite("y", "the ferry went down")};
  EventScore s = score_event(event, {}, {single});
  EXPECT_EQ(s.shared_facts_found, 0);
  EXPECT_EQ(s.clear_found, 0);
}


TEST(CoverageScoring, PairsOfCitesAreRightWhenOneLabelledFactHoldsBoth) {
  LabelledEvent event = event_of_two();
  event.facts.push_back({"rescue", {{"y", "Eleven were rescued"}}});
  Fact right;
  right.sources = 2;
  right.cites = {cite("x", "The ferry sank on Monday."), cite("y", "the ferry went down")};
  Fact wrong;
  wrong.sources = 2;
  wrong.cites = {cite("x", "The ferry sank on Monday."), cite("y", "Eleven were rescued.")};
  Fact unlabelled;  // a side that cites no labelled quote is not judged
  unlabelled.sources = 2;
  unlabelled.cites = {cite("x", "The ferry sank on Monday."), cite("y", "Officials said")};
  EventScore s = score_event(event, {}, {right, wrong, unlabelled});
  EXPECT_EQ(s.fact_pairs, 2);
  EXPECT_EQ(s.fact_pairs_right, 1);
}

}  // namespace
}  // namespace crosscheck::eval
