#include <gtest/gtest.h>

#include "core/document.h"
#include "extract/layers.h"
#include "text/text.h"

namespace crosscheck::extract {
namespace {

Document quantities_of(const std::string& text) {
  Document doc;
  doc.text = text;
  annotate_text(doc);
  find_times(doc, "2025-04-17");
  find_quantities(doc);
  return doc;
}

const Quantity* quantity_with_text(const Document& doc, std::string_view text) {
  for (const Quantity& quantity : doc.quantities)
    if (doc.slice(quantity.span) == text) return &quantity;
  return nullptr;
}

TEST(Quantities, BoundNounAndActiveEvent) {
  Document doc = quantities_of("A drone attack killed at least 35 people in the port.");
  const Quantity* q = quantity_with_text(doc, "at least 35");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->value, 35);
  EXPECT_EQ(q->bound, Bound::kAtLeast);
  EXPECT_EQ(q->noun, "people");
  EXPECT_EQ(q->event, "kill");
  EXPECT_EQ(doc.slice(q->event_span), "killed");
  EXPECT_EQ(doc.slice(q->noun_span), "people");
}

TEST(Quantities, PassiveEventAndAdjectivesBeforeTheNoun) {
  Document doc = quantities_of("Officials said 18 Ukrainian civilians were killed overnight.");
  const Quantity* q = quantity_with_text(doc, "18");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->noun, "civilian");
  EXPECT_EQ(q->event, "kill");
}

TEST(Quantities, ElidedNounTakesTheCoordinatedNoun) {
  Document doc = quantities_of("The shelling killed 12 soldiers and wounded 40 near the river.");
  const Quantity* wounded = quantity_with_text(doc, "40");
  ASSERT_TRUE(wounded);
  EXPECT_EQ(wounded->noun, "soldier");
  EXPECT_EQ(wounded->event, "wound");
}

TEST(Quantities, Bounds) {
  Document doc = quantities_of(
      "More than 200 homes, nearly 90 schools, up to 3,000 workers, about 15 towns and fewer "
      "than 10 bridges were hit, and dozens of cars burned.");
  EXPECT_EQ(quantity_with_text(doc, "More than 200")->bound, Bound::kMoreThan);
  EXPECT_EQ(quantity_with_text(doc, "nearly 90")->bound, Bound::kLessThan);
  EXPECT_EQ(quantity_with_text(doc, "up to 3,000")->bound, Bound::kAtMost);
  EXPECT_EQ(quantity_with_text(doc, "up to 3,000")->value, 3000);
  EXPECT_EQ(quantity_with_text(doc, "about 15")->bound, Bound::kAbout);
  EXPECT_EQ(quantity_with_text(doc, "fewer than 10")->bound, Bound::kLessThan);
  const Quantity* dozens = quantity_with_text(doc, "dozens");
  ASSERT_TRUE(dozens);
  EXPECT_EQ(dozens->value, 24);
  EXPECT_EQ(dozens->bound, Bound::kAtLeast);
  EXPECT_EQ(dozens->noun, "car");
}

TEST(Quantities, MoneyAndPercent) {
  Document doc = quantities_of(
      "The fund pledged $5 billion, the bank lent €3m and donors gave 5 million euros; "
      "inflation hit 3.5% while 12 percent of voters agreed.");
  const Quantity* dollars = quantity_with_text(doc, "$5 billion");
  ASSERT_TRUE(dollars);
  EXPECT_EQ(dollars->value, 5e9);
  EXPECT_EQ(dollars->unit, "USD");
  EXPECT_EQ(dollars->event, "pledg");
  ASSERT_TRUE(quantity_with_text(doc, "€3m"));
  EXPECT_EQ(quantity_with_text(doc, "€3m")->value, 3e6);
  EXPECT_EQ(quantity_with_text(doc, "€3m")->unit, "EUR");
  ASSERT_TRUE(quantity_with_text(doc, "5 million euros"));
  EXPECT_EQ(quantity_with_text(doc, "5 million euros")->unit, "EUR");
  EXPECT_EQ(quantity_with_text(doc, "3.5%")->unit, "%");
  EXPECT_EQ(quantity_with_text(doc, "12 percent")->value, 12);
}

TEST(Quantities, NumberWordsAndUnits) {
  Document doc = quantities_of("Three ships and twenty-five tanks moved 40 km in a dozen hours.");
  EXPECT_EQ(quantity_with_text(doc, "Three")->noun, "ship");
  EXPECT_EQ(quantity_with_text(doc, "twenty-five")->value, 25);
  EXPECT_EQ(quantity_with_text(doc, "40 km")->unit, "km");
}

TEST(Quantities, ListMarkersAndPronounOneAreNotCounts) {
  Document doc =
      quantities_of("Key points:\n1. Talks resumed.\n2) Two envoys left.\nOne said more.");
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.slice(doc.quantities[0].span), "Two");
  EXPECT_EQ(doc.quantities[0].noun, "envoy");
}

TEST(Quantities, DatesYearsOrdinalsAndNamesAreNotCounts) {
  Document doc = quantities_of(
      "On April 17 in 2014, the third convoy of F-16 jets left at 4 a.m. under Article 5 for "
      "30 days.");
  for (const Quantity& quantity : doc.quantities) {
    std::string_view text = doc.slice(quantity.span);
    EXPECT_TRUE(text != "17" && text != "2014" && text != "16" && text != "5" && text != "4" &&
                text != "30")
        << text;
  }
}

}  // namespace
}  // namespace crosscheck::extract
