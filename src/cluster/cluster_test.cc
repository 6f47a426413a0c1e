#include "cluster/cluster.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/resources.h"
#include "text/text.h"

namespace crosscheck {
namespace {

Document make_doc(const std::string& id, const std::string& text) {
  Document doc;
  doc.id = id;
  doc.text = normalize(text);
  annotate_text(doc);
  return doc;
}

std::vector<Document> small_corpus() {
  return {
      make_doc("quake-1",
               "A magnitude 7.1 earthquake struck southern Peru on Monday, collapsing homes in "
               "Arequipa and killing at least 12 people, officials said. Rescue teams searched "
               "the rubble through the night."),
      make_doc("budget-1",
               "The Senate passed the budget bill late on Tuesday after a marathon debate over "
               "spending cuts and tax credits. The House is expected to vote on the bill next "
               "week."),
      make_doc("quake-2",
               "Rescuers in Peru dug through collapsed homes after the powerful earthquake near "
               "Arequipa, where the death toll rose to 12. The quake had a magnitude of 7.1."),
      make_doc("budget-2",
               "House leaders said they would bring the Senate budget bill to a vote next week, "
               "after senators approved the spending and tax package on Tuesday."),
      make_doc("football-1",
               "The striker scored twice in the second half as the home side came back to win "
               "the cup final in front of a record crowd."),
  };
}

TEST(Cluster, GroupsArticlesOnTheSameEvent) {
  std::vector<Document> docs = small_corpus();
  std::vector<Story> stories = cluster(docs, ClusterOptions{});
  ASSERT_EQ(stories.size(), 3u);
  EXPECT_EQ(stories[0].documents, (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(stories[1].documents, (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(stories[2].documents, (std::vector<uint32_t>{4}));
}

TEST(Cluster, StableIdsAndOrderForSingleAndAverageLink) {
  std::vector<Document> docs = small_corpus();
  for (Linkage linkage : {Linkage::kSingle, Linkage::kAverage}) {
    ClusterOptions options;
    options.linkage = linkage;
    std::vector<Story> first = cluster(docs, options);
    std::vector<Story> second = cluster(docs, options);
    ASSERT_EQ(first.size(), second.size());
    std::set<uint32_t> seen;
    for (size_t s = 0; s < first.size(); ++s) {
      EXPECT_EQ(first[s].id, second[s].id);
      EXPECT_EQ(first[s].id.size(), 16u);
      EXPECT_EQ(first[s].documents, second[s].documents);
      if (s > 0) {
        EXPECT_LT(first[s - 1].documents[0], first[s].documents[0]);
      }
      for (uint32_t d : first[s].documents) EXPECT_TRUE(seen.insert(d).second);
    }
    EXPECT_EQ(seen.size(), docs.size());
  }
}

TEST(Cluster, CopiesJoinTheirOriginalsStory) {
  std::vector<Document> docs = small_corpus();
  // Mark the football report as a copy of the first quake report: it must follow it.
  for (uint32_t i = 0; i < docs.size(); ++i) docs[i].copy_group = static_cast<int32_t>(i);
  docs[4].copy_group = 0;
  std::vector<Story> stories = cluster(docs, ClusterOptions{});
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].documents, (std::vector<uint32_t>{0, 2, 4}));
  EXPECT_EQ(stories[1].documents, (std::vector<uint32_t>{1, 3}));
}

TEST(Cluster, LargeStoryBeyondThePostingsWindow) {
  // 40 articles share every top term, more than max_postings allows per lookup, so each
  // article is compared with its 5 predecessors only.
  std::vector<Document> base = small_corpus();
  std::vector<Document> docs;
  for (int k = 0; k < 40; ++k) {
    docs.push_back(base[static_cast<size_t>(k % 2 == 0 ? 0 : 2)]);
    docs.back().id = "quake-" + std::to_string(k);
  }
  docs.push_back(base[1]);
  ClusterOptions options;
  options.max_postings = 5;
  // Averaging over the compared pairs keeps the story whole.
  options.linkage = Linkage::kAverageCompared;
  std::vector<Story> stories = cluster(docs, options);
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].documents.size(), 40u);
  // Counting uncompared pairs as 0 splits it: the documented limit of kAverage.
  options.linkage = Linkage::kAverage;
  EXPECT_GT(cluster(docs, options).size(), 2u);
  // Marked as copies (as dedup does), the repeats follow their originals whatever the linkage.
  for (uint32_t i = 0; i < docs.size(); ++i) {
    docs[i].copy_group = static_cast<int32_t>(i < 2 || i == 40 ? i : i % 2);
  }
  stories = cluster(docs, options);
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].documents.size(), 40u);
}

