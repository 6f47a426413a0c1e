// Internal to the facts stage: WordNet synonym sets (Princeton WordNet 3.0 as installed by
// Debian's wordnet-base under /usr/share/wordnet), read from its index files, with WordNet's own
// "morphy" rules and exception lists to find the base form of an inflected word.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosscheck::facts {

class WordNet {
 public:
  // Reads index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc from `folder`. False with
  // `error` when an index file cannot be read. About 150,000 lemmas, ~0.3 s.
  bool load(const std::string& folder, std::string& error);

  // Sorted synset ids of every sense of the word (any part of speech) after morphy; empty when
  // WordNet does not know it.
  std::vector<uint64_t> synsets(std::string_view lower_word) const;

  // True when the two words share a synset (are synonyms in some sense).
  bool synonyms(std::string_view a, std::string_view b) const;

  bool empty() const { return index_.empty(); }

 private:
  std::unordered_map<std::string, std::vector<uint64_t>> index_;
  std::unordered_map<std::string, std::vector<std::string>> exceptions_;  // inflected -> bases
};

}  // namespace crosscheck::facts
