#include <algorithm>

#include "core/ud.h"
#include "syntax/model.h"

namespace crosscheck::syntax {
namespace {

std::string apply_rule(const LemmaRule& rule, std::string_view form, std::string_view lower) {
  std::string_view base = rule.lower ? lower : form;
  if (rule.strip > base.size()) return std::string(base);
  std::string out(base.substr(0, base.size() - rule.strip));
  out += rule.add;
  return out;
}

void write_rule(std::string& out, const LemmaRule& rule) {
  out.push_back(static_cast<char>(rule.strip));
  out.push_back(rule.lower ? 1 : 0);
  put_str(out, rule.add);
}

bool read_rule(std::string_view& in, LemmaRule& rule) {
  if (in.size() < 2) return false;
  rule.strip = static_cast<uint8_t>(in[0]);
  rule.lower = in[1] != 0;
  in.remove_prefix(2);
  return get_str(in, rule.add);
}

template <typename Map, typename WriteValue>
void write_map(std::string& out, const Map& map, WriteValue write_value) {
  // Sorted, so the same model gives the same bytes.
  std::vector<const typename Map::value_type*> items;
  for (const auto& item : map) items.push_back(&item);
  std::sort(items.begin(), items.end(), [](auto* a, auto* b) { return a->first < b->first; });
  put_u32(out, static_cast<uint32_t>(items.size()));
  for (auto* item : items) {
    put_str(out, item->first);
    write_value(out, item->second);
  }
}

template <typename Map, typename ReadValue>
bool read_map(std::string_view& in, Map& map, ReadValue read_value) {
  uint32_t count;
  if (!get_u32(in, count) || count > in.size()) return false;
  map.clear();
  map.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    std::string key;
    typename Map::mapped_type value;
    if (!get_str(in, key) || !read_value(in, value)) return false;
    map.emplace(std::move(key), std::move(value));
  }
  return true;
}

}  // namespace

// WordNet's exception lists are per part of speech: n, v, a, r.
char wordnet_class(uint8_t xpos) {
  std::string_view x = xpos_tag_name(xpos);
  if (x == "NNS" || x == "NNPS") return 'n';
  if (x.size() >= 2 && x.substr(0, 2) == "VB") return 'v';
  if (x == "JJR" || x == "JJS") return 'a';
  if (x == "RBR" || x == "RBS") return 'r';
  return 0;
}

char lexicon_class(uint8_t xpos) {
  std::string_view x = xpos_tag_name(xpos);
  if (x == "NN" || x == "NNS") return 'n';
  if (x.size() >= 2 && x.substr(0, 2) == "VB") return 'v';
  if (x.size() >= 2 && x.substr(0, 2) == "JJ") return 'a';
  if (x == "RB" || x == "RBR" || x == "RBS") return 'r';
  return 0;
}

std::string Lemmatizer::lemma(std::string_view form, std::string_view lower, uint8_t xpos) const {
  std::string_view x = xpos_tag_name(xpos);
  std::string key;
  key.reserve(lower.size() + 8);
  key.append(form).push_back('\t');
  key.append(x);
  if (auto it = forms.find(key); it != forms.end()) return apply_rule(it->second, form, lower);
  key.assign(lower).push_back('\t');
  key.append(x);
  if (auto it = words.find(key); it != words.end()) return apply_rule(it->second, form, lower);
  if (char c = wordnet_class(xpos)) {
    key.assign(1, c).push_back('\t');
    key.append(lower);
    if (auto it = exceptions.find(key); it != exceptions.end()) return it->second;
  }
  // Unknown word. A tag whose lemmas keep their case (proper nouns, addresses) applies the edit
  // to the written form when case folding kept the byte lengths.
  const bool keep = xpos < keep_case.size() && keep_case[xpos] != 0;
  auto edit = [&](const LemmaRule& rule) {
    if (keep && rule.lower && form.size() == lower.size()) {
      LemmaRule written = rule;
      written.lower = false;
      return apply_rule(written, form, lower);
    }
    return apply_rule(rule, form, lower);
  };
  // Suffix rules, longest suffix first, on whole code points. The first edit whose result is a
  // known base form of the tag's class wins (morphy's check); without one, the longest
  // confident rule.
  const char cls = lexicon_class(xpos);
  const bool check = cls != 0 && !lexicon.empty();
  std::string probe;
  const SuffixRules* fallback = nullptr;
  for (int k = kMaxSuffix; k >= 1; --k) {
    size_t pos = lower.size();
    int taken = 0;
    while (pos > 0 && taken < k) {
      --pos;
      while (pos > 0 && (static_cast<unsigned char>(lower[pos]) & 0xC0) == 0x80) --pos;
      ++taken;
    }
    if (taken < k || pos == 0) continue;  // keep at least one character as stem
    key.assign(x).push_back('\t');
    key.append(lower.substr(pos));
    auto it = suffixes.find(key);
    if (it == suffixes.end()) continue;
    if (!check) {
      if (it->second.confident) return edit(it->second.rules.front());
      continue;
    }
    if (!fallback && it->second.confident) fallback = &it->second;
    for (const LemmaRule& rule : it->second.rules) {
      // Only edits inside the suffix that was matched ("satisified" -> "satisfied" rewrites a
      // whole word and says nothing about other words ending the same way).
      if (rule.strip > lower.size() - pos) continue;
      std::string out = edit(rule);
      probe.assign(1, cls).push_back('\t');
      for (char ch : out) probe.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch);
      if (lexicon.count(probe)) return out;
    }
  }
  if (fallback) return edit(fallback->rules.front());
  return std::string(keep ? form : lower);
}

