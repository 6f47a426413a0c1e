#include "eval/benchmark_data.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace crosscheck::eval {

bool read_lines(const std::string& path, std::vector<std::string>& lines, Problem& problem) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    problem = {path, "cannot open the file"};
    return false;
  }
  gzbuffer(file, 1 << 17);
  std::string pending;
  char buffer[1 << 16];
  while (true) {
    int read = gzread(file, buffer, sizeof(buffer));
    if (read < 0) {
      int code = 0;
      problem = {path, std::string("gzip data is corrupt: ") + gzerror(file, &code)};
      gzclose(file);
      return false;
    }
    if (read == 0) break;
    pending.append(buffer, static_cast<size_t>(read));
    size_t start = 0, newline;
    while ((newline = pending.find('\n', start)) != std::string::npos) {
      lines.emplace_back(pending, start, newline - start);
      start = newline + 1;
    }
    pending.erase(0, start);
  }
  if (!pending.empty()) lines.push_back(std::move(pending));
  gzclose(file);
  return true;
}

namespace {

std::vector<std::string> cluster_files(const std::string& path) {
  std::vector<std::string> files;
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) return {path};
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with("clusters") && (name.ends_with(".jsonl") || name.ends_with(".jsonl.gz"))) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<BenchmarkCluster> load_clusters(const std::string& path, Problems& problems) {
  std::vector<BenchmarkCluster> clusters;
  std::vector<std::string> files = cluster_files(path);
  if (files.empty()) problems.push_back({path, "no clusters*.jsonl[.gz] file in this folder"});
  for (const std::string& file : files) {
    std::vector<std::string> lines;
    Problem problem;
    if (!read_lines(file, lines, problem)) {
      problems.push_back(problem);
      continue;
    }
    for (size_t n = 0; n < lines.size(); ++n) {
      if (lines[n].find_first_not_of(" \t\r") == std::string::npos) continue;
      std::string where = file + ":" + std::to_string(n + 1);
      nlohmann::json row = nlohmann::json::parse(lines[n], nullptr, false);
      if (!row.is_object() || !row.contains("articles") || !row["articles"].is_array()) {
        problems.push_back({where, "not a JSON object with an \"articles\" list"});
        continue;
      }
      BenchmarkCluster cluster;
      cluster.id = row.value("cluster_id", where);
      for (const nlohmann::json& article : row["articles"]) {
        if (!article.is_object() || !article.contains("text") || !article["text"].is_string()) {
          problems.push_back({where, "article without a \"text\" string"});
          continue;
        }
        std::string id = article.contains("id") && article["id"].is_string()
                             ? article["id"].get<std::string>()
                             : cluster.id + "-a" + std::to_string(cluster.articles.size());
        cluster.articles.push_back({id, article["text"].get<std::string>()});
      }
      if (!cluster.articles.empty()) clusters.push_back(std::move(cluster));
    }
  }
  return clusters;
}

}  // namespace crosscheck::eval

namespace crosscheck::eval {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(
        line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  if (!fields.empty() && !fields.back().empty() && fields.back().back() == '\r')
    fields.back().pop_back();
  return fields;
}

}  // namespace

bool read_paraphrase_pairs(const std::string& path, std::vector<ParaphrasePair>& pairs,
                           Problems& problems) {
  std::vector<std::string> lines;
  Problem problem;
  if (!read_lines(path, lines, problem)) {
    problems.push_back(problem);
    return false;
  }
  for (size_t n = 1; n < lines.size(); ++n) {  // line 1 is the header
    if (lines[n].empty()) continue;
    std::vector<std::string> fields = split_tabs(lines[n]);
    if (fields.size() != 5 || (fields[0] != "0" && fields[0] != "1")) {
      problems.push_back({path + ":" + std::to_string(n + 1),
                          "not a pair line (Quality, #1 ID, #2 ID, #1 String, #2 String)"});
      continue;
    }
    pairs.push_back({fields[0] == "1", fields[1], fields[2], fields[3], fields[4]});
  }
  return true;
}

int paraphrase_fold(const ParaphrasePair& pair, int folds, uint64_t seed) {
  uint64_t hash = 14695981039346656037ull ^ seed;
  for (char c : pair.key()) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return static_cast<int>(hash % static_cast<uint64_t>(folds));
}

}  // namespace crosscheck::eval
