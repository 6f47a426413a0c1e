#include "eval/benchmark_data.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string_view>

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

std::vector<std::string> jsonl_files(const std::string& path, std::string_view prefix) {
  std::vector<std::string> files;
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) return {path};
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && (name.ends_with(".jsonl") || name.ends_with(".jsonl.gz"))) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<BenchmarkCluster> load_clusters(const std::string& path, Problems& problems) {
  std::vector<BenchmarkCluster> clusters;
  std::vector<std::string> files = jsonl_files(path, "clusters");
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

std::vector<LabelledText> load_labelled_texts(const std::string& path, Problems& problems) {
  std::vector<LabelledText> texts;
  std::vector<std::string> files = jsonl_files(path, "");
  if (files.empty()) problems.push_back({path, "no *.jsonl[.gz] file in this folder"});
  auto string_field = [](const nlohmann::json& row, const char* key) {
    return row.contains(key) && row[key].is_string() ? row[key].get<std::string>() : "";
  };
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
      if (!row.is_object() || !row.contains("text") || !row["text"].is_string()) {
        problems.push_back({where, "not a JSON object with a \"text\" string"});
        continue;
      }
      LabelledText text{string_field(row, "id"), row["text"].get<std::string>(),
                        string_field(row, "label"), string_field(row, "generator")};
      if (text.id.empty()) text.id = where;
      if (text.generator.empty() && text.label == "human") text.generator = "human";
      texts.push_back(std::move(text));
    }
  }
  return texts;
}

}  // namespace crosscheck::eval
