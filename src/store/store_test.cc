#include "store/store.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>

#include "gtest/gtest.h"
#include "store/layers_codec.h"
#include "store/story_codec.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

std::vector<Document> all_documents(const Store& store) {
  std::vector<Document> documents;
  std::string error;
  EXPECT_TRUE(store.load_documents(documents, error)) << error;
  return documents;
}

std::vector<Story> all_stories(const Store& store) {
  std::vector<Story> stories;
  Problems damaged;
  std::string error;
  EXPECT_TRUE(store.load_stories(stories, damaged, error)) << error;
  EXPECT_TRUE(damaged.empty());
  return stories;
}

// A document with every layer filled, including values a lossy codec would get wrong
// (non-ASCII text, negative weekday, fractional confidence, stems differing from lower forms).
Document sample_document(const std::string& id) {
  Document doc;
  doc.id = id;
  doc.url = "https://example.org/" + id;
  doc.site = "example.org";
  doc.title = "Talks in Genève — “day one”";
  doc.authors = {"A. Writer", "B. Reporter"};
  doc.published = "2025-04-17";
  doc.published_from = "meta";
  doc.lang = "en";
  doc.source = id + ".html";
  doc.copy_group = 0;
  doc.text = "Officials met on Thursday. At least 35 people were killed, “a tragedy”, she said.";
  doc.sentences = {{{0, 26}}, {{27, static_cast<uint32_t>(doc.text.size())}}};
  doc.tokens = {{{0, 9}, 0, TokenShape::kWord, true, false, "officials", "offici"},
                {{10, 13}, 0, TokenShape::kWord, false, false, "met", "met"},
                {{25, 26}, 0, TokenShape::kPunct, false, false, ".", ""},
                {{36, 38}, 1, TokenShape::kNumber, false, false, "35", "35"}};
  Mention mention;
  mention.span = {0, 9};
  mention.type = EntityType::kOrganization;
  mention.key = "officials";
  mention.role = "Foreign Secretary";
  mention.role_qualifier = "UK";
  mention.role_span = {1, 5};
  mention.confidence = 0.734;
  doc.mentions = {mention};
  Timex timex;
  timex.span = {17, 25};
  timex.type = TimexType::kDate;
  timex.value = "2025-04-17";
  timex.anchored_to = "publication";
  timex.weekday = 3;
  doc.timexes = {timex, Timex{{1, 2}, 0, TimexType::kDuration, "P3Y", "absolute", -1, "x"}};
  Quantity quantity;
  quantity.span = {27, 38};
  quantity.sentence = 1;
  quantity.value = 35.5;
  quantity.bound = Bound::kAtLeast;
  quantity.unit = "%";
  quantity.noun = "people";
  quantity.event = "kill";
  quantity.noun_span = {39, 45};
  quantity.event_span = {51, 57};
  doc.quantities = {quantity};
  Quote quote;
  quote.content = {59, 72};
  quote.cue = {78, 82};
  quote.source = {74, 77};
  quote.sentence = 1;
  quote.speaker = "";
  quote.anonymous = true;
  quote.direct = false;
  doc.quotes = {quote};
  return doc;
}

