// Where read-only resources live: the data folder (gazetteers, benchmarks) and models/.
#pragma once

#include <string>

namespace crosscheck {

struct Resources {
  // Folder laid out as ../shared/data (gazetteers/ etc.). Empty when none was found; stages
  // then fall back to what Debian packages provide (iso-codes) and their built-in lists.
  std::string data_dir;
  // The project's models/ folder. Empty when none was found; stages that need a model say so.
  std::string models_dir;
  // Debian iso-codes JSON folder (/usr/share/iso-codes/json), empty when missing.
  std::string iso_codes_dir;
};

// Looks up resources without any path compiled into the binary. models/, first found wins:
//   $CROSSCHECK_MODELS; $CROSSCHECK_HOME/models; PREFIX/share/crosscheck/models for a binary
//   installed as PREFIX/bin/crosscheck (`make install`); models/ in the folder of the
//   executable or one of its three parents (a build tree inside the source tree); ./models.
// The data folder likewise: $CROSSCHECK_DATA; $CROSSCHECK_HOME/data;
//   PREFIX/share/crosscheck/data; ../shared/data beside a source tree found as above;
//   ./../shared/data.
Resources find_resources();

// The folder of the running executable (from /proc/self/exe), empty when unknown.
std::string executable_dir();

}  // namespace crosscheck
