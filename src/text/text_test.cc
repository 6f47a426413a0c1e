#include "text/text.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "text/annotate.h"

namespace crosscheck {
namespace {

// The text of each annotation of one layer (sentences or tokens) of annotated `text`.
template <typename Annotation>
std::vector<std::string> slices_of(const std::string& text,
                                   std::vector<Annotation> Document::*layer) {
  Document doc;
  doc.text = text;
  annotate_text(doc);
  std::vector<std::string> out;
  for (const Annotation& a : doc.*layer) out.emplace_back(doc.slice(a.span));
  return out;
}

std::vector<std::string> sentences_of(const std::string& text) {
  return slices_of(text, &Document::sentences);
}

std::vector<std::string> tokens_of(const std::string& text) {
  return slices_of(text, &Document::tokens);
}

using Strings = std::vector<std::string>;

TEST(Normalize, LineEndingsSpacesAndControls) {
  EXPECT_EQ(normalize("  a\r\nb\rc  \t d\x01 e  "), "a\nb\nc d e");
  EXPECT_EQ(normalize("one\n\n\n\ntwo"), "one\n\ntwo");
  EXPECT_EQ(normalize("one  \n  \n two"), "one\n\ntwo");
  EXPECT_EQ(normalize("a\xC2\xA0"
                      "b\xE2\x80\x83"
                      "c"),
            "a b c");                                // NBSP, em space
  EXPECT_EQ(normalize("\xEF\xBB\xBFtext"), "text");  // BOM dropped
}

TEST(Normalize, ComposesToNfc) {
  // "e" + combining acute -> "é" (U+00E9).
  EXPECT_EQ(normalize("Cafe\xCC\x81"), "Caf\xC3\xA9");
}

TEST(Normalize, RepairsInvalidUtf8AndIsIdempotent) {
  std::string once = normalize("bad \xFF byte\r\n\r\n\r\nnext  line");
  EXPECT_EQ(once, "bad \xEF\xBF\xBD byte\n\nnext line");
  EXPECT_EQ(normalize(once), once);
}

TEST(Sentences, NewsAbbreviationsDoNotSplit) {
  EXPECT_EQ(sentences_of("Gen. Mark Milley met Sen. John Smith in St. Petersburg on Jan. 5. "
                         "They talked."),
            (Strings{"Gen. Mark Milley met Sen. John Smith in St. Petersburg on Jan. 5.",
                     "They talked."}));
  EXPECT_EQ(sentences_of("The U.S. State Department said J. R. Smith left at 9 a.m. on Monday. "
                         "He returned."),
            (Strings{"The U.S. State Department said J. R. Smith left at 9 a.m. on Monday.",
                     "He returned."}));
  EXPECT_EQ(sentences_of("Mr. Macron and Mrs. Smith met Dr. Lee. It went well."),
            (Strings{"Mr. Macron and Mrs. Smith met Dr. Lee.", "It went well."}));
}

TEST(Sentences, AbbreviationAtSentenceEndStillSplits) {
  EXPECT_EQ(sentences_of("Troops were sent by the U.S. The next day they left."),
            (Strings{"Troops were sent by the U.S.", "The next day they left."}));
}

TEST(Sentences, QuotesEndingSentences) {
  EXPECT_EQ(
      sentences_of("\"We will not give up.\" Zelensky said so. \xE2\x80\x9CNever!\xE2\x80\x9D "
                   "he added."),
      (Strings{"\"We will not give up.\"", "Zelensky said so.",
               "\xE2\x80\x9CNever!\xE2\x80\x9D he added."}));
}

TEST(Sentences, HeadlinesAndListsStandAlone) {
  EXPECT_EQ(sentences_of("Talks Resume in Paris\nDiplomats met on Thursday. More later.\n\n"
                         "Key points\n- first item\n- second item\n| a | b |\n| 1 | 2 |"),
            (Strings{"Talks Resume in Paris", "Diplomats met on Thursday.", "More later.",
                     "Key points", "- first item", "- second item", "| a | b |", "| 1 | 2 |"}));
}

TEST(Sentences, LineBreakMidSentenceContinues) {
  EXPECT_EQ(sentences_of("The envoy arrived in the city\nafter a long delay. Then he spoke."),
            (Strings{"The envoy arrived in the city\nafter a long delay.", "Then he spoke."}));
  // A blank line always ends a sentence, even before lower case.
  EXPECT_EQ(sentences_of("The envoy arrived in the city\n\nafter a long delay."),
            (Strings{"The envoy arrived in the city", "after a long delay."}));
}

TEST(Sentences, SpansExcludeWhitespaceAndAreOrdered) {
  Document doc;
  doc.text = "  First one.   Second one.  \n\n  Third  ";
  annotate_text(doc);
  ASSERT_EQ(doc.sentences.size(), 3u);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    std::string_view s = doc.slice(doc.sentences[i].span);
    EXPECT_NE(s.front(), ' ');
    EXPECT_NE(s.back(), ' ');
    if (i > 0) {
      EXPECT_GE(doc.sentences[i].span.start, doc.sentences[i - 1].span.end);
    }
  }
  EXPECT_EQ(doc.slice(doc.sentences[2].span), "Third");
}

TEST(Tokens, NewsWordsAndNumbers) {
  EXPECT_EQ(tokens_of("The U.S.-led talks cost $1,200 (3.5%) over 30-day periods."),
            (Strings{"The", "U.S.", "-", "led", "talks", "cost", "$", "1,200", "(", "3.5", "%", ")",
                     "over", "30-day", "periods", "."}));
  EXPECT_EQ(tokens_of("Russia's envoy didn't meet O'Brien at 10:30 on 9/11..."),
            (Strings{"Russia", "'s", "envoy", "did", "n't", "meet", "O'Brien", "at", "10:30", "on",
                     "9/11", "..."}));
  EXPECT_EQ(tokens_of("Gen. Smith met Mr. Jones."),
            (Strings{"Gen.", "Smith", "met", "Mr.", "Jones", "."}));
}

TEST(Tokens, WebAddressesAndPossessiveAcronyms) {
  EXPECT_EQ(tokens_of("See https://example.com/a-b?x=1, or www.example.org. The U.S.'s envoy"),
            (Strings{"See", "https://example.com/a-b?x=1", ",", "or", "www.example.org", ".", "The",
                     "U.S.", "'s", "envoy"}));
  Document doc;
  doc.text = "Read http://x.com/y now";
  annotate_text(doc);
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.tokens[1].shape, TokenShape::kSymbol);
  EXPECT_TRUE(doc.tokens[1].stem.empty());
}

