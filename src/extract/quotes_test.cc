#include <gtest/gtest.h>

#include "core/document.h"
#include "extract/layers.h"
#include "text/text.h"

namespace crosscheck::extract {
namespace {

Document quotes_of(const std::string& text, std::vector<Mention> mentions = {}) {
  Document doc;
  doc.text = text;
  annotate_text(doc);
  doc.mentions = std::move(mentions);
  find_quotes(doc);
  return doc;
}

Mention person(const std::string& text, std::string_view name) {
  Mention mention;
  size_t start = text.find(name);
  mention.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(start + name.size())};
  mention.type = EntityType::kPerson;
  return mention;
}

const Quote* quote_with_content(const Document& doc, std::string_view content) {
  for (const Quote& quote : doc.quotes)
    if (doc.slice(quote.content) == content) return &quote;
  return nullptr;
}

TEST(Quotes, CurlyQuoteWithPronounSpeaker) {
  std::string text =
      "Finance Minister Anna Berg arrived late. “We will not sign this,” she told reporters.";
  Document doc = quotes_of(text, {person(text, "Anna Berg")});
  const Quote* quote = quote_with_content(doc, "We will not sign this,");
  ASSERT_TRUE(quote);
  EXPECT_TRUE(quote->direct);
  EXPECT_EQ(doc.slice(quote->source), "she");
  EXPECT_EQ(doc.slice(quote->cue), "told");
  EXPECT_EQ(quote->speaker, "Anna Berg");
  EXPECT_FALSE(quote->anonymous);
}

TEST(Quotes, StraightQuoteWithInvertedAnonymousSource) {
  Document doc = quotes_of("\"Nobody expected a breakthrough,\" said one senior diplomat.");
  const Quote* quote = quote_with_content(doc, "Nobody expected a breakthrough,");
  ASSERT_TRUE(quote);
  EXPECT_EQ(doc.slice(quote->source), "one senior diplomat");
  EXPECT_TRUE(quote->anonymous);
  EXPECT_TRUE(quote->speaker.empty());
}

TEST(Quotes, CueBeforeTheQuoteAndContinuation) {
  std::string text = "Marco Feld said: “The door is open.” Later he added: “Not for long.”";
  Document doc = quotes_of(text, {person(text, "Marco Feld")});
  const Quote* first = quote_with_content(doc, "The door is open.");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->speaker, "Marco Feld");
  const Quote* second = quote_with_content(doc, "Not for long.");
  ASSERT_TRUE(second);
  EXPECT_EQ(doc.slice(second->cue), "added");
  EXPECT_EQ(second->speaker, "Marco Feld");
}

TEST(Quotes, PartialQuoteInsideASentence) {
  std::string text = "Chancellor Ida Moor said the sanctions put “real pressure” on the regime.";
  Document doc = quotes_of(text, {person(text, "Ida Moor")});
  const Quote* quote = quote_with_content(doc, "real pressure");
  ASSERT_TRUE(quote);
  EXPECT_TRUE(quote->direct);
  EXPECT_EQ(quote->speaker, "Ida Moor");
}

TEST(Quotes, IndirectSpeech) {
  Document doc = quotes_of(
      "A European official said that the talks had stalled. The blockade will end soon, "
      "officials said. According to the agency, the border is closed.");
  const Quote* that_clause = quote_with_content(doc, "that the talks had stalled");
  ASSERT_TRUE(that_clause);
  EXPECT_FALSE(that_clause->direct);
  EXPECT_TRUE(that_clause->anonymous);
  EXPECT_EQ(doc.slice(that_clause->source), "A European official");
  const Quote* final_cue = quote_with_content(doc, "The blockade will end soon");
  ASSERT_TRUE(final_cue);
  EXPECT_EQ(doc.slice(final_cue->source), "officials");
  EXPECT_TRUE(final_cue->anonymous);
  const Quote* according = quote_with_content(doc, "the border is closed");
  ASSERT_TRUE(according);
  EXPECT_EQ(doc.slice(according->cue), "According to");
  EXPECT_EQ(doc.slice(according->source), "the agency");
}

TEST(Quotes, TypewriterMarksAndTitledSourceWithParenthesis) {
  Document doc = quotes_of(
      "''The vote was close,'' Sen. Mara Quill (D-Ore.) said on Tuesday. A poll found that "
      "turnout fell.");
  const Quote* quote = quote_with_content(doc, "The vote was close,");
  ASSERT_TRUE(quote);
  EXPECT_EQ(doc.slice(quote->source), "Sen. Mara Quill (D-Ore.)");
  EXPECT_EQ(quote->speaker, "Mara Quill");
  const Quote* finding = quote_with_content(doc, "that turnout fell");
  ASSERT_TRUE(finding);
  EXPECT_EQ(doc.slice(finding->cue), "found");
  EXPECT_EQ(doc.slice(finding->source), "A poll");
}

TEST(Quotes, SubjectWithAppositionAndDefiniteRoleIsNotAnonymous) {
  Document doc = quotes_of(
      "Lena Voss, the bank's chief economist, said that rates would rise. The US envoy said "
      "talks went well.");
  const Quote* apposition = quote_with_content(doc, "that rates would rise");
  ASSERT_TRUE(apposition);
  EXPECT_EQ(doc.slice(apposition->source), "Lena Voss, the bank's chief economist");
  EXPECT_EQ(apposition->speaker, "Lena Voss");
  const Quote* envoy = quote_with_content(doc, "talks went well");
  ASSERT_TRUE(envoy);
  EXPECT_FALSE(envoy->anonymous);
}

TEST(Quotes, AdverbialBeforeTheSourceIsNotContent) {
  Document doc = quotes_of(
      "Ahead of the vote, party leaders said they would back the bill. These claims were "
      "disputed.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.slice(doc.quotes[0].content), "they would back the bill");
  EXPECT_EQ(doc.slice(doc.quotes[0].source), "party leaders");
}

TEST(Quotes, PronounTakesTheLastPersonNamedBeforeIt) {
  std::string text =
      "\"We are ready,\" Omar Talib said. Later, Rita Holm spoke. \"Not yet,\" she said.";
  Document doc = quotes_of(text, {person(text, "Omar Talib"), person(text, "Rita Holm")});
  const Quote* second = quote_with_content(doc, "Not yet,");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->speaker, "Rita Holm");
}

TEST(Quotes, PronounWithoutEntityLayerTakesTheLastNamedSpeaker) {
  Document doc = quotes_of(
      "\"Nothing moved,\" Omar Talib said on Monday. A day later he said that talks resumed.");
  const Quote* second = quote_with_content(doc, "that talks resumed");
  ASSERT_TRUE(second);
  EXPECT_EQ(doc.slice(second->source), "he");
  EXPECT_EQ(second->speaker, "Omar Talib");
}

TEST(Quotes, ScareQuotesWithoutACueAreNotQuotes) {
  Document doc = quotes_of("The so-called “peace plan” was published on a website.");
  EXPECT_TRUE(doc.quotes.empty());
}

TEST(Quotes, UnbalancedMarksDoNotCrash) {
  Document doc = quotes_of("He said “never. \" ” ” \"\n“Open");
  for (const Quote& quote : doc.quotes) {
    EXPECT_LE(quote.content.end, doc.text.size());
    EXPECT_LE(quote.source.end, doc.text.size());
  }
}

}  // namespace
}  // namespace crosscheck::extract