void expect_same_document(const Document& a, const Document& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.canonical_url, b.canonical_url);
  EXPECT_EQ(a.site, b.site);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.authors, b.authors);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.published_from, b.published_from);
  EXPECT_EQ(a.lang, b.lang);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.copy_group, b.copy_group);
  EXPECT_EQ(a.text, b.text);
  ASSERT_EQ(a.sentences.size(), b.sentences.size());
  for (size_t i = 0; i < a.sentences.size(); ++i)
    EXPECT_EQ(a.sentences[i].span, b.sentences[i].span);
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    EXPECT_EQ(a.tokens[i].span, b.tokens[i].span);
    EXPECT_EQ(a.tokens[i].sentence, b.tokens[i].sentence);
    EXPECT_EQ(a.tokens[i].shape, b.tokens[i].shape);
    EXPECT_EQ(a.tokens[i].capitalized, b.tokens[i].capitalized);
    EXPECT_EQ(a.tokens[i].all_caps, b.tokens[i].all_caps);
    EXPECT_EQ(a.tokens[i].lower, b.tokens[i].lower);
    EXPECT_EQ(a.tokens[i].stem, b.tokens[i].stem);
  }
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    EXPECT_EQ(a.mentions[i].span, b.mentions[i].span);
    EXPECT_EQ(a.mentions[i].sentence, b.mentions[i].sentence);
    EXPECT_EQ(a.mentions[i].type, b.mentions[i].type);
    EXPECT_EQ(a.mentions[i].key, b.mentions[i].key);
    EXPECT_EQ(a.mentions[i].role, b.mentions[i].role);
    EXPECT_EQ(a.mentions[i].role_qualifier, b.mentions[i].role_qualifier);
    EXPECT_EQ(a.mentions[i].role_span, b.mentions[i].role_span);
    EXPECT_EQ(a.mentions[i].confidence, b.mentions[i].confidence);
  }
  ASSERT_EQ(a.timexes.size(), b.timexes.size());
  for (size_t i = 0; i < a.timexes.size(); ++i) {
    EXPECT_EQ(a.timexes[i].span, b.timexes[i].span);
    EXPECT_EQ(a.timexes[i].sentence, b.timexes[i].sentence);
    EXPECT_EQ(a.timexes[i].type, b.timexes[i].type);
    EXPECT_EQ(a.timexes[i].value, b.timexes[i].value);
    EXPECT_EQ(a.timexes[i].anchored_to, b.timexes[i].anchored_to);
    EXPECT_EQ(a.timexes[i].weekday, b.timexes[i].weekday);
    EXPECT_EQ(a.timexes[i].explicit_date, b.timexes[i].explicit_date);
  }
  ASSERT_EQ(a.quantities.size(), b.quantities.size());
  for (size_t i = 0; i < a.quantities.size(); ++i) {
    EXPECT_EQ(a.quantities[i].span, b.quantities[i].span);
    EXPECT_EQ(a.quantities[i].sentence, b.quantities[i].sentence);
    EXPECT_EQ(a.quantities[i].value, b.quantities[i].value);
    EXPECT_EQ(a.quantities[i].bound, b.quantities[i].bound);
    EXPECT_EQ(a.quantities[i].unit, b.quantities[i].unit);
    EXPECT_EQ(a.quantities[i].noun, b.quantities[i].noun);
    EXPECT_EQ(a.quantities[i].event, b.quantities[i].event);
    EXPECT_EQ(a.quantities[i].noun_span, b.quantities[i].noun_span);
    EXPECT_EQ(a.quantities[i].event_span, b.quantities[i].event_span);
  }
  ASSERT_EQ(a.quotes.size(), b.quotes.size());
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    EXPECT_EQ(a.quotes[i].content, b.quotes[i].content);
    EXPECT_EQ(a.quotes[i].cue, b.quotes[i].cue);
    EXPECT_EQ(a.quotes[i].source, b.quotes[i].source);
    EXPECT_EQ(a.quotes[i].sentence, b.quotes[i].sentence);
    EXPECT_EQ(a.quotes[i].speaker, b.quotes[i].speaker);
    EXPECT_EQ(a.quotes[i].anonymous, b.quotes[i].anonymous);
    EXPECT_EQ(a.quotes[i].direct, b.quotes[i].direct);
  }
}

