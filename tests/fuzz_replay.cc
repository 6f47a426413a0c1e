// Runs a libFuzzer-style target without libFuzzer: every file given (or found in a folder given)
// is passed to LLVMFuzzerTestOneInput, followed by seeded random mutations of each, so the fuzz
// targets also run as ordinary tests under CTest (and under the sanitizers in CI).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::vector<std::string> read_inputs(int argc, char** argv) {
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    std::vector<std::filesystem::path> paths;
    if (std::filesystem::is_directory(argv[i], ec)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[i], ec)) {
        if (entry.is_regular_file()) paths.push_back(entry.path());
      }
    } else if (std::filesystem::exists(argv[i], ec)) {
      paths.emplace_back(argv[i]);
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      std::ifstream in(path, std::ios::binary);
      inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  return inputs;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs = read_inputs(argc, argv);
  inputs.emplace_back();  // the empty input
  std::mt19937 rng(20250417);
  size_t runs = 0;
  for (const std::string& input : inputs) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
    ++runs;
    for (int round = 0; round < 50; ++round) {
      std::string mutated = input;
      int edits = 1 + static_cast<int>(rng() % 8);
      for (int e = 0; e < edits; ++e) {
        uint32_t op = rng() % 4;
        size_t pos = mutated.empty() ? 0 : rng() % (mutated.size() + 1);
        if (op == 0 && !mutated.empty() && pos < mutated.size()) {
          mutated[pos] = static_cast<char>(rng());
        } else if (op == 1) {
          mutated.insert(pos, 1, static_cast<char>(rng()));
        } else if (op == 2 && pos < mutated.size()) {
          mutated.erase(pos, 1 + rng() % 16);
        } else if (!mutated.empty()) {
          mutated.resize(pos);  // truncation
        }
      }
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(mutated.data()), mutated.size());
      ++runs;
    }
  }
  std::printf("fuzz replay: %zu runs, no crash\n", runs);
  return 0;
}
