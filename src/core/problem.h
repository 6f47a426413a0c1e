// Errors on outside input are values: a Problem names the input and says why it was rejected.
#pragma once

#include <string>
#include <vector>

namespace crosscheck {

struct Problem {
  std::string input;   // path, "path:line", WARC record id, or "-" for stdin
  std::string reason;  // plain words: "not UTF-8 text and no charset could be detected"
};

using Problems = std::vector<Problem>;

// Exit codes of the command line (DESIGN.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitSomeRejected = 1,
  kExitUsage = 2,
  kExitFatal = 3,
};

}  // namespace crosscheck
