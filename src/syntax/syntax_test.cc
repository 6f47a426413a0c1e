#include "syntax/syntax.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "core/ud.h"
#include "gtest/gtest.h"
#include "syntax/conllu.h"
#include "syntax/model.h"
#include "syntax/transition.h"
#include "text/text.h"

namespace crosscheck {
namespace {

const SyntaxModel& model() {
  static const std::unique_ptr<SyntaxModel> loaded = [] {
    std::vector<std::string> warnings;
    auto m = SyntaxModel::load(find_resources(), &warnings);
    if (!m) {
      for (const auto& w : warnings) ADD_FAILURE() << w;
    }
    return m;
  }();
  if (!loaded) std::abort();
  return *loaded;
}

Document parsed(const std::string& text) {
  Document doc;
  doc.text = text;
  doc.lang = "en";
  annotate_text(doc);
  model().annotate(doc);
  return doc;
}

// Every token of every sentence has a syntax layer; heads stay in their sentence; exactly one
// root per sentence; no cycles.
void expect_trees(const Document& doc) {
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    ASSERT_NE(t.upos, Upos::kNone) << i;
    ASSERT_NE(t.deprel, 0) << i;
    if (t.head >= 0) {
      ASSERT_LT(static_cast<size_t>(t.head), doc.tokens.size());
      ASSERT_EQ(doc.tokens[t.head].sentence, t.sentence) << i;
      ASSERT_NE(static_cast<size_t>(t.head), i);
    }
  }
  std::vector<int> roots(doc.sentences.size() + 1, 0);
  for (const Token& t : doc.tokens) roots[t.sentence] += t.head < 0;
  for (const Token& t : doc.tokens) ASSERT_EQ(roots[t.sentence], 1) << t.sentence;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    int k = static_cast<int>(i);
    size_t steps = 0;
    while (k >= 0 && steps <= doc.tokens.size()) {
      k = doc.tokens[k].head;
      ++steps;
    }
    ASSERT_LT(k, 0) << "cycle through token " << i;
  }
}

const Token* find(const Document& doc, std::string_view word) {
  for (const Token& t : doc.tokens) {
    if (doc.slice(t.span) == word) return &t;
  }
  return nullptr;
}

TEST(Conllu, ReadsWordsRangesAndSkipsEmptyNodes) {
  auto sentences = syntax::parse_conllu(
      "# sent_id = s1\n# text = I don't know.\n"
      "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "4.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t0:root\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
      "1\tbad\tbad\tADJ\tJJ\t_\t42\tamod\t_\t_\n");
  ASSERT_EQ(sentences.size(), 2u);
  const auto& s = sentences[0];
  EXPECT_EQ(s.id, "s1");
  EXPECT_EQ(s.text, "I don't know.");
  ASSERT_EQ(s.words.size(), 5u);
  ASSERT_EQ(s.ranges.size(), 1u);
  EXPECT_EQ(s.ranges[0].first, 1);
  EXPECT_EQ(s.ranges[0].last, 2);
  EXPECT_EQ(s.ranges[0].form, "don't");
  EXPECT_EQ(s.words[3].head, 0);
  EXPECT_TRUE(syntax::no_space_after(s.words[3].misc));
  EXPECT_EQ(sentences[1].words[0].head, 0);  // a head outside the sentence is repaired
}

TEST(Syntax, TagsLemmatisesAndParsesASimpleSentence) {
  Document doc = parsed("The talks ended on Monday without an agreement.");
  expect_trees(doc);
  const Token* talks = find(doc, "talks");
  const Token* ended = find(doc, "ended");
  const Token* the = find(doc, "The");
  ASSERT_TRUE(talks && ended && the);
  EXPECT_EQ(talks->upos, Upos::kNoun);
  EXPECT_EQ(talks->lemma, "talk");
  EXPECT_EQ(ended->upos, Upos::kVerb);
  EXPECT_EQ(ended->lemma, "end");
  EXPECT_EQ(ended->head, -1);
  EXPECT_EQ(deprel_name(ended->deprel), "root");
  EXPECT_EQ(ended->morph.tense, Tense::kPast);
  EXPECT_EQ(doc.tokens[talks->head].lemma, "end");
  EXPECT_EQ(deprel_base(talks->deprel), "nsubj");
  EXPECT_EQ(&doc.tokens[the->head], talks);
  EXPECT_EQ(xpos_tag_name(the->xpos), "DT");
}

TEST(Syntax, NegationAndPassive) {
  Document doc = parsed("He does not regret it. The deal was signed by both sides.");
  expect_trees(doc);
  const Token* negation = find(doc, "not");
  ASSERT_TRUE(negation);
  EXPECT_TRUE(negation->morph.negative);
  EXPECT_EQ(doc.slice(doc.tokens[negation->head].span), "regret");
  const Token* signed_ = find(doc, "signed");
  ASSERT_TRUE(signed_);
  EXPECT_EQ(signed_->morph.voice, Voice::kPass);
}

