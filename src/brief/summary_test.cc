#include <set>

#include "brief/brief.h"
#include "brief/test_fixture.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using testing::flood_corpus;
using testing::flood_story;

const Document* find_doc(const std::vector<Document>& docs, const std::string& id) {
  for (const Document& doc : docs) {
    if (doc.id == id) return &doc;
  }
  return nullptr;
}

void expect_cites_are_slices(const std::vector<Document>& docs, const Story& story) {
  for (const SummaryLine& line : story.summary) {
    EXPECT_FALSE(line.cites.empty()) << line.text;
    for (const Cite& cite : line.cites) {
      const Document* doc = find_doc(docs, cite.article);
      ASSERT_NE(doc, nullptr) << cite.article;
      ASSERT_LE(cite.end, doc->text.size());
      EXPECT_EQ(cite.text, doc->text.substr(cite.start, cite.end - cite.start));
      ASSERT_LT(cite.sentence, doc->sentences.size());
      EXPECT_TRUE(doc->sentences[cite.sentence].span.contains(Span{cite.start, cite.end}));
    }
  }
}

TEST(WriteBrief, CorpusIsAnnotated) {
  std::vector<Document> docs = flood_corpus();
  for (const Document& doc : docs) {
    EXPECT_GE(doc.sentences.size(), 2u) << doc.id;
    EXPECT_FALSE(doc.tokens.empty()) << doc.id;
  }
}

TEST(WriteBrief, SummaryHasCitedLinesWithFactsFirst) {
  std::vector<Document> docs = flood_corpus();
  Story story = flood_story(docs);
  write_brief(docs, story);
  ASSERT_GE(story.summary.size(), 3u);
  ASSERT_LE(story.summary.size(), 6u);
  expect_cites_are_slices(docs, story);
  // The corroborated fact leads; the single-source one is not a summary line.
  EXPECT_EQ(story.summary[0].text, "About 1,200 residents were evacuated");
  for (const SummaryLine& line : story.summary) {
    EXPECT_NE(line.text, "30 homes were destroyed");
  }
}

TEST(WriteBrief, FactWordedWithAPronounTakesAStandaloneSourceSentence) {
  std::vector<Document> docs = flood_corpus();
  Story story = flood_story(docs);
  Fact& evacuated = story.facts[1];
  evacuated.text = "They were evacuated";
  write_brief(docs, story);
  ASSERT_FALSE(story.summary.empty());
  EXPECT_EQ(story.summary[0].text,
            "Floodwater from the River Vale forced about 1,200 residents from their homes on "
            "Wednesday night.");
}

TEST(WriteBrief, SkipsCopiesPaddingAndRepeats) {
  std::vector<Document> docs = flood_corpus();
  Story story = flood_story(docs);
  write_brief(docs, story);
  std::set<std::string> texts;
  for (const SummaryLine& line : story.summary) {
    EXPECT_TRUE(texts.insert(line.text).second) << "repeated line " << line.text;
    EXPECT_EQ(line.text.find("fast-paced"), std::string::npos) << "padding chosen";
    for (const Cite& cite : line.cites) EXPECT_NE(cite.article, "gamma") << "copy cited";
  }
}

TEST(WriteBrief, NeverCitesTheOtherSideOfAConflictAsSupport) {
  std::vector<Document> docs = flood_corpus();
  Story story = flood_story(docs);
  write_brief(docs, story);
  const Document& delta = docs[3];
  uint32_t disputed = delta.sentence_at(story.conflicts[0].sides[1].cites[0].start);
  const Document& alpha = docs[0];
  uint32_t other_side = alpha.sentence_at(story.conflicts[0].sides[0].cites[0].start);
  for (const SummaryLine& line : story.summary) {
    bool cites_fourteen = false, cites_twelve = false;
    for (const Cite& cite : line.cites) {
      cites_fourteen = cites_fourteen || (cite.article == "alpha" && cite.sentence == other_side);
      cites_twelve = cites_twelve || (cite.article == "delta" && cite.sentence == disputed);
    }
    EXPECT_FALSE(cites_fourteen && cites_twelve) << line.text;
  }
  // Without the conflict the same sentences do echo each other.
  for (Document& doc : docs) doc.quantities.clear();
  Story plain = flood_story(docs);
  plain.conflicts.clear();
  write_brief(docs, plain);
  bool echoed = false;
  for (const SummaryLine& line : plain.summary) {
    for (const Cite& cite : line.cites) {
      echoed = echoed || (cite.article == "delta" && cite.sentence == disputed &&
                          line.text.find("14") != std::string::npos);
    }
  }
  EXPECT_TRUE(echoed);
}

