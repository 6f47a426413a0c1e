// Fuzz target: the benchmark readers of `eval ner` (CoNLL-2003 columns) and `eval meantime`
// (CAT XML). The first byte chooses the reader.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eval/benchmark_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  crosscheck::Problems problems;
  if (data[0] % 2 == 0) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= input.size()) {
      size_t end = input.find('\n', start);
      if (end == std::string_view::npos) end = input.size();
      lines.emplace_back(input.substr(start, end - start));
      start = end + 1;
    }
    for (const auto& document : crosscheck::eval::parse_conll(lines, "fuzz", problems)) {
      for (const auto& mention : document.doc.mentions) {
        if (mention.span.end > document.doc.text.size()) __builtin_trap();
      }
    }
  } else {
    crosscheck::eval::MeantimeDocument document;
    crosscheck::Problem problem;
    if (crosscheck::eval::read_meantime("fuzz", input, document, problem)) {
      for (const auto& name : document.names) {
        if (name.span.end > document.doc.text.size()) __builtin_trap();
      }
    }
  }
  return 0;
}
