// Fuzz target: the TimeML reader of `crosscheck timex --tml`.
#include <cstdint>
#include <string>
#include <string_view>

#include "cli/tagging.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text, dct, error;
  crosscheck::cli::read_timeml(std::string_view(reinterpret_cast<const char*>(data), size), text,
                               dct, error);
  return 0;
}
