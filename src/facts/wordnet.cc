#include "facts/wordnet.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace crosscheck::facts {

namespace {

constexpr const char* kParts[] = {"noun", "verb", "adj", "adv"};
// Senses of a noun or verb that `related` reads: the most frequent ones, so that a rare sense
// ("hold" as "bear") does not relate ordinary words.
constexpr size_t kCommonSenses = 3;

// WordNet's morphy detachment rules (suffix, replacement), all parts of speech together.
constexpr std::pair<std::string_view, std::string_view> kDetach[] = {
    {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
    {"ies", "y"}, {"es", "e"},  {"es", ""},   {"ed", "e"},    {"ed", ""},     {"ing", "e"},
    {"ing", ""},  {"er", ""},   {"est", ""},  {"er", "e"},    {"est", "e"},   {"s", ""}};

}  // namespace

bool WordNet::load(const std::string& folder, std::string& error) {
  for (uint64_t part = 0; part < 4; ++part) {
    const std::string path = folder + "/index." + kParts[part];
    std::ifstream in(path);
    if (!in) {
      error = path + ": cannot read WordNet index (Debian package wordnet-base)";
      return false;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      std::istringstream fields(line);
      std::string lemma, pos;
      size_t senses = 0, pointers = 0;
      fields >> lemma >> pos >> senses >> pointers;
      std::string skip;
      for (size_t i = 0; i < pointers; ++i) fields >> skip;
      size_t tagged = 0;
      fields >> senses >> tagged;
      std::vector<uint64_t>& ids = index_[lemma];
      uint64_t offset;
      size_t sense = 0;
      while (fields >> offset) {
        ids.push_back(part * 100000000ull + offset);
        // Senses are listed most frequent first.
        if (part < 2 && sense++ < kCommonSenses)
          common_[lemma].push_back(part * 100000000ull + offset);
      }
    }
    std::ifstream exc(folder + "/" + kParts[part] + ".exc");
    while (std::getline(exc, line)) {
      std::istringstream fields(line);
      std::string inflected, base;
      fields >> inflected;
      while (fields >> base) exceptions_[inflected].push_back(base);
    }
  }
  // Hypernym pointers ("@", "@i") of noun and verb synsets: "offset lex ss_type w_cnt (word
  // lex_id)... p_cnt (symbol offset pos source/target)... | gloss".
  for (uint64_t part : {0ull, 1ull}) {
    const std::string path = folder + "/data." + kParts[part];
    std::ifstream in(path);
    if (!in) {
      error = path + ": cannot read WordNet data (Debian package wordnet-base)";
      return false;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      std::istringstream fields(line.substr(0, line.find('|')));
      uint64_t offset = 0;
      std::string lex, type, count_hex;
      fields >> offset >> lex >> type >> count_hex;
      const size_t words = std::stoul(count_hex, nullptr, 16);
      std::string skip;
      for (size_t i = 0; i < 2 * words; ++i) fields >> skip;
      size_t pointers = 0;
      fields >> pointers;
      std::vector<uint64_t>& up = hypernyms_[part * 100000000ull + offset];
      for (size_t i = 0; i < pointers; ++i) {
        std::string symbol, pos, source;
        uint64_t target = 0;
        if (!(fields >> symbol >> target >> pos >> source)) break;
        // "@" and "@i" point to a hypernym; ">" from a verb to what it causes ("kill" > "die").
        if ((symbol == "@" || symbol == "@i" || (symbol == ">" && pos == "v")) &&
            (pos == "n" || pos == "v"))
          up.push_back((pos == "n" ? 0ull : 1ull) * 100000000ull + target);
      }
    }
  }
  for (auto& [lemma, ids] : index_) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  return true;
}

std::vector<uint64_t> WordNet::synsets(std::string_view lower_word) const {
  std::vector<uint64_t> ids;
  auto add = [&](const std::string& form) {
    auto it = index_.find(form);
    if (it != index_.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
    return it != index_.end();
  };
  std::string word(lower_word);
  add(word);
  if (auto it = exceptions_.find(word); it != exceptions_.end())
    for (const std::string& base : it->second) add(base);
  for (const auto& [suffix, replacement] : kDetach) {
    if (word.size() > suffix.size() + 2 && word.ends_with(suffix)) {
      std::string base = word.substr(0, word.size() - suffix.size());
      base += replacement;
      add(base);
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

bool WordNet::synonyms(std::string_view a, std::string_view b) const {
  std::vector<uint64_t> x = synsets(a), y = synsets(b);
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) return true;
    x[i] < y[j] ? ++i : ++j;
  }
  return false;
}

bool WordNet::related(std::string_view a, std::string_view b) const {
  auto common = [&](std::string_view lemma) {
    auto it = common_.find(std::string(lemma));
    std::vector<uint64_t> ids = it == common_.end() ? std::vector<uint64_t>() : it->second;
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  const std::vector<uint64_t> x = common(a), y = common(b);
  auto above = [&](const std::vector<uint64_t>& from, const std::vector<uint64_t>& to) {
    for (uint64_t id : from) {
      auto it = hypernyms_.find(id);
      if (it == hypernyms_.end()) continue;
      for (uint64_t up : it->second)
        if (std::binary_search(to.begin(), to.end(), up)) return true;
    }
    return false;
  };
  for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] == y[j]) return true;
    x[i] < y[j] ? ++i : ++j;
  }
  return above(x, y) || above(y, x);
}

}  // namespace crosscheck::facts
