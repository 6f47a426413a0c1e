#include "core/resources.h"

#include <cstdlib>
#include <filesystem>

namespace crosscheck {

namespace {

bool is_dir(const std::string& path) {
  std::error_code ec;
  return !path.empty() && std::filesystem::is_directory(path, ec);
}

std::string first_dir(std::initializer_list<std::string> candidates) {
  for (const auto& c : candidates) {
    if (is_dir(c)) return std::filesystem::weakly_canonical(c).string();
  }
  return {};
}

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

Resources find_resources() {
  Resources r;
  const std::string source_dir = CROSSCHECK_SOURCE_DIR;
  r.data_dir = first_dir({env("CROSSCHECK_DATA"), source_dir + "/../shared/data", "../shared/data"});
  r.models_dir = first_dir({env("CROSSCHECK_MODELS"), source_dir + "/models", "models"});
  r.iso_codes_dir = first_dir({"/usr/share/iso-codes/json"});
  return r;
}

}  // namespace crosscheck
