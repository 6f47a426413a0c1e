#include "core/resources.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace crosscheck {

namespace {

namespace fs = std::filesystem;

bool is_dir(const std::string& path) {
  std::error_code ec;
  return !path.empty() && fs::is_directory(path, ec);
}

std::string first_dir(const std::vector<std::string>& candidates) {
  for (const auto& c : candidates) {
    if (is_dir(c)) return fs::weakly_canonical(c).string();
  }
  return {};
}

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// "" when `base` is empty, so an unset variable proposes no folder.
std::string under(const std::string& base, const char* child) {
  return base.empty() ? std::string() : (fs::path(base) / child).string();
}

// The source tree holding the executable: the executable's folder or one of its three parents
// that has a models/ folder (build/crosscheck, build/src/cli/crosscheck).
std::string source_tree_of(const std::string& exe_dir) {
  if (exe_dir.empty()) return {};
  fs::path dir = exe_dir;
  for (int level = 0; level < 4 && !dir.empty(); ++level) {
    if (is_dir((dir / "models").string()) && is_dir((dir / "src").string())) return dir.string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

}  // namespace

std::string executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return {};
  return exe.parent_path().string();
}

Resources find_resources() {
  Resources r;
  const std::string home = env("CROSSCHECK_HOME");
  const std::string exe_dir = executable_dir();
  const std::string installed = exe_dir.empty()
                                    ? std::string()
                                    : (fs::path(exe_dir) / ".." / "share" / "crosscheck").string();
  const std::string tree = source_tree_of(exe_dir);
  r.data_dir = first_dir({env("CROSSCHECK_DATA"), under(home, "data"), under(installed, "data"),
                          under(tree, "../shared/data"), "../shared/data"});
  r.models_dir = first_dir({env("CROSSCHECK_MODELS"), under(home, "models"),
                            under(installed, "models"), under(tree, "models"), "models"});
  r.iso_codes_dir = first_dir({"/usr/share/iso-codes/json"});
  return r;
}

}  // namespace crosscheck
