#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

#include "core/document.h"
#include "core/ud.h"
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
  EXPECT_TRUE(dozens->vague);
  EXPECT_EQ(dozens->low, 24);
  EXPECT_EQ(dozens->high, 99);
  EXPECT_EQ(dozens->bound, Bound::kAbout);
  EXPECT_EQ(dozens->noun, "car");
  const Quantity* more = quantity_with_text(doc, "More than 200");
  EXPECT_EQ(more->low, 200);
  EXPECT_TRUE(std::isinf(more->high));
  EXPECT_EQ(quantity_with_text(doc, "up to 3,000")->low, 0);
  EXPECT_EQ(quantity_with_text(doc, "up to 3,000")->high, 3000);
}

TEST(Quantities, VagueCountsKeepTheirRangeNotAMadeUpBound) {
  Document doc = quantities_of(
      "Thousands of residents fled, tens of thousands lost power, hundreds of thousands were "
      "displaced and dozens were hurt.");
  const Quantity* thousands = quantity_with_text(doc, "Thousands");
  ASSERT_TRUE(thousands);
  EXPECT_TRUE(thousands->vague);
  EXPECT_EQ(thousands->bound, Bound::kAbout);
  EXPECT_EQ(thousands->low, 2000);
  EXPECT_EQ(thousands->high, 9999);
  EXPECT_GT(thousands->value, 2000);
  EXPECT_LT(thousands->value, 9999);
  EXPECT_EQ(thousands->noun, "resident");
  const Quantity* tens = quantity_with_text(doc, "tens of thousands");
  ASSERT_TRUE(tens);
  EXPECT_EQ(tens->low, 20000);
  EXPECT_EQ(tens->high, 99999);
  const Quantity* hundreds = quantity_with_text(doc, "hundreds of thousands");
  ASSERT_TRUE(hundreds);
  EXPECT_EQ(hundreds->low, 200000);
  EXPECT_EQ(hundreds->high, 999999);
}

TEST(Quantities, WrittenRanges) {
  Document doc = quantities_of(
      "Between 35 and 40 people died; prices rose 20 to 25 percent and the plan costs $3-4 "
      "billion, up from 10 to 12 in May.");
  const Quantity* between = quantity_with_text(doc, "Between 35 and 40");
  ASSERT_TRUE(between);
  EXPECT_EQ(between->low, 35);
  EXPECT_EQ(between->high, 40);
  EXPECT_EQ(between->noun, "people");
  const Quantity* percent = quantity_with_text(doc, "20 to 25 percent");
  ASSERT_TRUE(percent);
  EXPECT_EQ(percent->unit, "%");
  EXPECT_EQ(percent->high, 25);
  const Quantity* money = quantity_with_text(doc, "$3-4 billion");
  ASSERT_TRUE(money);
  EXPECT_EQ(money->low, 3e9);
  EXPECT_EQ(money->high, 4e9);
  EXPECT_FALSE(quantity_with_text(doc, "10 to 12"));  // a change, not a range
}

TEST(Quantities, RangeWithTheCurrencyWrittenTwiceAndBoundsAfterTheNumber) {
  Document doc = quantities_of(
      "The firm paid \u20ac40,000 to \u20ac55,000 in fines. By dawn 12 or more boats sank, a "
      "dozen or so crews were rescued and 30 or fewer cabins remain.");
  const Quantity* fines = quantity_with_text(doc, "\u20ac40,000 to \u20ac55,000");
  ASSERT_TRUE(fines);
  EXPECT_EQ(fines->low, 40000);
  EXPECT_EQ(fines->high, 55000);
  EXPECT_EQ(fines->unit, "EUR");
  const Quantity* boats = quantity_with_text(doc, "12 or more");
  ASSERT_TRUE(boats);
  EXPECT_EQ(boats->bound, Bound::kAtLeast);
  EXPECT_EQ(boats->noun, "boat");
  const Quantity* crews = quantity_with_text(doc, "a dozen or so");
  ASSERT_TRUE(crews);
  EXPECT_EQ(crews->bound, Bound::kAbout);
  EXPECT_EQ(crews->value, 12);
  const Quantity* cabins = quantity_with_text(doc, "30 or fewer");
  ASSERT_TRUE(cabins);
  EXPECT_EQ(cabins->bound, Bound::kAtMost);
  EXPECT_EQ(cabins->high, 30);
}

TEST(Quantities, ScaleWordAfterAClosingQuoteAndGluedAbbreviations) {
  Document doc = quantities_of(
      "The ministry called it a \u201c$2.3\u201d billion gamble; analysts put losses at 1.5bn.");
  const Quantity* money = quantity_with_text(doc, "$2.3\u201d billion");
  ASSERT_TRUE(money);
  EXPECT_EQ(money->value, 2.3e9);
  EXPECT_EQ(money->unit, "USD");
  const Quantity* glued = quantity_with_text(doc, "1.5bn");
  ASSERT_TRUE(glued);
  EXPECT_EQ(glued->value, 1.5e9);
}

// Sets the syntax layer of `doc` by token: UPOS, head (1-based, 0 root) and relation.
void set_tree(Document& doc, const std::vector<std::tuple<Upos, int, std::string>>& tree) {
  ASSERT_EQ(doc.tokens.size(), tree.size());
  for (size_t i = 0; i < tree.size(); ++i) {
    doc.tokens[i].upos = std::get<0>(tree[i]);
    doc.tokens[i].head = std::get<1>(tree[i]) - 1;
    doc.tokens[i].deprel = deprel_from_name(std::get<2>(tree[i]));
  }
}