TEST(WriteBrief, EchoesMustAgreeOnNumbers) {
  std::vector<Document> docs = flood_corpus();
  Story story = flood_story(docs);
  story.conflicts.clear();  // the quantity layer alone must keep 12 from supporting 14
  write_brief(docs, story);
  uint32_t twelve = docs[3].quantities[0].sentence;
  for (const SummaryLine& line : story.summary) {
    bool fourteen = false, cites_twelve = false;
    for (const Cite& cite : line.cites) {
      fourteen = fourteen ||
                 (cite.article == "alpha" && cite.sentence == docs[0].quantities[0].sentence) ||
                 (cite.article == "beta" && cite.sentence == docs[1].quantities[0].sentence);
      cites_twelve = cites_twelve || (cite.article == "delta" && cite.sentence == twelve);
    }
    EXPECT_FALSE(fourteen && cites_twelve) << line.text;
  }
}

TEST(WriteBrief, CentralSentencesBeatOffTopicOnes) {
  std::vector<Document> docs = flood_corpus();
  Story story = flood_story(docs);
  story.facts.clear();
  story.assessments.clear();  // no padding hints: centrality alone must rank
  write_brief(docs, story);
  ASSERT_FALSE(story.summary.empty());
  expect_cites_are_slices(docs, story);
  // The top line is about the flood itself and is echoed by another source.
  const SummaryLine& top = story.summary.front();
  EXPECT_TRUE(top.text.find("River Vale") != std::string::npos ||
              top.text.find("hospital") != std::string::npos)
      << top.text;
  EXPECT_GE(top.cites.size(), 2u) << top.text;
  for (const SummaryLine& line : story.summary) {
    EXPECT_EQ(line.text.find("fast-paced"), std::string::npos) << line.text;
  }
}

TEST(WriteBrief, TitleFromMostRepresentativeArticleTitle) {
  std::vector<Document> docs = flood_corpus();
  Story story = flood_story(docs);
  write_brief(docs, story);
  EXPECT_FALSE(story.title.empty());
  EXPECT_EQ(story.title.find("|"), std::string::npos) << story.title;  // site suffix dropped
  EXPECT_NE(story.title.find("River Vale"), std::string::npos) << story.title;

  Story titled = flood_story(docs);
  titled.title = "Kept as given";
  write_brief(docs, titled);
  EXPECT_EQ(titled.title, "Kept as given");
}

TEST(WriteBrief, TitleFromCentralSentenceWithoutTitles) {
  std::vector<Document> docs = flood_corpus();
  for (Document& doc : docs) doc.title.clear();
  Story story = flood_story(docs);
  write_brief(docs, story);
  ASSERT_FALSE(story.title.empty());
  bool from_text = false;
  for (const Document& doc : docs) {
    std::string prefix = story.title.substr(0, std::min<size_t>(story.title.size(), 30));
    from_text = from_text || doc.text.find(prefix) != std::string::npos;
  }
  EXPECT_TRUE(from_text) << story.title;
}

TEST(WriteBrief, WorksWithoutTokenLayer) {
  std::vector<Document> docs = flood_corpus();
  for (Document& doc : docs) doc.tokens.clear();
  Story story = flood_story(docs);
  story.facts.clear();
  write_brief(docs, story);
  EXPECT_GE(story.summary.size(), 3u);
  expect_cites_are_slices(docs, story);
}

TEST(WriteBrief, WorksOnUnannotatedDocuments) {
  std::vector<Document> docs = flood_corpus();
  for (Document& doc : docs) {
    doc.tokens.clear();
    doc.sentences.clear();
  }
  Story story = flood_story(docs);
  story.facts.clear();
  write_brief(docs, story);
  EXPECT_GE(story.summary.size(), 3u);
  for (const SummaryLine& line : story.summary) {
    ASSERT_FALSE(line.cites.empty());
    EXPECT_EQ(line.text, line.cites.front().text);  // a whole sentence of the stored text
    for (const Cite& cite : line.cites) {
      const Document* doc = find_doc(docs, cite.article);
      ASSERT_NE(doc, nullptr);
      EXPECT_EQ(cite.text, doc->text.substr(cite.start, cite.end - cite.start));
    }
  }
}