TEST(Sentences, WirePrefixesAndScores) {
  EXPECT_EQ(sentences_of("WASHINGTON (AP) \xE2\x80\x94 The Senate voted 52-48 on Jan. 6. "
                         "No. 10 Downing St. said nothing."),
            (Strings{"WASHINGTON (AP) \xE2\x80\x94 The Senate voted 52-48 on Jan. 6.",
                     "No. 10 Downing St. said nothing."}));
  EXPECT_EQ(tokens_of("voted 52-48 for $1.5 billion"),
            (Strings{"voted", "52-48", "for", "$", "1.5", "billion"}));
}

TEST(Tokens, CurlyQuotesAndApostrophes) {
  EXPECT_EQ(tokens_of("\xE2\x80\x9CRussia\xE2\x80\x99s war\xE2\x80\x9D \xE2\x80\x94 he said"),
            (Strings{"\xE2\x80\x9C", "Russia", "\xE2\x80\x99s", "war", "\xE2\x80\x9D",
                     "\xE2\x80\x94", "he", "said"}));
}

TEST(Tokens, ByteOffsetsOnNonAsciiText) {
  Document doc;
  doc.text =
      "Le caf\xC3\xA9 \xE2\x80\x94 Zelensky\xE2\x80\x99s \xC3\x89lys\xC3\xA9"
      "e visit.";
  annotate_text(doc);
  Strings expected = {"Le",
                      "caf\xC3\xA9",
                      "\xE2\x80\x94",
                      "Zelensky",
                      "\xE2\x80\x99s",
                      "\xC3\x89lys\xC3\xA9"
                      "e",
                      "visit",
                      "."};
  ASSERT_EQ(doc.tokens.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(doc.slice(doc.tokens[i].span), expected[i]) << i;
  }
  EXPECT_EQ(doc.tokens[5].lower,
            "\xC3\xA9lys\xC3\xA9"
            "e");
  EXPECT_TRUE(doc.tokens[5].capitalized);
  EXPECT_EQ(doc.tokens[2].shape, TokenShape::kPunct);
}

