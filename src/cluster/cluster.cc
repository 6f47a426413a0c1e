// Stories: TF-IDF and entity similarity over candidate pairs from an inverted index of top
// terms, merged by average-link (or single-link) agglomeration.
#include "cluster/cluster.h"

#include <tbb/parallel_for.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/text.h"

namespace crosscheck {

namespace {

using SparseVector = std::vector<std::pair<uint32_t, float>>;  // sorted by id, unit length

struct RawFeatures {
  std::vector<std::pair<std::string, int>> term_counts;
  std::vector<std::string> entities;  // distinct keys
};

struct Features {
  SparseVector terms;
  SparseVector entities;
  std::vector<uint32_t> top_terms;
};

bool has_letter(std::string_view word) {
  for (char c : word) {
    unsigned char byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || byte >= 0x80) return true;
  }
  return false;
}

bool opens_clause(std::string_view punct) {
  return punct == "\"" || punct == "\xE2\x80\x9C" || punct == ":" || punct == "(" || punct == "'" ||
         punct == "\xE2\x80\x98";
}

RawFeatures raw_features(const Document& doc) {
  Document scratch;
  const Document* source = &with_tokens(doc, scratch);
  RawFeatures raw;
  std::unordered_map<std::string, int> counts;
  std::vector<std::string> entities;
  uint32_t sentence = UINT32_MAX;
  bool clause_start = true;
  for (const Token& token : source->tokens) {
    if (token.sentence != sentence) {
      sentence = token.sentence;
      clause_start = true;
    }
    if (token.shape != TokenShape::kWord) {
      if (token.shape == TokenShape::kPunct)
        clause_start = clause_start || opens_clause(token.lower);
      continue;
    }
    bool initial = clause_start;
    clause_start = false;
    if (token.lower.size() < 2 || token.lower[0] == '\'' || !has_letter(token.lower) ||
        is_stop_word(token.lower)) {
      continue;
    }
    ++counts[token.stem.empty() ? token.lower : token.stem];
    // Without an entity layer, capitalised words inside a sentence stand in for names.
    if (doc.mentions.empty() && token.capitalized && !initial) {
      entities.push_back(token.lower);
    }
  }
  for (const Mention& mention : doc.mentions) {
    if (!mention.key.empty()) entities.push_back(mention.key);
  }
  std::sort(entities.begin(), entities.end());
  entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
  raw.entities = std::move(entities);
  raw.term_counts.assign(counts.begin(), counts.end());
  std::sort(raw.term_counts.begin(), raw.term_counts.end());
  return raw;
}

void normalize_vector(SparseVector& vector) {
  double norm = 0;
  for (const auto& [id, weight] : vector) norm += static_cast<double>(weight) * weight;
  if (norm <= 0) return;
  float scale = static_cast<float>(1.0 / std::sqrt(norm));
  for (auto& entry : vector) entry.second *= scale;
  std::sort(vector.begin(), vector.end());
}

double dot(const SparseVector& a, const SparseVector& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first) {
      sum += static_cast<double>(a[i].second) * b[j].second;
      ++i, ++j;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return sum;
}

double similarity(const Features& a, const Features& b, const ClusterOptions& options) {
  double terms = dot(a.terms, b.terms);
  // A couple of capitalised words are noise, not evidence about who the story is about.
  size_t min_entities = static_cast<size_t>(std::max(1, options.min_entities));
  if (a.entities.size() < min_entities || b.entities.size() < min_entities) return terms;
  double weight = std::clamp(options.entity_weight, 0.0, 1.0);
  return (1 - weight) * terms + weight * dot(a.entities, b.entities);
}

// Smoothed IDF: log((N + 1) / (df + 1)) + 1, so a term in every document still counts a little.
float idf(double documents, double df) {
  return static_cast<float>(std::log((documents + 1.0) / (df + 1.0)) + 1.0);
}

// Reference document frequency of `term`, 0 without a background.
uint32_t background_df(const TermFrequencies* background, const std::string& term) {
  if (!background) return 0;
  auto it = background->df.find(term);
  return it == background->df.end() ? 0 : it->second;
}

std::vector<Features> build_features(const std::vector<const Document*>& documents,
                                     const ClusterOptions& options) {
  size_t n = documents.size();
  std::vector<RawFeatures> raw(n);
  tbb::parallel_for(size_t{0}, n, [&](size_t i) { raw[i] = raw_features(*documents[i]); });

  std::unordered_map<std::string, uint32_t> term_ids, entity_ids;
  std::vector<uint32_t> term_df, entity_df;
  std::vector<std::vector<std::pair<uint32_t, int>>> term_counts(n);
  std::vector<std::vector<uint32_t>> entity_lists(n);
  const TermFrequencies* background = options.background;
  const double term_documents =
      static_cast<double>(n) + (background ? static_cast<double>(background->documents) : 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& [term, count] : raw[i].term_counts) {
      auto [it, inserted] = term_ids.emplace(term, static_cast<uint32_t>(term_df.size()));
      if (inserted) term_df.push_back(background_df(background, term));
      ++term_df[it->second];
      term_counts[i].emplace_back(it->second, count);
    }
    for (const std::string& key : raw[i].entities) {
      auto [it, inserted] = entity_ids.emplace(key, static_cast<uint32_t>(entity_df.size()));
      if (inserted) entity_df.push_back(0);
      ++entity_df[it->second];
      entity_lists[i].push_back(it->second);
    }
  }

