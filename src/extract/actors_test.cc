#include "extract/actors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/resources.h"
#include "extract/extract.h"
#include "text/text.h"

namespace crosscheck {
namespace {

const Extractor& extractor() {
  static const std::unique_ptr<Extractor> loaded = Extractor::load(find_resources());
  return *loaded;
}

#define REQUIRE_GAZETTEERS() \
  if (find_resources().data_dir.empty()) GTEST_SKIP() << "no shared data folder (gazetteers)"

Document make_document(const std::string& id, const std::string& text) {
  Document doc;
  doc.id = id;
  doc.text = normalize(text);
  annotate_text(doc);
  extractor().annotate(doc, ExtractOptions{true, false, false, false});
  return doc;
}

Story story_of(const std::vector<Document>& documents) {
  Story story;
  for (uint32_t i = 0; i < documents.size(); ++i) story.documents.push_back(i);
  return story;
}

const Actor* actor_with_key(const std::vector<Actor>& actors, const std::string& key) {
  for (const Actor& actor : actors) {
    if (std::find(actor.keys.begin(), actor.keys.end(), key) != actor.keys.end()) return &actor;
  }
  return nullptr;
}

std::string describe(const std::vector<Actor>& actors) {
  std::string out;
  for (const Actor& actor : actors) {
    out += actor.name + " (" + to_string(actor.type) + "; keys";
    for (const std::string& key : actor.keys) out += " " + key;
    out += ") ";
  }
  return out;
}

TEST(NameSkeleton, TransliterationVariantsAgree) {
  using extract::name_skeleton;
  EXPECT_EQ(name_skeleton("zelensky"), name_skeleton("zelenskyy"));
  EXPECT_EQ(name_skeleton("zelensky"), name_skeleton("zelenskiy"));
  EXPECT_EQ(name_skeleton("andriy"), name_skeleton("andrii"));
  EXPECT_EQ(name_skeleton("philipp"), name_skeleton("filip"));
  EXPECT_EQ(name_skeleton("aleksandr"), name_skeleton("alexandr"));
  EXPECT_NE(name_skeleton("petrov"), name_skeleton("petrova"));
}

TEST(Acronyms, InitialsOfContentWords) {
  EXPECT_TRUE(extract::is_acronym_of("us", "united states"));
  EXPECT_TRUE(extract::is_acronym_of("nato", "north atlantic treaty organization"));
  EXPECT_TRUE(extract::is_acronym_of("imf", "international monetary fund"));
  EXPECT_FALSE(extract::is_acronym_of("uk", "united states"));
  EXPECT_FALSE(extract::is_acronym_of("u", "union"));
}

TEST(EditDistance, IsBounded) {
  EXPECT_EQ(extract::bounded_edit_distance("sybiha", "sybyha", 2), 1u);
  EXPECT_EQ(extract::bounded_edit_distance("kitten", "sitting", 5), 3u);
  EXPECT_EQ(extract::bounded_edit_distance("a", "abcdef", 2), 3u);
}

TEST(Actors, SurnameAndSpellingVariantsJoinTheFullName) {
  REQUIRE_GAZETTEERS();
  std::vector<Document> documents = {
      make_document("a",
                    "Talks were led by Ukrainian Defence Minister Oleksiy Marchenkyy. "
                    "Marchenkyy said the front was stable."),
      make_document("b",
                    "Oleksii Marchenko spoke to reporters in Kyiv. Marchenko added that "
                    "aid was arriving."),
      make_document("c",
                    "Kyiv sent Oleksiy Marchenky to Brussels, where Marchenkiy met Ellen "
                    "Vos.")};
  std::vector<Actor> actors = resolve_actors(documents, story_of(documents));
  const Actor* minister = actor_with_key(actors, "oleksiy marchenkyy");
  ASSERT_NE(minister, nullptr) << describe(actors);
  EXPECT_EQ(minister->type, EntityType::kPerson);
  for (const char* key : {"marchenkyy", "oleksiy marchenky", "marchenkiy"}) {
    EXPECT_EQ(actor_with_key(actors, key), minister) << key << ": " << describe(actors);
  }
  // "Marchenko" is another name: -o is not a spelling variant of -y.
  EXPECT_NE(actor_with_key(actors, "oleksii marchenko"), minister) << describe(actors);
  EXPECT_EQ(minister->articles, 2);
  EXPECT_EQ(minister->cites.size(), 2u);
  ASSERT_FALSE(minister->roles.empty());
  EXPECT_EQ(minister->roles[0].role, "Defence Minister");
  EXPECT_EQ(minister->roles[0].qualifier, "Ukraine");
}

TEST(Actors, AmbiguousSurnameStaysApart) {
  REQUIRE_GAZETTEERS();
  std::vector<Document> documents = {
      make_document("a", "Anna Lindqvist and Erik Lindqvist both ran. Lindqvist won narrowly.")};
  std::vector<Actor> actors = resolve_actors(documents, story_of(documents));
  const Actor* anna = actor_with_key(actors, "anna lindqvist");
  const Actor* erik = actor_with_key(actors, "erik lindqvist");
  ASSERT_NE(anna, nullptr) << describe(actors);
  ASSERT_NE(erik, nullptr) << describe(actors);
  EXPECT_NE(anna, erik);
  EXPECT_NE(actor_with_key(actors, "lindqvist"), anna);
  EXPECT_NE(actor_with_key(actors, "lindqvist"), erik);
}

TEST(Actors, AcronymsJoinTheirExpansion) {
  REQUIRE_GAZETTEERS();
  std::vector<Document> documents = {
      make_document("a", "The United States and the United Nations backed the deal."),
      make_document("b", "The U.S. and the UN welcomed it, officials in the US said.")};
  std::vector<Actor> actors = resolve_actors(documents, story_of(documents));
  const Actor* country = actor_with_key(actors, "united states");
  ASSERT_NE(country, nullptr) << describe(actors);
  EXPECT_EQ(actor_with_key(actors, "us"), country) << describe(actors);
  EXPECT_EQ(country->name, "United States");
  EXPECT_EQ(country->articles, 2);
  const Actor* body = actor_with_key(actors, "united nations");
  ASSERT_NE(body, nullptr) << describe(actors);
  EXPECT_EQ(actor_with_key(actors, "un"), body) << describe(actors);
}

TEST(Actors, TitleWithoutCountryJoinsTheQualifiedTitle) {
  REQUIRE_GAZETTEERS();
  std::vector<Document> documents = {
      make_document("a", "Brazilian President Lucia Moreira spoke first."),
      make_document("b", "Later, President Lucia Moreira left the summit."),
      make_document("c", "Moreira, a former senator, was elected in 2022.")};
  std::vector<Actor> actors = resolve_actors(documents, story_of(documents));
  const Actor* president = actor_with_key(actors, "lucia moreira");
  ASSERT_NE(president, nullptr) << describe(actors);
  ASSERT_EQ(president->roles.size(), 2u);
  EXPECT_EQ(president->roles[0].role, "President");
  EXPECT_EQ(president->roles[0].qualifier, "Brazil");
  EXPECT_EQ(president->roles[0].cites.size(), 2u);
  EXPECT_EQ(president->roles[1].role, "former senator");
  EXPECT_EQ(president->articles, 3);
}

TEST(Actors, SortedByArticlesThenMentions) {
  REQUIRE_GAZETTEERS();
  std::vector<Document> documents = {
      make_document("a", "Prime Minister Rosa Almeida met Carl Jensen in Lisbon."),
      make_document("b", "Almeida later told reporters in Lisbon that talks went well."),
      make_document("c", "Rosa Almeida returned on Friday.")};
  std::vector<Actor> actors = resolve_actors(documents, story_of(documents));
  ASSERT_FALSE(actors.empty());
  EXPECT_EQ(actors[0].name, "Rosa Almeida") << describe(actors);
  EXPECT_EQ(actors[0].articles, 3);
  for (size_t i = 1; i < actors.size(); ++i) {
    EXPECT_GE(actors[i - 1].articles, actors[i].articles);
  }
}

TEST(Actors, IgnoresIndicesOutsideTheCorpus) {
  std::vector<Document> documents;
  Story story;
  story.documents = {3, 7};
  EXPECT_TRUE(resolve_actors(documents, story).empty());
}

std::vector<Document> load_paris_talks() {
  std::vector<std::filesystem::path> paths;
  std::filesystem::path folder = "examples/paris-talks";
  if (!std::filesystem::exists(folder)) return {};
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Document> documents;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    documents.push_back(make_document(path.filename().string(), buffer.str()));
  }
  return documents;
}

TEST(Actors, ParisTalksExample) {
  REQUIRE_GAZETTEERS();
  std::vector<Document> documents = load_paris_talks();
  if (documents.size() != 5) GTEST_SKIP() << "examples/paris-talks not found";
  std::vector<Actor> actors = resolve_actors(documents, story_of(documents));
  ASSERT_FALSE(actors.empty());
  // The people the story is about are named in every or nearly every article.
  const Actor* top_person = nullptr;
  for (const Actor& actor : actors) {
    if (actor.type == EntityType::kPerson) {
      top_person = &actor;
      break;
    }
  }
  ASSERT_NE(top_person, nullptr);
  EXPECT_GE(top_person->articles, 4) << top_person->name;
  EXPECT_EQ(actors[0].articles, 5);
  // Spelling variants of one name become one actor.
  const Actor* president = actor_with_key(actors, "volodymyr zelensky");
  ASSERT_NE(president, nullptr) << describe(actors);
  EXPECT_EQ(actor_with_key(actors, "volodymyr zelenskyy"), president) << describe(actors);
  EXPECT_EQ(actor_with_key(actors, "zelensky"), president) << describe(actors);
  EXPECT_EQ(president->type, EntityType::kPerson);
  EXPECT_GE(president->articles, 4);
  // Every cite slices its article exactly; roles cite the title with the name.
  size_t roles = 0;
  for (const Actor& actor : actors) {
    for (const Cite& cite : actor.cites) {
      auto doc = std::find_if(documents.begin(), documents.end(),
                              [&](const Document& d) { return d.id == cite.article; });
      ASSERT_NE(doc, documents.end());
      EXPECT_EQ(doc->slice(Span{cite.start, cite.end}), cite.text);
    }
    for (const ActorRole& role : actor.roles) {
      ++roles;
      EXPECT_FALSE(role.role.empty());
      ASSERT_FALSE(role.cites.empty());
      for (const Cite& cite : role.cites) {
        auto doc = std::find_if(documents.begin(), documents.end(),
                                [&](const Document& d) { return d.id == cite.article; });
        ASSERT_NE(doc, documents.end());
        EXPECT_EQ(doc->slice(Span{cite.start, cite.end}), cite.text);
        EXPECT_NE(cite.text.find(role.role), std::string::npos) << cite.text;
      }
    }
  }
  EXPECT_GE(roles, 5u);
  // Every mention key of a person, organisation or place maps to an actor.
  for (const Document& doc : documents) {
    for (const Mention& mention : doc.mentions) {
      if (mention.type == EntityType::kMisc) continue;
      EXPECT_NE(actor_with_key(actors, mention.key), nullptr) << mention.key;
    }
  }
}

}  // namespace
}  // namespace crosscheck
