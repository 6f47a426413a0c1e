#include "eval/annotated_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace crosscheck::eval {

namespace fs = std::filesystem;

std::vector<std::string> annotated_files(const std::string& path,
                                         const std::vector<std::string>& extensions,
                                         Problems& problems) {
  std::vector<std::string> files;
  std::error_code error;
  if (fs::is_regular_file(path, error)) return {path};
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    std::string name = it->path().string();
    for (const std::string& extension : extensions) {
      if (name.ends_with(extension)) {
        files.push_back(name);
        break;
      }
    }
  }
  if (error) problems.push_back({path, "cannot list: " + error.message()});
  std::sort(files.begin(), files.end());
  return files;
}

bool read_file(const std::string& path, std::string& content, Problems& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back({path, "cannot read"});
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  content = buffer.str();
  return true;
}

}  // namespace crosscheck::eval
