// Fuzz target: the CoNLL reader of `crosscheck ner --conll` (with the built-in lists only).
#include <cstdint>
#include <memory>
#include <string_view>

#include "cli/tagging.h"
#include "core/resources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<crosscheck::Extractor> extractor =
      crosscheck::Extractor::load(crosscheck::Resources{});
  crosscheck::cli::tag_conll(std::string_view(reinterpret_cast<const char*>(data), size),
                             *extractor);
  return 0;
}
