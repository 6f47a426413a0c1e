// Fuzz target: the PolNeAR brat reader. The input is the article text, a NUL byte, then the
// annotation file (no NUL: the whole input is the annotation file of an empty text).
#include <cstdint>
#include <string>
#include <string_view>

#include "eval/benchmark_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nul = input.find('\0');
  std::string_view text = nul == std::string_view::npos ? std::string_view() : input.substr(0, nul);
  std::string_view ann = nul == std::string_view::npos ? input : input.substr(nul + 1);
  std::vector<crosscheck::RoleSpan> spans;
  std::string error;
  if (crosscheck::eval::parse_brat_attributions(ann, text, spans, error)) {
    for (const crosscheck::RoleSpan& span : spans)
      if (span.span.end > text.size() || span.span.start > span.span.end) __builtin_trap();
  }
  return 0;
}