TEST(Cluster, EmptyAndUnannotatedInput) {
  EXPECT_TRUE(cluster({}, ClusterOptions{}).empty());
  std::vector<Document> docs(3);
  docs[0].text = "The earthquake in Peru killed 12 people near Arequipa.";
  docs[1].text = "";
  docs[2].text = "Peru earthquake: 12 people killed near Arequipa, officials say.";
  std::vector<Story> stories = cluster(docs, ClusterOptions{});
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].documents, (std::vector<uint32_t>{0, 2}));
}

TEST(Cluster, EntityEvidenceFromMentions) {
  Document a = make_doc("a", "The minister met the envoy for talks on the border dispute.");
  Document b = make_doc("b", "The minister met the envoy for talks on the border dispute.");
  ClusterOptions options;
  double same_text = story_similarity(a, b, options);
  for (const char* key : {"jane doe", "acme corp", "ruritania"}) a.mentions.push_back({.key = key});
  for (const char* key : {"john roe", "globex", "freedonia"}) b.mentions.push_back({.key = key});
  double different_people = story_similarity(a, b, options);
  // Fewer keys than ClusterOptions::min_entities are not evidence either way.
  a.mentions.resize(1);
  EXPECT_NEAR(story_similarity(a, b, options), same_text, 1e-6);
  a.mentions.clear();
  for (const char* key : {"jane doe", "acme corp", "ruritania"}) a.mentions.push_back({.key = key});
  EXPECT_NEAR(same_text, 1.0, 1e-6);
  EXPECT_LT(different_people, same_text - 0.2);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The commissioning articles are one story; forty articles about other events must neither
// split it nor join it.
TEST(Cluster, SeedArticlesFormOneStoryAmongOtherEvents) {
  std::filesystem::path seeds = "examples/paris-talks";
  Resources resources = find_resources();
  std::filesystem::path others =
      std::filesystem::path(resources.data_dir) / "multinews" / "other-events.jsonl";
  if (!std::filesystem::is_directory(seeds) || resources.data_dir.empty() ||
      !std::filesystem::exists(others)) {
    GTEST_SKIP() << "examples/paris-talks or multinews/other-events.jsonl not available";
  }
  std::vector<Document> docs;
  std::vector<std::filesystem::path> seed_files;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    if (entry.path().extension() == ".txt") seed_files.push_back(entry.path());
  }
  std::sort(seed_files.begin(), seed_files.end());
  ASSERT_EQ(seed_files.size(), 5u);
  std::ifstream lines(others);
  std::string line;
  size_t other_count = 0;
  // Interleave so that the seeds are not simply the first documents.
  size_t next_seed = 0;
  while (std::getline(lines, line)) {
    nlohmann::json article = nlohmann::json::parse(line);
    docs.push_back(make_doc(article["id"], article["text"]));
    if (++other_count % 8 == 0 && next_seed < seed_files.size()) {
      docs.push_back(
          make_doc(seed_files[next_seed].filename().string(), read_file(seed_files[next_seed])));
      ++next_seed;
    }
  }
  ASSERT_EQ(other_count, 40u);
  std::set<uint32_t> seed_indices;
  for (uint32_t i = 0; i < docs.size(); ++i) {
    if (docs[i].id.ends_with(".txt")) seed_indices.insert(i);
  }
  ASSERT_EQ(seed_indices.size(), 5u);
  // With the corpus's own IDF, and with the reference frequencies the pipeline uses.
  TermFrequencies reference;
  std::string error;
  bool have_reference =
      !resources.models_dir.empty() &&
      load_term_frequencies(resources.models_dir + "/news-df.tsv", reference, error);
  for (bool use_reference : {false, true}) {
    if (use_reference && !have_reference) continue;
    ClusterOptions options;
    options.background = use_reference ? &reference : nullptr;
    std::vector<Story> stories = cluster(docs, options);
    size_t seed_stories = 0;
    for (const Story& story : stories) {
      std::set<uint32_t> members(story.documents.begin(), story.documents.end());
      bool has_seed = std::any_of(members.begin(), members.end(),
                                  [&](uint32_t d) { return seed_indices.contains(d); });
      if (has_seed) {
        ++seed_stories;
        EXPECT_EQ(members, seed_indices) << "reference frequencies: " << use_reference;
      }
    }
    EXPECT_EQ(seed_stories, 1u);
  }
}

}  // namespace
}  // namespace crosscheck
