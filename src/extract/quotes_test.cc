// The quote layer's mechanisms: span <-> label conversion, the tagger's training and model file,
// linking spans into attributions, the speaker rule, and sources read from a dependency tree.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/document.h"
#include "core/ud.h"
#include "extract/layers.h"
#include "extract/quotes_model.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace crosscheck::extract {
namespace {

Document annotated(const std::string& text, std::vector<Mention> mentions = {}) {
  Document doc;
  doc.text = text;
  annotate_text(doc);
  doc.mentions = std::move(mentions);
  return doc;
}

Span span_of(const Document& doc, std::string_view words, size_t from = 0) {
  size_t start = doc.text.find(words, from);
  EXPECT_NE(start, std::string::npos) << words;
  return {static_cast<uint32_t>(start), static_cast<uint32_t>(start + words.size())};
}

RoleSpan role(const Document& doc, AttributionRole r, std::string_view words, size_t from = 0) {
  return {r, span_of(doc, words, from)};
}

Mention person(const Document& doc, std::string_view name, std::string role_name = {}) {
  Mention mention;
  mention.span = span_of(doc, name);
  mention.sentence = doc.sentence_at(mention.span.start);
  mention.type = EntityType::kPerson;
  mention.role = std::move(role_name);
  return mention;
}

const Quote* with_content(const Document& doc, const std::vector<Quote>& quotes,
                          std::string_view content) {
  for (const Quote& quote : quotes)
    if (doc.slice(quote.content) == content) return &quote;
  return nullptr;
}

TEST(QuoteLabels, SpansRoundTripThroughLabels) {
  Document doc = annotated("Officials said on Monday that the border would reopen. Nothing else.");
  std::vector<RoleSpan> spans = {
      role(doc, AttributionRole::kSource, "Officials"),
      role(doc, AttributionRole::kCue, "said"),
      role(doc, AttributionRole::kContent, "that the border would reopen"),
  };
  std::vector<QuoteLabel> labels = labels_from_spans(doc, spans);
  EXPECT_EQ(labels[0], kSourceBegin);
  EXPECT_EQ(labels[1], kCueBegin);
  EXPECT_EQ(spans_from_labels(doc, labels), spans);
}

TEST(QuoteLabels, AdjacentSpansOfOneRoleStaySeparate) {
  Document doc = annotated("a b c d");
  std::vector<QuoteLabel> labels = {kContentBegin, kContentInside, kContentBegin, kOutside};
  std::vector<RoleSpan> spans = spans_from_labels(doc, labels);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(doc.slice(spans[0].span), "a b");
  EXPECT_EQ(doc.slice(spans[1].span), "c");
}

// A small synthetic corpus with two patterns ("NAME VERB that CLAUSE." and "“CLAUSE,” VERB
// NAME."), varied words, so the test checks that training learns structure, not strings.
struct Corpus {
  std::vector<Document> documents;
  std::vector<std::vector<RoleSpan>> gold;
};

Corpus synthetic_corpus(size_t size) {
  const char* names[] = {"Ana Ruiz", "The ministry", "Officials", "Tom Berg", "A diplomat"};
  const char* verbs[] = {"said", "stated", "told reporters", "argued"};
  const char* clauses[] = {"the deal was close", "prices will fall", "talks had stalled",
                           "the vote is fair", "nobody was hurt"};
  Corpus corpus;
  for (size_t i = 0; i < size; ++i) {
    std::string name = names[i % 5], verb = verbs[i % 4], clause = clauses[(i / 3) % 5];
    std::string first = name + " " + verb + " that " + clause + ".";
    std::string second = "\u201c" + std::string(clauses[(i + 2) % 5]) + ",\u201d " + verb + " " +
                         names[(i + 1) % 5] + ".";
    Document doc = annotated(first + " The weather was mild. " + second);
    std::vector<RoleSpan> gold = {
        role(doc, AttributionRole::kSource, name),
        role(doc, AttributionRole::kCue, verb),
        role(doc, AttributionRole::kContent, "that " + clause),
    };
    size_t second_at = first.size() + 23;
    gold.push_back(role(doc, AttributionRole::kContent,
                        "\u201c" + std::string(clauses[(i + 2) % 5]) + ",\u201d", second_at));
    gold.push_back(role(doc, AttributionRole::kCue, verb, second_at));
    gold.push_back(role(doc, AttributionRole::kSource, names[(i + 1) % 5], second_at));
    std::sort(gold.begin(), gold.end(),
              [](const RoleSpan& a, const RoleSpan& b) { return a.span.start < b.span.start; });
    corpus.documents.push_back(std::move(doc));
    corpus.gold.push_back(std::move(gold));
  }
  return corpus;
}

TEST(QuoteModel, LearnsAttributionPatternsAndRoundTripsThroughItsFile) {
  Corpus corpus = synthetic_corpus(40);
  std::vector<const Document*> documents;
  for (const Document& doc : corpus.documents) documents.push_back(&doc);
  QuoteTrainOptions options;
  options.epochs = 5;
  options.min_feature_count = 1;
  QuoteModel model = QuoteModel::train(documents, corpus.gold, options);
  EXPECT_GT(model.cue_rate(stem("said")), 0.5f);
  EXPECT_EQ(model.cue_rate(stem("weather")), 0.0f);

  Document unseen = annotated(
      "Maria Lund said that the bridge was safe. The weather was mild. \u201cWe are "
      "ready,\u201d argued Officials.");
  std::vector<RoleSpan> spans = spans_from_labels(unseen, model.tag(unseen));
  std::vector<RoleSpan> expected = {
      role(unseen, AttributionRole::kSource, "Maria Lund"),
      role(unseen, AttributionRole::kCue, "said"),
      role(unseen, AttributionRole::kContent, "that the bridge was safe"),
      role(unseen, AttributionRole::kContent, "\u201cWe are ready,\u201d"),
      role(unseen, AttributionRole::kCue, "argued"),
      role(unseen, AttributionRole::kSource, "Officials"),
  };
  EXPECT_EQ(spans, expected);

  std::string path = testing::TempDir() + "/quotes_model_test.bin", error;
  ASSERT_TRUE(model.save(path, error)) << error;
  QuoteModel loaded;
  ASSERT_TRUE(loaded.load(path, error)) << error;
  EXPECT_EQ(loaded.tag(unseen), model.tag(unseen));
  std::filesystem::remove(path);
}

TEST(QuoteModel, SameSeedSameModel) {
  Corpus corpus = synthetic_corpus(12);
  std::vector<const Document*> documents;
  for (const Document& doc : corpus.documents) documents.push_back(&doc);
  QuoteTrainOptions options;
  options.epochs = 2;
  options.min_feature_count = 1;
  std::string a = testing::TempDir() + "/quotes_a.bin", b = testing::TempDir() + "/quotes_b.bin";
  std::string error;
  ASSERT_TRUE(QuoteModel::train(documents, corpus.gold, options).save(a, error));
  ASSERT_TRUE(QuoteModel::train(documents, corpus.gold, options).save(b, error));
  EXPECT_EQ(std::filesystem::file_size(a), std::filesystem::file_size(b));
  QuoteModel first, second;
  ASSERT_TRUE(first.load(a, error));
  ASSERT_TRUE(second.load(b, error));
  for (const Document& doc : corpus.documents) EXPECT_EQ(first.tag(doc), second.tag(doc));
  std::filesystem::remove(a);
  std::filesystem::remove(b);
}

TEST(QuoteModel, RejectsForeignAndTruncatedFiles) {
  std::string path = testing::TempDir() + "/not_a_model.bin", error;
  { std::ofstream(path) << "CCQUOTE1 but then nothing sensible"; }
  QuoteModel model;
  EXPECT_FALSE(model.load(path, error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(model.load(testing::TempDir() + "/missing.bin", error));
  std::filesystem::remove(path);
  // An empty model finds nothing and does not crash.
  Document doc = annotated("He said \u201cnever.\u201d");
  find_quotes(doc, model);
  EXPECT_TRUE(doc.quotes.empty());
}

TEST(QuoteLinking, DirectQuoteSplitAroundItsCueSharesCueAndSource) {
  std::string text = "\u201cWe will not sign,\u201d Anna Berg said, \u201cnot this week.\u201d";
  Document doc = annotated(text);
  doc.mentions = {person(doc, "Anna Berg")};
  std::vector<Quote> quotes =
      quotes_from_spans(doc, {role(doc, AttributionRole::kContent, "\u201cWe will not sign,\u201d"),
                              role(doc, AttributionRole::kSource, "Anna Berg"),
                              role(doc, AttributionRole::kCue, "said"),
                              role(doc, AttributionRole::kContent, "\u201cnot this week.\u201d")});
  ASSERT_EQ(quotes.size(), 2u);
  for (const Quote& quote : quotes) {
    EXPECT_TRUE(quote.direct);
    EXPECT_EQ(doc.slice(quote.cue), "said");
    EXPECT_EQ(quote.speaker, "Anna Berg");
  }
  EXPECT_EQ(doc.slice(quotes[0].content), "We will not sign,");  // inside the marks
  doc.quotes = quotes;
  std::vector<RoleSpan> polnear = attribution_spans(doc);
  ASSERT_EQ(polnear.size(), 4u);  // the shared cue and source once each
  EXPECT_EQ(doc.slice(polnear[0].span), "\u201cWe will not sign,\u201d");
}

TEST(QuoteLinking, ReportedSpeechIsNotDirectEvenWithAQuotedWord) {
  Document doc = annotated("The minister said that the plan was \u201cdead.\u201d");
  std::vector<Quote> quotes = quotes_from_spans(
      doc, {role(doc, AttributionRole::kSource, "The minister"),
            role(doc, AttributionRole::kCue, "said"),
            role(doc, AttributionRole::kContent, "that the plan was \u201cdead.\u201d")});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_FALSE(quotes[0].direct);
}

TEST(QuoteSpeakers, PronounTakesThePersonNamedInItsOwnOrThePreviousSentence) {
  std::string text =
      "Omar Talib arrived on Monday. He said that the talks had resumed. The weather was "
      "mild. Prices rose in March. He said that nothing had changed.";
  Document doc = annotated(text);
  doc.mentions = {person(doc, "Omar Talib")};
  size_t second = text.find("He said that nothing");
  std::vector<Quote> quotes = quotes_from_spans(
      doc, {role(doc, AttributionRole::kSource, "He"), role(doc, AttributionRole::kCue, "said"),
            role(doc, AttributionRole::kContent, "that the talks had resumed"),
            role(doc, AttributionRole::kSource, "He", second),
            role(doc, AttributionRole::kCue, "said", second),
            role(doc, AttributionRole::kContent, "that nothing had changed")});
  const Quote* near = with_content(doc, quotes, "that the talks had resumed");
  const Quote* far = with_content(doc, quotes, "that nothing had changed");
  ASSERT_TRUE(near && far);
  EXPECT_EQ(near->speaker, "Omar Talib");
  // Three sentences on, nobody is named nearby: unattributed, not the last name in the text.
  EXPECT_TRUE(far->speaker.empty());
  EXPECT_FALSE(far->anonymous);
}

TEST(QuoteSpeakers, PronounPrefersTheNearestPersonNamedBeforeIt) {
  std::string text = "Rita Holm met Jan Vos in Oslo. \u201cNot yet,\u201d she said.";
  Document doc = annotated(text);
  doc.mentions = {person(doc, "Rita Holm"), person(doc, "Jan Vos")};
  std::vector<Quote> quotes = quotes_from_spans(
      doc, {role(doc, AttributionRole::kContent, "\u201cNot yet,\u201d"),
            role(doc, AttributionRole::kSource, "she"), role(doc, AttributionRole::kCue, "said")});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Jan Vos");  // the rule is recency; no gender is guessed
}

TEST(QuoteSpeakers, ContentWithoutCueIsUnattributedEvenNextToAName) {
  std::string text = "Lena Voss spoke first. \u201cThe door is open.\u201d";
  Document doc = annotated(text);
  doc.mentions = {person(doc, "Lena Voss")};
  std::vector<Quote> quotes = quotes_from_spans(
      doc, {role(doc, AttributionRole::kContent, "\u201cThe door is open.\u201d")});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_TRUE(quotes[0].speaker.empty());
  EXPECT_TRUE(quotes[0].cue.empty());
}

TEST(QuoteSpeakers, AnonymousDescriptionsKeepTheirWordsAndNameNobody) {
  std::string text =
      "One European official said that the talks had stalled. Sources said that a deal was "
      "near. The senators said that they would vote.";
  Document doc = annotated(text);
  Mention european;
  european.span = span_of(doc, "European");
  european.type = EntityType::kMisc;  // a nationality word is no speaker
  doc.mentions = {european};
  std::vector<Quote> quotes =
      quotes_from_spans(doc, {role(doc, AttributionRole::kSource, "One European official"),
                              role(doc, AttributionRole::kCue, "said"),
                              role(doc, AttributionRole::kContent, "that the talks had stalled"),
                              role(doc, AttributionRole::kSource, "Sources"),
                              role(doc, AttributionRole::kCue, "said", text.find("Sources")),
                              role(doc, AttributionRole::kContent, "that a deal was near"),
                              role(doc, AttributionRole::kSource, "The senators"),
                              role(doc, AttributionRole::kCue, "said", text.find("The senators")),
                              role(doc, AttributionRole::kContent, "that they would vote")});
  const Quote* official = with_content(doc, quotes, "that the talks had stalled");
  const Quote* sources = with_content(doc, quotes, "that a deal was near");
  const Quote* senators = with_content(doc, quotes, "that they would vote");
  ASSERT_TRUE(official && sources && senators);
  EXPECT_TRUE(official->anonymous);
  EXPECT_TRUE(official->speaker.empty());
  EXPECT_EQ(doc.slice(official->source), "One European official");
  EXPECT_TRUE(sources->anonymous);
  EXPECT_FALSE(senators->anonymous);  // definite: particular people, just not named here
}

TEST(QuoteSpeakers, DefiniteRoleTakesThePersonWithThatRole) {
  std::string text =
      "Spokesman Dmitri Orlov spoke in Moscow. Later the spokesman said that no date was set.";
  Document doc = annotated(text);
  doc.mentions = {person(doc, "Dmitri Orlov", "Spokesman")};
  std::vector<Quote> quotes =
      quotes_from_spans(doc, {role(doc, AttributionRole::kSource, "the spokesman"),
                              role(doc, AttributionRole::kCue, "said"),
                              role(doc, AttributionRole::kContent, "that no date was set")});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Dmitri Orlov");
}

// A hand-built UD parse: token i gets (head, relation, upos).
void parse(Document& doc, const std::vector<std::tuple<int, std::string_view, Upos>>& tree) {
  ASSERT_EQ(doc.tokens.size(), tree.size());
  for (size_t i = 0; i < tree.size(); ++i) {
    doc.tokens[i].head = std::get<0>(tree[i]);
    doc.tokens[i].deprel = deprel_from_name(std::get<1>(tree[i]));
    doc.tokens[i].upos = std::get<2>(tree[i]);
  }
}

TEST(QuoteTree, SubjectOfTheCueVerbIsTheSource) {
  // The senior envoy told reporters that talks failed .
  Document doc = annotated("The senior envoy told reporters that talks failed.");
  parse(doc, {{2, "det", Upos::kDet},
              {2, "amod", Upos::kAdj},
              {3, "nsubj", Upos::kNoun},
              {-1, "root", Upos::kVerb},
              {3, "obj", Upos::kNoun},
              {7, "mark", Upos::kSconj},
              {7, "nsubj", Upos::kNoun},
              {3, "ccomp", Upos::kVerb},
              {3, "punct", Upos::kPunct}});
  auto source = source_from_tree(doc, span_of(doc, "told"));
  ASSERT_TRUE(source);
  EXPECT_EQ(doc.slice(*source), "The senior envoy");
}

TEST(QuoteTree, AgentOfAPassiveAndObjectOfAccordingTo) {
  // The plan was rejected , it was reported by the agency .
  Document passive = annotated("It was reported by the agency that the plan failed.");
  parse(passive, {{2, "nsubj:pass", Upos::kPron},
                  {2, "aux:pass", Upos::kAux},
                  {-1, "root", Upos::kVerb},
                  {5, "case", Upos::kAdp},
                  {5, "det", Upos::kDet},
                  {2, "obl:agent", Upos::kNoun},
                  {9, "mark", Upos::kSconj},
                  {8, "det", Upos::kDet},
                  {9, "nsubj", Upos::kNoun},
                  {2, "ccomp", Upos::kVerb},
                  {2, "punct", Upos::kPunct}});
  auto agent = source_from_tree(passive, span_of(passive, "reported"));
  ASSERT_TRUE(agent);
  EXPECT_EQ(passive.slice(*agent), "the agency");

  Document according = annotated("According to the census bureau, prices rose.");
  parse(according, {{4, "case", Upos::kVerb},
                    {0, "fixed", Upos::kAdp},
                    {4, "det", Upos::kDet},
                    {4, "compound", Upos::kNoun},
                    {7, "obl", Upos::kNoun},
                    {4, "punct", Upos::kPunct},
                    {7, "nsubj", Upos::kNoun},
                    {-1, "root", Upos::kVerb},
                    {7, "punct", Upos::kPunct}});
  auto bureau = source_from_tree(according, span_of(according, "According to"));
  ASSERT_TRUE(bureau);
  EXPECT_EQ(according.slice(*bureau), "the census bureau");
  // Unparsed tokens: the tree says nothing.
  Document plain = annotated("Officials said so.");
  EXPECT_FALSE(source_from_tree(plain, span_of(plain, "said")));
}

// "NAME VERB A-NOUN A-VERB and B-NOUN B-VERB ." with the same words parsed two ways: the
// second clause inside the reported clause (content "A and B") or coordinated with the
// speech verb (content "A" alone). Only the tree tells them apart.
Document coordinated(const std::string& name, const std::string& verb, const std::string& a,
                     const std::string& b, bool inside, std::vector<RoleSpan>* gold) {
  Document doc = annotated(name + " " + verb + " " + a + " and " + b + ".");
  int second_head = inside ? 3 : 1;
  parse(doc, {{1, "nsubj", Upos::kPropn},
              {-1, "root", Upos::kVerb},
              {3, "nsubj", Upos::kNoun},
              {1, "ccomp", Upos::kVerb},
              {6, "cc", Upos::kCconj},
              {6, "nsubj", Upos::kNoun},
              {second_head, "conj", Upos::kVerb},
              {1, "punct", Upos::kPunct}});
  if (gold) {
    *gold = {role(doc, AttributionRole::kSource, name), role(doc, AttributionRole::kCue, verb),
             role(doc, AttributionRole::kContent, inside ? a + " and " + b : a)};
  }
  return doc;
}

TEST(QuoteModel, ContentFollowsTheComplementSubtreeOfTheParse) {
  const char* names[] = {"Lena", "Okafor", "Brandt", "Sato", "Haddad", "Moreau"};
  const char* verbs[] = {"said", "claimed", "insisted", "warned", "argued"};
  const char* firsts[] = {"prices rose", "troops left", "talks resumed", "rain stopped"};
  const char* seconds[] = {"wages fell", "aid arrived", "markets opened", "ships sailed"};
  Corpus corpus;
  for (size_t i = 0; i < 48; ++i) {
    std::vector<RoleSpan> gold;
    corpus.documents.push_back(coordinated(names[i % 6], verbs[i % 5], firsts[i % 4],
                                           seconds[(i / 4) % 4], i % 2 == 0, &gold));
    corpus.gold.push_back(std::move(gold));
  }
  std::vector<const Document*> documents;
  for (const Document& doc : corpus.documents) documents.push_back(&doc);
  QuoteTrainOptions options;
  options.epochs = 8;
  options.min_feature_count = 1;
  QuoteModel model = QuoteModel::train(documents, corpus.gold, options);
  // Unseen words; the same token sequence under both trees.
  for (bool inside : {true, false}) {
    std::vector<RoleSpan> expected;
    Document doc = coordinated("Ferreira", "said", "costs doubled", "banks closed", inside,
                               &expected);
    EXPECT_EQ(spans_from_labels(doc, model.tag(doc)), expected) << "inside=" << inside;
  }
}

TEST(QuoteModel, ShippedModelReadsCommonAttributions) {
  QuoteModel model;
  std::string error;
  if (!model.load("models/quotes.bin", error)) GTEST_SKIP() << error;
  Document doc = annotated(
      "The governor said on Tuesday that the bridge would reopen in May.\n\n"
      "\u201cWe have no plans to raise taxes,\u201d she told reporters.");
  // The shipped model is trained on parsed text: parse as the pipeline does.
  std::unique_ptr<SyntaxModel> syntax = SyntaxModel::load_file("models/syntax-en.bin", error);
  if (!syntax) GTEST_SKIP() << error;
  syntax->annotate(doc);
  find_quotes(doc, model);
  const Quote* indirect = with_content(doc, doc.quotes, "that the bridge would reopen in May");
  ASSERT_TRUE(indirect);
  EXPECT_EQ(doc.slice(indirect->source), "The governor");
  EXPECT_FALSE(indirect->direct);
  const Quote* direct = with_content(doc, doc.quotes, "We have no plans to raise taxes,");
  ASSERT_TRUE(direct);
  EXPECT_TRUE(direct->direct);
  EXPECT_EQ(doc.slice(direct->source), "she");
}

}  // namespace
}  // namespace crosscheck::extract
