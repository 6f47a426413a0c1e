// Files of an annotated benchmark folder, shared by the TimeML and CAT evaluations.
#pragma once

#include <string>
#include <vector>

#include "core/problem.h"

namespace crosscheck::eval {

// Paths under `path` (searched recursively, in name order) whose names end in one of
// `extensions`, or `path` itself when it is a file. Unreadable folders go to `problems`.
std::vector<std::string> annotated_files(const std::string& path,
                                         const std::vector<std::string>& extensions,
                                         Problems& problems);

// Content of `path`; false with a problem added when it cannot be read.
bool read_file(const std::string& path, std::string& content, Problems& problems);

}  // namespace crosscheck::eval
