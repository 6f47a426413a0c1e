#include "extract/recognizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "text/text.h"

namespace crosscheck::extract {
namespace {

Document annotated(const std::string& text) {
  Document doc;
  doc.id = "toy";
  doc.text = text;
  annotate_text(doc);
  return doc;
}

// Gold mention over the first occurrence of `name` at or after `from`.
Mention gold(const Document& doc, const std::string& name, EntityType type, size_t from = 0) {
  Mention mention;
  size_t at = doc.text.find(name, from);
  mention.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
  mention.type = type;
  return mention;
}

struct Toy {
  std::vector<Document> docs;
  std::vector<Recogniser::TrainingDocument> training;
};

// A few sentences where names follow "met" / "in" and organisations end in "Corp".
Toy toy_corpus() {
  Toy toy;
  const std::vector<std::tuple<std::string, std::string, std::string>> rows = {
      {"Anna Berg", "Oslo", "Norsk Corp"},   {"Tomas Lind", "Riga", "Balt Corp"},
      {"Maria Costa", "Porto", "Luso Corp"}, {"Jan Novak", "Brno", "Morava Corp"},
      {"Ewa Nowak", "Gdansk", "Wisla Corp"}, {"Paul Weber", "Kassel", "Hessen Corp"},
      {"Sara Holm", "Malmo", "Skane Corp"},  {"Luca Conti", "Parma", "Emilia Corp"},
  };
  for (const auto& [person, place, company] : rows) {
    toy.docs.push_back(annotated("The minister met " + person + " in " + place +
                                 " on Monday. Shares of " + company + " rose after the talks."));
  }
  for (Document& doc : toy.docs) {
    std::string text = doc.text;
    size_t met = text.find("met ") + 4;
    size_t in = text.find(" in ") + 4;
    size_t of = text.find("of ") + 3;
    std::vector<Mention> names = {
        gold(doc, text.substr(met, text.find(" in ") - met), EntityType::kPerson),
        gold(doc, text.substr(in, text.find(" on ") - in), EntityType::kPlace),
        gold(doc, text.substr(of, text.find(" rose") - of), EntityType::kOrganization)};
    toy.training.push_back({&doc, Recogniser::labels_of(doc, names)});
  }
  return toy;
}

TEST(Recogniser, LabelsOfGoldMentionsAreBilou) {
  Document doc = annotated("Talks with Anna Berg in Oslo ended.");
  std::vector<uint8_t> labels = Recogniser::labels_of(
      doc, {gold(doc, "Anna Berg", EntityType::kPerson), gold(doc, "Oslo", EntityType::kPlace)});
  ASSERT_EQ(labels.size(), doc.tokens.size());
  // Talks with Anna Berg in Oslo ended .
  EXPECT_EQ(labels[0], 0);
  EXPECT_NE(labels[2], 0);
  EXPECT_NE(labels[3], 0);
  EXPECT_NE(labels[2], labels[3]);  // B and L
  EXPECT_EQ(labels[4], 0);
  EXPECT_NE(labels[5], 0);
  EXPECT_NE(labels[5], labels[2]);
}

TEST(Recogniser, LearnsNamesFromContextAndShapeOnAToyCorpus) {
  Toy toy = toy_corpus();
  Recogniser recogniser;
  Recogniser::TrainingOptions options;
  options.epochs = 5;
  recogniser.train(toy.training, options, nullptr);
  ASSERT_TRUE(recogniser.loaded());
  // Unseen names in the same frames.
  Document doc = annotated(
      "The minister met Olga Petrova in Kaunas on Monday. Shares of Vilnia Corp rose after "
      "the talks.");
  std::vector<RecognisedName> names = recogniser.recognise(doc);
  auto text_of = [&](const RecognisedName& name) {
    return std::string(
        doc.slice(Span{doc.tokens[name.first].span.start, doc.tokens[name.last - 1].span.end}));
  };
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(text_of(names[0]), "Olga Petrova");
  EXPECT_EQ(names[0].type, EntityType::kPerson);
  EXPECT_EQ(text_of(names[1]), "Kaunas");
  EXPECT_EQ(names[1].type, EntityType::kPlace);
  EXPECT_EQ(text_of(names[2]), "Vilnia Corp");
  EXPECT_EQ(names[2].type, EntityType::kOrganization);
  for (const RecognisedName& name : names) {
    EXPECT_GT(name.confidence, 0.5);
    EXPECT_LE(name.confidence, 1.0);
  }
}

TEST(Recogniser, SameSeedSameModelAndSaveLoadRoundTrip) {
  Toy toy = toy_corpus();
  Recogniser first, second;
  first.names().classes["oslo"] = kPlace;
  first.case_table()["minister"] = 1;
  Recogniser::TrainingOptions options;
  options.epochs = 3;
  first.train(toy.training, options, nullptr);
  second.train(toy.training, options, nullptr);
  Document doc = annotated("The minister met Ines Duarte in Faro on Monday.");
  auto a = first.recognise(doc), b = second.recognise(doc);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].first, b[i].first);

  std::string dir = ::testing::TempDir() + "/recogniser_roundtrip";
  std::filesystem::create_directories(dir);
  std::string error;
  ASSERT_TRUE(first.save(dir, error)) << error;
  Recogniser loaded;
  ASSERT_TRUE(loaded.load(dir, error)) << error;
  auto c = loaded.recognise(doc);
  ASSERT_EQ(a.size(), c.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].first, c[i].first);
    EXPECT_EQ(a[i].last, c[i].last);
    EXPECT_EQ(a[i].type, c[i].type);
  }
  EXPECT_TRUE(loaded.names().classes.contains("oslo"));
  EXPECT_EQ(loaded.case_table().at("minister"), 1);
}

TEST(Recogniser, RejectsMissingTruncatedAndForeignModels) {
  std::string dir = ::testing::TempDir() + "/recogniser_bad";
  std::filesystem::create_directories(dir);
  Recogniser recogniser;
  std::string error;
  EXPECT_FALSE(recogniser.load(dir + "/nowhere", error));
  EXPECT_FALSE(error.empty());
  {
    std::ofstream out(dir + "/ner.bin", std::ios::binary);
    out << "not a model at all";
  }
  error.clear();
  EXPECT_FALSE(recogniser.load(dir, error));
  EXPECT_NE(error.find("not a crosscheck"), std::string::npos);
  {
    std::ofstream out(dir + "/ner.bin", std::ios::binary);
    out.write("CCNER001\x00\x11\xff\xff\x00\x00", 12);
  }
  error.clear();
  EXPECT_FALSE(recogniser.load(dir, error));
  EXPECT_FALSE(recogniser.loaded());
  Document doc = annotated("Nothing to see in Oslo.");
  EXPECT_TRUE(recogniser.recognise(doc).empty());
}

TEST(Recogniser, CapitalisationTableCountsMidSentenceWordsOnly) {
  std::vector<Document> news = {
      annotated("Officials in Kyiv said the talks would go on. Kyiv denied it."),
      annotated("Reports from Kyiv said the talks stalled, and the officials left."),
      annotated("The talks in Kyiv ended. Talks resume soon, officials said.")};
  CaseTable table = count_capitalisation(news, 2);
  EXPECT_EQ(table.at("kyiv"), 5);
  EXPECT_EQ(table.at("talks"), 1);
  EXPECT_FALSE(table.contains("reports"));  // only sentence-initial
}

}  // namespace
}  // namespace crosscheck::extract