  std::vector<Features> features(n);
  size_t top = static_cast<size_t>(std::max(1, options.top_terms));
  tbb::parallel_for(size_t{0}, n, [&](size_t i) {
    Features& f = features[i];
    for (const auto& [id, count] : term_counts[i]) {
      f.terms.emplace_back(id,
                           static_cast<float>(1.0 + std::log(count)) * idf(term_documents, term_df[id]));
    }
    SparseVector by_weight = f.terms;
    std::sort(by_weight.begin(), by_weight.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (size_t k = 0; k < by_weight.size() && k < top; ++k) {
      f.top_terms.push_back(by_weight[k].first);
    }
    normalize_vector(f.terms);
    for (uint32_t id : entity_lists[i]) {
      f.entities.emplace_back(id, idf(static_cast<double>(n), entity_df[id]));
    }
    normalize_vector(f.entities);
  });
  return features;
}

struct Edge {
  uint32_t other;  // an earlier document
  float similarity;
};

// For every document, its similarity to the earlier documents sharing a top term with it.
std::vector<std::vector<Edge>> candidate_edges(const std::vector<Features>& features,
                                               const ClusterOptions& options,
                                               double min_similarity) {
  size_t n = features.size();
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t term : features[i].top_terms) postings[term].push_back(i);
  }
  size_t max_postings = static_cast<size_t>(std::max(2, options.max_postings));
  std::vector<std::vector<Edge>> edges(n);
  tbb::parallel_for(size_t{0}, n, [&](size_t i) {
    std::vector<uint32_t> candidates;
    for (uint32_t term : features[i].top_terms) {
      // Postings are in document order; a common term contributes only the articles just
      // before this one, so its cost stays bounded (in a feed, a story's articles are close).
      const std::vector<uint32_t>& list = postings.at(term);
      auto end = std::lower_bound(list.begin(), list.end(), static_cast<uint32_t>(i));
      auto begin =
          end - std::min<ptrdiff_t>(end - list.begin(), static_cast<ptrdiff_t>(max_postings));
      candidates.insert(candidates.end(), begin, end);
    }
    std::sort(candidates.begin(), candidates.end());
    size_t min_shared = static_cast<size_t>(std::max(1, options.min_shared_terms));
    for (size_t k = 0; k < candidates.size();) {
      size_t run = k;
      while (run < candidates.size() && candidates[run] == candidates[k]) ++run;
      if (run - k >= min_shared) {
        uint32_t j = candidates[k];
        double s = similarity(features[i], features[j], options);
        if (s >= min_similarity) edges[i].push_back({j, static_cast<float>(s)});
      }
      k = run;
    }
  });
  return edges;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) {
    for (size_t i = 0; i < n; ++i) parent_[i] = static_cast<uint32_t>(i);
  }
  uint32_t find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void unite(uint32_t a, uint32_t b) {
    a = find(a), b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<uint32_t> parent_;
};