Story sample_story(const std::vector<Document>& docs, const std::string& id) {
  Story story;
  story.id = id;
  story.title = "Officials meet";
  story.documents = {0, 1};
  story.summary = {{"Officials met.", {cite_sentence(docs[0], 0), cite_sentence(docs[1], 0)}}};
  story.timeline = {{"2025-04-17", "Officials met", {make_cite(docs[0], {17, 25})}}};
  Actor actor;
  actor.name = "Jane Doe";
  actor.type = EntityType::kPerson;
  actor.aliases = {"Doe"};
  actor.keys = {"jane doe", "doe"};
  actor.roles = {{"Foreign Secretary", "UK", {make_cite(docs[0], {0, 9})}}};
  actor.mentions = 4;
  actor.articles = 2;
  actor.cites = {make_cite(docs[1], {0, 9})};
  story.actors = {actor};
  story.quotes = {{"Jane Doe", "a tragedy", false, {make_cite(docs[0], {59, 72})}}};
  story.numbers = {{"people killed", 35, Bound::kAtLeast, "", {make_cite(docs[0], {27, 38})}}};
  Fact fact;
  fact.id = "f1";
  fact.text = "Officials met on Thursday";
  fact.status = FactStatus::kCorroborated;
  fact.sources = 2;
  fact.cites = {cite_sentence(docs[0], 0)};
  fact.articles = {"a", "b"};
  story.facts = {fact};
  Conflict conflict;
  conflict.kind = ConflictKind::kDate;
  conflict.explanation = "Thursday is not the 18th";
  conflict.sides = {{"Thursday", {make_cite(docs[0], {17, 25})}},
                    {"Friday", {make_cite(docs[1], {17, 25})}}};
  conflict.internal = true;
  story.conflicts = {conflict};
  Assessment assessment;
  assessment.article = "a";
  assessment.p_machine = 0.93;
  assessment.machine_reasons = {"uniform sentences"};
  assessment.padding_share = 0.4;
  assessment.padding = {cite_sentence(docs[0], 1)};
  assessment.unsupported_share = 0.25;
  assessment.unsupported_facts = {"f2"};
  assessment.internal_conflicts = {conflict};
  assessment.reasons = {"mostly filler"};
  story.assessments = {assessment};
  return story;
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("crosscheck-store-test-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

void exec_raw(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
      << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

TEST(Store, MemoryRoundTripsEveryLayer) {
  std::string error;
  auto store = Store::open(":memory:", error);
  ASSERT_TRUE(store) << error;
  std::vector<Document> docs = {sample_document("a"), sample_document("b")};
  docs[1].copy_group = 0;
  docs[1].canonical_url = "https://example.org/canonical";
  docs[1].authors.clear();
  int added = 0;
  ASSERT_TRUE(store->add_documents(docs, added, error)) << error;
  EXPECT_EQ(added, 2);
  std::vector<Document> loaded = all_documents(*store);
  ASSERT_EQ(loaded.size(), 2u);
  expect_same_document(docs[0], loaded[0]);
  expect_same_document(docs[1], loaded[1]);
}

TEST(Store, SameTextIsANoOpAndChangedTextAnUpdateWithHistory) {
  std::string error;
  auto store = Store::open(":memory:", error);
  ASSERT_TRUE(store) << error;
  Store::AddCounts counts;
  ASSERT_TRUE(store->add_documents({sample_document("a"), sample_document("b")}, counts, error));
  EXPECT_EQ(counts.added, 2);
  Document changed = sample_document("a");
  changed.text = "different";
  ASSERT_TRUE(
      store->add_documents({changed, sample_document("b"), sample_document("c")}, counts, error));
  EXPECT_EQ(counts.added, 1);
  EXPECT_EQ(counts.updated, 1);
  EXPECT_EQ(counts.unchanged, 1);
  std::vector<Document> loaded = all_documents(*store);
  ASSERT_EQ(loaded.size(), 3u);
  EXPECT_EQ(loaded[0].id, "a");  // an update keeps the article's place
  EXPECT_EQ(loaded[0].text, "different");
  EXPECT_EQ(loaded[2].id, "c");
  EXPECT_EQ(store->article_versions("a"), 1);
  EXPECT_EQ(store->article_versions("b"), 0);
  EXPECT_EQ(store->count_documents(), 3);
}

TEST(Store, AnIdRepeatedInOneBatchKeepsBothVersions) {
  std::string error;
  auto store = Store::open(":memory:", error);
  ASSERT_TRUE(store) << error;
  Document first = sample_document("x");
  Document second = sample_document("x");
  second.text = "second version";
  Store::AddCounts counts;
  ASSERT_TRUE(store->add_documents({first, second, second}, counts, error)) << error;
  EXPECT_EQ(counts.added, 1);
  EXPECT_EQ(counts.updated, 1);
  EXPECT_EQ(counts.unchanged, 1);
  ASSERT_EQ(all_documents(*store).size(), 1u);
  EXPECT_EQ(all_documents(*store)[0].text, "second version");
  EXPECT_EQ(store->article_versions("x"), 1);
}

TEST(Store, CopyGroupsAreUpdatedAfterDedup) {
  std::string error;
  auto store = Store::open(":memory:", error);
  ASSERT_TRUE(store) << error;
  std::vector<Document> docs = {sample_document("a"), sample_document("b")};
  docs[0].copy_group = -1;
  docs[1].copy_group = -1;
  int added = 0;
  ASSERT_TRUE(store->add_documents(docs, added, error)) << error;
  docs[0].copy_group = 0;
  docs[1].copy_group = 0;
  ASSERT_TRUE(store->update_copy_groups(docs, error)) << error;
  std::vector<Document> loaded = all_documents(*store);
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded[0].copy_group, 0);
  EXPECT_EQ(loaded[1].copy_group, 0);
}

TEST(Store, StoriesRoundTripAndKeepHistory) {
  std::string error;
  auto store = Store::open(":memory:", error);
  ASSERT_TRUE(store) << error;
  std::vector<Document> docs = {sample_document("a"), sample_document("b")};
  std::vector<Story> stories = {sample_story(docs, "s1"), sample_story(docs, "s2")};
  stories[1].title = "Second";
  ASSERT_TRUE(store->save_stories(stories, error)) << error;
  std::vector<Story> loaded = all_stories(*store);
  ASSERT_EQ(loaded.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(store_codec::story_to_json(loaded[i]), store_codec::story_to_json(stories[i]));
  }
  EXPECT_EQ(loaded[0].assessments[0].p_machine, 0.93);
  EXPECT_EQ(loaded[0].conflicts[0].sides[1].cites[0].text, docs[1].text.substr(17, 8));
  EXPECT_EQ(loaded[0].actors[0].roles[0].qualifier, "UK");
  EXPECT_TRUE(loaded[0].conflicts[0].internal);

  // Saving the same stories again keeps versions; a change archives the previous one.
  ASSERT_TRUE(store->save_stories(stories, error)) << error;
  EXPECT_EQ(store->history_versions("s1"), 0);
  stories[0].title = "Officials meet again";
  std::vector<Story> next = {stories[0]};
  ASSERT_TRUE(store->save_stories(next, error)) << error;
  EXPECT_EQ(store->history_versions("s1"), 1);
  EXPECT_EQ(store->history_versions("s2"), 1);  // dropped story kept in history
  loaded = all_stories(*store);
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].title, "Officials meet again");

  std::vector<Story> clash = {stories[0], stories[0]};
  EXPECT_FALSE(store->save_stories(clash, error));
  EXPECT_NE(error.find("share the id"), std::string::npos);
}

