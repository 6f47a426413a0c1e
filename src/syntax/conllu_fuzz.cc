// Fuzz target: the CoNLL-U reader and the gold-token CoNLL-U writer around it (no model).
#include <cstdint>
#include <string>
#include <string_view>

#include "syntax/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto sentences = crosscheck::syntax::parse_conllu(text);
  for (const auto& sentence : sentences) {
    const int n = static_cast<int>(sentence.words.size());
    for (const auto& word : sentence.words) {
      if (word.head < 0 || word.head > n) __builtin_trap();
      crosscheck::syntax::no_space_after(word.misc);
    }
    int last = -1;
    for (const auto& range : sentence.ranges) {
      if (range.first <= last || range.last < range.first || range.last >= n) __builtin_trap();
      last = range.last;
    }
  }
  return 0;
}
