#include "core/language.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

Document with_lang(const std::string& lang) {
  Document doc;
  doc.lang = lang;
  return doc;
}

TEST(Language, UnknownAndEnglishArticlesAreAnalysed) {
  EXPECT_TRUE(analysable_language(with_lang("")));
  EXPECT_TRUE(analysable_language(with_lang("en")));
  EXPECT_FALSE(analysable_language(with_lang("ru")));
}

TEST(Language, AStoryTakesTheLanguageOfMostOfItsArticles) {
  std::vector<Document> docs = {with_lang("ru"), with_lang("ru"), with_lang("en"),
                                with_lang(""),   with_lang("nl"), with_lang("zh")};
  Story russian;
  russian.documents = {0, 1, 2};
  EXPECT_EQ(story_language(docs, russian), "ru");
  Story mixed;  // as many analysable articles as Russian ones: analysed
  mixed.documents = {0, 2};
  EXPECT_EQ(story_language(docs, mixed), "");
  Story split;  // ties between other languages go to the first code in order
  split.documents = {4, 5};
  EXPECT_EQ(story_language(docs, split), "nl");
  Story out_of_range;
  out_of_range.documents = {99};
  EXPECT_EQ(story_language(docs, out_of_range), "");
}

}  // namespace
}  // namespace crosscheck