TEST(Syntax, NonEnglishDocumentsAreLeftAlone) {
  Document doc;
  doc.text = "Die Gespräche endeten am Montag.";
  doc.lang = "de";
  annotate_text(doc);
  model().annotate(doc);
  for (const Token& t : doc.tokens) EXPECT_EQ(t.upos, Upos::kNone);
}

TEST(Syntax, HostileSentencesParseWithoutCrashing) {
  // A 10,000-token sentence (no sentence break inside), punctuation only, mixed scripts.
  std::string huge;
  for (int i = 0; i < 5000; ++i) huge += i % 7 == 0 ? "and , " : "word x ";
  Document doc = parsed(huge);
  EXPECT_GE(doc.tokens.size(), 10000u);
  expect_trees(doc);
  expect_trees(parsed("!!! ??? ... ,,, ;;; --- ((( ))) \"\"\" ''' ..."));
  expect_trees(
      parsed("Москва 東京 said القاهرة που 🙂🙂 x̃ ỹ ₂ ∑ "
             "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 "
             ". "
             "\x01\x02"));
  expect_trees(parsed("a"));
  expect_trees(parsed(""));
}

TEST(Syntax, WordsGivenAsGoldTokens) {
  std::vector<SyntaxWord> words(5);
  const char* forms[] = {"I", "do", "n't", "know", "."};
  for (int i = 0; i < 5; ++i) words[i].form = forms[i];
  model().parse(words);
  EXPECT_EQ(words[1].lemma, "do");
  EXPECT_EQ(words[2].lemma, "not");
  EXPECT_EQ(words[3].head, -1);
  EXPECT_EQ(words[0].head, 3);
  std::string out = parse_conllu_text(model(),
                                      "# text = I don't know.\n"
                                      "1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n"
                                      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                                      "2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n"
                                      "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                                      "4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
                                      "5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n");
  EXPECT_NE(out.find("2-3\tdon't"), std::string::npos) << out;
  EXPECT_NE(out.find("4\tknow\tknow\tVERB\tVB\t"), std::string::npos) << out;
  EXPECT_NE(out.find("\t0\troot\t"), std::string::npos) << out;
}

TEST(Syntax, DocumentConlluHasTextAndByteOffsets) {
  Document doc = parsed("Prices rose. Markets fell.");
  std::string out = document_conllu(doc);
  EXPECT_NE(out.find("# text = Prices rose."), std::string::npos) << out;
  EXPECT_NE(out.find("TokenRange=13:20"), std::string::npos) << out;
  EXPECT_NE(out.find("SpaceAfter=No|TokenRange=7:11"), std::string::npos) << out;
}

TEST(Syntax, EvaluationCountsEveryWord) {
  // Gold = the model's own output scores 1; one wrong head and relation costs one word of three.
  std::string own = parse_conllu_text(model(),
                                      "1\tThe\t_\t_\t_\t_\t_\t_\t_\t_\n"
                                      "2\tprices\t_\t_\t_\t_\t_\t_\t_\t_\n"
                                      "3\trose\t_\t_\t_\t_\t_\t_\t_\t_\n");
  auto gold = syntax::parse_conllu(own);
  ASSERT_EQ(gold.size(), 1u);
  SyntaxScores scores = evaluate_syntax(model(), gold);
  EXPECT_EQ(scores.words, 3u);
  EXPECT_DOUBLE_EQ(scores.uas, 1.0);
  EXPECT_DOUBLE_EQ(scores.las, 1.0);
  EXPECT_DOUBLE_EQ(scores.upos, 1.0);
  EXPECT_DOUBLE_EQ(scores.lemma, 1.0);
  auto& word = gold[0].words[0];
  word.head = word.head == 3 ? 2 : 3;
  word.deprel = "dep";
  scores = evaluate_syntax(model(), gold);
  EXPECT_NEAR(scores.uas, 2.0 / 3, 1e-9);
  EXPECT_NEAR(scores.las, 2.0 / 3, 1e-9);
}

TEST(Syntax, MissingOrDamagedModelFilesAreRefused) {
  std::string error;
  EXPECT_FALSE(SyntaxModel::load_file("/nonexistent/syntax-en.bin", error));
  EXPECT_FALSE(error.empty());
  auto path = std::filesystem::temp_directory_path() / "crosscheck-damaged-syntax.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << "not a model at all";
  }
  error.clear();
  EXPECT_FALSE(SyntaxModel::load_file(path.string(), error));
  EXPECT_FALSE(error.empty());
  std::filesystem::remove(path);
  std::vector<std::string> warnings;
  EXPECT_FALSE(SyntaxModel::load(Resources{}, &warnings));
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(Syntax, ModelOfAnotherFormatIsRefusedWithItsVersion) {
  std::string raw = "CCSYNTAX";
  syntax::put_u32(raw, 1);
  auto path = std::filesystem::temp_directory_path() / "crosscheck-old-syntax.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << syntax::compress_model(raw);
  }
  std::string error;
  EXPECT_FALSE(SyntaxModel::load_file(path.string(), error));
  EXPECT_NE(error.find("format 1"), std::string::npos) << error;
  std::filesystem::remove(path);
}

