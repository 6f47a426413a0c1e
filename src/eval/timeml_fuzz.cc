// Fuzz target: the TimeML reader of `crosscheck timex --tml` and `crosscheck eval timex`.
#include <cstdint>
#include <string>
#include <string_view>

#include "eval/timeml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crosscheck::eval::TimemlDocument doc;
  std::string error;
  crosscheck::eval::read_timeml(std::string_view(reinterpret_cast<const char*>(data), size), doc,
                                error);
  return 0;
}