// Label (smallest member index) of each document's group.
std::vector<uint32_t> single_link(size_t n, const std::vector<std::vector<Edge>>& edges,
                                  double threshold) {
  UnionFind groups(n);
  for (uint32_t i = 0; i < n; ++i) {
    for (const Edge& edge : edges[i]) {
      if (edge.similarity >= threshold) groups.unite(i, edge.other);
    }
  }
  std::vector<uint32_t> labels(n);
  for (uint32_t i = 0; i < n; ++i) labels[i] = groups.find(i);
  return labels;
}

// Greedy average-link: repeatedly merge the two groups with the highest mean pairwise
// similarity while that mean reaches the threshold. The mean is over all member pairs (pairs
// never compared count 0) or, with `over_compared`, over the pairs that were compared.
std::vector<uint32_t> average_link(size_t n, const std::vector<std::vector<Edge>>& edges,
                                   double threshold, bool over_compared) {
  struct Link {
    double sum = 0;
    double pairs = 0;  // compared pairs behind `sum`
  };
  std::vector<std::unordered_map<uint32_t, Link>> links(n);  // group -> group -> link
  std::vector<uint32_t> sizes(n, 1);
  std::vector<bool> alive(n, true);
  auto mean_of = [&](const Link& link, uint32_t a, uint32_t b) {
    double pairs = over_compared ? link.pairs : static_cast<double>(sizes[a]) * sizes[b];
    return pairs > 0 ? link.sum / pairs : 0.0;
  };
  struct Candidate {
    double mean;
    uint32_t a, b;  // a < b
    bool operator<(const Candidate& other) const {
      if (mean != other.mean) return mean < other.mean;
      if (a != other.a) return a > other.a;  // ties: earliest pair first, for determinism
      return b > other.b;
    }
  };
  std::priority_queue<Candidate> queue;
  for (uint32_t i = 0; i < n; ++i) {
    for (const Edge& edge : edges[i]) {
      for (auto [from, to] : {std::pair{i, edge.other}, std::pair{edge.other, i}}) {
        Link& link = links[from][to];
        link.sum += edge.similarity;
        link.pairs += 1;
      }
    }
  }
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& [j, link] : links[i]) {
      double mean = mean_of(link, i, j);
      if (j > i && mean >= threshold) queue.push({mean, i, j});
    }
  }
  UnionFind groups(n);
  while (!queue.empty()) {
    Candidate top = queue.top();
    queue.pop();
    if (!alive[top.a] || !alive[top.b]) continue;
    auto found = links[top.a].find(top.b);
    if (found == links[top.a].end()) continue;
    if (std::abs(mean_of(found->second, top.a, top.b) - top.mean) > 1e-12) continue;  // stale
    // The survivor is the smaller index so labels never depend on the merge order; the maps
    // are swapped so that the smaller neighbour map is the one merged into the larger.
    uint32_t keep = top.a, gone = top.b;
    if (links[keep].size() < links[gone].size()) std::swap(links[keep], links[gone]);
    links[keep].erase(gone);
    links[keep].erase(keep);
    for (const auto& [other, link] : links[gone]) {
      if (other == keep || other == gone) continue;
      Link& merged = links[keep][other];
      merged.sum += link.sum;
      merged.pairs += link.pairs;
    }
    links[gone].clear();
    alive[gone] = false;
    sizes[keep] += sizes[gone];
    groups.unite(keep, gone);
    for (const auto& [other, link] : links[keep]) {
      auto& back = links[other];
      back.erase(gone);
      back[keep] = link;
      double mean = mean_of(link, keep, other);
      if (mean >= threshold) queue.push({mean, std::min(keep, other), std::max(keep, other)});
    }
  }
  std::vector<uint32_t> labels(n);
  for (uint32_t i = 0; i < n; ++i) labels[i] = groups.find(i);
  return labels;
}

std::string story_id(const Document& first, uint32_t index) {
  std::string key = first.id.empty() ? std::to_string(index) : first.id;
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx",
                static_cast<unsigned long long>(XXH64(key.data(), key.size(), 0)));
  return hex;
}

}  // namespace

