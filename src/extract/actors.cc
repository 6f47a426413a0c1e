#include "extract/actors.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "extract/entities.h"
#include "extract/gazetteer.h"

namespace crosscheck::extract {
namespace {

std::vector<std::string_view> split_words(std::string_view key) {
  std::vector<std::string_view> words;
  size_t begin = 0;
  while (begin < key.size()) {
    size_t end = key.find(' ', begin);
    if (end == std::string_view::npos) end = key.size();
    if (end > begin) words.push_back(key.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

bool is_initial(std::string_view word) { return word.size() == 2 && word[1] == '.'; }

// Words of a person's key without initials ("donald j. trump" -> "donald", "trump").
std::vector<std::string_view> name_words(std::string_view key) {
  std::vector<std::string_view> words = split_words(key);
  std::erase_if(words, [](std::string_view word) { return is_initial(word); });
  return words;
}

class UnionFind {
 public:
  explicit UnionFind(size_t size) : parent_(size) {
    std::iota(parent_.begin(), parent_.end(), size_t{0});
  }
  size_t find(size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void unite(size_t a, size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

struct MentionRef {
  uint32_t document = 0;  // index into documents
  uint32_t mention = 0;
};

struct KeyInfo {
  std::string key;
  std::vector<std::string_view> words;
  std::string skeleton;             // skeletons of the words, space separated
  double weight[4] = {0, 0, 0, 0};  // by EntityType
  std::vector<MentionRef> mentions;

  EntityType type() const {
    int best = 0;
    for (int t = 1; t < 4; ++t) {
      if (weight[t] > weight[best]) best = t;
    }
    return static_cast<EntityType>(best);
  }
  bool could_be_person() const {
    return weight[static_cast<int>(EntityType::kPerson)] > 0 &&
           weight[static_cast<int>(EntityType::kPlace)] <
               weight[static_cast<int>(EntityType::kPerson)];
  }
};

std::string skeleton_of(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ' ';
    out += name_skeleton(word);
  }
  return out;
}

// Surface form of a mention as written, whitespace runs collapsed.
std::string surface(const Document& doc, const Mention& mention) {
  std::string out;
  for (char c : doc.slice(mention.span)) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  return out;
}

size_t word_count(std::string_view text) { return split_words(text).size(); }

// Fullest form that is written often enough: the most words, unless a shorter form of at
// least two words is three times as frequent.
std::string choose_name(const std::map<std::string, int>& surfaces) {
  std::string best;
  int best_count = 0;
  size_t best_words = 0;
  for (const auto& [text, count] : surfaces) {
    size_t words = word_count(text);
    bool better = words > best_words || (words == best_words && count > best_count);
    if (better) {
      best = text;
      best_count = count;
      best_words = words;
    }
  }
  for (const auto& [text, count] : surfaces) {
    size_t words = word_count(text);
    if (words >= 2 && words < best_words && count >= 3 * best_count) {
      best = text;
      best_count = count;
      best_words = words;
    }
  }
  return best;
}

Span role_cite_span(const Mention& mention) {
  return Span{std::min(mention.span.start, mention.role_span.start),
              std::max(mention.span.end, mention.role_span.end)};
}

// "President" written without a country joins "President" of the one country the story gives
// the same actor; with two or more candidates it stays apart.
void merge_unqualified_roles(std::vector<ActorRole>& roles) {
  std::vector<bool> merged(roles.size(), false);
  for (size_t bare = 0; bare < roles.size(); ++bare) {
    if (!roles[bare].qualifier.empty()) continue;
    std::string role = fold_name(roles[bare].role);
    size_t target = roles.size();
    int matches = 0;
    for (size_t other = 0; other < roles.size(); ++other) {
      if (other != bare && !roles[other].qualifier.empty() &&
          fold_name(roles[other].role) == role) {
        target = other;
        ++matches;
      }
    }
    if (matches != 1) continue;
    auto& cites = roles[target].cites;
    cites.insert(cites.end(), roles[bare].cites.begin(), roles[bare].cites.end());
    merged[bare] = true;
  }
  std::vector<ActorRole> kept;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (!merged[i]) kept.push_back(std::move(roles[i]));
  }
  roles = std::move(kept);
}

// Initials of the content words ("north-atlantic treaty organization" -> "nato").
std::string content_initials(std::string_view expansion) {
  std::string initials;
  for (std::string_view word : split_words(expansion)) {
    if (word == "of" || word == "the" || word == "and" || word == "for" || word == "de" ||
        word == "&") {
      continue;
    }
    // "north-atlantic" gives both initials.
    size_t begin = 0;
    while (begin < word.size()) {
      initials += word[begin];
      size_t hyphen = word.find('-', begin);
      if (hyphen == std::string_view::npos) break;
      begin = hyphen + 1;
    }
  }
  return initials;
}

}  // namespace

std::string name_skeleton(std::string_view folded_word) {
  std::string letters;
  letters.reserve(folded_word.size());
  for (char c : folded_word) {
    if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) letters += c;
  }
  std::string mapped;
  mapped.reserve(letters.size());
  for (size_t i = 0; i < letters.size(); ++i) {
    char c = letters[i];
    char next = i + 1 < letters.size() ? letters[i + 1] : '\0';
    if (c == 'p' && next == 'h') {
      mapped += 'f';
      ++i;
    } else if (c == 'k' && next == 's') {
      mapped += 'x';
      ++i;
    } else if (c == 'k' && next == 'h') {
      mapped += 'h';
      ++i;
    } else if (c == 'c' && next == 'k') {
      mapped += 'k';
      ++i;
    } else if (c == 'w') {
      mapped += 'v';
    } else {
      mapped += c;
    }
  }
  std::string collapsed;
  for (char c : mapped) {
    if (collapsed.empty() || collapsed.back() != c) collapsed += c;
  }
  if (collapsed.size() >= 4) {
    if (collapsed.ends_with("iy") || collapsed.ends_with("ij") || collapsed.ends_with("yi")) {
      collapsed.resize(collapsed.size() - 2);
      collapsed += 'i';
    } else if (collapsed.back() == 'y') {
      collapsed.back() = 'i';
    }
  }
  return collapsed;
}

bool is_acronym_of(std::string_view acronym, std::string_view expansion) {
  if (acronym.size() < 2 || acronym.find(' ') != std::string_view::npos) return false;
  std::string initials = content_initials(expansion);
  return initials.size() >= 2 && initials == acronym;
}

size_t bounded_edit_distance(std::string_view a, std::string_view b, size_t limit) {
  size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > limit) return limit + 1;
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t row_min = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return std::min(row[b.size()], limit + 1);
}

std::vector<Actor> link_actors(const std::vector<Document>& documents, const Story& story) {
  std::vector<KeyInfo> keys;
  std::unordered_map<std::string, size_t> key_index;
  for (uint32_t d : story.documents) {
    if (d >= documents.size()) continue;
    const Document& doc = documents[d];
    for (uint32_t m = 0; m < doc.mentions.size(); ++m) {
      const Mention& mention = doc.mentions[m];
      if (mention.type == EntityType::kMisc || mention.key.empty()) continue;
      auto [it, inserted] = key_index.emplace(mention.key, keys.size());
      if (inserted) {
        KeyInfo info;
        info.key = mention.key;
        keys.push_back(std::move(info));
      }
      KeyInfo& info = keys[it->second];
      info.weight[static_cast<int>(mention.type)] += std::max(0.05, mention.confidence);
      info.mentions.push_back(MentionRef{d, m});
    }
  }
  for (KeyInfo& info : keys) {
    info.words = name_words(info.key);
    info.skeleton = skeleton_of(info.words);
  }

  UnionFind groups(keys.size());
  // Same skeleton: transliteration and spelling variants of the whole name.
  std::unordered_map<std::string, size_t> by_skeleton;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (keys[k].skeleton.empty()) continue;
    auto [it, inserted] = by_skeleton.emplace(keys[k].skeleton, k);
    if (!inserted && (keys[it->second].type() == keys[k].type())) groups.unite(it->second, k);
  }
  // Full person names: same first and last word skeletons ("Donald J. Trump"), or a close
  // long surname with the same first letter and first-name initial ("Sybiha"/"Sybihа").
  std::vector<size_t> full_names;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (keys[k].words.size() >= 2 && keys[k].type() == EntityType::kPerson) full_names.push_back(k);
  }
  // Compared only within buckets of the same first letters, with skeletons computed once.
  std::map<std::pair<char, char>, std::vector<size_t>> buckets;
  std::vector<std::string> first_skeleton(keys.size()), last_skeleton(keys.size());
  for (size_t k : full_names) {
    first_skeleton[k] = name_skeleton(keys[k].words.front());
    last_skeleton[k] = name_skeleton(keys[k].words.back());
    buckets[{keys[k].words.front()[0], keys[k].words.back()[0]}].push_back(k);
  }
  for (const auto& [letters, bucket] : buckets) {
    for (size_t x = 0; x < bucket.size(); ++x) {
      const std::string& a_first = first_skeleton[bucket[x]];
      const std::string& a_last = last_skeleton[bucket[x]];
      for (size_t y = x + 1; y < bucket.size(); ++y) {
        const std::string& b_first = first_skeleton[bucket[y]];
        const std::string& b_last = last_skeleton[bucket[y]];
        // Endings carry gender and family ("Petrov"/"Petrova", "Marchenko"/"Marchenky"), so a
        // near match must agree on its last letter.
        bool same_last = a_last == b_last || (std::min(a_last.size(), b_last.size()) >= 6 &&
                                              a_last.back() == b_last.back() &&
                                              bounded_edit_distance(a_last, b_last, 1) <= 1);
        bool same_first = a_first == b_first || (std::min(a_first.size(), b_first.size()) >= 5 &&
                                                 bounded_edit_distance(a_first, b_first, 1) <= 1);
        if (same_last && same_first) groups.unite(bucket[x], bucket[y]);
      }
    }
  }
  // A surname alone goes to the one full name ending in it.
  std::unordered_map<std::string, std::vector<size_t>> full_by_last;
  for (size_t k : full_names) full_by_last[name_skeleton(keys[k].words.back())].push_back(k);
  for (size_t k = 0; k < keys.size(); ++k) {
    const KeyInfo& info = keys[k];
    if (info.words.size() != 1 || info.type() == EntityType::kPlace) continue;
    if (!info.could_be_person() && info.type() != EntityType::kOrganization) continue;
    std::string skeleton = name_skeleton(info.words.front());
    std::vector<size_t> candidates;
    auto exact = full_by_last.find(skeleton);
    if (exact != full_by_last.end()) {
      candidates = exact->second;
    } else if (skeleton.size() >= 6) {
      for (const auto& [last, owners] : full_by_last) {
        if (last.size() >= 6 && last[0] == skeleton[0] && last.back() == skeleton.back() &&
            bounded_edit_distance(last, skeleton, 1) <= 1) {
          candidates.insert(candidates.end(), owners.begin(), owners.end());
        }
      }
    }
    std::unordered_set<size_t> roots;
    for (size_t candidate : candidates) roots.insert(groups.find(candidate));
    if (roots.size() == 1) groups.unite(k, *roots.begin());
  }
  // Acronyms to their expansion when the story writes both ("US" and "United States").
  std::unordered_map<std::string, std::vector<size_t>> by_initials;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (keys[k].words.size() < 2) continue;
    std::string initials = content_initials(keys[k].key);
    if (initials.size() >= 2 && initials.size() <= 6) by_initials[initials].push_back(k);
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    const KeyInfo& info = keys[k];
    if (info.words.size() != 1 || info.key.size() < 2 || info.key.size() > 6) continue;
    auto expansions = by_initials.find(info.key);
    if (expansions == by_initials.end()) continue;
    std::unordered_set<size_t> roots;
    for (size_t other : expansions->second) roots.insert(groups.find(other));
    if (roots.size() == 1) groups.unite(k, expansions->second.front());
  }