TEST(Store, FileStoreReopensAndReadsBack) {
  TempDir dir;
  std::string path = dir.file("store.db");
  std::string error;
  std::vector<Document> docs = {sample_document("a"), sample_document("b")};
  {
    auto store = Store::open(path, error);
    ASSERT_TRUE(store) << error;
    int added = 0;
    ASSERT_TRUE(store->add_documents(docs, added, error)) << error;
    ASSERT_TRUE(store->save_stories({sample_story(docs, "s1")}, error)) << error;
  }
  auto store = Store::open(path, error);
  ASSERT_TRUE(store) << error;
  std::vector<Document> loaded = all_documents(*store);
  ASSERT_EQ(loaded.size(), 2u);
  expect_same_document(docs[1], loaded[1]);
  ASSERT_EQ(all_stories(*store).size(), 1u);

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), Store::schema_version());
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(Store, DamagedStoredStoryIsNamedNotHidden) {
  TempDir dir;
  std::string path = dir.file("store.db");
  std::string error;
  std::vector<Document> docs = {sample_document("a"), sample_document("b")};
  {
    auto store = Store::open(path, error);
    ASSERT_TRUE(store) << error;
    int added = 0;
    ASSERT_TRUE(store->add_documents(docs, added, error)) << error;
    ASSERT_TRUE(store->save_stories({sample_story(docs, "s1"), sample_story(docs, "s2")}, error))
        << error;
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE stories SET json = '{\"id\": 3' WHERE id = 's2'", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);

  auto store = Store::open(path, error);
  ASSERT_TRUE(store) << error;
  std::vector<Story> stories;
  Problems damaged;
  ASSERT_TRUE(store->load_stories(stories, damaged, error)) << error;
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].id, "s1");
  ASSERT_EQ(damaged.size(), 1u);
  EXPECT_NE(damaged[0].input.find("s2"), std::string::npos);
  EXPECT_NE(damaged[0].reason.find("damaged"), std::string::npos);
}