std::vector<Story> cluster(const std::vector<Document>& documents, const ClusterOptions& options) {
  size_t n = documents.size();
  // Copies (dedup's copy groups) belong to the story of their group's first article, so only
  // that article is clustered; copies neither distort the IDF nor crowd the postings.
  std::vector<const Document*> representatives;
  std::vector<uint32_t> representative_of(n);
  for (uint32_t i = 0; i < n; ++i) {
    int32_t group = documents[i].copy_group;
    if (group >= 0 && static_cast<uint32_t>(group) < i) {
      representative_of[i] = representative_of[static_cast<uint32_t>(group)];
    } else {
      representative_of[i] = static_cast<uint32_t>(representatives.size());
      representatives.push_back(&documents[i]);
    }
  }
  size_t m = representatives.size();
  std::vector<Features> features = build_features(representatives, options);
  bool single = options.linkage == Linkage::kSingle;
  bool over_compared = options.linkage == Linkage::kAverageCompared;
  // Average-link needs the weak pairs too: they pull a group's mean down.
  double keep_from = single ? options.threshold : over_compared ? 0.0 : 0.05;
  std::vector<std::vector<Edge>> edges = candidate_edges(features, options, keep_from);
  std::vector<uint32_t> labels = single ? single_link(m, edges, options.threshold)
                                        : average_link(m, edges, options.threshold, over_compared);
  std::vector<Story> stories;
  std::vector<int32_t> story_of_label(m, -1);
  for (uint32_t i = 0; i < n; ++i) {
    int32_t& story = story_of_label[labels[representative_of[i]]];
    if (story < 0) {
      story = static_cast<int32_t>(stories.size());
      stories.emplace_back();
      stories.back().id = story_id(documents[i], i);
    }
    stories[static_cast<size_t>(story)].documents.push_back(i);
  }
  return stories;
}

TermFrequencies count_term_frequencies(const std::vector<Document>& documents) {
  std::vector<RawFeatures> raw(documents.size());
  tbb::parallel_for(size_t{0}, documents.size(),
                    [&](size_t i) { raw[i] = raw_features(documents[i]); });
  TermFrequencies frequencies;
  frequencies.documents = documents.size();
  for (const RawFeatures& features : raw) {
    for (const auto& [term, count] : features.term_counts) ++frequencies.df[term];
  }
  return frequencies;
}

bool save_term_frequencies(const TermFrequencies& frequencies, const std::string& path,
                           uint32_t min_df, std::string& error) {
  std::vector<std::pair<std::string, uint32_t>> rows;
  for (const auto& [term, df] : frequencies.df) {
    if (df >= min_df && term.find_first_of("\t\n") == std::string::npos) rows.emplace_back(term, df);
  }
  std::sort(rows.begin(), rows.end());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << "#documents\t" << frequencies.documents << '\n';
  for (const auto& [term, df] : rows) out << term << '\t' << df << '\n';
  out.flush();
  if (!out) {
    error = "cannot write " + path;
    return false;
  }
  return true;
}

bool load_term_frequencies(const std::string& path, TermFrequencies& frequencies,
                           std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot be read";
    return false;
  }
  std::string line;
  frequencies = TermFrequencies{};
  size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab + 1 >= line.size()) {
      error = path + ":" + std::to_string(line_number) + ": expected term<TAB>count";
      return false;
    }
    char* end = nullptr;
    unsigned long long value = std::strtoull(line.c_str() + tab + 1, &end, 10);
    if (end == line.c_str() + tab + 1) {
      error = path + ":" + std::to_string(line_number) + ": count is not a number";
      return false;
    }
    if (line_number == 1 && line.compare(0, tab, "#documents") == 0) {
      frequencies.documents = value;
    } else {
      frequencies.df[line.substr(0, tab)] = static_cast<uint32_t>(std::min<unsigned long long>(
          value, UINT32_MAX));
    }
  }
  if (frequencies.documents == 0) {
    error = path + ": no #documents header";
    return false;
  }
  return true;
}

double story_similarity(const Document& a, const Document& b, const ClusterOptions& options) {
  std::vector<Document> pair(2);
  // Only the layers similarity reads; the text is needed when tokens are missing.
  for (int k = 0; k < 2; ++k) {
    const Document& source = k == 0 ? a : b;
    pair[k].tokens = source.tokens;
    pair[k].mentions = source.mentions;
    if (source.tokens.empty()) pair[k].text = source.text;
  }
  std::vector<Features> features = build_features({&pair[0], &pair[1]}, options);
  return similarity(features[0], features[1], options);
}

}  // namespace crosscheck