TEST(WriteBrief, EmptyAndDegenerateStoriesDoNotCrash) {
  std::vector<Document> docs = flood_corpus();
  Story empty;
  empty.id = "s0";
  write_brief(docs, empty);
  EXPECT_TRUE(empty.summary.empty());
  EXPECT_FALSE(empty.title.empty());

  Story bad_indices;
  bad_indices.documents = {99, 100};
  write_brief(docs, bad_indices);
  EXPECT_TRUE(bad_indices.summary.empty());

  std::vector<Document> bare(1);
  bare[0].id = "x";
  bare[0].text = "no sentences here";
  Story single;
  single.documents = {0};
  write_brief(bare, single);
  EXPECT_TRUE(single.summary.empty());

  // A fact whose cite points outside its article is dropped, not rendered.
  Story broken = testing::flood_story(docs);
  broken.facts[1].cites = {Cite{"alpha", 0, 5000, 6000, "x"}};
  write_brief(docs, broken);
  expect_cites_are_slices(docs, broken);
}

TEST(WriteBrief, GathersQuotesFromTheQuoteLayer) {
  std::vector<Document> docs = flood_corpus();
  auto add_quote = [](Document& doc, const std::string& words, const std::string& speaker) {
    Quote quote;
    quote.content = testing::find_span(doc, words);
    quote.sentence = doc.sentence_at(quote.content.start);
    quote.speaker = speaker;
    quote.direct = true;
    doc.quotes.push_back(quote);
  };
  add_quote(docs[0], "never seen water this high", "Ana Ruiz");
  add_quote(docs[1], "never seen water this high", "");
  add_quote(docs[2], "Floodwater from", "");  // too short to be a statement
  add_quote(docs[3], "Volunteers handed out blankets and hot meals", "");
  docs[3].quotes.back().direct = false;  // reported speech is not printed as a quote
  Story story = flood_story(docs);
  story.quotes.clear();
  write_brief(docs, story);
  ASSERT_EQ(story.quotes.size(), 1u);
  EXPECT_EQ(story.quotes[0].text, "never seen water this high");
  EXPECT_EQ(story.quotes[0].speaker, "Ana Ruiz");
  ASSERT_EQ(story.quotes[0].cites.size(), 2u);  // one per article, merged
  EXPECT_EQ(story.quotes[0].cites[1].article, "beta");
  EXPECT_EQ(story.quotes[0].cites[1].text, "never seen water this high");

  // Quotes an earlier stage set are kept as they are.
  Story given = flood_story(docs);
  given.quotes = {{"Someone", "kept words", false, {}}};
  write_brief(docs, given);
  ASSERT_EQ(given.quotes.size(), 1u);
  EXPECT_EQ(given.quotes[0].text, "kept words");
}

TEST(WriteBrief, HeadlinesListsAndDependentSentencesStayOut) {
  std::vector<Document> docs;
  docs.push_back(testing::make_document(
      "one", "", "a.example", "2024-05-02",
      "Leaders Are Set to Meet Over the Border Dispute Next Week.\n"
      "| 5 | The committee approved the border budget for the coming year. |\n"
      "He said the border talks would resume after the holiday weekend.\n"
      "“We expect a border agreement before the end of the month,” the minister said.\n"
      "The two governments agreed to reopen the border crossing at Eastgate on Monday.\n"
      "Officials from both countries will inspect the border posts on Tuesday morning.\n"
      "Trade across the border fell by a third during the closure, customs data show.\n"
      "“The border must stay open for trade and for families. We will not close it again.\n"
      "Nobody wants another closure of the border this year,” the mayor of Eastgate said."));
  Story story;
  story.id = "s";
  story.documents = {0};
  write_brief(docs, story);
  ASSERT_GE(story.summary.size(), 3u);
  for (const SummaryLine& line : story.summary) {
    EXPECT_EQ(line.text.find("Leaders Are Set"), std::string::npos);
    EXPECT_EQ(line.text.find("|"), std::string::npos);
    EXPECT_EQ(line.text.rfind("He said", 0), std::string::npos);
    EXPECT_EQ(line.text.find("families"), std::string::npos);  // half of a split quotation
    EXPECT_EQ(line.text.find("Nobody wants"), std::string::npos);
  }
  // A sentence opening with a quotation mark is still a statement.
  bool quoted = false;
  for (const SummaryLine& line : story.summary) quoted = quoted || line.text.rfind("“", 0) == 0;
  EXPECT_TRUE(quoted);
  EXPECT_EQ(story.title.find("Leaders Are Set"), std::string::npos) << story.title;
}

TEST(WriteBrief, SingleArticleStory) {
  std::vector<Document> docs = flood_corpus();
  Story story;
  story.id = "one";
  story.documents = {0};
  write_brief(docs, story);
  EXPECT_GE(story.summary.size(), 3u);
  EXPECT_LE(story.summary.size(), 6u);
  expect_cites_are_slices(docs, story);
}

}  // namespace
}  // namespace crosscheck