TEST(Tokens, ShapesFlagsAndStems) {
  Document doc;
  doc.text = "NATO leaders were negotiating 35 ceasefires + 2 more";
  annotate_text(doc);
  ASSERT_EQ(doc.tokens.size(), 9u);
  EXPECT_TRUE(doc.tokens[0].all_caps);
  EXPECT_TRUE(doc.tokens[0].capitalized);
  EXPECT_FALSE(doc.tokens[1].capitalized);
  EXPECT_EQ(doc.tokens[3].stem, "negoti");
  EXPECT_EQ(doc.tokens[4].shape, TokenShape::kNumber);
  EXPECT_EQ(doc.tokens[5].stem, "ceasefir");
  EXPECT_EQ(doc.tokens[6].shape, TokenShape::kSymbol);
  EXPECT_EQ(doc.tokens[1].lower, "leaders");
  EXPECT_EQ(doc.tokens[1].stem, "leader");
  for (const Token& t : doc.tokens) EXPECT_EQ(t.sentence, 0u);
}

TEST(Tokens, AnnotateIsIdempotentAndTokensStayInSentences) {
  Document doc;
  doc.text = normalize(
      "Talks in Paris\nU.S. envoy Steve Witkoff met Ukraine's team. "
      "\xE2\x80\x9CWe\xE2\x80\x99re close,\xE2\x80\x9D he said.");
  annotate_text(doc);
  std::vector<Token> first = doc.tokens;
  size_t sentence_count = doc.sentences.size();
  annotate_text(doc);
  ASSERT_EQ(doc.tokens.size(), first.size());
  EXPECT_EQ(doc.sentences.size(), sentence_count);
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(doc.tokens[i].span, first[i].span);
    const Sentence& s = doc.sentences[doc.tokens[i].sentence];
    EXPECT_TRUE(s.span.contains(doc.tokens[i].span));
  }
}

TEST(Tokens, WithTokensAnnotatesOnlyWhenNeeded) {
  Document bare;
  bare.text = "Talks resumed.";
  Document scratch;
  const Document& annotated = with_tokens(bare, scratch);
  EXPECT_EQ(&annotated, &scratch);
  EXPECT_EQ(annotated.tokens.size(), 3u);
  Document ready = annotated;
  EXPECT_EQ(&with_tokens(ready, scratch), &ready);
}

TEST(Words, FoldCaseStemStopWords) {
  EXPECT_EQ(fold_case("Stra\xC3\x9F"
                      "E"),
            "strasse");
  EXPECT_EQ(fold_case("HELLO"), "hello");
  EXPECT_EQ(stem("running"), "run");
  EXPECT_EQ(stem("talks"), "talk");
  EXPECT_TRUE(is_stop_word("the"));
  EXPECT_TRUE(is_stop_word("would"));
  EXPECT_FALSE(is_stop_word("ceasefire"));
}

TEST(Abbreviations, Classify) {
  using text_internal::AbbreviationKind;
  using text_internal::classify_abbreviation;
  EXPECT_EQ(classify_abbreviation("Gen."), AbbreviationKind::kTitle);
  EXPECT_EQ(classify_abbreviation("U.S."), AbbreviationKind::kCanEnd);
  EXPECT_EQ(classify_abbreviation("J."), AbbreviationKind::kInitial);
  EXPECT_EQ(classify_abbreviation("Sept."), AbbreviationKind::kMonth);
  EXPECT_EQ(classify_abbreviation("talks."), AbbreviationKind::kNone);
}

// Runs without spaces used to make the abbreviation check scan back to the segment start at
// every boundary (20 s for this input); now each check looks at a bounded window.
TEST(Robustness, LongRunsWithoutSpacesStayLinear) {
  for (const char* piece : {"a!", "A.", "x.y", "a'", "Mr.", "U.S.-"}) {
    Document doc;
    for (int i = 0; i < 100000; ++i) doc.text += piece;
    auto start = std::chrono::steady_clock::now();
    annotate_text(doc);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 3.0) << piece;
    EXPECT_FALSE(doc.tokens.empty());
  }
}

TEST(Robustness, ArbitraryBytesDoNotBreakInvariants) {
  std::string junk;
  uint32_t state = 12345;
  for (int i = 0; i < 20000; ++i) {
    state = state * 1103515245u + 12345u;
    junk.push_back(static_cast<char>((state >> 16) & 0xFF));
  }
  Document doc;
  doc.text = normalize(junk);
  annotate_text(doc);
  for (const Token& t : doc.tokens) {
    EXPECT_LT(t.span.start, t.span.end);
    EXPECT_LE(t.span.end, doc.text.size());
  }
}

}  // namespace
}  // namespace crosscheck
