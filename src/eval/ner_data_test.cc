#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eval/benchmark_data.h"

namespace crosscheck::eval {
namespace {

TEST(ConllChunks, ReadsIob1AndIob2LikeConlleval) {
  std::vector<uint32_t> one_sentence(6, 0);
  // IOB1: B- only between two adjacent names of one type.
  std::vector<Chunk> iob1 =
      chunks_of({"I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"}, one_sentence);
  ASSERT_EQ(iob1.size(), 4u);
  EXPECT_EQ(iob1[0], (Chunk{0, 0, 2, "PER"}));
  EXPECT_EQ(iob1[1], (Chunk{0, 2, 3, "PER"}));
  EXPECT_EQ(iob1[2], (Chunk{0, 4, 5, "LOC"}));
  EXPECT_EQ(iob1[3], (Chunk{0, 5, 6, "ORG"}));
  std::vector<Chunk> iob2 =
      chunks_of({"B-PER", "I-PER", "B-PER", "O", "B-LOC", "I-LOC"}, one_sentence);
  ASSERT_EQ(iob2.size(), 3u);
  EXPECT_EQ(iob2[2], (Chunk{0, 4, 6, "LOC"}));
  // A name never runs across a sentence break.
  std::vector<Chunk> split = chunks_of({"I-ORG", "I-ORG"}, {0, 1});
  EXPECT_EQ(split.size(), 2u);
}

TEST(ConllChunks, TagsFromMentionsMarkAdjacentNamesOfOneType) {
  std::vector<Span> tokens = {{0, 4}, {5, 9}, {10, 14}, {15, 17}};
  std::vector<uint32_t> sentences(4, 0);
  Mention a, b;
  a.span = {0, 9};
  a.type = EntityType::kPerson;
  b.span = {10, 14};
  b.type = EntityType::kPerson;
  std::vector<std::string> tags = tags_from_mentions(tokens, sentences, {a, b});
  EXPECT_EQ(tags, (std::vector<std::string>{"I-PER", "I-PER", "B-PER", "O"}));
}

TEST(ConllReader, BuildsTextSpansAndGoldMentions) {
  Problems problems;
  std::vector<ConllDocument> documents =
      parse_conll({"-DOCSTART- -X- O O", "", "EU NNP I-NP I-ORG", "rejects VBZ I-VP O",
                   "German JJ I-NP I-MISC", "", "Peter NNP I-NP I-PER", "Blackburn NNP I-NP I-PER",
                   "-DOCSTART- -X- O O", "", "Oslo NNP I-NP B-LOC", "oneword", "x y BAD-TAG"},
                  "test", problems);
  ASSERT_EQ(documents.size(), 2u);
  const ConllDocument& first = documents[0];
  EXPECT_EQ(first.doc.text, "EU rejects German\n\nPeter Blackburn");
  ASSERT_EQ(first.doc.mentions.size(), 3u);
  EXPECT_EQ(first.doc.slice(first.doc.mentions[0].span), "EU");
  EXPECT_EQ(first.doc.mentions[0].type, EntityType::kOrganization);
  EXPECT_EQ(first.doc.slice(first.doc.mentions[2].span), "Peter Blackburn");
  EXPECT_EQ(first.sentence_of.back(), 1u);
  EXPECT_EQ(documents[1].doc.mentions.size(), 1u);
  EXPECT_EQ(problems.size(), 2u);  // the single column and the unknown tag
}

TEST(MeantimeReader, NamesAreTheCapitalisedRunEndingTheMention) {
  std::string xml =
      R"(<?xml version="1.0"?><Document doc_id="1">)"
      R"(<token number="0" sentence="0" t_id="1">U.S.</token>)"
      R"(<token number="1" sentence="0" t_id="2">automaker</token>)"
      R"(<token number="2" sentence="0" t_id="3">Chrysler</token>)"
      R"(<token number="3" sentence="0" t_id="4">left</token>)"
      R"(<token number="4" sentence="1" t_id="5">the</token>)"
      R"(<token number="5" sentence="1" t_id="6">government</token>)"
      R"(<token number="6" sentence="1" t_id="7">of</token>)"
      R"(<token number="7" sentence="1" t_id="8">Canada</token>)"
      R"(<token number="8" sentence="1" t_id="9">cars</token>)"
      R"(<Markables>)"
      R"(<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/>)"
      R"(<token_anchor t_id="2"/><token_anchor t_id="3"/></ENTITY_MENTION>)"
      R"(<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="5"/>)"
      R"(<token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/></ENTITY_MENTION>)"
      R"(<ENTITY_MENTION m_id="3" syntactic_type=""><token_anchor t_id="9"/></ENTITY_MENTION>)"
      R"(<ENTITY m_id="10" ent_type="ORG" instance_id="ORG7"/>)"
      R"(<ENTITY m_id="11" ent_type="LOC" instance_id="LOC3"/>)"
      R"(<ENTITY m_id="12" ent_type="PRO" instance_id="PRO1"/>)"
      R"(</Markables><Relations>)"
      R"(<REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>)"
      R"(<REFERS_TO r_id="2"><source m_id="2"/><target m_id="11"/></REFERS_TO>)"
      R"(<REFERS_TO r_id="3"><source m_id="3"/><target m_id="12"/></REFERS_TO>)"
      R"(</Relations></Document>)";
  MeantimeDocument document;
  Problem problem;
  ASSERT_TRUE(read_meantime("test.xml", xml, document, problem)) << problem.reason;
  EXPECT_EQ(document.doc.text, "U.S. automaker Chrysler left\n\nthe government of Canada cars");
  ASSERT_EQ(document.names.size(), 2u);
  EXPECT_EQ(document.doc.slice(document.names[0].span), "Chrysler");
  EXPECT_EQ(document.names[0].type, EntityType::kOrganization);
  EXPECT_EQ(document.names[0].instance, "ORG7");
  EXPECT_EQ(document.doc.slice(document.names[1].span), "Canada");
  EXPECT_EQ(document.other_extents.size(), 1u);

  MeantimeDocument broken;
  EXPECT_FALSE(read_meantime("broken.xml", "<Document><token", broken, problem));
  EXPECT_FALSE(problem.reason.empty());
}

}  // namespace
}  // namespace crosscheck::eval
