#include "core/document.h"

#include <algorithm>

namespace crosscheck {

uint32_t Document::sentence_at(uint32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](uint32_t value, const Sentence& s) { return value < s.span.start; });
  if (it == sentences.begin()) return 0;
  return static_cast<uint32_t>(std::distance(sentences.begin(), it) - 1);
}

}  // namespace crosscheck