TEST(Store, OneBatchWritesArticlesAndStoriesTogetherOrNotAtAll) {
  TempDir dir;
  std::string path = dir.file("store.db");
  std::string error;
  std::vector<Document> docs = {sample_document("a"), sample_document("b")};
  {
    auto store = Store::open(path, error);
    ASSERT_TRUE(store) << error;
    ASSERT_TRUE(store->begin_batch(error)) << error;
    int added = 0;
    ASSERT_TRUE(store->add_documents(docs, added, error)) << error;
    ASSERT_TRUE(store->save_stories({sample_story(docs, "s1")}, error)) << error;
    // Inside the batch its own writes are visible...
    EXPECT_EQ(all_documents(*store).size(), 2u);
    store->abandon_batch();
    // ...and abandoning it removes all of them.
    EXPECT_TRUE(all_documents(*store).empty());
    EXPECT_TRUE(all_stories(*store).empty());

    ASSERT_TRUE(store->begin_batch(error)) << error;
    ASSERT_TRUE(store->add_documents(docs, added, error)) << error;
    ASSERT_TRUE(store->save_stories({sample_story(docs, "s1")}, error)) << error;
    ASSERT_TRUE(store->commit_batch(error)) << error;
  }
  auto store = Store::open(path, error);
  ASSERT_TRUE(store) << error;
  EXPECT_EQ(all_documents(*store).size(), 2u);
  EXPECT_EQ(all_stories(*store).size(), 1u);
  EXPECT_FALSE(store->commit_batch(error));
}

TEST(Store, SecondWriterWaitsThenGivesUpWithAMessageAndReadersAreNotBlocked) {
  TempDir dir;
  std::string path = dir.file("store.db");
  std::string error;
  auto first = Store::open(path, error);
  ASSERT_TRUE(first) << error;
  auto second = Store::open(path, error);
  ASSERT_TRUE(second) << error;
  ASSERT_TRUE(first->begin_batch(error)) << error;
  int added = 0;
  ASSERT_TRUE(first->add_documents({sample_document("a")}, added, error)) << error;

  second->set_writer_wait(50);
  int waits = 0;
  EXPECT_FALSE(second->begin_batch(error, [&] { ++waits; }));
  EXPECT_EQ(waits, 1);
  EXPECT_NE(error.find("another crosscheck process is writing"), std::string::npos) << error;
  EXPECT_NE(error.find(path), std::string::npos) << error;
  // A reader sees the last committed state, not the batch in flight.
  EXPECT_TRUE(all_documents(*second).empty());

  ASSERT_TRUE(first->commit_batch(error)) << error;
  ASSERT_TRUE(second->begin_batch(error, [&] { ++waits; })) << error;
  EXPECT_EQ(waits, 1);
  EXPECT_EQ(all_documents(*second).size(), 1u);
  ASSERT_TRUE(second->commit_batch(error)) << error;
}

TEST(Store, NewerSchemaIsRefused) {
  TempDir dir;
  std::string path = dir.file("store.db");
  std::string error;
  ASSERT_TRUE(Store::open(path, error)) << error;
  exec_raw(path, "PRAGMA user_version = " + std::to_string(Store::schema_version() + 5));
  EXPECT_FALSE(Store::open(path, error));
  EXPECT_NE(error.find("newer"), std::string::npos) << error;
}

TEST(Store, NonSqliteFileIsRefusedAndKept) {
  TempDir dir;
  std::string path = dir.file("random.bin");
  std::mt19937 random(7);
  std::string bytes(8192, '\0');
  for (char& byte : bytes) byte = static_cast<char>(random());
  std::ofstream(path, std::ios::binary) << bytes;
  std::string error;
  EXPECT_FALSE(Store::open(path, error));
  EXPECT_NE(error.find("not a SQLite database"), std::string::npos) << error;
  std::ifstream in(path, std::ios::binary);
  std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(after, bytes);  // never overwritten

  std::string tiny = dir.file("tiny.txt");
  std::ofstream(tiny) << "hello";
  EXPECT_FALSE(Store::open(tiny, error));
}

TEST(Store, UnopenablePathsAreErrors) {
  TempDir dir;
  std::string error;
  EXPECT_FALSE(Store::open(dir.file(""), error));  // a directory
  EXPECT_FALSE(error.empty());
  error.clear();
  EXPECT_FALSE(Store::open(dir.file("missing/folder/store.db"), error));
  EXPECT_FALSE(error.empty());
}

