#include "dedup/dedup.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/text.h"

namespace crosscheck {
namespace {

Document make_doc(const std::string& text) {
  Document doc;
  doc.text = normalize(text);
  annotate_text(doc);
  return doc;
}

const char* kWire =
    "Ukraine and its European allies met U.S. envoys in Paris on Thursday for talks on ending "
    "the war, the first such meeting since the new administration took office. French officials "
    "said the discussions covered a possible ceasefire, security guarantees for Kyiv and the "
    "role of a multinational force. The U.S. delegation was led by the secretary of state, who "
    "later spoke by phone with his Russian counterpart about the outcome of the meeting. "
    "European diplomats said they had urged Washington to put more pressure on Moscow to accept "
    "an unconditional truce, after a missile strike on a northern city killed dozens of people "
    "over the weekend. A second round of talks is expected next week in London, where officials "
    "from the three sides will meet again to discuss a framework for a lasting settlement.";

// The same wire story with another lede, a changed word and an extra closing sentence.
const char* kWireEdited =
    "Top diplomats gathered in the French capital as pressure grew for a truce. French "
    "officials said the discussions covered a possible ceasefire, security guarantees for Kyiv "
    "and the role of a multinational force. The U.S. delegation was led by the secretary of "
    "state, who later spoke by phone with his Russian counterpart about the results of the "
    "meeting. European diplomats said they had urged Washington to put more pressure on Moscow "
    "to accept an unconditional truce, after a missile strike on a northern city killed dozens "
    "of people over the weekend. A second round of talks is expected next week in London, where "
    "officials from the three sides will meet again to discuss a framework for a lasting "
    "settlement. The Kremlin did not immediately comment.";

// Another outlet's own write-up of the same event.
const char* kOtherArticle =
    "Senior officials from Washington, Kyiv and several European capitals sat down together in "
    "Paris this week, in what French diplomats described as a turning point for efforts to end "
    "the fighting. Ukraine's foreign minister said the sides had discussed a full ceasefire and "
    "guarantees for his country's security. Moscow dismissed the meeting, saying Europeans "
    "wanted the war to continue. Russia has insisted any deal must halt Western weapons "
    "deliveries to Ukraine, a demand Kyiv rejects. Talks will resume in London next week.";

TEST(Dedup, ExactCopiesAreGrouped) {
  std::vector<Document> docs = {make_doc(kWire), make_doc(kOtherArticle), make_doc(kWire)};
  find_copies(docs);
  EXPECT_EQ(docs[0].copy_group, 0);
  EXPECT_EQ(docs[1].copy_group, 1);
  EXPECT_EQ(docs[2].copy_group, 0);
}

TEST(Dedup, EditedWireCopyIsGroupedButOtherReportIsNot) {
  std::vector<Document> docs = {make_doc(kOtherArticle), make_doc(kWire), make_doc(kWireEdited)};
  find_copies(docs);
  EXPECT_EQ(docs[0].copy_group, 0);
  EXPECT_EQ(docs[1].copy_group, 1);
  EXPECT_EQ(docs[2].copy_group, 1);
}

TEST(Dedup, ShortTextsAndEmptyTexts) {
  std::vector<Document> docs = {make_doc("Breaking news"), make_doc(""), make_doc("Breaking  news"),
                                make_doc("Other words"), make_doc("")};
  find_copies(docs);
  EXPECT_EQ(docs[2].copy_group, 0);  // normalised to the same text
  EXPECT_EQ(docs[3].copy_group, 3);
  EXPECT_EQ(docs[4].copy_group, 1);  // two empty texts are the same text
}

TEST(Dedup, IncrementalIndexMatchesBatch) {
  std::vector<Document> docs = {make_doc(kWire), make_doc(kOtherArticle), make_doc(kWireEdited),
                                make_doc(kWire)};
  CopyIndex index;
  EXPECT_EQ(index.add(docs[0], 0), 0);
  EXPECT_EQ(index.add(docs[1], 1), 1);
  EXPECT_EQ(index.add(docs[2], 2), 0);
  EXPECT_EQ(index.add(docs[3], 3), 0);
  EXPECT_EQ(index.group(7), -1);
  EXPECT_GT(index.similarity(0, 2), 0.5);
  EXPECT_LT(index.similarity(0, 1), 0.2);
  EXPECT_DOUBLE_EQ(index.similarity(0, 3), 1.0);
  find_copies(docs);
  for (uint32_t i = 0; i < docs.size(); ++i) EXPECT_EQ(docs[i].copy_group, index.group(i));
}

TEST(Dedup, UnannotatedDocumentsAreTokenisedOnTheFly) {
  std::vector<Document> docs(2);
  docs[0].text = kWire;
  docs[1].text = kWireEdited;
  find_copies(docs);
  EXPECT_EQ(docs[1].copy_group, 0);
}

TEST(Dedup, TrimmedCopyIsContained) {
  // A site that keeps only the first half of the wire story.
  std::string wire = kWire;
  std::string half = wire.substr(0, wire.find("European diplomats said"));
  std::string third = wire.substr(0, wire.find("The U.S. delegation"));
  std::vector<Document> docs = {make_doc(wire), make_doc(third)};
  find_copies(docs);
  EXPECT_EQ(docs[1].copy_group, 1);  // Jaccard alone: a third of the text is not a copy
  DedupOptions options;
  options.min_containment = 0.8;
  options.min_shingles_for_containment = 10;
  find_copies(docs, options);
  EXPECT_EQ(docs[1].copy_group, 0);
}

TEST(Dedup, DeterministicAcrossRuns) {
  std::vector<Document> a = {make_doc(kWire), make_doc(kOtherArticle), make_doc(kWireEdited)};
  std::vector<Document> b = a;
  find_copies(a);
  find_copies(b);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].copy_group, b[i].copy_group);
}

}  // namespace
}  // namespace crosscheck