syntax::LemmaRule edit(int strip, std::string add, bool lower = true) {
  syntax::LemmaRule rule;
  rule.strip = static_cast<uint8_t>(strip);
  rule.add = std::move(add);
  rule.lower = lower;
  return rule;
}

// A suffix edit whose result is no known base form gives way to one whose result is; without
// a lexicon the most frequent confident edit applies.
TEST(Lemmatizer, SuffixEditsAreCheckedAgainstKnownBaseForms) {
  syntax::Lemmatizer lem;
  const uint8_t vbd = xpos_tag_from_name("VBD");
  lem.suffixes["VBD\ted"] = {true, {edit(2, ""), edit(1, "")}};
  lem.suffixes["VBD\tked"] = {false, {edit(1, "")}};
  EXPECT_EQ(lem.lemma("provoked", "provoked", vbd), "provok");
  EXPECT_EQ(lem.lemma("walked", "walked", vbd), "walk");
  lem.lexicon = {"v\tprovoke", "v\twalk", "v\tbomb"};
  EXPECT_EQ(lem.lemma("provoked", "provoked", vbd), "provoke");  // second edit of "ked"
  EXPECT_EQ(lem.lemma("walked", "walked", vbd), "walk");
  EXPECT_EQ(lem.lemma("Bombed", "bombed", vbd), "bomb");
  // Neither edit gives a known word: the confident edit of the longest suffix.
  EXPECT_EQ(lem.lemma("glorped", "glorped", vbd), "glorp");
  // A tag outside the lexicon's classes is never checked.
  const uint8_t nnp = xpos_tag_from_name("NNP");
  lem.suffixes["NNP\ted"] = {false, {edit(2, "")}};
  EXPECT_EQ(lem.lemma("Ted", "ted", nnp), "ted");
}

// The case policy of a tag and the spelling table: an unknown address keeps its capitals, a
// spelling with its own majority lemma gets it.
TEST(Lemmatizer, CasePolicyPerTagAndSpellings) {
  syntax::Lemmatizer lem;
  const uint8_t add = xpos_tag_from_name("ADD"), nn = xpos_tag_from_name("NN");
  const uint8_t nnp = xpos_tag_from_name("NNP");
  lem.suffixes["ADD\tcom"] = {true, {edit(0, "")}};
  lem.suffixes["NN\ter"] = {true, {edit(0, "")}};
  EXPECT_EQ(lem.lemma("News.Com", "news.com", add), "news.com");
  lem.keep_case.assign(256, 0);
  lem.keep_case[add] = 1;
  lem.keep_case[nnp] = 1;
  EXPECT_EQ(lem.lemma("News.Com", "news.com", add), "News.Com");
  EXPECT_EQ(lem.lemma("Laughter", "laughter", nn), "laughter");
  EXPECT_EQ(lem.lemma("Zorbland", "zorbland", nnp), "Zorbland");
  lem.words["al\tNNP"] = edit(2, "Al");
  EXPECT_EQ(lem.lemma("al", "al", nnp), "Al");
  lem.forms["al\tNNP"] = edit(0, "", false);
  EXPECT_EQ(lem.lemma("al", "al", nnp), "al");
  EXPECT_EQ(lem.lemma("AL", "al", nnp), "Al");
  // The tables survive writing and reading.
  std::string bytes;
  lem.write(bytes);
  syntax::Lemmatizer back;
  std::string_view in = bytes;
  ASSERT_TRUE(back.read(in));
  EXPECT_TRUE(in.empty());
  EXPECT_EQ(back.lemma("al", "al", nnp), "al");
  EXPECT_EQ(back.lemma("News.Com", "news.com", add), "News.Com");
}

// The parser's count of punctuation between two words comes from the tags.
TEST(Parser, PunctuationBeforeEachWord) {
  syntax::Words words;
  words.upos = {Upos::kNoun, Upos::kPunct, Upos::kVerb, Upos::kPunct, Upos::kPunct};
  words.form = {"a", ",", "b", ".", "."};
  syntax::parser_inputs(words);
  EXPECT_EQ(words.punct_before, (std::vector<int>{0, 0, 1, 1, 2, 3}));
}

}  // namespace
}  // namespace crosscheck
