// Fuzz target: the NewsReader CAT reader of `crosscheck eval values`.
#include <cstdint>
#include <string>
#include <string_view>

#include "eval/timeml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crosscheck::eval::CatDocument doc;
  std::string error;
  crosscheck::eval::read_cat(std::string_view(reinterpret_cast<const char*>(data), size), "VALUE",
                             doc, error);
  return 0;
}