  // Build one actor per group.
  std::map<size_t, std::vector<size_t>> members;
  for (size_t k = 0; k < keys.size(); ++k) members[groups.find(k)].push_back(k);
  std::vector<Actor> actors;
  for (const auto& [root, group] : members) {
    Actor actor;
    double weight[4] = {0, 0, 0, 0};
    std::map<std::string, int> surfaces;
    std::vector<MentionRef> refs;
    for (size_t k : group) {
      const KeyInfo& info = keys[k];
      for (int t = 0; t < 4; ++t) weight[t] += info.weight[t];
      actor.keys.push_back(info.key);
      refs.insert(refs.end(), info.mentions.begin(), info.mentions.end());
    }
    int best_type = 0;
    for (int t = 1; t < 4; ++t) {
      if (weight[t] > weight[best_type]) best_type = t;
    }
    actor.type = static_cast<EntityType>(best_type);
    std::sort(actor.keys.begin(), actor.keys.end());
    std::sort(refs.begin(), refs.end(), [&](const MentionRef& a, const MentionRef& b) {
      if (a.document != b.document) return a.document < b.document;
      return a.mention < b.mention;
    });
    // Cites and counts in story order.
    std::vector<uint32_t> order(story.documents.begin(), story.documents.end());
    std::unordered_map<uint32_t, size_t> position;
    for (size_t i = 0; i < order.size(); ++i) position.emplace(order[i], i);
    std::stable_sort(refs.begin(), refs.end(), [&](const MentionRef& a, const MentionRef& b) {
      return position[a.document] < position[b.document];
    });
    std::map<std::string, size_t> role_index;  // folded role + qualifier -> actor.roles index
    uint32_t previous_document = static_cast<uint32_t>(-1);
    for (const MentionRef& ref : refs) {
      const Document& doc = documents[ref.document];
      const Mention& mention = doc.mentions[ref.mention];
      ++actor.mentions;
      ++surfaces[surface(doc, mention)];
      if (ref.document != previous_document) {
        ++actor.articles;
        actor.cites.push_back(make_cite(doc, mention.span));
        previous_document = ref.document;
      }
      if (mention.role.empty() || mention.role_span.empty()) continue;
      std::string role_key = fold_name(mention.role) + "|" + mention_key(mention.role_qualifier);
      auto [it, inserted] = role_index.emplace(role_key, actor.roles.size());
      if (inserted) {
        ActorRole role;
        role.role = mention.role;
        role.qualifier = mention.role_qualifier;
        actor.roles.push_back(std::move(role));
      }
      actor.roles[it->second].cites.push_back(make_cite(doc, role_cite_span(mention)));
    }
    merge_unqualified_roles(actor.roles);
    actor.name = choose_name(surfaces);
    std::vector<std::pair<int, std::string>> aliases;
    for (const auto& [text, count] : surfaces) {
      if (text != actor.name) aliases.emplace_back(-count, text);
    }
    std::sort(aliases.begin(), aliases.end());
    for (auto& [count, text] : aliases) actor.aliases.push_back(std::move(text));
    actors.push_back(std::move(actor));
  }
  std::sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) {
    if (a.articles != b.articles) return a.articles > b.articles;
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.name < b.name;
  });
  return actors;
}

}  // namespace crosscheck::extract
