// Where read-only resources live: the shared data folder (gazetteers, benchmarks) and models/.
#pragma once

#include <string>

namespace crosscheck {

struct Resources {
  // Folder laid out as ../shared/data (gazetteers/ etc.). Empty when none was found; stages
  // then fall back to what Debian packages provide (iso-codes) and their built-in lists.
  std::string data_dir;
  // The project's models/ folder.
  std::string models_dir;
  // Debian iso-codes JSON folder (/usr/share/iso-codes/json), empty when missing.
  std::string iso_codes_dir;
};

// Looks up resources: $CROSSCHECK_DATA, then the data folder beside the source tree the binary
// was built from, then ./../shared/data. $CROSSCHECK_MODELS likewise for models/.
Resources find_resources();

}  // namespace crosscheck