TEST(Store, ForeignSqliteDatabaseIsRefused) {
  TempDir dir;
  std::string path = dir.file("other.db");
  exec_raw(path, "CREATE TABLE things (x INTEGER)");
  std::string error;
  EXPECT_FALSE(Store::open(path, error));
  EXPECT_NE(error.find("not a crosscheck store"), std::string::npos) << error;
}

// Writes a store big enough to span many pages and returns its path (WAL checkpointed on close).
std::string write_big_store(const TempDir& dir, int count) {
  std::string path = dir.file("big.db");
  std::string error;
  auto store = Store::open(path, error);
  EXPECT_TRUE(store) << error;
  std::vector<Document> docs;
  for (int i = 0; i < count; ++i) {
    Document doc = sample_document("doc" + std::to_string(i));
    doc.text += std::string(3000, static_cast<char>('a' + i % 26));
    docs.push_back(doc);
  }
  int added = 0;
  EXPECT_TRUE(store->add_documents(docs, added, error)) << error;
  return path;
}

TEST(Store, TruncatedFileIsRefused) {
  TempDir dir;
  std::string path = write_big_store(dir, 60);
  auto size = fs::file_size(path);
  ASSERT_GT(size, 100000u);
  fs::resize_file(path, size / 2);
  std::string error;
  auto store = Store::open(path, error);
  EXPECT_FALSE(store);
  EXPECT_NE(error.find("corrupt"), std::string::npos) << error;
}

TEST(Store, CorruptedPagesAreRefused) {
  TempDir dir;
  std::string path = write_big_store(dir, 60);
  {
    std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
    std::mt19937 random(11);
    // Garble pages 2..6 (page size 4096): the schema root and the first table pages.
    file.seekp(4096);
    for (int i = 0; i < 5 * 4096; ++i) file.put(static_cast<char>(random()));
  }
  std::string error;
  auto store = Store::open(path, error);
  EXPECT_FALSE(store);
  EXPECT_NE(error.find("corrupt"), std::string::npos) << error;
}

// Damage anywhere in the file must give an error or a readable store, never a crash.
TEST(Store, RandomDamageNeverCrashes) {
  TempDir dir;
  std::string good = write_big_store(dir, 40);
  std::string bytes;
  {
    std::ifstream in(good, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_GT(bytes.size(), 8192u);
  std::mt19937 random(5);
  int refused = 0, opened = 0;
  for (int round = 0; round < 25; ++round) {
    std::string damaged = bytes;
    size_t offset = 100 + random() % (damaged.size() - 700);
    for (size_t i = 0; i < 512; ++i) damaged[offset + i] = static_cast<char>(random());
    std::string path = dir.file("damaged" + std::to_string(round) + ".db");
    std::ofstream(path, std::ios::binary) << damaged;
    std::string error;
    auto store = Store::open(path, error);
    if (!store) {
      ++refused;
      EXPECT_FALSE(error.empty());
      continue;
    }
    ++opened;
    // A damaged store either reads completely or says why it cannot: never a silent subset.
    std::vector<Document> docs;
    std::string read_error;
    if (store->load_documents(docs, read_error)) {
      EXPECT_LE(docs.size(), 40u);
    } else {
      EXPECT_TRUE(docs.empty());
      EXPECT_NE(read_error.find("cannot read the articles"), std::string::npos) << read_error;
    }
    std::vector<Story> stories;
    Problems damaged_stories;
    if (!store->load_stories(stories, damaged_stories, read_error)) {
      EXPECT_TRUE(stories.empty());
    }
  }
  EXPECT_EQ(refused + opened, 25);
  EXPECT_GT(refused, 0);
}

TEST(Store, WriterKilledMidBatchKeepsCommittedData) {
  TempDir dir;
  std::string path = dir.file("store.db");
  std::string error;
  {
    auto store = Store::open(path, error);
    ASSERT_TRUE(store) << error;
    int added = 0;
    ASSERT_TRUE(store->add_documents({sample_document("a"), sample_document("b")}, added, error));
  }
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::string child_error;
    auto store = Store::open(path, child_error);
    if (!store) _exit(2);
    store->set_after_insert_hook([](int inserted) {
      if (inserted == 3) _exit(0);  // dies holding an open transaction
    });
    std::vector<Document> batch;
    for (int i = 0; i < 10; ++i) batch.push_back(sample_document("new" + std::to_string(i)));
    int added = 0;
    store->add_documents(batch, added, child_error);
    _exit(1);  // the hook should have ended the process first
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);

  auto store = Store::open(path, error);
  ASSERT_TRUE(store) << error;
  std::vector<Document> loaded = all_documents(*store);
  ASSERT_EQ(loaded.size(), 2u);
  expect_same_document(sample_document("b"), loaded[1]);
  int added = 0;
  ASSERT_TRUE(store->add_documents({sample_document("c")}, added, error)) << error;
  EXPECT_EQ(added, 1);
}

TEST(Store, RawWriterKilledWithoutCommitLeavesStoreReadable) {
  TempDir dir;
  std::string path = dir.file("store.db");
  std::string error;
  {
    auto store = Store::open(path, error);
    ASSERT_TRUE(store) << error;
    int added = 0;
    ASSERT_TRUE(store->add_documents({sample_document("a")}, added, error));
  }
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) _exit(2);
    sqlite3_exec(db, "BEGIN; INSERT INTO articles (id, text) VALUES ('ghost', 'x');", nullptr,
                 nullptr, nullptr);
    // Push the uncommitted page out of the cache into the WAL file.
    sqlite3_db_cacheflush(db);
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  auto store = Store::open(path, error);
  ASSERT_TRUE(store) << error;
  std::vector<Document> loaded = all_documents(*store);
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].id, "a");
}