namespace {
void write_suffix_rules(std::string& out, const SuffixRules& rules) {
  out.push_back(rules.confident ? 1 : 0);
  put_u32(out, static_cast<uint32_t>(rules.rules.size()));
  for (const LemmaRule& rule : rules.rules) write_rule(out, rule);
}
bool read_suffix_rules(std::string_view& in, SuffixRules& rules) {
  uint32_t count;
  if (in.empty()) return false;
  rules.confident = in[0] != 0;
  in.remove_prefix(1);
  if (!get_u32(in, count) || count == 0 || count > Lemmatizer::kMaxRules) return false;
  rules.rules.resize(count);
  for (LemmaRule& rule : rules.rules) {
    if (!read_rule(in, rule)) return false;
  }
  return true;
}
}  // namespace

void Lemmatizer::write(std::string& out) const {
  write_map(out, words, write_rule);
  write_map(out, forms, write_rule);
  write_map(out, suffixes, write_suffix_rules);
  write_map(out, exceptions, [](std::string& o, const std::string& v) { put_str(o, v); });
  std::vector<std::string_view> known(lexicon.begin(), lexicon.end());
  std::sort(known.begin(), known.end());
  put_u32(out, static_cast<uint32_t>(known.size()));
  for (std::string_view k : known) put_str(out, k);
  put_str(out, std::string_view(reinterpret_cast<const char*>(keep_case.data()), keep_case.size()));
}

bool Lemmatizer::read(std::string_view& in) {
  if (!read_map(in, words, read_rule) || !read_map(in, forms, read_rule) ||
      !read_map(in, suffixes, read_suffix_rules) ||
      !read_map(in, exceptions, [](std::string_view& i, std::string& v) { return get_str(i, v); }))
    return false;
  uint32_t count;
  if (!get_u32(in, count) || count > in.size()) return false;
  lexicon.clear();
  lexicon.reserve(count);
  std::string item;
  for (uint32_t i = 0; i < count; ++i) {
    if (!get_str(in, item)) return false;
    lexicon.insert(item);
  }
  if (!get_str(in, item) || item.size() > 256) return false;
  keep_case.assign(item.begin(), item.end());
  return true;
}

namespace {
void write_morph(std::string& out, const Morph& m) {
  out.push_back(static_cast<char>(m.tense));
  out.push_back(static_cast<char>(m.verb_form));
  out.push_back(static_cast<char>(m.mood));
  out.push_back(static_cast<char>(m.number));
  out.push_back(static_cast<char>(m.voice));
  out.push_back(static_cast<char>(m.person));
  out.push_back(m.negative ? 1 : 0);
}
bool read_morph(std::string_view& in, Morph& m) {
  if (in.size() < 7) return false;
  auto b = [&](int i) { return static_cast<uint8_t>(in[i]); };
  if (b(0) > 3 || b(1) > 4 || b(2) > 4 || b(3) > 2 || b(4) > 2 || b(5) > 3) return false;
  m.tense = static_cast<Tense>(b(0));
  m.verb_form = static_cast<VerbForm>(b(1));
  m.mood = static_cast<Mood>(b(2));
  m.number = static_cast<GrammaticalNumber>(b(3));
  m.voice = static_cast<Voice>(b(4));
  m.person = b(5);
  m.negative = b(6) != 0;
  in.remove_prefix(7);
  return true;
}
}  // namespace

Morph MorphTable::morph(std::string_view lower, uint8_t xpos) const {
  if (!by_word.empty()) {
    std::string key(lower);
    key.push_back('\t');
    key.append(xpos_tag_name(xpos));
    if (auto it = by_word.find(key); it != by_word.end()) return it->second;
  }
  return xpos < by_xpos.size() ? by_xpos[xpos] : Morph{};
}

void MorphTable::write(std::string& out) const {
  put_u32(out, static_cast<uint32_t>(by_xpos.size()));
  for (const Morph& m : by_xpos) write_morph(out, m);
  write_map(out, by_word, write_morph);
}

bool MorphTable::read(std::string_view& in) {
  uint32_t count;
  if (!get_u32(in, count) || count > 256) return false;
  by_xpos.assign(count, Morph{});
  for (Morph& m : by_xpos) {
    if (!read_morph(in, m)) return false;
  }
  return read_map(in, by_word, read_morph);
}

void Clusters::write(std::string& out) const {
  write_map(out, ids, [](std::string& o, const std::array<uint32_t, 3>& v) {
    for (uint32_t x : v) put_u32(o, x);
  });
}

bool Clusters::read(std::string_view& in) {
  return read_map(in, ids, [](std::string_view& i, std::array<uint32_t, 3>& v) {
    return get_u32(i, v[0]) && get_u32(i, v[1]) && get_u32(i, v[2]);
  });
}

}  // namespace crosscheck::syntax