TEST(Quantities, NounAndPredicateFromTheTree) {
  // The word window would take "officials" as the predicate-less noun after "said"; the tree
  // attaches 40 to "workers" and "workers" to "evacuated".
  Document doc;
  doc.text = "Crews evacuated, officials said, 40 mine workers.";
  annotate_text(doc);
  set_tree(doc, {{Upos::kNoun, 2, "nsubj"},
                 {Upos::kVerb, 0, "root"},
                 {Upos::kPunct, 5, "punct"},
                 {Upos::kNoun, 5, "nsubj"},
                 {Upos::kVerb, 2, "parataxis"},
                 {Upos::kPunct, 5, "punct"},
                 {Upos::kNum, 9, "nummod"},
                 {Upos::kNoun, 9, "compound"},
                 {Upos::kNoun, 2, "obj"},
                 {Upos::kPunct, 2, "punct"}});
  find_times(doc, "2025-04-17");
  find_quantities(doc);
  const Quantity* q = quantity_with_text(doc, "40");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->noun, "worker");
  EXPECT_EQ(doc.slice(q->event_span), "evacuated");
}

TEST(Quantities, CopulaIsThePredicateOfANominalOrAdjectivalClause) {
  // UD makes the nominal the head and attaches "were" to it: the count's predicate is "be".
  Document doc;
  doc.text = "Four ferries were out of service on Monday.";
  annotate_text(doc);
  set_tree(doc, {{Upos::kNum, 2, "nummod"},
                 {Upos::kNoun, 6, "nsubj"},
                 {Upos::kAux, 6, "cop"},
                 {Upos::kAdp, 6, "case"},
                 {Upos::kAdp, 4, "fixed"},
                 {Upos::kNoun, 0, "root"},
                 {Upos::kAdp, 8, "case"},
                 {Upos::kPropn, 6, "obl"},
                 {Upos::kPunct, 6, "punct"}});
  find_times(doc, "2025-04-17");
  find_quantities(doc);
  const Quantity* q = quantity_with_text(doc, "Four");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->noun, "ferry");
  EXPECT_EQ(doc.slice(q->event_span), "were");

  // The counted noun is itself the predicate nominal.
  Document own;
  own.text = "They were 12 volunteers.";
  annotate_text(own);
  set_tree(own, {{Upos::kPron, 4, "nsubj"},
                 {Upos::kAux, 4, "cop"},
                 {Upos::kNum, 4, "nummod"},
                 {Upos::kNoun, 0, "root"},
                 {Upos::kPunct, 4, "punct"}});
  find_times(own, "2025-04-17");
  find_quantities(own);
  q = quantity_with_text(own, "12");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->noun, "volunteer");
  EXPECT_EQ(own.slice(q->event_span), "were");
}

TEST(Quantities, CountWordsOfCountWordsCountTheLastNoun) {
  Document doc;
  doc.text = "Floods displaced hundreds of thousands of families.";
  annotate_text(doc);
  set_tree(doc, {{Upos::kNoun, 2, "nsubj"},
                 {Upos::kVerb, 0, "root"},
                 {Upos::kNoun, 2, "obj"},
                 {Upos::kAdp, 5, "case"},
                 {Upos::kNoun, 3, "nmod"},
                 {Upos::kAdp, 7, "case"},
                 {Upos::kNoun, 5, "nmod"},
                 {Upos::kPunct, 2, "punct"}});
  find_times(doc, "2025-04-17");
  find_quantities(doc);
  const Quantity* q = quantity_with_text(doc, "hundreds of thousands");
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->vague);
  EXPECT_EQ(q->noun, "family");
  EXPECT_EQ(doc.slice(q->event_span), "displaced");

  // Nothing named is counted: no noun, not "thousand".
  Document bare;
  bare.text = "The march could draw hundreds of thousands.";
  annotate_text(bare);
  set_tree(bare, {{Upos::kDet, 2, "det"},
                  {Upos::kNoun, 4, "nsubj"},
                  {Upos::kAux, 4, "aux"},
                  {Upos::kVerb, 0, "root"},
                  {Upos::kNoun, 4, "obj"},
                  {Upos::kAdp, 7, "case"},
                  {Upos::kNoun, 5, "nmod"},
                  {Upos::kPunct, 4, "punct"}});
  find_times(bare, "2025-04-17");
  find_quantities(bare);
  q = quantity_with_text(bare, "hundreds of thousands");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->noun, "");
  EXPECT_EQ(bare.slice(q->event_span), "draw");
}

TEST(Quantities, CountedNounIsTheParsersLemma) {
  // The suffix rule alone would make "caucuse" of "caucuses"; the lemma the syntax stage gives
  // is used when there is one.
  Document doc;
  doc.text = "The four caucuses agreed.";
  annotate_text(doc);
  set_tree(doc, {{Upos::kDet, 3, "det"},
                 {Upos::kNum, 3, "nummod"},
                 {Upos::kNoun, 4, "nsubj"},
                 {Upos::kVerb, 0, "root"},
                 {Upos::kPunct, 4, "punct"}});
  doc.tokens[2].lemma = "caucus";
  find_times(doc, "2025-04-17");
  find_quantities(doc);
  const Quantity* q = quantity_with_text(doc, "four");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->noun, "caucus");
  EXPECT_EQ(doc.slice(q->event_span), "agreed");
}

TEST(Quantities, TenThousandNumberLikeTokensReadInOnePass) {
  std::string text;
  for (int i = 0; i < 10000; ++i)
    text += i % 3 == 0 ? "12 - " : i % 3 == 1 ? "dozens of " : "3.5bn ";
  Document doc = quantities_of(text);
  EXPECT_GT(doc.quantities.size(), 1000u);
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