TEST(StoreCodec, DamagedLayerBlobsDecodeToFalseWithoutCrashing) {
  Document doc = sample_document("a");
  std::vector<std::string> blobs = {
      store_codec::encode_sentences(doc.sentences),   store_codec::encode_tokens(doc.tokens),
      store_codec::encode_mentions(doc.mentions),     store_codec::encode_timexes(doc.timexes),
      store_codec::encode_quantities(doc.quantities), store_codec::encode_quotes(doc.quotes)};
  std::mt19937 random(3);
  int refused = 0;
  for (const std::string& blob : blobs) {
    for (size_t cut = 0; cut < blob.size(); ++cut) {
      std::string_view truncated(blob.data(), cut);
      std::vector<Sentence> sentences;
      std::vector<Token> tokens;
      std::vector<Mention> mentions;
      std::vector<Timex> timexes;
      std::vector<Quantity> quantities;
      std::vector<Quote> quotes;
      refused += !store_codec::decode_sentences(truncated, sentences);
      refused += !store_codec::decode_tokens(truncated, tokens);
      refused += !store_codec::decode_mentions(truncated, mentions);
      refused += !store_codec::decode_timexes(truncated, timexes);
      refused += !store_codec::decode_quantities(truncated, quantities);
      refused += !store_codec::decode_quotes(truncated, quotes);
    }
    for (int round = 0; round < 200; ++round) {
      std::string mutated = blob;
      mutated[random() % mutated.size()] = static_cast<char>(random());
      std::vector<Token> tokens;
      std::vector<Quote> quotes;
      store_codec::decode_tokens(mutated, tokens);
      store_codec::decode_quotes(mutated, quotes);
    }
  }
  EXPECT_GT(refused, 0);
  std::vector<Token> tokens;
  EXPECT_TRUE(store_codec::decode_tokens(blobs[1], tokens));
  EXPECT_EQ(tokens.size(), doc.tokens.size());
  EXPECT_FALSE(store_codec::decode_tokens(blobs[1] + "x", tokens));  // trailing garbage
}

TEST(Store, UnversionedCrosscheckFileIsMigratedForward) {
  // A file marked as crosscheck's but at user_version 0 (as a crash during the very first open
  // would leave it) runs every migration step in order.
  TempDir dir;
  std::string path = dir.file("old.db");
  exec_raw(path, "PRAGMA application_id = " + std::to_string(0x4372436B));
  std::string error;
  auto store = Store::open(path, error);
  ASSERT_TRUE(store) << error;
  int added = 0;
  ASSERT_TRUE(store->add_documents({sample_document("a")}, added, error)) << error;
  EXPECT_EQ(added, 1);
  store.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(
      sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema'", -1, &stmt, nullptr),
      SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))),
            std::to_string(Store::schema_version()));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(StoreCodec, NonFiniteNumbersSurviveAsNan) {
  std::vector<Document> docs = {sample_document("a"), sample_document("b")};
  Story story = sample_story(docs, "s");
  story.assessments[0].p_machine = std::numeric_limits<double>::quiet_NaN();
  Story loaded;
  std::string error;
  ASSERT_TRUE(store_codec::story_from_json(store_codec::story_to_json(story), loaded, error))
      << error;
  EXPECT_TRUE(std::isnan(loaded.assessments[0].p_machine));
}

