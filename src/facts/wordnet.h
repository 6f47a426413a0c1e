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
  // Reads index.{noun,verb,adj,adv}, {noun,verb,adj,adv}.exc and the hypernym pointers of
  // data.{noun,verb} from `folder`. False with `error` when a file cannot be read. About 150,000
  // lemmas, ~0.5 s.
  bool load(const std::string& folder, std::string& error);

  // Sorted synset ids of every sense of the word (any part of speech) after morphy; empty when
  // WordNet does not know it.
  std::vector<uint64_t> synsets(std::string_view lower_word) const;

  // True when the two words share a synset (are synonyms in some sense).
  bool synonyms(std::string_view a, std::string_view b) const;

  // For two lemmas (nouns or verbs): true when one of the three most frequent senses of each is
  // shared, or is a direct hypernym of the other's ("visit" is a kind of "meet").
  bool related(std::string_view a, std::string_view b) const;

  bool empty() const { return index_.empty(); }

 private:
  std::unordered_map<std::string, std::vector<uint64_t>> index_;
  std::unordered_map<std::string, std::vector<std::string>> exceptions_;  // inflected -> bases
  std::unordered_map<uint64_t, std::vector<uint64_t>> hypernyms_;         // noun and verb synsets
  std::unordered_map<std::string, std::vector<uint64_t>> common_;  // lemma -> frequent senses
};

}  // namespace crosscheck::facts