TEST(StoreCodec, MalformedStoryJsonIsAnError) {
  Story story;
  std::string error;
  EXPECT_FALSE(store_codec::story_from_json("{not json", story, error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(store_codec::story_from_json(R"({"format":1,"id":"x"})", story, error));
  Story empty;
  empty.id = "x";
  EXPECT_TRUE(store_codec::story_from_json(store_codec::story_to_json(empty), story, error));
  EXPECT_EQ(story.id, "x");
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST(StoreCodec, SyntaxLayerRoundTrips) {
  Document doc = sample_document("a");
  doc.tokens[0].upos = Upos::kNoun;
  doc.tokens[0].xpos = 27;
  doc.tokens[0].deprel = 41;
  doc.tokens[0].head = 1;
  doc.tokens[0].lemma = "official";
  doc.tokens[0].morph.number = GrammaticalNumber::kPlur;
  doc.tokens[1].upos = Upos::kVerb;
  doc.tokens[1].lemma = "meet";
  doc.tokens[1].morph = {
      Tense::kPast, VerbForm::kFin, Mood::kInd, GrammaticalNumber::kNone, Voice::kAct, 3, true};
  doc.tokens[2].upos = Upos::kPunct;
  doc.tokens[2].head = 1;
  doc.tokens[2].lemma = ".";  // same as lower: stored as a flag
  std::vector<Token> tokens;
  ASSERT_TRUE(store_codec::decode_tokens(store_codec::encode_tokens(doc.tokens), tokens));
  ASSERT_EQ(tokens.size(), doc.tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(tokens[i].upos, doc.tokens[i].upos) << i;
    EXPECT_EQ(tokens[i].xpos, doc.tokens[i].xpos) << i;
    EXPECT_EQ(tokens[i].deprel, doc.tokens[i].deprel) << i;
    EXPECT_EQ(tokens[i].head, doc.tokens[i].head) << i;
    EXPECT_EQ(tokens[i].lemma, doc.tokens[i].lemma) << i;
    EXPECT_EQ(tokens[i].morph, doc.tokens[i].morph) << i;
    EXPECT_EQ(tokens[i].lower, doc.tokens[i].lower) << i;
  }
}

TEST(StoreCodec, TokenBlobsOfFormatOneStillDecodeAndNewerAreRefused) {
  Document doc = sample_document("a");  // no syntax: the record layout of format 1
  std::string blob = store_codec::encode_tokens(doc.tokens);
  ASSERT_EQ(blob[0], 2);
  blob[0] = 1;
  std::vector<Token> tokens;
  ASSERT_TRUE(store_codec::decode_tokens(blob, tokens));
  ASSERT_EQ(tokens.size(), doc.tokens.size());
  EXPECT_EQ(tokens[1].lower, "met");
  EXPECT_EQ(tokens[1].upos, Upos::kNone);
  EXPECT_EQ(tokens[1].head, -1);
  blob[0] = 3;
  EXPECT_FALSE(store_codec::decode_tokens(blob, tokens));
  EXPECT_TRUE(tokens.empty());
}

TEST(StoreCodec, HeadsOutsideTheLayerAreRefused) {
  Document doc = sample_document("a");
  doc.tokens[0].upos = Upos::kNoun;
  doc.tokens[0].head = 3;
  std::vector<Token> tokens;
  ASSERT_TRUE(store_codec::decode_tokens(store_codec::encode_tokens(doc.tokens), tokens));
  doc.tokens.resize(1);  // head 3 now points past the end
  doc.tokens[0].head = 3;
  EXPECT_FALSE(store_codec::decode_tokens(store_codec::encode_tokens(doc.tokens), tokens));
}

}  // namespace
}  // namespace crosscheck
